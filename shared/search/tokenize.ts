// Words of a text as search terms: runs of letters and digits, lower-cased, accents folded
// ("Café" → "cafe"), with where each one starts and ends in the original text (for marking hits
// in snippets). Pure and shared, so a query is cut into words exactly as the indexed text was.
// Deliberately no stemming and no stop words: "the" is found (it ranks low by itself) and a
// prefix match on the word being typed covers most plural/suffix variants.

/** Longer runs (hashes, base64) are cut: nobody types them, and they bloat the dictionary. */
export const MAX_TERM_LENGTH = 40

const MARKS = /\p{M}/gu
const PLAIN = /^[a-z0-9]*$/
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
const WORD_START = /[\p{L}\p{N}]/u

/** One word as a term: lower case, accents removed, capped. */
export function normalizeTerm(word: string): string {
  let term = word.toLowerCase()
  if (!PLAIN.test(term)) term = term.normalize('NFKD').replace(MARKS, '').toLowerCase()
  return term.length > MAX_TERM_LENGTH ? term.slice(0, MAX_TERM_LENGTH) : term
}

export interface Token {
  term: string
  start: number
  end: number
}

// A scanner instead of one /[\p{L}\p{N}]+/gu regex: ASCII (nearly all text) is classified by
// char code, and only other characters ask the Unicode regex — several times faster on 4 KB.
function isWordChar(text: string, i: number, first: boolean): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
  // Surrogate pairs (letters beyond the BMP) are tested as one character.
  const char = c >= 0xd800 && c <= 0xdbff ? text.slice(i, i + 2) : text[i]!
  return (first ? WORD_START : WORD_CHAR).test(char)
}

function scan(text: string, emit: (term: string, start: number, end: number) => void): void {
  const n = text.length
  let i = 0
  while (i < n) {
    if (!isWordChar(text, i, true)) {
      i++
      continue
    }
    const start = i
    let plain = true
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c < 128) {
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) i++
        else if (c >= 65 && c <= 90) {
          plain = false
          i++
        } else break
      } else if (isWordChar(text, i, false)) {
        plain = false
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1
      } else break
    }
    const word = text.slice(start, i)
    const term = plain
      ? word.length > MAX_TERM_LENGTH
        ? word.slice(0, MAX_TERM_LENGTH)
        : word
      : normalizeTerm(word)
    if (term) emit(term, start, i)
  }
}

/** Every word of `text` with its [start, end) in the text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  scan(text, (term, start, end) => tokens.push({ term, start, end }))
  return tokens
}

/** The terms of `text` in order, without offsets (the indexer's fast path). */
export function terms(text: string): string[] {
  const out: string[] = []
  scan(text, (term) => out.push(term))
  return out
}
