// A dialog that finds a highlight anywhere in the library — by its words (quote, note, speaker,
// article), tag and kind — and picks it as supporting or disputing. The claim page uses it to add
// evidence; LinkAsEvidence uses it the other way round, to pick the claim.
import { useEffect, useId, useMemo, useState } from 'react'
import type { AnnotationEntry } from '../../../../shared/contract'
import type { AnnotationKind, EvidenceStance } from '../../../../shared/domain'
import { reader } from '../../api/reader'
import { describeError } from '../../state/describe-error'
import { entryMatches } from '../../state/annotations-view-store'
import { Modal } from '../../ui/Modal'
import { EntrySource, KIND_LABELS, KindBadge, Speaker, claimTitle } from './parts'

/** Results shown at once; the words narrow the rest. */
const SHOWN = 50

interface Props {
  title: string
  /** Only this kind (the kind filter is then not offered). */
  kind?: AnnotationKind
  /** Highlights not to offer (the claim itself, what is linked already). */
  exclude: ReadonlySet<string>
  onPick: (entry: AnnotationEntry, stance: EvidenceStance) => Promise<boolean>
  onClose: () => void
}

export function AnnotationPicker({ title, kind: fixedKind, exclude, onPick, onClose }: Props) {
  const id = useId()
  const [text, setText] = useState('')
  const [kind, setKind] = useState<AnnotationKind | ''>(fixedKind ?? '')
  const [tag, setTag] = useState('')
  const [entries, setEntries] = useState<AnnotationEntry[] | null>(null)
  const [tags, setTags] = useState<{ tag: string; count: number }[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let current = true
    void reader
      .listAllAnnotations({
        ...(kind ? { kind } : {}),
        ...(tag.trim() ? { tag: tag.trim() } : {}),
        limit: 1000,
      })
      .then((result) => {
        if (!current) return
        if (!result.ok) return setError(describeError(result.error))
        setError(null)
        setEntries(result.value.entries)
        setTags(result.value.tags)
      })
    return () => {
      current = false
    }
  }, [kind, tag])

  const matches = useMemo(
    () =>
      (entries ?? []).filter(
        (entry) => !exclude.has(entry.annotation.id) && entryMatches(entry, text),
      ),
    [entries, exclude, text],
  )

  const pick = async (entry: AnnotationEntry, stance: EvidenceStance): Promise<void> => {
    setBusy(true)
    const ok = await onPick(entry, stance)
    setBusy(false)
    if (ok) onClose()
  }

  return (
    <Modal title={title} onClose={onClose} className="annotation-picker">
      <form className="picker-filters" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${id}-text`}>Search highlights</label>
        <input
          id={`${id}-text`}
          type="search"
          value={text}
          placeholder="Words of the quote, note, speaker or article"
          onChange={(event) => setText(event.target.value)}
          autoFocus
        />
        <div className="picker-row">
          {!fixedKind && (
            <label>
              Kind
              <select
                value={kind}
                onChange={(event) => setKind(event.target.value as AnnotationKind | '')}
              >
                <option value="">Any kind</option>
                {(Object.keys(KIND_LABELS) as AnnotationKind[]).map((value) => (
                  <option key={value} value={value}>
                    {KIND_LABELS[value]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            Tag
            <input
              type="text"
              list={`${id}-tags`}
              value={tag}
              placeholder="any"
              onChange={(event) => setTag(event.target.value)}
            />
            <datalist id={`${id}-tags`}>
              {tags.map((t) => (
                <option key={t.tag} value={t.tag} />
              ))}
            </datalist>
          </label>
        </div>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <p role="status" className="library-count">
        {entries === null
          ? 'Loading…'
          : matches.length === 0
            ? 'No highlight matches.'
            : `${matches.length} match${matches.length === 1 ? '' : 'es'}${matches.length > SHOWN ? `, the first ${SHOWN} shown` : ''}`}
      </p>
      <ul className="picker-results" aria-label="Matching highlights">
        {matches.slice(0, SHOWN).map((entry) => {
          const quote =
            entry.annotation.kind === 'claim'
              ? claimTitle(entry.annotation)
              : entry.annotation.target.quote.exact
          return (
            <li key={entry.annotation.id} className="picker-result">
              <div className="entry-head">
                <KindBadge annotation={entry.annotation} />
                <Speaker annotation={entry.annotation} />
              </div>
              <p className="entry-quote">“{quote}”</p>
              <EntrySource entry={entry} />
              <div className="picker-actions" role="group" aria-label={`Link “${shorten(quote)}”`}>
                <button type="button" disabled={busy} onClick={() => void pick(entry, 'supports')}>
                  Supports
                </button>
                <button type="button" disabled={busy} onClick={() => void pick(entry, 'disputes')}>
                  Disputes
                </button>
              </div>
            </li>
          )
        })}
      </ul>
    </Modal>
  )
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
