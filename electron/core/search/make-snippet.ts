// A hit's snippet: the ≤ ~200-character window of a field's text with the most distinct query
// words, cut at word boundaries, '…' where it was cut, and the [start, end) of every matched word
// in the returned text. Pure string work over plain text (tokenize gives offsets in the original).
// ASCII text (nearly all) takes a fast path that looks for the query words with indexOf instead
// of cutting the whole text into words; other text is tokenized, folding accents.
import { MAX_TERM_LENGTH, tokenize, type Token } from '../../../shared/search/tokenize'

export const SNIPPET_CHARS = 200

export interface SnippetText {
  text: string
  marks: [number, number][]
}

/** Which words count as hits: exact terms, or any word starting with the prefix. */
export interface HitWords {
  terms: ReadonlySet<string>
  prefix: string | null
}

function isHit(token: Token, words: HitWords): boolean {
  return (
    words.terms.has(token.term) || (words.prefix !== null && token.term.startsWith(words.prefix))
  )
}

// eslint-disable-next-line no-control-regex -- every ASCII character, control ones included
const ASCII = /^[\x00-\x7f]*$/

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
}

/** The query words in ASCII `text`, in order: what tokenize + isHit would find, but cheaper. */
export function asciiHits(text: string, words: HitWords): Token[] {
  const lower = text.toLowerCase()
  const n = text.length
  const hits: Token[] = []
  const wordEnd = (from: number): number => {
    let i = from
    while (i < n && isAsciiWordChar(lower.charCodeAt(i))) i++
    return i
  }
  const find = (needle: string, whole: boolean): void => {
    if (!needle) return
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      if (at > 0 && isAsciiWordChar(lower.charCodeAt(at - 1))) continue
      const end = wordEnd(at + needle.length)
      // A whole word, or a word cut to MAX_TERM_LENGTH (how long words are indexed).
      if (whole && end !== at + needle.length && needle.length < MAX_TERM_LENGTH) continue
      const term = whole ? needle : lower.slice(at, Math.min(end, at + MAX_TERM_LENGTH))
      hits.push({ term, start: at, end })
    }
  }
  for (const term of words.terms) find(term, true)
  if (words.prefix !== null) find(words.prefix, false)
  hits.sort((a, b) => a.start - b.start)
  // A word that is a term and starts with the prefix is one hit.
  return hits.filter((hit, i) => i === 0 || hits[i - 1]!.start !== hit.start)
}

/** The best window of `text`, or null when no query word is in it. */
export function makeSnippet(
  text: string,
  words: HitWords,
  max = SNIPPET_CHARS,
): SnippetText | null {
  const hits = ASCII.test(text)
    ? asciiHits(text, words)
    : tokenize(text).filter((token) => isHit(token, words))
  if (hits.length === 0) return null
  // Each distinct hit word as a bit (the few query words; words past 31 share the last bit).
  const bits = new Map<string, number>()
  const bitOf = hits.map((hit) => {
    let bit = bits.get(hit.term)
    if (bit === undefined) bits.set(hit.term, (bit = 2 ** Math.min(bits.size, 31)))
    return bit
  })
  // Slide over the hits: the window starting at hit i reaches every hit that ends within `max`.
  let best = 0
  let bestScore = -1
  for (let i = 0, j = 0; i < hits.length; i++) {
    if (j < i) j = i
    while (j + 1 < hits.length && hits[j + 1]!.end - hits[i]!.start <= max) j++
    let mask = 0
    for (let k = i; k <= j; k++) mask |= bitOf[k]!
    let distinct = 0
    for (let m = mask >>> 0; m; m = Math.floor(m / 2)) distinct += m & 1
    const score = distinct * 100 + (j - i)
    if (score > bestScore) {
      bestScore = score
      best = i
    }
  }
  const first = hits[best]!
  let start = text.length <= max ? 0 : Math.max(0, first.start - Math.floor(max / 5))
  let end = Math.min(text.length, start + max)
  if (end === text.length) start = Math.max(0, end - max)
  // Whole words only: move the cut points to the nearest space inside the window.
  if (start > 0) {
    const space = text.indexOf(' ', start)
    if (space !== -1 && space < first.start) start = space + 1
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > start && space >= first.end) end = space
  }
  const lead = start > 0 ? '…' : ''
  const tail = end < text.length ? '…' : ''
  const marks: [number, number][] = hits
    .filter((h) => h.start >= start && h.end <= end)
    .map((h) => [h.start - start + lead.length, h.end - start + lead.length])
  return { text: `${lead}${text.slice(start, end)}${tail}`, marks }
}
