// Judges re-anchoring results against the tracked truth of generated cases and tallies them.
import type { TextSpan } from '../anchor-target'
import { normalizeText, spanToOriginal } from '../normalize-text'
import { CATEGORIES, type AnchoringCase, type Category } from './generate-cases'

/**
 * right: the true place (exactly, when the quote's text is unchanged; covering at least 80% of
 * the union with the true span, when the quote itself was edited), or null for a deleted quote.
 * off: overlaps the true place but with imprecise ends.
 * copy: elsewhere, on a verbatim copy of the quote inside a verbatim copy of the paragraph it was
 * highlighted in (the headline repeated at the top of a story): no selector can tell such twins
 * apart, so this is counted apart, neither right nor wrong.
 * wrong: anywhere else (including another copy of the words in a different paragraph), or
 * anchored although the quote was deleted.
 * orphan: null although the quote is still there.
 */
export type Outcome = 'right' | 'off' | 'copy' | 'wrong' | 'orphan'

export function judge(c: AnchoringCase, span: TextSpan | null): Outcome {
  const truth = c.expected
  const quote = c.original.slice(c.start, c.end)
  const quoteUnchanged = truth !== null && c.updated.slice(truth.start, truth.end) === quote
  const twin =
    span !== null &&
    collapse(c.updated.slice(span.start, span.end)) === collapse(quote) &&
    insideCopyOfParagraph(c, span)
  if (!truth) return span ? (twin ? 'copy' : 'wrong') : 'right'
  if (!span) return 'orphan'
  if (span.start === truth.start && span.end === truth.end) return 'right'
  const overlap = Math.min(span.end, truth.end) - Math.max(span.start, truth.start)
  if (overlap <= 0) return twin ? 'copy' : 'wrong'
  const union = Math.max(span.end, truth.end) - Math.min(span.start, truth.start)
  return !quoteUnchanged && overlap / union >= 0.8 ? 'right' : 'off'
}

/** Whether `span` of the updated text lies inside a copy (whitespace aside) of the paragraph
 * the quote was highlighted in. */
function insideCopyOfParagraph(c: AnchoringCase, span: TextSpan): boolean {
  const from = c.original.lastIndexOf('\n', c.start - 1) + 1
  const next = c.original.indexOf('\n', c.end)
  const paragraph = collapse(c.original.slice(from, next === -1 ? c.original.length : next))
  const norm = normalizeText(c.updated)
  for (
    let at = norm.text.indexOf(paragraph);
    at !== -1;
    at = norm.text.indexOf(paragraph, at + 1)
  ) {
    const copy = spanToOriginal(norm, at, at + paragraph.length)
    if (copy.start <= span.start && span.end <= copy.end) return true
  }
  return false
}

function collapse(text: string): string {
  return normalizeText(text).text.trim()
}

export type Tally = Record<Outcome, number> & { cases: number }

export function tally(
  cases: readonly AnchoringCase[],
  outcomes: readonly Outcome[],
): Map<Category | 'all', Tally> {
  const table = new Map<Category | 'all', Tally>()
  const empty = (): Tally => ({ cases: 0, right: 0, off: 0, copy: 0, wrong: 0, orphan: 0 })
  for (const category of CATEGORIES) table.set(category, empty())
  table.set('all', empty())
  cases.forEach((c, i) => {
    const outcome = outcomes[i] as Outcome
    for (const row of [table.get(c.category), table.get('all')] as Tally[]) {
      row.cases++
      row[outcome]++
    }
  })
  return table
}

export function formatTally(table: Map<Category | 'all', Tally>): string {
  const lines = ['category           cases  right   off  copy  wrong  orphan   right%']
  for (const [name, t] of table) {
    if (!t.cases) continue
    const pct = ((100 * t.right) / t.cases).toFixed(1)
    lines.push(
      `${name.padEnd(18)} ${String(t.cases).padStart(5)}  ${String(t.right).padStart(5)}` +
        `  ${String(t.off).padStart(4)}  ${String(t.copy).padStart(4)}  ${String(t.wrong).padStart(5)}` +
        `  ${String(t.orphan).padStart(6)}  ${pct.padStart(6)}%`,
    )
  }
  return lines.join('\n')
}
