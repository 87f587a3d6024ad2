// Plain text from (untrusted) HTML without building a DOM: a streaming htmlparser2 pass that keeps
// text, turns block boundaries into line breaks and skips script/style. Fast enough to run on
// every item at sync time (snippets, later the search index); the output is text, never markup.
import { Parser } from 'htmlparser2'

const BLOCK = new Set([
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
  'figure',
  'figcaption',
  'section',
  'article',
  'header',
  'footer',
  'hr',
])
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math'])

export function htmlToText(html: string, maxChars = Infinity): string {
  let out = ''
  let skipping = 0
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIP.has(name)) skipping++
        else if (BLOCK.has(name)) out += '\n'
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1)
        else if (BLOCK.has(name)) out += '\n'
      },
      ontext(text) {
        if (!skipping && out.length < maxChars) out += text
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return out
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim()
}

/** One line of text, collapsed, cut at a word boundary near `max` characters. */
export function snippetOf(html: string, max = 240): string {
  const text = htmlToText(html, max * 4).replace(/\s+/g, ' ')
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`
}
