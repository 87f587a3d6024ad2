// The export dialog's selection: highlights by kind, tag, claim status, feed and search query (the
// search box's language). Empty fields select nothing out: every highlighted article.
import { useEffect, useId } from 'react'
import type { AnnotationKind, ClaimStatus } from '../../../../shared/domain'
import { useAnnotations } from '../../state/annotation-store'
import type { SelectionFields } from '../../state/export-options'
import { useReader } from '../../state/reader-store'
import { CLAIM_STATUSES, KIND_LABELS, STATUS_LABELS } from '../library/parts'

interface Props {
  fields: SelectionFields
  onChange: (fields: SelectionFields) => void
}

export function ExportSelectionFields({ fields, onChange }: Props) {
  const id = useId()
  const feeds = useReader((s) => s.feeds)
  const tags = useAnnotations((s) => s.tags)
  useEffect(() => {
    void useAnnotations.getState().loadTags()
  }, [])
  const change = (patch: Partial<SelectionFields>): void => {
    const next: SelectionFields = { ...fields, ...patch }
    for (const key of Object.keys(next) as (keyof SelectionFields)[])
      if (!next[key]) delete next[key]
    onChange(next)
  }
  return (
    <div className="export-selection">
      <label className="field">
        Kind
        <select
          value={fields.kind ?? ''}
          onChange={(e) => change({ kind: (e.target.value || undefined) as AnnotationKind })}
        >
          <option value="">Any kind</option>
          {(Object.keys(KIND_LABELS) as AnnotationKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Tag
        <input
          type="text"
          list={`${id}-tags`}
          value={fields.tag ?? ''}
          placeholder="any"
          onChange={(e) => change({ tag: e.target.value || undefined })}
        />
        <datalist id={`${id}-tags`}>
          {tags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </label>
      <label className="field">
        Claim status
        <select
          value={fields.status ?? ''}
          onChange={(e) => change({ status: (e.target.value || undefined) as ClaimStatus })}
        >
          <option value="">Any status</option>
          {CLAIM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Feed
        <select
          value={fields.feedId ?? ''}
          onChange={(e) => change({ feedId: e.target.value || undefined })}
        >
          <option value="">All feeds</option>
          {feeds.map((feed) => (
            <option key={feed.id} value={feed.id}>
              {feed.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field export-query">
        Search query
        <input
          type="text"
          value={fields.query ?? ''}
          placeholder='e.g. "border talks" after:2026-01'
          onChange={(e) => change({ query: e.target.value || undefined })}
        />
      </label>
    </div>
  )
}
