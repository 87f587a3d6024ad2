// A hit's snippet: the ≤ ~200-character window of a field's text with the most distinct query
// words, cut at word boundaries, '…' where it was cut, and the [start, end) of every matched word
// in the returned text. Pure string work over plain text (tokenize gives offsets in the original).
import { tokenize, type Token } from '../../../shared/search/tokenize'

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

/** The best window of `text`, or null when no query word is in it. */
export function makeSnippet(
  text: string,
  words: HitWords,
  max = SNIPPET_CHARS,
): SnippetText | null {
  const tokens = tokenize(text)
  const hits = tokens.filter((token) => isHit(token, words))
  if (hits.length === 0) return null
  // Slide over the hits: the window starting at hit i reaches every hit that ends within `max`.
  let best = 0
  let bestScore = -1
  for (let i = 0, j = 0; i < hits.length; i++) {
    if (j < i) j = i
    while (j + 1 < hits.length && hits[j + 1]!.end - hits[i]!.start <= max) j++
    const distinct = new Set(hits.slice(i, j + 1).map((h) => h.term)).size
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
