// Words of a text as search terms: runs of letters and digits, lower-cased, accents folded
// ("Café" → "cafe"), with where each one starts and ends in the original text (for marking hits
// in snippets). Pure and shared, so a query is cut into words exactly as the indexed text was.
// Deliberately no stemming and no stop words: "the" is found (it ranks low by itself) and a
// prefix match on the word being typed covers most plural/suffix variants.

/** Longer runs (hashes, base64) are cut: nobody types them, and they bloat the dictionary. */
export const MAX_TERM_LENGTH = 40

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu
const MARKS = /\p{M}/gu
const PLAIN = /^[a-z0-9]*$/

/** One word as a term: lower case, accents removed, capped. */
export function normalizeTerm(word: string): string {
  let term = word.toLowerCase()
  if (!PLAIN.test(term)) term = term.normalize('NFKD').replace(MARKS, '')
  return term.length > MAX_TERM_LENGTH ? term.slice(0, MAX_TERM_LENGTH) : term
}

export interface Token {
  term: string
  start: number
  end: number
}

/** Every word of `text` with its [start, end) in the text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) {
    const term = normalizeTerm(match[0])
    if (term) tokens.push({ term, start: match.index, end: match.index + match[0].length })
  }
  return tokens
}

/** The terms of `text` in order, without offsets (the indexer's fast path). */
export function terms(text: string): string[] {
  const out: string[] = []
  for (const match of text.matchAll(WORD)) {
    const term = normalizeTerm(match[0])
    if (term) out.push(term)
  }
  return out
}
