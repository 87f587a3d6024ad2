// The article body: sanitized HTML rendered imperatively (so highlights can wrap its text) with
// each annotation anchored and painted. Reports the user's text selection as offsets, and the
// annotations that could not be anchored (orphans) so they can be listed, never lost.
import { useEffect, useLayoutEffect, useRef } from 'react'
import { anchorTarget } from '../../../shared/anchoring/anchor-target'
import { describeTextRange } from '../../../shared/anchoring/describe-text-range'
import type { Annotation, AnnotationTarget } from '../../../shared/domain'
import { FOUND_PREFIX, paintHighlights, type PaintSpan } from '../highlight/paint-highlights'
import type { FoundQuote } from '../state/annotation-store'
import { reader } from '../api/reader'
import { markCleanedBlocks } from '../highlight/clean-view'
import { purifyArticleHtml } from '../highlight/purify-article'
import { rangeToOffsets } from '../highlight/selection-offsets'

/** A selection in the article, already described as annotation selectors. */
export interface TextSelection {
  text: string
  target: AnnotationTarget
}

interface Props {
  html: string
  title: string
  feedAuthor: string | null
  /** Hide relay boilerplate (the text stays in the DOM, so highlights keep their offsets). */
  cleaned: boolean
  onCleaned: (hiddenBlocks: number) => void
  annotations: Annotation[]
  onSelect: (selection: TextSelection | null) => void
  onOrphans: (orphans: Annotation[]) => void
  /** The quote finder's suggestions to paint (dashed), or none. */
  quotes?: FoundQuote[]
  /** Where each suggestion anchored in this text (null: not found), with the text itself. */
  onQuotesAnchored?: (spans: ({ start: number; end: number } | null)[], text: string) => void
}

/** Below this the quote finder is unsure: the suggestion is marked as such. */
export const LOW_CONFIDENCE = 0.6

export function ArticleContent({
  html,
  title,
  feedAuthor,
  cleaned,
  onCleaned,
  annotations,
  onSelect,
  onOrphans,
  quotes,
  onQuotesAnchored,
}: Props) {
  const ref = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const root = ref.current
    if (!root) return
    root.innerHTML = purifyArticleHtml(html)
    // Images come from the app's offline cache, never straight from the feed's hosts.
    for (const image of root.querySelectorAll('img')) {
      const src = image.getAttribute('src') ?? ''
      if (/^https?:/i.test(src)) image.setAttribute('src', reader.mediaUrl(src))
    }
    onCleaned(markCleanedBlocks(root, title, feedAuthor))
    const text = root.textContent ?? ''
    const spans: PaintSpan[] = []
    const orphans: Annotation[] = []
    for (const annotation of annotations) {
      const span = anchorTarget(text, annotation.target)
      if (span)
        spans.push({
          id: annotation.id,
          kind: annotation.kind,
          ...span,
          classes: [`color-${annotation.color}`],
        })
      else orphans.push(annotation)
    }
    const quoteSpans = (quotes ?? []).map((quote) => anchorTarget(text, quote.target))
    quoteSpans.forEach((span, index) => {
      if (!span) return
      const low = quotes![index]!.confidence < LOW_CONFIDENCE
      spans.push({
        id: `${FOUND_PREFIX}${index}`,
        kind: 'quote',
        start: span.start,
        end: span.end,
        classes: low ? ['low-confidence'] : [],
      })
    })
    paintHighlights(root, spans)
    onOrphans(orphans)
    onQuotesAnchored?.(
      quoteSpans.map((span) => (span ? { start: span.start, end: span.end } : null)),
      text,
    )
  }, [html, title, feedAuthor, annotations, onOrphans, onCleaned, quotes, onQuotesAnchored])

  useEffect(() => {
    const root = ref.current
    if (!root) return
    const report = (): void => {
      const selection = window.getSelection()
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return
      const range = selection.getRangeAt(0)
      const offsets = rangeToOffsets(root, range)
      if (!offsets) return
      const fullText = root.textContent ?? ''
      const text = fullText.slice(offsets.start, offsets.end)
      onSelect(
        text.trim()
          ? { text, target: describeTextRange(fullText, offsets.start, offsets.end) }
          : null,
      )
    }
    root.addEventListener('mouseup', report)
    root.addEventListener('keyup', report)
    return () => {
      root.removeEventListener('mouseup', report)
      root.removeEventListener('keyup', report)
    }
  }, [onSelect])

  return (
    <div
      ref={ref}
      className={`article-content${cleaned ? ' cleaned' : ''}`}
      data-testid="article-content"
    />
  )
}
