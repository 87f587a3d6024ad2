// The annotations view's filters as the core takes them, and the client-side word match the
// evidence picker narrows its results with. Pure: no store, no bridge.
import type { AnnotationEntry } from '../../../shared/contract'
import type { AnnotationKind, ClaimStatus } from '../../../shared/domain'

export interface AnnotationFilters {
  kind?: AnnotationKind
  tag?: string
  status?: ClaimStatus
  feedId?: string
  /** Day strings (YYYY-MM-DD) from the date inputs; `before` includes its day. */
  after?: string
  before?: string
}

/** The listAllAnnotations filter for the form's values (dates as whole UTC days). */
export function filterArgs(filters: AnnotationFilters) {
  const nextDay = (day: string): string => {
    const date = new Date(`${day}T00:00:00Z`)
    date.setUTCDate(date.getUTCDate() + 1)
    return date.toISOString()
  }
  return {
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.tag?.trim() ? { tag: filters.tag.trim() } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.feedId ? { feedId: filters.feedId } : {}),
    ...(filters.after ? { after: `${filters.after}T00:00:00.000Z` } : {}),
    ...(filters.before ? { before: nextDay(filters.before) } : {}),
  }
}

/** Whether an entry's words (quote, restatement, note, tags, speaker, article) contain `text`. */
export function entryMatches(entry: AnnotationEntry, text: string): boolean {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const { annotation, item } = entry
  const haystack = [
    annotation.target.quote.exact,
    annotation.claim?.restated ?? '',
    annotation.note,
    annotation.tags.join(' '),
    annotation.speaker?.name ?? '',
    annotation.speaker?.role ?? '',
    item.title,
    item.feedTitle,
  ]
    .join('\n')
    .toLowerCase()
  return words.every((word) => haystack.includes(word))
}
