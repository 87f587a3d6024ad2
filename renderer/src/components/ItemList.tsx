// The middle pane: items newest first with source, date, snippet and read state.
// (Virtualization for 100k items comes with the reading-UI issue.)
import { useReader } from '../state/reader-store'
import { formatDate } from './format-date'

export function ItemList() {
  const items = useReader((s) => s.items)
  const selectedItemId = useReader((s) => s.selectedItemId)
  const openItem = useReader((s) => s.openItem)
  const unreadOnly = useReader((s) => s.unreadOnly)
  const setUnreadOnly = useReader((s) => s.setUnreadOnly)
  const markAllRead = useReader((s) => s.markAllRead)

  return (
    <section className="item-list" aria-label="Items">
      <header className="item-list-header">
        <label>
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => void setUnreadOnly(e.target.checked)}
          />{' '}
          Unread only
        </label>
        <span>{items.length} items</span>
        <button
          type="button"
          className="link-button"
          disabled={!items.some((item) => !item.read)}
          onClick={() => void markAllRead()}
        >
          Mark all read
        </button>
      </header>
      {items.length === 0 && <p className="empty">No items here yet. Add a feed or sync.</p>}
      <ul role="listbox" aria-label="Articles">
        {items.map((item) => (
          <li
            key={item.id}
            role="option"
            aria-selected={item.id === selectedItemId}
            className={`item ${item.read ? 'read' : 'unread'} ${item.id === selectedItemId ? 'selected' : ''}`}
            onClick={() => void openItem(item.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void openItem(item.id)
            }}
            tabIndex={0}
          >
            <div className="item-title">{item.title}</div>
            <div className="item-meta">
              <span>{item.feedTitle}</span>
              <span>{formatDate(item.published ?? item.firstSeenAt)}</span>
              {item.starred && (
                <span className="item-star" aria-label="Starred">
                  ★
                </span>
              )}
              {item.annotationCount > 0 && (
                <span className="item-annotations">✎ {item.annotationCount}</span>
              )}
            </div>
            <div className="item-snippet">{item.snippet}</div>
          </li>
        ))}
      </ul>
    </section>
  )
}
