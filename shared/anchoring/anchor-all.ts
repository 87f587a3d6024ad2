// Anchors every highlight of an article at once: those found get a span in the current text,
// the rest are orphans - returned whole (their stored quote is the text to show in the orphans
// list), never dropped. The text is normalized once for all of them.
import type { AnnotationTarget } from '../domain'
import { anchorPrepared, prepareText, type AnchoredSpan } from './anchor-target'

export interface AnchorAllResult<A> {
  /** In the order given. */
  anchored: { annotation: A; span: AnchoredSpan }[]
  /** Not found in this text, in the order given; unchanged, so `target.quote.exact` is their text. */
  orphans: A[]
}

export function anchorAll<A extends { target: AnnotationTarget }>(
  text: string,
  annotations: readonly A[],
): AnchorAllResult<A> {
  const prepared = prepareText(text)
  const result: AnchorAllResult<A> = { anchored: [], orphans: [] }
  for (const annotation of annotations) {
    const span = anchorPrepared(prepared, annotation.target)
    if (span) result.anchored.push({ annotation, span })
    else result.orphans.push(annotation)
  }
  return result
}
