// Plain text from untrusted HTML without building a DOM, for snippets, titles and summaries:
// one linear pass with indexOf (a /<[^>]*>/ regex is quadratic on '<' without '>'), tags dropped
// (script and style with their content), entities decoded, whitespace collapsed. The output is
// text, never markup; it is shown as text. Also the small escaping helpers the parsers share.
import { decodeHTML } from 'entities'

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** Plain text as HTML: escaped, blank lines as paragraph breaks, single newlines as <br>. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
  return paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n')
}

// Control characters XML and HTML text should not carry (tab, LF and CR are kept).
// eslint-disable-next-line no-control-regex -- matching control characters on purpose
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g

export function collapseWhitespace(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim()
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'hr',
  'figure',
  'figcaption',
  'section',
  'article',
])

/**
 * Plain text from an HTML fragment: tags dropped (script and style with their content), entities
 * decoded, whitespace collapsed. A '<' that does not start a tag stays text ("1 < 2"). One pass
 * with indexOf, so linear even for '<' without '>' (where a /<[^>]*>/ regex is quadratic).
 * With `maxChars`, stops once that much raw text is collected (the result is then a prefix).
 */
export function htmlToPlainText(html: string, maxChars = Infinity): string {
  if (!html.includes('<')) {
    return collapseWhitespace(decodeHTML(maxChars < html.length ? html.slice(0, maxChars) : html))
  }
  const parts: string[] = []
  let collected = 0
  let i = 0
  let noMoreGt = false
  while (i < html.length && collected < maxChars) {
    const lt = html.indexOf('<', i)
    if (lt === -1 || noMoreGt) {
      parts.push(html.slice(i, Math.min(html.length, i + maxChars - collected)))
      break
    }
    parts.push(html.slice(i, lt))
    collected += lt - i
    const next = html[lt + 1] ?? ''
    if (!/[A-Za-z/!?]/.test(next)) {
      parts.push('<')
      collected++
      i = lt + 1
      continue
    }
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      i = end === -1 ? html.length : end + 3
      continue
    }
    const gt = html.indexOf('>', lt + 1)
    if (gt === -1) {
      noMoreGt = true
      parts.push('<')
      i = lt + 1
      continue
    }
    const name = /^<\/?([A-Za-z][A-Za-z0-9:-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 40)))
    const tag = name?.[1]?.toLowerCase() ?? ''
    i = gt + 1
    if ((tag === 'script' || tag === 'style') && next !== '/') {
      const close = new RegExp(`</${tag}\\s*>`, 'gi')
      close.lastIndex = i
      const end = close.exec(html)
      i = end ? end.index + end[0].length : html.length
      continue
    }
    if (BLOCK_TAGS.has(tag)) parts.push(' ')
  }
  return collapseWhitespace(decodeHTML(parts.join('')))
}

/** One line of text, cut at a word boundary near `max` characters (for item lists). */
export function snippetOf(html: string, max = 240): string {
  // Only the start of a body can reach the snippet: do not scan the rest.
  const text = htmlToPlainText(html, max * 2)
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`
}
