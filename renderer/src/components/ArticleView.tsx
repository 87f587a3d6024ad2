// The reader pane: citation header, the article with its highlights, the composer for a new
// highlight, the list of highlights (and orphans), the quote finder, and the way to the export.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { describeTextRange } from '../../../shared/anchoring/describe-text-range'
import type { Annotation, Article, MadeOn } from '../../../shared/domain'
import { useReader } from '../state/reader-store'
import { useUi } from '../state/ui-store'
import { DEFAULT_COLOR, useAnnotations, type FoundQuote } from '../state/annotation-store'
import { ArticleContent, type TextSelection } from './ArticleContent'
import { CitationEditor } from './CitationEditor'
import { VersionsPanel } from './VersionsPanel'
import { HighlightComposer } from './HighlightComposer'
import { HighlightCard } from './annotations/HighlightCard'
import { FoundQuotes } from './annotations/FoundQuotes'
import { formatDate } from './format-date'

type Span = { start: number; end: number } | null

/** Text compared loosely: no quotation marks, case or spacing differences. */
const loose = (text: string): string =>
  text
    .replace(/[“”„"‘’‚'«»]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

/** The found speech quote a selection is (or is inside of, or wraps), if any. */
function matchingQuote(text: string, quotes: FoundQuote[]): FoundQuote | null {
  const picked = loose(text)
  if (picked.length < 8) return null
  return (
    quotes.find((q) => {
      const quote = loose(q.text)
      return q.isSpeech && quote && (picked.includes(quote) || quote.includes(picked))
    }) ?? null
  )
}

export function ArticleView({ article }: { article: Article }) {
  const annotations = useReader((s) => s.annotations)
  const openDialog = useUi((s) => s.open)
  const createAnnotation = useAnnotations((s) => s.create)
  const tagOptions = useAnnotations((s) => s.tags)
  const loadTags = useAnnotations((s) => s.loadTags)
  const quotesOf = useAnnotations((s) => s.quotesOf)
  const showQuotes = useAnnotations((s) => s.showQuotes)
  const hideQuotes = useAnnotations((s) => s.hideQuotes)
  const showingQuotes = useAnnotations((s) => s.showingQuotesFor === article.id)
  const foundForItem = useAnnotations((s) => s.found[article.id])
  const [findingQuotes, setFindingQuotes] = useState(false)
  const [selection, setSelection] = useState<
    (TextSelection & { suggestion: FoundQuote | null }) | null
  >(null)
  // The tags in use, for the composer's suggestions: fetched when it opens, not with every article.
  const composing = selection !== null
  useEffect(() => {
    if (composing) void loadTags()
  }, [composing, loadTags])
  const [quoteSpans, setQuoteSpans] = useState<Span[]>([])
  const shownText = useRef('')
  const articleRef = useRef<HTMLElement>(null)
  const [orphans, setOrphans] = useState<Annotation[]>([])
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

  // Only the newest selection may open the composer (the quote finder answers asynchronously).
  const selections = useRef(0)
  const onSelect = useCallback(
    (picked: TextSelection | null) => {
      const request = ++selections.current
      if (!picked) return setSelection(null)
      void quotesOf(article.id).then((quotes) => {
        if (request !== selections.current) return
        setSelection({ ...picked, suggestion: matchingQuote(picked.text, quotes) })
      })
    },
    [article.id, quotesOf],
  )

  const view: MadeOn['view'] =
    fullText.status === 'available' && !showFeedVersion
      ? 'full-text'
      : showOriginal
        ? 'original'
        : 'feed'
  const madeOn: MadeOn = {
    version:
      article.versions.find((v) => v.current)?.index ?? Math.max(0, article.versions.length - 1),
    view,
  }

  // The speech quotes found, minus those already saved as highlights.
  const shownQuotes = useMemo(() => {
    if (!showingQuotes || !foundForItem) return []
    const saved = new Set(annotations.map((a) => loose(a.target.quote.exact)))
    return foundForItem.filter((q) => q.isSpeech && !saved.has(loose(q.text)))
  }, [showingQuotes, foundForItem, annotations])

  const onQuotesAnchored = useCallback((spans: Span[], text: string) => {
    shownText.current = text
    setQuoteSpans(spans)
  }, [])

  const saveFoundQuote = (quote: FoundQuote, index: number): void => {
    const span = quoteSpans[index]
    const target = span ? describeTextRange(shownText.current, span.start, span.end) : quote.target
    void createAnnotation({
      draft: {
        kind: 'quote',
        color: DEFAULT_COLOR.quote,
        note: '',
        tags: [],
        speaker: quote.speaker ? { name: quote.speaker, role: quote.role } : null,
        status: 'unverified',
        restated: null,
      },
      target,
      madeOn,
    })
  }

  /** Scrolls the article to a highlight and flashes it. */
  const showHighlight = (annotation: Annotation): void => {
    const marks = articleRef.current?.querySelectorAll<HTMLElement>(
      `mark[data-annotation-id="${CSS.escape(annotation.id)}"]`,
    )
    if (!marks?.length) return
    marks[0]!.scrollIntoView({ block: 'center', behavior: 'smooth' })
    for (const mark of marks) {
      mark.classList.remove('flash')
      void mark.offsetWidth // restart the animation
      mark.classList.add('flash')
    }
    window.setTimeout(() => {
      for (const mark of marks) mark.classList.remove('flash')
    }, 1600)
  }

  const orphanIds = new Set(orphans.map((o) => o.id))
  const placed = annotations.filter((a) => !orphanIds.has(a.id))
  const lost = annotations.filter((a) => orphanIds.has(a.id))

  return (
    <article className="article" aria-label={article.title} ref={articleRef}>
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
          <button
            type="button"
            aria-pressed={showingQuotes}
            disabled={findingQuotes}
            onClick={() => {
              if (showingQuotes) return hideQuotes()
              setFindingQuotes(true)
              void showQuotes(article.id).finally(() => setFindingQuotes(false))
            }}
          >
            {findingQuotes ? 'Finding quotes…' : showingQuotes ? 'Hide quotes' : 'Find quotes'}
          </button>
          <button
            type="button"
            aria-keyshortcuts="e"
            onClick={() =>
              openDialog({
                kind: 'export',
                article: { id: article.id, title: article.title },
                filters: null,
              })
            }
          >
            Export…
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
          suggestion={
            selection.suggestion?.speaker
              ? { name: selection.suggestion.speaker, role: selection.suggestion.role }
              : null
          }
          tagOptions={tagOptions}
          onCancel={() => {
            setSelection(null)
            window.getSelection()?.removeAllRanges()
          }}
          onSave={async (draft) =>
            Boolean(await createAnnotation({ draft, target: selection.target, madeOn }))
          }
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
        quotes={shownQuotes}
        onQuotesAnchored={onQuotesAnchored}
      />

      {showingQuotes && (
        <FoundQuotes
          quotes={shownQuotes}
          anchored={shownQuotes.map((_, i) => Boolean(quoteSpans[i]))}
          onSave={saveFoundQuote}
          onHide={hideQuotes}
        />
      )}

      <section className="highlights" aria-label="Highlights">
        <h2>Highlights ({annotations.length})</h2>
        {annotations.length === 0 && (
          <p className="empty">Select text in the article to highlight a quote or a claim.</p>
        )}
        <ol>
          {placed.map((a) => (
            <HighlightCard key={a.id} annotation={a} orphan={false} onShow={showHighlight} />
          ))}
        </ol>
        {lost.length > 0 && (
          <section className="orphans" aria-label="Not found in this version">
            <h3>Not found in this version ({lost.length})</h3>
            <p className="empty">
              The text these highlights were made on is not in the version shown. They are kept.
            </p>
            <ol>
              {lost.map((a) => (
                <HighlightCard key={a.id} annotation={a} orphan onShow={showHighlight} />
              ))}
            </ol>
          </section>
        )}
      </section>
    </article>
  )
}
