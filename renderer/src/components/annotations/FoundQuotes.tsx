// The quote finder's speech quotes for the open article, beside the article (where they are
// also painted, dashed): speaker, role, confidence, and one click to save one as a quote.
import type { FoundQuote } from '../../state/annotation-store'
import { LOW_CONFIDENCE } from '../ArticleContent'

interface Props {
  quotes: FoundQuote[]
  /** Whether each quote anchored in the text shown. */
  anchored: boolean[]
  onSave: (quote: FoundQuote, index: number) => void
  onHide: () => void
}

export function FoundQuotes({ quotes, anchored, onSave, onHide }: Props) {
  return (
    <section className="found-quotes" aria-label="Found quotes">
      <h2>Found quotes ({quotes.length})</h2>
      {quotes.length === 0 && <p className="empty">No direct speech found in this article.</p>}
      <ol>
        {quotes.map((q, i) => (
          <li key={`${q.start}-${q.end}`} className="found-quote-card" data-testid="found-quote">
            <blockquote>{q.text}</blockquote>
            <p className="found-meta">
              <span className="speaker">{q.speaker ?? 'Speaker unknown'}</span>
              {q.role && <span>, {q.role}</span>}{' '}
              <span className={q.confidence < LOW_CONFIDENCE ? 'low-confidence-badge' : ''}>
                confidence {Math.round(q.confidence * 100)}%
                {q.confidence < LOW_CONFIDENCE ? ' (low)' : ''}
              </span>
              {!anchored[i] && <span className="orphan-badge"> not found in this view</span>}
            </p>
            <button type="button" className="link-button" onClick={() => onSave(q, i)}>
              Save as quote
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={onHide}>
        Hide quotes
      </button>
    </section>
  )
}
