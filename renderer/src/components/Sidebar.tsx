// The left pane: add a feed, sync with progress, and the feed list with unread counts and
// error badges whose tooltip gives the reason.
import { useState, type FormEvent } from 'react'
import { useReader, type SmartView } from '../state/reader-store'

const SMART_VIEWS: { view: SmartView; label: string }[] = [
  { view: 'all', label: 'All items' },
  { view: 'unread', label: 'Unread' },
  { view: 'starred', label: 'Starred' },
  { view: 'annotated', label: 'Highlighted' },
]

export function Sidebar() {
  const feeds = useReader((s) => s.feeds)
  const selectedFeedId = useReader((s) => s.selectedFeedId)
  const selectFeed = useReader((s) => s.selectFeed)
  const selectView = useReader((s) => s.selectView)
  const view = useReader((s) => s.view)
  const addFeed = useReader((s) => s.addFeed)
  const syncAll = useReader((s) => s.syncAll)
  const sync = useReader((s) => s.sync)
  const [url, setUrl] = useState('')
  const [adding, setAdding] = useState(false)
  const totalUnread = feeds.reduce((sum, f) => sum + f.unreadCount, 0)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!url.trim()) return
    setAdding(true)
    if (await addFeed(url.trim())) setUrl('')
    setAdding(false)
  }

  return (
    <nav className="sidebar" aria-label="Feeds">
      <form className="add-feed" onSubmit={(e) => void submit(e)}>
        <label htmlFor="feed-url" className="visually-hidden">
          Feed URL
        </label>
        <input
          id="feed-url"
          type="url"
          placeholder="Add a feed URL…"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          disabled={adding}
        />
        <button type="submit" disabled={adding}>
          {adding ? 'Adding…' : 'Add'}
        </button>
      </form>
      <div className="sync">
        <button type="button" onClick={() => void syncAll()} disabled={Boolean(sync)}>
          {sync ? 'Syncing…' : 'Sync all'}
        </button>
        {sync && (
          <progress
            aria-label="Sync progress"
            max={Math.max(1, sync.total)}
            value={sync.done}
            title={`${sync.done}/${sync.total} feeds, ${sync.newItems} new items`}
          />
        )}
      </div>
      <ul className="feed-list">
        {SMART_VIEWS.map((smart) => (
          <li key={smart.view}>
            <button
              type="button"
              className={selectedFeedId === null && view === smart.view ? 'selected' : ''}
              aria-current={selectedFeedId === null && view === smart.view ? 'page' : undefined}
              onClick={() => void selectView(smart.view)}
            >
              <span className="feed-title">{smart.label}</span>
              {smart.view === 'all' && totalUnread > 0 && (
                <span className="count">{totalUnread}</span>
              )}
            </button>
          </li>
        ))}
        {feeds.map((feed) => (
          <li key={feed.id}>
            <button
              type="button"
              className={selectedFeedId === feed.id ? 'selected' : ''}
              onClick={() => void selectFeed(feed.id)}
              title={feed.url}
            >
              <span className="feed-title">{feed.title}</span>
              {feed.lastError && (
                <span
                  className="error-badge"
                  title={`${feed.lastError.message} (${feed.lastError.code})`}
                  aria-label={`Error: ${feed.lastError.message}`}
                >
                  !
                </span>
              )}
              {feed.unreadCount > 0 && <span className="count">{feed.unreadCount}</span>}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
