// The middle pane: items newest first with source, date, snippet, read and starred state.
// Virtualized with fixed-height rows: only the rows in view (plus overscan) are in the DOM, and
// their pages are fetched as they scroll into view — a placeholder holds a row's place meanwhile,
// so nothing jumps. The scroll position is remembered per feed or view (list-memory).
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, useRef } from 'react'
import type { ItemSummary } from '../../../shared/domain'
import { rememberPlace, rememberedPlace } from '../state/list-memory'
import { rowAt, useReader } from '../state/reader-store'
import { formatDate } from './format-date'

/** Every row's height in pixels (title, source and date, two lines of snippet). */
export const ROW_HEIGHT = 96
/** Rows rendered beyond each edge of the view, so a short scroll shows no placeholders. */
const OVERSCAN = 6
/** How long scrolling must pause before its position is written to storage. */
const SAVE_SCROLL_MS = 200

let firstRowMarked = false
const rowHeight = (): number => ROW_HEIGHT

export function ItemList() {
  const rows = useReader((s) => s.rows)
  const selectedItemId = useReader((s) => s.selectedItemId)
  const selectedIndex = useReader((s) => s.selectedIndex)
  const loadRange = useReader((s) => s.loadRange)
  const unreadOnly = useReader((s) => s.unreadOnly)
  const setUnreadOnly = useReader((s) => s.setUnreadOnly)
  const markAllRead = useReader((s) => s.markAllRead)
  const loading = useReader((s) => s.loading)
  const scrollRef = useRef<HTMLDivElement>(null)

  const virtualizer = useVirtualizer({
    count: rows.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    overscan: OVERSCAN,
    // Rows keep the default key, their index: a key function that changes with the rows would
    // make the virtualizer re-measure every row (100k) on every render.
  })
  const visible = virtualizer.getVirtualItems()
  const firstVisible = visible[0]?.index ?? 0
  const lastVisible = visible[visible.length - 1]?.index ?? 0

  // Fetch the pages of what is in view (a no-op when they are loaded).
  useEffect(() => {
    if (rows.total > 0) void loadRange(firstVisible, lastVisible)
  }, [rows, firstVisible, lastVisible, loadRange])

  // Another feed or view: back to where the reader left it (top the first time).
  const shownKey = useRef<string | null>(null)
  useLayoutEffect(() => {
    if (!rows.snapshot || shownKey.current === rows.key) return
    shownKey.current = rows.key
    virtualizer.scrollToOffset(rememberedPlace(rows.key).scrollTop)
  }, [rows.key, rows.snapshot, virtualizer])

  // j / k / n moved the selection: bring its row into view.
  useEffect(() => {
    if (selectedIndex !== null) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtualizer])

  // Remember the scroll position once scrolling pauses.
  useEffect(() => {
    const element = scrollRef.current
    if (!element) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const onScroll = (): void => {
      clearTimeout(timer)
      const key = useReader.getState().rows.key
      timer = setTimeout(() => {
        if (shownKey.current === key) rememberPlace(key, { scrollTop: element.scrollTop })
      }, SAVE_SCROLL_MS)
    }
    element.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      clearTimeout(timer)
      element.removeEventListener('scroll', onScroll)
    }
  }, [])

  const firstLoaded = rows.total > 0 && rowAt(rows, firstVisible) !== undefined
  useEffect(() => {
    // For the UI benchmark: when the first real rows were painted after page load.
    if (firstLoaded && !firstRowMarked) {
      firstRowMarked = true
      requestAnimationFrame(() => performance.mark('reader:first-rows'))
    }
  }, [firstLoaded])

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
        <span>
          {rows.total} items{rows.unreadTotal > 0 ? ` · ${rows.unreadTotal} unread` : ''}
        </span>
        <button
          type="button"
          className="link-button"
          disabled={rows.unreadTotal === 0}
          onClick={() => void markAllRead()}
        >
          Mark all read
        </button>
      </header>
      {rows.total === 0 && !loading && (
        <p className="empty">No items here yet. Add a feed or sync.</p>
      )}
      <div className="item-list-scroll" ref={scrollRef}>
        <ul
          role="listbox"
          aria-label="Articles"
          className="item-rows"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {visible.map((row) => {
            const item = rowAt(rows, row.index)
            const selected =
              selectedIndex !== null ? row.index === selectedIndex : item?.id === selectedItemId
            const place = {
              height: ROW_HEIGHT,
              transform: `translateY(${row.start}px)`,
            }
            if (!item)
              return (
                <li
                  key={row.key}
                  role="option"
                  aria-selected={selected}
                  aria-busy="true"
                  aria-setsize={rows.total}
                  aria-posinset={row.index + 1}
                  className={`item placeholder ${selected ? 'selected' : ''}`}
                  style={place}
                >
                  <div className="item-title">Loading…</div>
                </li>
              )
            return (
              <ItemRow
                key={row.key}
                item={item}
                index={row.index}
                start={row.start}
                total={rows.total}
                selected={selected}
                tabbable={selected || (selectedIndex === null && row.index === firstVisible)}
              />
            )
          })}
        </ul>
      </div>
    </section>
  )
}

interface ItemRowProps {
  item: ItemSummary
  index: number
  start: number
  total: number
  selected: boolean
  /** The one row in the tab order: the selected one, else the first in view. */
  tabbable: boolean
}

/**
 * One loaded row. Memoized: opening an article changes the selection of two rows and the read
 * state of one; the other rows in view keep their elements untouched.
 */
const ItemRow = memo(function ItemRow({
  item,
  index,
  start,
  total,
  selected,
  tabbable,
}: ItemRowProps) {
  const open = (): void => void useReader.getState().openItem(item.id, index)
  return (
    <li
      role="option"
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      className={`item ${item.read ? 'read' : 'unread'} ${selected ? 'selected' : ''}`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter') open()
      }}
      tabIndex={tabbable ? 0 : -1}
    >
      <div className="item-title">{item.title}</div>
      <div className="item-meta">
        <span className="item-source">{item.feedTitle}</span>
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
  )
})
