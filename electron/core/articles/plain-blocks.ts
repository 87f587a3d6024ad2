// The blocks of an article body (articleBlocks) without sanitizing it first, when sanitizing
// provably cannot change them — a fast path for exports, which need the blocks of hundreds of
// bodies (for their citations) and would otherwise spend ~5 ms a body in jsdom.
//
// sanitizeHtml parses the body with parse5 (jsdom), lets DOMPurify drop what is not allowed and
// serializes the rest; articleBlocks then reads that with htmlparser2. For a body made only of
// elements DOMPurify keeps, nested so that parse5 builds exactly the tree the tags spell (every
// element closed in order, nothing the HTML parser restructures: no <p> implicitly closed, no
// list item outside its list, no link in a link, no heading in a heading), with only character
// references both sides decode alike, the sanitized HTML has the same elements and the same text
// — only attributes change — so its blocks are the body's. Anything else returns null: the caller
// sanitizes as always. Empty <script> and <iframe> elements (embeds) are accepted: sanitizing
// removes them, and having no text they add none.
import { decodeHTML } from 'entities'
import { articleBlocks } from './article-blocks'

/** Elements DOMPurify keeps and parse5 inserts as written (within the nesting rules below). */
const KEPT = new Set([
  ...['a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br'],
  ...['cite', 'code', 'data', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption'],
  ...['figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img'],
  ...['ins', 'kbd', 'li', 'main', 'mark', 'nav', 'ol', 'p', 'picture', 'pre', 'q', 's'],
  ...['samp', 'section', 'small', 'source', 'span', 'strong', 'sub', 'sup', 'time', 'u'],
  ...['ul', 'var', 'wbr'],
])
/** Removed by the sanitizer with their content: accepted only with none. */
const EMPTY_ONLY = new Set(['script', 'iframe'])
const VOID = new Set(['br', 'hr', 'img', 'source', 'wbr'])
/** Start tags before which the HTML parser closes an open <p> (in button scope). */
const CLOSES_P = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption'],
  ...['figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main'],
  ...['nav', 'ol', 'p', 'pre', 'section', 'ul'],
])
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
/** Items the parser would move or close unless they sit right inside their list. */
const PARENTS: Record<string, readonly string[]> = { li: ['ul', 'ol'], dd: ['dl'], dt: ['dl'] }

const START_TAG =
  /<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y
const END_TAG = /<\/([a-zA-Z][a-zA-Z0-9]*)\s*>/y
const REFERENCE = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{0,31}));/y
/** Control characters (but tab, line feed, form feed, carriage return), unpaired surrogates. */
const ODD_CHARACTERS =
  /[^\P{Cc}\t\n\f\r]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u

/**
 * A character reference both parsers decode to the same text: a known name or a plain code
 * point, not decoding to white space other than a no-break space (articleBlocks collapses white
 * space before decoding, the sanitized HTML after).
 */
function safeReference(match: RegExpExecArray): boolean {
  const [whole, decimal, hex, name] = match
  let text: string
  if (name !== undefined) {
    text = decodeHTML(whole)
    if (text === whole) return false
  } else {
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16)
    if (code < 0x21 || (code >= 0x7f && code <= 0x9f) || code > 0x10ffff) return false
    if ((code >= 0xd800 && code <= 0xdfff) || (code & 0xfffe) === 0xfffe) return false
    if (code >= 0xfdd0 && code <= 0xfdef) return false
    text = String.fromCodePoint(code)
  }
  return !/[^\S\u00a0]/.test(text)
}

function plainText(html: string, from: number, to: number): boolean {
  for (let at = html.indexOf('&', from); at !== -1 && at < to; at = html.indexOf('&', at + 1)) {
    const next = html.charAt(at + 1)
    if (!/[a-zA-Z0-9#]/.test(next)) continue // a bare ampersand: text on both sides
    REFERENCE.lastIndex = at
    const match = REFERENCE.exec(html)
    if (!match || match.index + match[0].length > to || !safeReference(match)) return false
  }
  return true
}

/** Whether sanitizing `html` would leave its blocks as they are (see above). */
export function isPlainBody(html: string): boolean {
  if (ODD_CHARACTERS.test(html)) return false
  const open: string[] = []
  let at = 0
  while (at < html.length) {
    const lt = html.indexOf('<', at)
    const textEnd = lt === -1 ? html.length : lt
    if (!plainText(html, at, textEnd)) return false
    if (lt === -1) break
    END_TAG.lastIndex = lt
    const end = END_TAG.exec(html)
    if (end) {
      if (open.pop() !== end[1]!.toLowerCase()) return false
      at = END_TAG.lastIndex
      continue
    }
    START_TAG.lastIndex = lt
    const start = START_TAG.exec(html)
    if (!start) return false // a comment, a doctype, a stray "<": the parser decides
    at = START_TAG.lastIndex
    const name = start[1]!.toLowerCase()
    const selfClosing = start[3] === '/'
    if (EMPTY_ONLY.has(name)) {
      END_TAG.lastIndex = at
      const close = END_TAG.exec(html)
      if (selfClosing || !close || close[1]!.toLowerCase() !== name) return false
      at = END_TAG.lastIndex
      continue
    }
    if (!KEPT.has(name)) return false
    if (CLOSES_P.has(name) && open.includes('p')) return false
    if (HEADINGS.has(name) && open.some((tag) => HEADINGS.has(tag))) return false
    if (name === 'a' && open.includes('a')) return false
    const parents = PARENTS[name]
    if (parents && !parents.includes(open[open.length - 1] ?? '')) return false
    if (VOID.has(name)) continue
    if (selfClosing) return false // <div/> stays open in HTML: left to the parser
    open.push(name)
  }
  return open.length === 0
}

/** articleBlocks(sanitizeHtml(html).html) when that is provably articleBlocks(html), else null. */
export function plainBodyBlocks(html: string): string[] | null {
  return isPlainBody(html) ? articleBlocks(html) : null
}
