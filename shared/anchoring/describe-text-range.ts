// Turns a [start, end) range over an article's text into W3C selectors: a position and a quote
// with context. The context lets a later version of the text re-find the quote (anchor-target).
import type { AnnotationTarget } from '../domain'

/** Characters of context kept on each side, as in Hypothesis' TextQuoteAnchor. */
export const QUOTE_CONTEXT_CHARS = 32

export function describeTextRange(text: string, start: number, end: number): AnnotationTarget {
  if (!(start >= 0 && end > start && end <= text.length)) {
    throw new RangeError(`Bad text range ${start}..${end} for a text of ${text.length} chars`)
  }
  return {
    position: { type: 'TextPositionSelector', start, end },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT_CHARS),
    },
  }
}
