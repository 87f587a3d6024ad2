// Wraps the text of anchored highlights in <mark> elements. Only text nodes are split and
// wrapped, so root.textContent — and with it every offset — stays exactly the same.
// Colours and styles are class names (the CSP forbids inline styles set from data).
import { textNodesWithOffsets } from './selection-offsets'

export interface PaintSpan {
  /** The annotation's id, or `found-<n>` for the quote finder's suggestion n. */
  id: string
  kind: string
  start: number
  end: number
  /** More class names (a colour, the found-quote style). */
  classes?: string[]
}

export const FOUND_PREFIX = 'found-'

export function paintHighlights(root: HTMLElement, spans: PaintSpan[]): void {
  // Paint from the last span backwards so earlier offsets stay valid as nodes are split.
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    const found = span.id.startsWith(FOUND_PREFIX)
    for (const { node, start } of textNodesWithOffsets(root)) {
      const nodeEnd = start + node.data.length
      if (nodeEnd <= span.start || start >= span.end) continue
      if (!node.data.trim() && node.parentElement?.closest('table, ul, ol')) continue
      let target = node
      const from = Math.max(0, span.start - start)
      const to = Math.min(node.data.length, span.end - start)
      if (to < target.data.length) target.splitText(to)
      if (from > 0) target = target.splitText(from)
      const mark = document.createElement('mark')
      mark.className = [found ? 'found-quote' : `highlight highlight-${span.kind}`]
        .concat(span.classes ?? [])
        .join(' ')
      if (found) mark.dataset.foundQuote = span.id.slice(FOUND_PREFIX.length)
      else mark.dataset.annotationId = span.id
      target.replaceWith(mark)
      mark.append(target)
    }
  }
}
