// Finds where a stored annotation target lies in the current text. Every exact occurrence of the
// quote is a candidate, scored by how much of the stored prefix and suffix surround it; the
// stored position wins ties (and is taken at once when its context is intact). This way a
// highlight does not jump to another copy of the same words that an edit moved onto its old
// offset. Returns null when the quote is gone: the caller lists it as an orphan, never drops it.
// Fuzzy matching for edited quotes is a later step (see the annotations issue).
import type { AnnotationTarget } from '../domain'

export interface TextSpan {
  start: number
  end: number
}

export function anchorTarget(text: string, target: AnnotationTarget): TextSpan | null {
  const { exact, prefix, suffix } = target.quote
  const { start } = target.position
  const contextScore = (at: number): number =>
    commonSuffixLength(text.slice(Math.max(0, at - prefix.length), at), prefix) +
    commonPrefixLength(text.slice(at + exact.length, at + exact.length + suffix.length), suffix)
  const fullContext = prefix.length + suffix.length

  if (text.startsWith(exact, start) && contextScore(start) === fullContext) {
    return { start, end: start + exact.length }
  }
  let best: { at: number; score: number; distance: number } | null = null
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score = contextScore(at)
    const distance = Math.abs(at - start)
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { at, score, distance }
    }
  }
  return best ? { start: best.at, end: best.at + exact.length } : null
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}

function commonSuffixLength(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++
  return i
}
