// The highlight form, for a new selection or to edit a saved highlight: kind, colour, note
// (Markdown), tags with autocomplete, a quote's speaker, a claim's status and restatement.
// The selection is captured as offsets when made, so typing in the note cannot lose it.
// Escape cancels.
import { useId, useState, type KeyboardEvent } from 'react'
import {
  HIGHLIGHT_COLORS,
  type Annotation,
  type AnnotationKind,
  type ClaimStatus,
  type HighlightColor,
} from '../../../shared/domain'
import { DEFAULT_COLOR, type AnnotationDraft } from '../state/annotation-store'
import { formatDate } from './format-date'

interface Props {
  text: string
  /** The highlight being edited; none for a new one. */
  initial?: Annotation
  /** The quote finder's speaker for this selection, when it matches a found quote. */
  suggestion?: { name: string; role: string | null } | null
  /** Tags in use, most used first (autocomplete). */
  tagOptions: string[]
  onSave: (draft: AnnotationDraft) => Promise<boolean>
  onCancel: () => void
}

export const KINDS: { kind: AnnotationKind; label: string }[] = [
  { kind: 'plain', label: 'Highlight' },
  { kind: 'quote', label: 'Quote' },
  { kind: 'claim', label: 'Claim' },
]

export const STATUSES: ClaimStatus[] = ['unverified', 'supported', 'disputed', 'refuted']

const COLOR_LABEL: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
}

const splitTags = (value: string): string[] => [
  ...new Set(
    value
      .split(/[,\s]+/)
      .map((t) => t.replace(/^#/, '').trim())
      .filter(Boolean),
  ),
]

export function HighlightComposer({
  text,
  initial,
  suggestion,
  tagOptions,
  onSave,
  onCancel,
}: Props) {
  const id = useId()
  const [kind, setKind] = useState<AnnotationKind>(
    initial?.kind ?? (suggestion ? 'quote' : 'plain'),
  )
  const [color, setColor] = useState<HighlightColor | null>(initial?.color ?? null)
  const [note, setNote] = useState(initial?.note ?? '')
  const [tags, setTags] = useState(initial ? initial.tags.join(', ') : '')
  const [speaker, setSpeaker] = useState(initial?.speaker?.name ?? suggestion?.name ?? '')
  const [role, setRole] = useState(initial?.speaker?.role ?? suggestion?.role ?? '')
  const [status, setStatus] = useState<ClaimStatus>(initial?.claim?.status ?? 'unverified')
  const [restated, setRestated] = useState(initial?.claim?.restated ?? '')
  const [saving, setSaving] = useState(false)
  const shownColor = color ?? DEFAULT_COLOR[kind]

  const used = splitTags(tags)
  const partial = /(?:^|[,\s])#?([^,\s]*)$/.exec(tags)?.[1] ?? ''
  const before = tags.slice(0, tags.length - partial.length).replace(/#$/, '')
  const suggestions = partial
    ? tagOptions
        .filter((t) => t.toLowerCase().startsWith(partial.toLowerCase()) && t !== partial)
        .filter((t) => !used.includes(t))
        .slice(0, 6)
    : []
  const pickTag = (tag: string): void => setTags(`${before}${tag}, `)

  const save = async (): Promise<void> => {
    setSaving(true)
    const saved = await onSave({
      kind,
      color: shownColor,
      note,
      tags: splitTags(tags),
      speaker: speaker.trim() ? { name: speaker.trim(), role: role.trim() || null } : null,
      status,
      restated: restated.trim() || null,
    })
    setSaving(false)
    if (saved) onCancel()
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    event.stopPropagation()
    onCancel()
  }

  const history = initial?.claim?.history ?? []

  return (
    <section
      className="composer"
      aria-label={initial ? 'Edit highlight' : 'New highlight'}
      onKeyDown={onKeyDown}
    >
      <blockquote className="composer-quote">
        {text.length > 280 ? `${text.slice(0, 280)}…` : text}
      </blockquote>
      <div className="composer-kinds" role="radiogroup" aria-label="Highlight kind">
        {KINDS.map((k) => (
          <label key={k.kind} className={`kind-option kind-${k.kind}`}>
            <input
              type="radio"
              name={`${id}-kind`}
              value={k.kind}
              checked={kind === k.kind}
              onChange={() => setKind(k.kind)}
            />
            {k.label}
          </label>
        ))}
      </div>
      <div className="composer-colors" role="radiogroup" aria-label="Colour">
        {HIGHLIGHT_COLORS.map((c) => (
          <label key={c} className={`swatch color-${c}`} title={COLOR_LABEL[c]}>
            <input
              type="radio"
              name={`${id}-color`}
              value={c}
              aria-label={COLOR_LABEL[c]}
              checked={shownColor === c}
              onChange={() => setColor(c)}
            />
          </label>
        ))}
      </div>
      {kind === 'quote' && (
        <div className="composer-row">
          <label className="field">
            Speaker
            <input
              value={speaker}
              onChange={(e) => setSpeaker(e.target.value)}
              placeholder="Who said it"
            />
          </label>
          <label className="field">
            Role (optional)
            <input
              value={role}
              onChange={(e) => setRole(e.target.value)}
              placeholder="e.g. the Ostmarki envoy"
            />
          </label>
        </div>
      )}
      {kind === 'claim' && (
        <div className="composer-row">
          <label className="field">
            Claim status
            <select value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Restated (optional)
            <input
              value={restated}
              onChange={(e) => setRestated(e.target.value)}
              placeholder="The claim in your words"
            />
          </label>
        </div>
      )}
      {kind === 'claim' && history.length > 0 && (
        <StatusHistory history={history} label="Status history" />
      )}
      <label className="field">
        Note
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          placeholder="Markdown: *emphasis*, **strong**, [link](https://…), - lists, `code`"
        />
      </label>
      <label className="field">
        Tags
        <input
          value={tags}
          list={`${id}-tags`}
          autoComplete="off"
          onChange={(e) => setTags(e.target.value)}
          placeholder="e.g. diplomacy, follow-up"
        />
      </label>
      <datalist id={`${id}-tags`}>
        {tagOptions
          .filter((t) => !used.includes(t))
          .map((t) => (
            <option key={t} value={`${before}${t}`} />
          ))}
      </datalist>
      {suggestions.length > 0 && (
        <div className="tag-suggestions" role="group" aria-label="Tag suggestions">
          {suggestions.map((t) => (
            <button key={t} type="button" className="link-button" onClick={() => pickTag(t)}>
              #{t}
            </button>
          ))}
        </div>
      )}
      <div className="composer-actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={saving}>
          {initial ? 'Save changes' : 'Save highlight'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  )
}

export function StatusHistory({
  history,
  label,
}: {
  history: { status: ClaimStatus; at: string }[]
  label: string
}) {
  return (
    <ol className="status-history" aria-label={label}>
      {history.map((h, i) => (
        <li key={i}>
          <span className={`status status-${h.status}`}>{h.status}</span>{' '}
          <time dateTime={h.at}>{formatDate(h.at)}</time>
        </li>
      ))}
    </ol>
  )
}
