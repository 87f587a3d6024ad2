// Every highlight of the library, newest first, with filters for kind, tag, claim status, feed and
// date. An entry opens its article (the view goes back to reading) or, for a claim, its page, and
// copies as a cited quote; Export… opens the export dialog on the filtered highlights.
import { useId } from 'react'
import { useAnnotations } from '../../state/annotation-store'
import type { AnnotationEntry } from '../../../../shared/contract'
import type { AnnotationKind, ClaimStatus } from '../../../../shared/domain'
import { useAnnotationsView, type AnnotationFilters } from '../../state/annotations-view-store'
import { useReader } from '../../state/reader-store'
import { useUi } from '../../state/ui-store'
import {
  CLAIM_STATUSES,
  EntrySource,
  KIND_LABELS,
  KindBadge,
  STATUS_LABELS,
  Speaker,
  StatusBadge,
  Tags,
  openArticle,
} from './parts'

export function AnnotationsView({ headingRef }: { headingRef: React.Ref<HTMLHeadingElement> }) {
  const entries = useAnnotationsView((s) => s.entries)
  const total = useAnnotationsView((s) => s.total)
  const loading = useAnnotationsView((s) => s.loading)
  const loadMore = useAnnotationsView((s) => s.loadMore)
  const filters = useAnnotationsView((s) => s.filters)
  const openDialog = useUi((s) => s.open)
  return (
    <section className="library-view annotations-view" aria-labelledby="annotations-heading">
      <header className="library-header">
        <h1 id="annotations-heading" ref={headingRef} tabIndex={-1}>
          Annotations
        </h1>
        <p className="hint">Every highlight, quote and claim in the library, newest first.</p>
        <button
          type="button"
          className="library-export"
          aria-keyshortcuts="e"
          onClick={() => openDialog({ kind: 'export', article: null, filters })}
        >
          Export…
        </button>
      </header>
      <AnnotationFiltersForm />
      {/* aria-live, not role=status: the app's message line is the page's one status. */}
      <p aria-live="polite" className="library-count">
        {loading && entries.length === 0
          ? 'Loading…'
          : `${total} highlight${total === 1 ? '' : 's'}`}
      </p>
      {entries.length > 0 && (
        <ol className="annotation-entries" aria-label="Highlights">
          {entries.map((entry) => (
            <AnnotationRow key={entry.annotation.id} entry={entry} />
          ))}
        </ol>
      )}
      {entries.length < total && (
        <button type="button" className="more-results" onClick={() => void loadMore()}>
          Show more ({total - entries.length} left)
        </button>
      )}
    </section>
  )
}

function AnnotationFiltersForm() {
  const filters = useAnnotationsView((s) => s.filters)
  const tags = useAnnotationsView((s) => s.tags)
  const setFilters = useAnnotationsView((s) => s.setFilters)
  const feeds = useReader((s) => s.feeds)
  const id = useId()
  const change = (patch: Partial<AnnotationFilters>): void => {
    const next: AnnotationFilters = { ...filters, ...patch }
    for (const key of Object.keys(next) as (keyof AnnotationFilters)[])
      if (!next[key]) delete next[key]
    void setFilters(next)
  }
  const any = Object.keys(filters).length > 0
  return (
    <form
      className="library-filters"
      aria-label="Filter highlights"
      onSubmit={(event) => event.preventDefault()}
    >
      <label>
        Kind
        <select
          value={filters.kind ?? ''}
          onChange={(event) =>
            change({ kind: (event.target.value || undefined) as AnnotationKind })
          }
        >
          <option value="">Any kind</option>
          {(Object.keys(KIND_LABELS) as AnnotationKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag
        <input
          type="text"
          list={`${id}-tags`}
          value={filters.tag ?? ''}
          placeholder="any"
          onChange={(event) => change({ tag: event.target.value || undefined })}
        />
        <datalist id={`${id}-tags`}>
          {tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {`${tag} (${count})`}
            </option>
          ))}
        </datalist>
      </label>
      <label>
        Claim status
        <select
          value={filters.status ?? ''}
          onChange={(event) => change({ status: (event.target.value || undefined) as ClaimStatus })}
        >
          <option value="">Any status</option>
          {CLAIM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Feed
        <select
          value={filters.feedId ?? ''}
          onChange={(event) => change({ feedId: event.target.value || undefined })}
        >
          <option value="">All feeds</option>
          {feeds.map((feed) => (
            <option key={feed.id} value={feed.id}>
              {feed.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input
          type="date"
          value={filters.after ?? ''}
          onChange={(event) => change({ after: event.target.value || undefined })}
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={filters.before ?? ''}
          onChange={(event) => change({ before: event.target.value || undefined })}
        />
      </label>
      {any && (
        <button type="button" className="link-button" onClick={() => void setFilters({})}>
          Clear filters
        </button>
      )}
    </form>
  )
}

function AnnotationRow({ entry }: { entry: AnnotationEntry }) {
  const show = useAnnotationsView((s) => s.show)
  const copyCitedQuote = useAnnotations((s) => s.copyCitedQuote)
  const { annotation, item } = entry
  const isClaim = annotation.kind === 'claim' && annotation.claim
  const open = (): void => {
    if (isClaim) void show({ kind: 'claim', claimId: annotation.id, from: 'annotations' })
    else openArticle(item.id)
  }
  return (
    <li className={`annotation-entry kind-${annotation.kind} color-${annotation.color}`}>
      <div className="entry-head">
        <KindBadge annotation={annotation} />
        {annotation.claim && <StatusBadge status={annotation.claim.status} />}
        <Speaker annotation={annotation} />
      </div>
      <button type="button" className="entry-open" onClick={open}>
        <span className="entry-quote">“{annotation.target.quote.exact}”</span>
        <span className="visually-hidden">
          {isClaim ? ' — open the claim' : ' — open the article'}
        </span>
      </button>
      {annotation.claim?.restated && (
        <p className="restated">
          <span className="muted">Restated: </span>
          {annotation.claim.restated}
        </p>
      )}
      {annotation.note && <p className="note">{annotation.note}</p>}
      <div className="entry-foot">
        <Tags tags={annotation.tags} />
        <EntrySource entry={entry} />
        <button
          type="button"
          className="link-button"
          title="Copy the quote with its citation as Markdown"
          onClick={() => void copyCitedQuote(annotation.id)}
        >
          Copy cited quote
        </button>
        {isClaim && (
          <button type="button" className="link-button" onClick={() => openArticle(item.id)}>
            Open article
          </button>
        )}
      </div>
    </li>
  )
}
