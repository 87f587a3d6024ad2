// One claim: its quoted text and article (with a link to the original), its status with every
// change and when, the claim in the researcher's words and the note, and its evidence grouped
// Supports / Disputes — each can be opened, moved to the other side or unlinked; evidence since
// deleted is listed by id. "Add evidence" links a highlight from any article.
import { useEffect, useId, useMemo, useState } from 'react'
import type { AnnotationEntry } from '../../../../shared/contract'
import type { EvidenceStance } from '../../../../shared/domain'
import { useAnnotationsView, type ClaimDetail } from '../../state/annotations-view-store'
import { formatDate } from '../format-date'
import { AnnotationPicker } from './AnnotationPicker'
import {
  EntrySource,
  KindBadge,
  Speaker,
  StatusBadge,
  StatusSelect,
  Tags,
  claimTitle,
  openArticle,
} from './parts'

export function ClaimPage({
  claimId,
  headingRef,
}: {
  claimId: string
  headingRef: React.Ref<HTMLHeadingElement>
}) {
  const detail = useAnnotationsView((s) =>
    s.claim?.claim.annotation.id === claimId ? s.claim : null,
  )
  const loading = useAnnotationsView((s) => s.loading)
  if (!detail)
    return (
      <section className="library-view claim-page" aria-labelledby="claim-heading">
        <h1 id="claim-heading" ref={headingRef} tabIndex={-1}>
          Claim
        </h1>
        <p className="empty">{loading ? 'Loading the claim…' : 'This claim could not be shown.'}</p>
      </section>
    )
  return <ClaimDetailView detail={detail} headingRef={headingRef} />
}

function ClaimDetailView({
  detail,
  headingRef,
}: {
  detail: ClaimDetail
  headingRef: React.Ref<HTMLHeadingElement>
}) {
  const [picking, setPicking] = useState(false)
  const link = useAnnotationsView((s) => s.link)
  const { annotation, item } = detail.claim
  const claim = annotation.claim
  const supports = detail.evidence.filter((e) => e.stance === 'supports')
  const disputes = detail.evidence.filter((e) => e.stance === 'disputes')
  const linked = useMemo(
    () => new Set([annotation.id, ...annotation.evidence.map((e) => e.annotationId)]),
    [annotation],
  )
  return (
    <article className="library-view claim-page" aria-labelledby="claim-heading">
      <header className="library-header">
        <p className="claim-kicker">Claim {claim && <StatusBadge status={claim.status} />}</p>
        <h1 id="claim-heading" ref={headingRef} tabIndex={-1}>
          {claimTitle(annotation)}
        </h1>
      </header>

      <blockquote className="claim-quote">
        <p>“{annotation.target.quote.exact}”</p>
        <Speaker annotation={annotation} />
      </blockquote>
      <p className="claim-source">
        <cite>{item.title}</cite> · {item.feedTitle}
        {item.author && ` · ${item.author}`}
        {item.published && (
          <>
            {' · '}
            <time dateTime={item.published}>{formatDate(item.published)}</time>
          </>
        )}
      </p>
      <div className="article-actions">
        <button type="button" onClick={() => openArticle(item.id)}>
          Open article
        </button>
        {item.link && (
          <a href={item.link} target="_blank" rel="noopener noreferrer">
            Original
          </a>
        )}
      </div>
      <Tags tags={annotation.tags} />

      {claim && (
        <section className="claim-status" aria-labelledby="claim-status-heading">
          <h2 id="claim-status-heading">Status</h2>
          <StatusSelect
            claimId={annotation.id}
            status={claim.status}
            label="Status of this claim"
            visibleLabel
          />
          <h3>History</h3>
          <ol className="claim-history" aria-label="Status history">
            {claim.history.map((step, index) => (
              <li key={`${step.at}-${index}`}>
                <StatusBadge status={step.status} />{' '}
                <time dateTime={step.at}>{formatDate(step.at)}</time>
              </li>
            ))}
          </ol>
        </section>
      )}

      <ClaimWords
        key={annotation.id}
        claimId={annotation.id}
        restated={claim?.restated ?? ''}
        note={annotation.note}
      />

      <section className="claim-evidence" aria-labelledby="claim-evidence-heading">
        <div className="claim-evidence-head">
          <h2 id="claim-evidence-heading">Evidence</h2>
          <button type="button" className="primary" onClick={() => setPicking(true)}>
            Add evidence
          </button>
        </div>
        <EvidenceGroup
          claimId={annotation.id}
          stance="supports"
          title="Supports"
          evidence={supports}
        />
        <EvidenceGroup
          claimId={annotation.id}
          stance="disputes"
          title="Disputes"
          evidence={disputes}
        />
        {detail.missing.length > 0 && (
          <MissingEvidence claimId={annotation.id} ids={detail.missing} />
        )}
      </section>

      {picking && (
        <AnnotationPicker
          title="Add evidence"
          exclude={linked}
          onPick={(entry, stance) => link(annotation.id, entry.annotation.id, stance)}
          onClose={() => setPicking(false)}
        />
      )}
    </article>
  )
}

/** The claim restated in the researcher's words and the note, saved together. */
function ClaimWords({
  claimId,
  restated,
  note,
}: {
  claimId: string
  restated: string
  note: string
}) {
  const id = useId()
  const [words, setWords] = useState(restated)
  const [text, setText] = useState(note)
  const [saved, setSaved] = useState(false)
  const updateClaimText = useAnnotationsView((s) => s.updateClaimText)
  useEffect(() => setSaved(false), [words, text])
  const changed = words !== restated || text !== note
  return (
    <section className="claim-words" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>In your words</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void updateClaimText(claimId, {
            restated: words.trim() ? words.trim() : null,
            note: text,
          }).then((ok) => setSaved(ok))
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-restated`}>Restated claim</label>
          <textarea
            id={`${id}-restated`}
            rows={2}
            maxLength={2000}
            value={words}
            onChange={(event) => setWords(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Note (Markdown)</label>
          <textarea
            id={`${id}-note`}
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="composer-actions">
          <button type="submit" disabled={!changed}>
            Save
          </button>
          <span role="status" className="muted">
            {saved ? 'Saved.' : ''}
          </span>
        </div>
      </form>
    </section>
  )
}

function EvidenceGroup({
  claimId,
  stance,
  title,
  evidence,
}: {
  claimId: string
  stance: EvidenceStance
  title: string
  evidence: { stance: EvidenceStance; at: string; entry: AnnotationEntry }[]
}) {
  const headingId = useId()
  return (
    <section className={`evidence-group evidence-${stance}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title} <span className="count">{evidence.length}</span>
      </h3>
      {evidence.length === 0 ? (
        <p className="muted">Nothing linked yet.</p>
      ) : (
        <ul className="evidence-list" aria-label={title}>
          {evidence.map((link) => (
            <EvidenceRow key={link.entry.annotation.id} claimId={claimId} link={link} />
          ))}
        </ul>
      )}
    </section>
  )
}

function EvidenceRow({
  claimId,
  link,
}: {
  claimId: string
  link: { stance: EvidenceStance; at: string; entry: AnnotationEntry }
}) {
  const relink = useAnnotationsView((s) => s.link)
  const unlink = useAnnotationsView((s) => s.unlink)
  const { annotation, item } = link.entry
  const other: EvidenceStance = link.stance === 'supports' ? 'disputes' : 'supports'
  const quote = annotation.target.quote.exact
  return (
    <li className={`evidence-row kind-${annotation.kind}`}>
      <div className="entry-head">
        <KindBadge annotation={annotation} />
        {annotation.claim && <StatusBadge status={annotation.claim.status} />}
        <Speaker annotation={annotation} />
      </div>
      <p className="entry-quote">“{quote}”</p>
      {annotation.note && <p className="note">{annotation.note}</p>}
      <EntrySource entry={link.entry} />
      <p className="muted evidence-at">
        Linked <time dateTime={link.at}>{formatDate(link.at)}</time>
      </p>
      <div className="evidence-actions" role="group" aria-label={`Evidence “${shorten(quote)}”`}>
        <button type="button" className="link-button" onClick={() => openArticle(item.id)}>
          Open article
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => void relink(claimId, annotation.id, other)}
        >
          Move to {other === 'supports' ? 'Supports' : 'Disputes'}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => void unlink(claimId, annotation.id)}
        >
          Unlink
        </button>
      </div>
    </li>
  )
}

function MissingEvidence({ claimId, ids }: { claimId: string; ids: string[] }) {
  const unlink = useAnnotationsView((s) => s.unlink)
  return (
    <section className="evidence-group evidence-missing" aria-labelledby="missing-evidence-heading">
      <h3 id="missing-evidence-heading">
        Missing <span className="count">{ids.length}</span>
      </h3>
      <p className="hint">
        These highlights were deleted; their links remain until you unlink them.
      </p>
      <ul className="evidence-list" aria-label="Missing evidence">
        {ids.map((id) => (
          <li key={id}>
            <code>{id}</code>{' '}
            <button
              type="button"
              className="link-button"
              aria-label={`Unlink missing ${id}`}
              onClick={() => void unlink(claimId, id)}
            >
              Unlink
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
