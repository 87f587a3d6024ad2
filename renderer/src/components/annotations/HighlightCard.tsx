// One highlight in the article's list: kind, colour, the quoted text (a button that shows it in
// the article), speaker or claim status, the note rendered as Markdown, tags; Edit, Copy cited
// quote (Markdown with its citation on the clipboard) and Delete.
import { useEffect, useState } from 'react'
import type { Annotation } from '../../../../shared/domain'
import { useAnnotations } from '../../state/annotation-store'
import { HighlightComposer, KINDS, StatusHistory } from '../HighlightComposer'
import { LinkAsEvidence } from '../library/LinkAsEvidence'
import { Markdown } from './Markdown'

const KIND_LABEL = Object.fromEntries(KINDS.map((k) => [k.kind, k.label])) as Record<
  Annotation['kind'],
  string
>

interface Props {
  annotation: Annotation
  orphan: boolean
  onShow: (annotation: Annotation) => void
}

export function HighlightCard({ annotation: a, orphan, onShow }: Props) {
  const [editing, setEditing] = useState(false)
  // Tag suggestions for the form, fetched when it opens.
  useEffect(() => {
    if (editing) void useAnnotations.getState().loadTags()
  }, [editing])
  const update = useAnnotations((s) => s.update)
  const remove = useAnnotations((s) => s.remove)
  const copyCitedQuote = useAnnotations((s) => s.copyCitedQuote)
  const tags = useAnnotations((s) => s.tags)
  const quote = a.target.quote.exact
  const history = a.claim?.history ?? []

  return (
    <li
      className={`highlight-card kind-${a.kind} color-${a.color}${orphan ? ' orphan' : ''}`}
      data-testid="highlight-card"
      data-annotation-id={a.id}
    >
      <p className="card-head">
        <span className="kind-badge">{KIND_LABEL[a.kind]}</span>
        <span
          className={`color-dot color-${a.color}`}
          role="img"
          aria-label={`Colour: ${a.color}`}
        />
        {a.kind === 'quote' && a.speaker && (
          <span className="speaker">
            {a.speaker.name}
            {a.speaker.role ? `, ${a.speaker.role}` : ''}
          </span>
        )}
        {a.kind === 'claim' && a.claim && (
          <span className={`status status-${a.claim.status}`}>{a.claim.status}</span>
        )}
        {orphan && <span className="orphan-badge">not found in this version</span>}
      </p>
      {orphan ? (
        <blockquote>{quote}</blockquote>
      ) : (
        <button
          type="button"
          className="card-quote"
          title="Show in the article"
          onClick={() => onShow(a)}
        >
          <blockquote>{quote}</blockquote>
        </button>
      )}
      {a.claim?.restated && <p className="restated">Restated: {a.claim.restated}</p>}
      {a.note && <Markdown source={a.note} className="note" />}
      {a.tags.length > 0 && <p className="tags">{a.tags.map((t) => `#${t}`).join(' ')}</p>}
      {a.kind === 'claim' && history.length > 1 && (
        <StatusHistory history={history} label="Status history" />
      )}
      {editing ? (
        <HighlightComposer
          text={quote}
          initial={a}
          tagOptions={tags}
          onCancel={() => setEditing(false)}
          onSave={(draft) => update(a, draft)}
        />
      ) : (
        <div className="card-actions">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button
            type="button"
            className="link-button"
            title="Copy the quote with its citation as Markdown"
            onClick={() => void copyCitedQuote(a.id)}
          >
            Copy cited quote
          </button>
          {a.kind !== 'claim' && <LinkAsEvidence annotation={a} />}
          <button type="button" className="link-button" onClick={() => void remove(a)}>
            Delete
          </button>
        </div>
      )}
    </li>
  )
}
