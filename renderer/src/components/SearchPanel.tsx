// The middle pane's search: one box (full text over titles, bodies, authors, feeds, highlights
// and notes, with query words), filter controls that write those words for you, and ranked hits
// with their snippets in place of the item list while a query is on.
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { MethodValue } from '../../../shared/contract'
import { useReader } from '../state/reader-store'
import { useSearch } from '../state/search-store'
import { hasWord, setWord, toggleIs, wordValue } from '../search/query-words'
import { formatDate } from './format-date'

type Snippet = MethodValue<'search'>['hits'][number]['snippets'][number]

const FIELD_LABELS: Record<Snippet['field'], string> = {
  title: 'Title',
  body: 'Text',
  author: 'Author',
  feed: 'Feed',
  highlight: 'Highlight',
  note: 'Note',
}

export function SearchBox() {
  const query = useSearch((s) => s.query)
  const setQuery = useSearch((s) => s.setQuery)
  const clear = useSearch((s) => s.clear)
  const [filters, setFilters] = useState(false)
  return (
    <div className="search" role="search">
      <div className="search-row">
        <input
          id="search-box"
          type="search"
          aria-label="Search"
          placeholder="Search  ( / )"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault()
              if (query) clear()
              else e.currentTarget.blur()
            }
            if (e.key === 'Enter' || e.key === 'ArrowDown') {
              e.preventDefault()
              void useSearch.getState().move(1)
            }
          }}
        />
        <button
          type="button"
          className="icon-button"
          aria-expanded={filters}
          aria-controls="search-filters"
          onClick={() => setFilters((shown) => !shown)}
        >
          Filters
        </button>
      </div>
      {filters && <SearchFilters />}
    </div>
  )
}

function SearchFilters() {
  const query = useSearch((s) => s.query)
  const setQuery = useSearch((s) => s.setQuery)
  const feedId = useReader((s) => s.selectedFeedId)
  const folder = useReader((s) => s.selectedFolder)
  const scope = wordValue(query, 'feed') ? 'feed' : wordValue(query, 'folder') ? 'folder' : 'all'
  const setScope = (value: string): void => {
    let next = setWord(setWord(query, 'feed', null), 'folder', null)
    if (value === 'feed' && feedId) next = setWord(next, 'feed', feedId)
    if (value === 'folder' && folder?.length) next = setWord(next, 'folder', folder.join('/'))
    setQuery(next)
  }
  return (
    <fieldset id="search-filters" className="search-filters">
      <legend className="visually-hidden">Search filters</legend>
      <label className="field">
        Where
        <select value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="all">Everywhere</option>
          <option value="feed" disabled={!feedId && scope !== 'feed'}>
            This feed
          </option>
          <option value="folder" disabled={!folder?.length && scope !== 'folder'}>
            This folder
          </option>
        </select>
      </label>
      <div className="search-is">
        {(
          [
            ['unread', 'Unread'],
            ['starred', 'Starred'],
            ['annotated', 'Highlighted'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="choice">
            <input
              type="checkbox"
              checked={hasWord(query, 'is', value)}
              onChange={(e) => setQuery(toggleIs(query, value, e.target.checked))}
            />
            {label}
          </label>
        ))}
      </div>
      <label className="field">
        Tag
        <input
          type="text"
          value={wordValue(query, 'tag') ?? ''}
          onChange={(e) => setQuery(setWord(query, 'tag', e.target.value.trim() || null))}
        />
      </label>
      <div className="search-dates">
        <label className="field">
          From
          <input
            type="date"
            value={wordValue(query, 'after') ?? ''}
            onChange={(e) => setQuery(setWord(query, 'after', e.target.value || null))}
          />
        </label>
        <label className="field">
          Before
          <input
            type="date"
            value={wordValue(query, 'before') ?? ''}
            onChange={(e) => setQuery(setWord(query, 'before', e.target.value || null))}
          />
        </label>
      </div>
    </fieldset>
  )
}

/** Plain text with its hits marked — built as elements, never as HTML. */
function Marked({ text, marks }: { text: string; marks: [number, number][] }) {
  const parts: ReactNode[] = []
  let at = 0
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue
    if (start > at) parts.push(text.slice(at, start))
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>)
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}

export function SearchResults() {
  const result = useSearch((s) => s.result)
  const pending = useSearch((s) => s.pending)
  const error = useSearch((s) => s.error)
  const selected = useSearch((s) => s.selected)
  const open = useSearch((s) => s.open)
  const more = useSearch((s) => s.more)
  const listRef = useRef<HTMLUListElement>(null)

  useEffect(() => {
    if (selected === null) return
    listRef.current
      ?.querySelector(`[data-index="${selected}"]`)
      ?.scrollIntoView({ block: 'nearest' })
  }, [selected])

  return (
    <section className="item-list search-results" aria-label="Search results" aria-busy={pending}>
      <header className="item-list-header">
        <span role="status">
          {error
            ? error
            : !result
              ? 'Searching…'
              : `${result.totalIsEstimate ? 'about ' : ''}${result.total} result${result.total === 1 ? '' : 's'}${result.total > result.hits.length ? ` (best ${result.hits.length} shown)` : ''}`}
        </span>
        {result && <span className="muted">{Math.round(result.tookMs)} ms</span>}
      </header>
      {result?.problems.map((problem) => (
        <p key={problem} className="form-error search-problem">
          {problem}
        </p>
      ))}
      {result?.indexing && (
        <p className="hint search-indexing">
          Indexing the library: {result.indexing.done} of {result.indexing.total} articles so far;
          results may be incomplete.
        </p>
      )}
      {result && result.hits.length === 0 && (
        <p className="empty">Nothing matches. Fewer words, or other filters?</p>
      )}
      <div className="item-list-scroll">
        <ul role="listbox" aria-label="Search results" ref={listRef}>
          {result?.hits.map((hit, index) => (
            <li
              key={hit.item.id}
              data-index={index}
              role="option"
              aria-selected={index === selected}
              tabIndex={index === (selected ?? 0) ? 0 : -1}
              className={`item search-hit ${hit.item.read ? 'read' : 'unread'} ${index === selected ? 'selected' : ''}`}
              onClick={() => void open(index)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void open(index)
              }}
            >
              <div className="item-title">{hit.item.title}</div>
              <div className="item-meta">
                <span className="item-source">{hit.item.feedTitle}</span>
                <span>{formatDate(hit.item.published ?? hit.item.firstSeenAt)}</span>
                {hit.item.starred && (
                  <span className="item-star" aria-label="Starred">
                    ★
                  </span>
                )}
                {hit.item.annotationCount > 0 && (
                  <span className="item-annotations">✎ {hit.item.annotationCount}</span>
                )}
              </div>
              {hit.snippets
                .filter((snippet) => snippet.field !== 'title')
                .map((snippet, n) => (
                  <p key={n} className="search-snippet">
                    <span className="snippet-field">{FIELD_LABELS[snippet.field]}:</span>{' '}
                    <Marked text={snippet.text} marks={snippet.marks} />
                  </p>
                ))}
            </li>
          ))}
        </ul>
        {result && result.total > result.hits.length && result.hits.length < 500 && (
          <button type="button" className="more-results" onClick={() => void more()}>
            More results
          </button>
        )}
      </div>
    </section>
  )
}
