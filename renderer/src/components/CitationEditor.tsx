// Correct an article's citation by hand: the fields the user sets win over page metadata,
// bylines and feed fields, now and after every later sync. Empty fields fall back to the sources.
import { useState, type FormEvent } from 'react'
import type { Article, CitationEdits } from '../../../shared/domain'

interface Props {
  article: Article
  onSave: (edits: CitationEdits) => Promise<boolean>
  onClose: () => void
}

const TYPES: { value: Article['citation']['type']; label: string }[] = [
  { value: 'newspaperArticle', label: 'Newspaper article' },
  { value: 'webpage', label: 'Web page' },
  { value: 'blogPost', label: 'Blog post' },
]

export function CitationEditor({ article, onSave, onClose }: Props) {
  const { citation, citationEdits } = article
  const [title, setTitle] = useState(citation.title)
  const [authors, setAuthors] = useState(citation.authors.join('; '))
  const [publisher, setPublisher] = useState(citation.publisher ?? '')
  const [published, setPublished] = useState(citation.published ?? '')
  const [url, setUrl] = useState(citation.url ?? '')
  const [type, setType] = useState(citation.type)
  const [saving, setSaving] = useState(false)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    // Only what differs from what the sources say becomes a correction.
    const edits: CitationEdits = { ...citationEdits }
    const names = authors
      .split(/[;\n]/)
      .map((name) => name.trim())
      .filter(Boolean)
    if (title.trim() && title.trim() !== citation.title) edits.title = title.trim()
    if (names.join('; ') !== citation.authors.join('; ')) edits.authors = names
    if (publisher.trim() !== (citation.publisher ?? '')) edits.publisher = publisher.trim() || null
    if (published.trim() !== (citation.published ?? '')) edits.published = published.trim() || null
    if (url.trim() !== (citation.url ?? '')) edits.url = url.trim() || null
    if (type !== citation.type) edits.type = type
    setSaving(true)
    const saved = await onSave(edits)
    setSaving(false)
    if (saved) onClose()
  }

  const reset = async (): Promise<void> => {
    if (await onSave({})) onClose()
  }

  return (
    <form className="citation-editor" aria-label="Edit citation" onSubmit={(e) => void submit(e)}>
      <label className="field">
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field">
        Authors (separated by ;)
        <input value={authors} onChange={(e) => setAuthors(e.target.value)} />
      </label>
      <label className="field">
        Publisher
        <input value={publisher} onChange={(e) => setPublisher(e.target.value)} />
      </label>
      <label className="field">
        Published (YYYY-MM-DD or ISO 8601)
        <input value={published} onChange={(e) => setPublished(e.target.value)} />
      </label>
      <label className="field">
        URL
        <input value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label className="field">
        Type
        <select value={type} onChange={(e) => setType(e.target.value as typeof type)}>
          {TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <div className="composer-actions">
        <button type="submit" className="primary" disabled={saving}>
          Save citation
        </button>
        {Object.keys(citationEdits).length > 0 && (
          <button type="button" onClick={() => void reset()}>
            Use the sources again
          </button>
        )}
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
