// The reader pane: citation header, the article with its highlights, the composer for a new
// highlight, the list of highlights (and orphans), and the Markdown export.
import { useCallback, useState } from 'react'
import type { Annotation, Article } from '../../../shared/domain'
import { useReader } from '../state/reader-store'
import { ArticleContent, type TextSelection } from './ArticleContent'
import { CitationEditor } from './CitationEditor'
import { VersionsPanel } from './VersionsPanel'
import { ExportDialog } from './ExportDialog'
import { HighlightComposer } from './HighlightComposer'
import { formatDate } from './format-date'

const KIND_LABEL = { plain: 'Highlight', quote: 'Quote', claim: 'Claim' } as const

export function ArticleView({ article }: { article: Article }) {
  const annotations = useReader((s) => s.annotations)
  const createAnnotation = useReader((s) => s.createAnnotation)
  const deleteAnnotation = useReader((s) => s.deleteAnnotation)
  const exportMarkdown = useReader((s) => s.exportMarkdown)
  const [selection, setSelection] = useState<TextSelection | null>(null)
  const [orphans, setOrphans] = useState<Annotation[]>([])
  const [note, setNote] = useState<{ fileName: string; markdown: string } | null>(null)
  const [showOriginal, setShowOriginal] = useState(false)
  const [editingCitation, setEditingCitation] = useState(false)
  const [showVersions, setShowVersions] = useState(false)
  const [showFeedVersion, setShowFeedVersion] = useState(false)
  const [fetchingFullText, setFetchingFullText] = useState(false)
  const fetchFullText = useReader((s) => s.fetchFullText)
  const { fullText } = article
  const shownHtml =
    fullText.status === 'available' && !showFeedVersion ? fullText.contentHtml : article.contentHtml
  const updateCitation = useReader((s) => s.updateCitation)
  const toggleStar = useReader((s) => s.toggleStar)
  const [hiddenBlocks, setHiddenBlocks] = useState(0)
  const { citation } = article
  const citedDate = citation.published ?? article.published

  const onSelect = useCallback((picked: TextSelection | null) => setSelection(picked), [])

  return (
    <article className="article" aria-label={article.title}>
      <header className="article-header">
        <p className="article-source">{article.feedTitle}</p>
        <h1>{article.title}</h1>
        <p className="article-meta" aria-label="Citation">
          {citation.authors.length > 0 && (
            <span className="byline">By {citation.authors.join(', ')}</span>
          )}
          {citation.publisher && <span>{citation.publisher}</span>}
          <span>
            {citedDate ? formatDate(citedDate) : `First seen ${formatDate(article.firstSeenAt)}`}
          </span>
          {article.link && (
            <a href={article.link} target="_blank" rel="noopener noreferrer">
              Original
            </a>
          )}
        </p>
        <div className="article-actions">
          <button
            type="button"
            aria-pressed={article.starred}
            onClick={() => void toggleStar(article.id)}
          >
            {article.starred ? '★ Starred' : '☆ Star'}
          </button>
          {hiddenBlocks > 0 && (
            <button
              type="button"
              onClick={() => setShowOriginal((v) => !v)}
              aria-pressed={showOriginal}
            >
              {showOriginal
                ? 'Show cleaned'
                : `Show original (${hiddenBlocks} relay line${hiddenBlocks === 1 ? '' : 's'} hidden)`}
            </button>
          )}
          {fullText.status === 'available' ? (
            <button
              type="button"
              aria-pressed={showFeedVersion}
              onClick={() => setShowFeedVersion((v) => !v)}
            >
              {showFeedVersion ? 'Show full text' : 'Show feed version'}
            </button>
          ) : (
            article.link && (
              // A failure is told on this button (label and tooltip), not in a new block: the
              // article must not move under a reader who is already selecting text.
              <button
                type="button"
                disabled={fetchingFullText}
                title={
                  fullText.status === 'failed'
                    ? `Full text unavailable: ${fullText.reason}. Showing the feed version.`
                    : undefined
                }
                onClick={() => {
                  setFetchingFullText(true)
                  void fetchFullText().finally(() => setFetchingFullText(false))
                }}
              >
                {fetchingFullText
                  ? 'Fetching full text…'
                  : fullText.status === 'failed'
                    ? 'Full text unavailable — retry'
                    : article.summaryOnly
                      ? 'Fetch full text (teaser only)'
                      : 'Fetch full text'}
              </button>
            )
          )}
          <button type="button" onClick={() => setEditingCitation((v) => !v)}>
            Edit citation
          </button>
          {article.versions.length > 1 && (
            <button
              type="button"
              aria-pressed={showVersions}
              onClick={() => setShowVersions((v) => !v)}
            >
              Versions ({article.versions.length})
            </button>
          )}
          <button type="button" onClick={() => void exportMarkdown().then(setNote)}>
            Export Markdown
          </button>
        </div>
      </header>
      {showVersions && article.versions.length > 1 && <VersionsPanel article={article} />}
      {editingCitation && (
        <CitationEditor
          article={article}
          onSave={updateCitation}
          onClose={() => setEditingCitation(false)}
        />
      )}

      {selection && (
        <HighlightComposer
          key={`${selection.target.position.start}-${selection.target.position.end}`}
          text={selection.text}
          onCancel={() => {
            setSelection(null)
            window.getSelection()?.removeAllRanges()
          }}
          onSave={(input) => createAnnotation({ ...input, target: selection.target })}
        />
      )}

      <ArticleContent
        html={shownHtml}
        title={article.title}
        feedAuthor={article.author}
        cleaned={!showOriginal}
        onCleaned={setHiddenBlocks}
        annotations={annotations}
        onSelect={onSelect}
        onOrphans={setOrphans}
      />

      <section className="highlights" aria-label="Highlights">
        <h2>Highlights ({annotations.length})</h2>
        {annotations.length === 0 && (
          <p className="empty">Select text in the article to highlight a quote or a claim.</p>
        )}
        <ol>
          {annotations.map((a) => (
            <li key={a.id} className={`highlight-card kind-${a.kind}`} data-testid="highlight-card">
              <span className="kind-badge">{KIND_LABEL[a.kind]}</span>
              {orphans.some((o) => o.id === a.id) && (
                <span className="orphan-badge">not found in this text</span>
              )}
              <blockquote>{a.target.quote.exact}</blockquote>
              {a.note && <p className="note">{a.note}</p>}
              {a.tags.length > 0 && <p className="tags">{a.tags.map((t) => `#${t}`).join(' ')}</p>}
              <button
                type="button"
                className="link-button"
                onClick={() => void deleteAnnotation(a.id)}
              >
                Delete
              </button>
            </li>
          ))}
        </ol>
      </section>

      {note && <ExportDialog note={note} onClose={() => setNote(null)} />}
    </article>
  )
}
