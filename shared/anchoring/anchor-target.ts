// Finds where a stored annotation target lies in the current text. Tries the stored position
// first (accepted only when the text there is still the exact quote), then every exact
// occurrence, preferring the one whose prefix/suffix match best and that is nearest the old spot.
// Returns null when the quote is gone: the caller lists it as an orphan, never drops it.
// Fuzzy matching for edited quotes is a later step (see the annotations issue).
import type { AnnotationTarget } from '../domain'

export interface TextSpan {
  start: number
  end: number
}

export function anchorTarget(text: string, target: AnnotationTarget): TextSpan | null {
  const { exact, prefix, suffix } = target.quote
  const { start } = target.position
  if (text.slice(start, start + exact.length) === exact) {
    return { start, end: start + exact.length }
  }
  let best: { span: TextSpan; score: number } | null = null
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score =
      commonSuffixLength(text.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonPrefixLength(text.slice(at + exact.length, at + exact.length + suffix.length), suffix) -
      Math.abs(at - start) / Math.max(1, text.length)
    if (!best || score > best.score) best = { span: { start: at, end: at + exact.length }, score }
  }
  return best?.span ?? null
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
