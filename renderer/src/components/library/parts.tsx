// Small pieces the library-wide highlight views share: a highlight's kind, colour and source
// line, a claim's status control, and the way back to reading an article.
import { useId } from 'react'
import type { AnnotationEntry } from '../../../../shared/contract'
import type { Annotation, ClaimStatus } from '../../../../shared/domain'
import { useAnnotationsView } from '../../state/annotations-view-store'
import { useReader } from '../../state/reader-store'
import { formatDate } from '../format-date'

export const CLAIM_STATUSES: ClaimStatus[] = ['unverified', 'supported', 'disputed', 'refuted']

export const KIND_LABELS: Record<Annotation['kind'], string> = {
  plain: 'Highlight',
  quote: 'Quote',
  claim: 'Claim',
}

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  unverified: 'Unverified',
  supported: 'Supported',
  disputed: 'Disputed',
  refuted: 'Refuted',
}

/** Leave the library views and read the article (its row is looked up in the list). */
export function openArticle(itemId: string): void {
  useAnnotationsView.getState().close()
  void useReader.getState().openItem(itemId)
  // The reader pane takes the focus once it is back on screen.
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.reader-pane')?.focus())
}

/** What a claim is called in lists: its restatement, else its quoted text. */
export function claimTitle(annotation: Annotation): string {
  return annotation.claim?.restated?.trim() || annotation.target.quote.exact
}

export function KindBadge({ annotation }: { annotation: Annotation }) {
  return (
    <span className={`library-kind kind-${annotation.kind}`}>
      <span className={`swatch swatch-${annotation.color}`} aria-hidden="true" />
      {KIND_LABELS[annotation.kind]}
      <span className="visually-hidden">, {annotation.color}</span>
    </span>
  )
}

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return <span className={`status-badge status-${status}`}>{STATUS_LABELS[status]}</span>
}

/** "Article title · Feed · date" with the article's own date (or the highlight's). */
export function EntrySource({ entry }: { entry: AnnotationEntry }) {
  const { item, annotation } = entry
  return (
    <span className="entry-source">
      <cite>{item.title}</cite> · {item.feedTitle}
      {item.published && (
        <>
          {' · '}
          <time dateTime={item.published}>{formatDate(item.published)}</time>
        </>
      )}
      <span className="muted">
        {' · highlighted '}
        <time dateTime={annotation.createdAt}>{formatDate(annotation.createdAt)}</time>
      </span>
    </span>
  )
}

export function Speaker({ annotation }: { annotation: Annotation }) {
  if (!annotation.speaker) return null
  return (
    <span className="entry-speaker">
      — {annotation.speaker.name}
      {annotation.speaker.role && `, ${annotation.speaker.role}`}
    </span>
  )
}

export function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null
  return (
    <span className="tags">
      {tags.map((tag) => (
        <span key={tag} className="tag">
          #{tag}{' '}
        </span>
      ))}
    </span>
  )
}

/** A select that sets a claim's status (kept in its history by the core). */
export function StatusSelect({
  claimId,
  status,
  label,
  visibleLabel = false,
}: {
  claimId: string
  status: ClaimStatus
  label: string
  visibleLabel?: boolean
}) {
  const id = useId()
  const setStatus = useAnnotationsView((s) => s.setStatus)
  return (
    <span className="status-select">
      <label htmlFor={id} className={visibleLabel ? undefined : 'visually-hidden'}>
        {label}
      </label>
      <select
        id={id}
        value={status}
        onChange={(event) => void setStatus(claimId, event.target.value as ClaimStatus)}
      >
        {CLAIM_STATUSES.map((value) => (
          <option key={value} value={value}>
            {STATUS_LABELS[value]}
          </option>
        ))}
      </select>
    </span>
  )
}

/** Supports / disputes counts of a claim's links. */
export function evidenceCounts(annotation: Annotation): { supports: number; disputes: number } {
  let supports = 0
  let disputes = 0
  for (const link of annotation.evidence) {
    if (link.stance === 'supports') supports++
    else disputes++
  }
  return { supports, disputes }
}
