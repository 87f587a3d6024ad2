// A matching form of an article's text that ignores differences a reader would not notice: runs of
// whitespace (spaces, newlines, no-break and thin spaces) become one space, curly quotes and
// apostrophes become straight ones, the dash family becomes "-", "…" becomes "...", and invisible
// characters (soft hyphen, zero-width space/joiners, BOM) disappear. Each character of the
// normalized text remembers which character of the original it came from, so a match found in
// the normalized text maps back to a span of the original.

export interface NormalizedText {
  /** The normalized text. */
  text: string
  /**
   * `toOriginal[i]` is the index in the original text of normalized character `i`;
   * `toOriginal[text.length]` is the original length.
   */
  toOriginal: Int32Array
}

const WHITESPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/
const REPLACEMENTS: Record<string, string> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201a': "'", // ‚
  '\u201b': "'", // ‛
  '\u2032': "'", // ′
  '\u00b4': "'", // ´
  '`': "'",
  '\u201c': '"', // “
  '\u201d': '"', // ”
  '\u201e': '"', // „
  '\u201f': '"', // ‟
  '\u2033': '"', // ″
  '\u00ab': '"', // «
  '\u00bb': '"', // »
  '\u2010': '-', // ‐
  '\u2011': '-', // ‑
  '\u2012': '-', // ‒
  '\u2013': '-', // –
  '\u2014': '-', // —
  '\u2015': '-', // ―
  '\u2212': '-', // −
  '\u2026': '...', // …
}

export function normalizeText(original: string): NormalizedText {
  let text = ''
  const map: number[] = []
  let inSpace = false
  for (let i = 0; i < original.length; i++) {
    const ch = original[i] as string
    if (WHITESPACE.test(ch)) {
      if (!inSpace) {
        text += ' '
        map.push(i)
        inSpace = true
      }
      continue
    }
    if (INVISIBLE.test(ch)) continue
    inSpace = false
    const out = REPLACEMENTS[ch] ?? ch
    text += out
    for (let k = 0; k < out.length; k++) map.push(i)
  }
  map.push(original.length)
  return { text, toOriginal: Int32Array.from(map) }
}

/** The span of the original text that normalized span [start, end) came from. */
export function spanToOriginal(
  norm: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const from = norm.toOriginal[start] as number
  const to = end > start ? (norm.toOriginal[end - 1] as number) + 1 : from
  return { start: from, end: to }
}

/** The index in the normalized text of the first character at or after original index `at`. */
export function indexFromOriginal(norm: NormalizedText, at: number): number {
  const map = norm.toOriginal
  let lo = 0
  let hi = norm.text.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((map[mid] as number) < at) lo = mid + 1
    else hi = mid
  }
  return lo
}
