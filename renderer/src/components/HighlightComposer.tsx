// Shown while text is selected in the article: choose a kind, add a note and tags, save.
// The selection is captured as offsets when made, so typing in the note cannot lose it.
import { useState } from 'react'
import type { AnnotationKind } from '../../../shared/domain'

interface Props {
  text: string
  onSave: (input: { kind: AnnotationKind; note: string; tags: string[] }) => Promise<boolean>
  onCancel: () => void
}

const KINDS: { kind: AnnotationKind; label: string }[] = [
  { kind: 'quote', label: 'Quote' },
  { kind: 'claim', label: 'Claim' },
  { kind: 'plain', label: 'Highlight' },
]

export function HighlightComposer({ text, onSave, onCancel }: Props) {
  const [kind, setKind] = useState<AnnotationKind>('quote')
  const [note, setNote] = useState('')
  const [tags, setTags] = useState('')
  const [saving, setSaving] = useState(false)

  const save = async (): Promise<void> => {
    setSaving(true)
    const saved = await onSave({
      kind,
      note,
      tags: tags
        .split(/[,\s]+/)
        .map((t) => t.replace(/^#/, ''))
        .filter(Boolean),
    })
    setSaving(false)
    if (saved) onCancel()
  }

  return (
    <section className="composer" aria-label="New highlight">
      <blockquote className="composer-quote">
        {text.length > 280 ? `${text.slice(0, 280)}…` : text}
      </blockquote>
      <div className="composer-kinds" role="radiogroup" aria-label="Highlight kind">
        {KINDS.map((k) => (
          <label key={k.kind} className={`kind-option kind-${k.kind}`}>
            <input
              type="radio"
              name="kind"
              value={k.kind}
              checked={kind === k.kind}
              onChange={() => setKind(k.kind)}
            />
            {k.label}
          </label>
        ))}
      </div>
      <label className="field">
        Note
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          placeholder="Why it matters, who said it, what to check…"
        />
      </label>
      <label className="field">
        Tags
        <input
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          placeholder="e.g. diplomacy, follow-up"
        />
      </label>
      <div className="composer-actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={saving}>
          Save highlight
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  )
}
