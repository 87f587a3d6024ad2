// Every claim of the library on one board, grouped by status (four columns) or by tag, each with
// its restatement (or quoted text), its article and its evidence counts; the status changes here.
import { useState } from 'react'
import type { AnnotationEntry } from '../../../../shared/contract'
import type { ClaimStatus } from '../../../../shared/domain'
import { useAnnotationsView } from '../../state/annotations-view-store'
import {
  CLAIM_STATUSES,
  STATUS_LABELS,
  StatusBadge,
  StatusSelect,
  Tags,
  claimTitle,
  evidenceCounts,
} from './parts'

type Grouping = 'status' | 'tag'

export function ClaimsBoard({ headingRef }: { headingRef: React.Ref<HTMLHeadingElement> }) {
  const claims = useAnnotationsView((s) => s.claims)
  const loading = useAnnotationsView((s) => s.loading)
  const [grouping, setGrouping] = useState<Grouping>('status')
  const groups = grouping === 'status' ? byStatus(claims) : byTag(claims)
  return (
    <section className="library-view claims-board" aria-labelledby="claims-heading">
      <header className="library-header">
        <h1 id="claims-heading" ref={headingRef} tabIndex={-1}>
          Claims
        </h1>
        <p className="hint">Every claim in the library and how far its checking has come.</p>
      </header>
      <fieldset className="board-grouping">
        <legend>Group by</legend>
        {(['status', 'tag'] as const).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="claims-grouping"
              value={value}
              checked={grouping === value}
              onChange={() => setGrouping(value)}
            />
            {value === 'status' ? 'Status' : 'Tag'}
          </label>
        ))}
      </fieldset>
      <p role="status" className="library-count">
        {loading && claims.length === 0
          ? 'Loading…'
          : `${claims.length} claim${claims.length === 1 ? '' : 's'}`}
      </p>
      {claims.length === 0 && !loading && (
        <p className="empty">
          No claims yet. Select text in an article and save it as a <strong>Claim</strong>.
        </p>
      )}
      {claims.length > 0 && (
        <div className={`board-groups board-by-${grouping}`}>
          {groups.map((group) => (
            <section
              key={group.key}
              className={`board-group ${grouping === 'status' ? `status-${group.key}` : ''}`}
              aria-labelledby={`board-${grouping}-${group.key}`}
            >
              <h2 id={`board-${grouping}-${group.key}`}>
                {group.label} <span className="count">{group.claims.length}</span>
              </h2>
              {group.claims.length === 0 ? (
                <p className="muted board-empty">None</p>
              ) : (
                <ul className="board-cards" aria-label={group.label}>
                  {group.claims.map((entry) => (
                    <ClaimCard
                      key={entry.annotation.id}
                      entry={entry}
                      showStatus={grouping === 'tag'}
                    />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </section>
  )
}

interface Group {
  key: string
  label: string
  claims: AnnotationEntry[]
}

function byStatus(claims: AnnotationEntry[]): Group[] {
  return CLAIM_STATUSES.map((status: ClaimStatus) => ({
    key: status,
    label: STATUS_LABELS[status],
    claims: claims.filter((entry) => entry.annotation.claim?.status === status),
  }))
}

function byTag(claims: AnnotationEntry[]): Group[] {
  const groups = new Map<string, AnnotationEntry[]>()
  const untagged: AnnotationEntry[] = []
  for (const entry of claims) {
    if (entry.annotation.tags.length === 0) untagged.push(entry)
    for (const tag of entry.annotation.tags) groups.set(tag, [...(groups.get(tag) ?? []), entry])
  }
  const tagged = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, list], index) => ({ key: `t${index}`, label: `#${tag}`, claims: list }))
  return untagged.length > 0
    ? [...tagged, { key: 'untagged', label: 'No tag', claims: untagged }]
    : tagged
}

function ClaimCard({ entry, showStatus }: { entry: AnnotationEntry; showStatus: boolean }) {
  const show = useAnnotationsView((s) => s.show)
  const { annotation, item } = entry
  const { supports, disputes } = evidenceCounts(annotation)
  const title = claimTitle(annotation)
  const status = annotation.claim?.status ?? 'unverified'
  return (
    <li className="claim-card">
      {showStatus && <StatusBadge status={status} />}
      <button
        type="button"
        className="entry-open"
        onClick={() => void show({ kind: 'claim', claimId: annotation.id, from: 'claims' })}
      >
        {title}
      </button>
      <p className="claim-card-source">
        <cite>{item.title}</cite> · {item.feedTitle}
      </p>
      <p className="claim-card-evidence">
        Evidence: {supports} supporting · {disputes} disputing
      </p>
      <Tags tags={annotation.tags} />
      <StatusSelect claimId={annotation.id} status={status} label={`Status of “${title}”`} />
    </li>
  )
}
