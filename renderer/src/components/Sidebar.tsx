// The left pane: add a feed, sync (with progress, the new-items count and the offline state),
// settings; the smart views; folders and feeds with unread counts and error badges whose tooltip
// gives the reason (drag a feed onto a folder, or onto "Subscriptions" for the top level, to move
// it — or use its settings); and the failing feeds with their reasons and a retry.
import { memo, useDeferredValue, useMemo, useRef, useState, type DragEvent } from 'react'
import type { Feed } from '../../../shared/domain'
import { buildFeedTree, folderKey, shareUnchanged, type FolderNode } from '../sidebar/feed-tree'
import { useOnline } from '../sync/use-background-sync'
import { useAnnotationsView } from '../state/annotations-view-store'
import { useReader, type SmartView } from '../state/reader-store'
import { updateFeed } from '../state/subscriptions'
import { useUi } from '../state/ui-store'

/** The drag payload of a feed row: its id. */
const FEED_DRAG_TYPE = 'application/x-reader-feed'

/** Drop handlers that move a dragged feed into `path` ([] = top level), with a hover state. */
function useFeedDrop(path: string[]) {
  const [over, setOver] = useState(false)
  const accepts = (event: DragEvent): boolean => event.dataTransfer.types.includes(FEED_DRAG_TYPE)
  return {
    over,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!accepts(event)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'move'
        setOver(true)
      },
      onDragLeave: () => setOver(false),
      onDrop: (event: DragEvent) => {
        setOver(false)
        const feedId = event.dataTransfer.getData(FEED_DRAG_TYPE)
        if (!feedId) return
        event.preventDefault()
        void updateFeed({ feedId, folder: path }).then((result) => {
          if (!result.ok) useReader.setState({ message: { kind: 'error', text: result.error } })
        })
      },
    },
  }
}

/** Back to reading from the library-wide highlight views, when one is open. */
function leaveLibraryView(): void {
  if (useAnnotationsView.getState().view) useAnnotationsView.getState().close()
}

const SMART_VIEWS: { view: SmartView; label: string }[] = [
  { view: 'all', label: 'All items' },
  { view: 'unread', label: 'Unread' },
  { view: 'starred', label: 'Starred' },
  { view: 'annotated', label: 'Highlighted' },
]

/** The library-wide highlight views, in place of the list and the reader. */
const LIBRARY_VIEWS = [
  { kind: 'annotations', label: 'Annotations' },
  { kind: 'claims', label: 'Claims' },
] as const

export function Sidebar() {
  // The feed tree (1,000 rows in a big library) renders after the item list, not with it: the
  // list is what the reader waits for when the window opens.
  const feeds = useDeferredValue(useReader((s) => s.feeds))
  const selectedFeedId = useReader((s) => s.selectedFeedId)
  const selectView = useReader((s) => s.selectView)
  const view = useReader((s) => s.view)
  const libraryView = useAnnotationsView((s) => s.view)
  const showLibraryView = useAnnotationsView((s) => s.show)
  const open = useUi((s) => s.open)
  // Unchanged folders keep their objects, so their memoized rows do not render again.
  const previousTree = useRef<FolderNode | null>(null)
  const tree = useMemo(
    () => (previousTree.current = shareUnchanged(buildFeedTree(feeds), previousTree.current)),
    [feeds],
  )
  const failing = feeds.filter((feed) => feed.lastError)

  return (
    <nav className="sidebar" aria-label="Feeds">
      <div className="toolbar">
        <button type="button" onClick={() => open({ kind: 'add-feed' })}>
          + Add feed
        </button>
        <SyncButton />
        <button
          type="button"
          className="icon-button"
          aria-label="Settings"
          title="Settings"
          onClick={() => open({ kind: 'settings' })}
        >
          ⚙
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => open({ kind: 'help' })}
        >
          ?
        </button>
      </div>
      <SyncStatus />
      <ul className="feed-list" aria-label="Views">
        {SMART_VIEWS.map((smart) => {
          const current = !libraryView && selectedFeedId === null && view === smart.view
          return (
            <li key={smart.view}>
              <button
                type="button"
                className={current ? 'selected' : ''}
                aria-current={current ? 'page' : undefined}
                onClick={() => {
                  leaveLibraryView()
                  void selectView(smart.view)
                }}
              >
                <span className="feed-title">{smart.label}</span>
                {(smart.view === 'all' || smart.view === 'unread') && tree.unread > 0 && (
                  <span className="count">{tree.unread}</span>
                )}
              </button>
            </li>
          )
        })}
        {LIBRARY_VIEWS.map((library) => {
          const current =
            libraryView?.kind === library.kind ||
            (libraryView?.kind === 'claim' && libraryView.from === library.kind)
          return (
            <li key={library.kind}>
              <button
                type="button"
                className={current ? 'selected' : ''}
                aria-current={current ? 'page' : undefined}
                onClick={() => void showLibraryView({ kind: library.kind })}
              >
                <span className="feed-title">{library.label}</span>
              </button>
            </li>
          )
        })}
      </ul>
      {feeds.length > 0 && (
        <>
          <SubscriptionsHeading />
          <FolderContents node={tree} />
        </>
      )}
      {failing.length > 0 && <FailingFeeds feeds={failing} />}
    </nav>
  )
}

/** The list's heading, and the drop target that takes a feed out of its folder. */
function SubscriptionsHeading() {
  const { over, handlers } = useFeedDrop([])
  return (
    <h2 className={`sidebar-heading ${over ? 'drop-target' : ''}`} {...handlers}>
      Subscriptions
    </h2>
  )
}

function SyncButton() {
  const sync = useReader((s) => s.sync)
  const syncAll = useReader((s) => s.syncAll)
  return (
    <button type="button" onClick={() => void syncAll()} disabled={Boolean(sync)}>
      {sync ? 'Syncing…' : 'Sync all'}
    </button>
  )
}

function SyncStatus() {
  const sync = useReader((s) => s.sync)
  const lastSync = useReader((s) => s.lastSync)
  const online = useOnline()
  if (sync)
    return (
      <div className="sync-status" aria-live="polite">
        <progress aria-label="Sync progress" max={Math.max(1, sync.total)} value={sync.done} />
        <span>
          {sync.done} of {sync.total} feeds · {sync.newItems} new
        </span>
      </div>
    )
  return (
    <div className="sync-status" aria-live="polite">
      {!online && <span className="offline">Offline — background sync paused</span>}
      {online && lastSync && (
        <span>
          Last sync: {lastSync.newItems} new item{lastSync.newItems === 1 ? '' : 's'}
          {lastSync.failed > 0 && `, ${lastSync.failed} failed`}
        </span>
      )}
    </div>
  )
}

const FolderContents = memo(function FolderContents({ node }: { node: FolderNode }) {
  // One subscription per folder, passed down: rows whose selection did not change stay memoized.
  const selectedFeedId = useReader((s) => s.selectedFeedId)
  return (
    <ul className="feed-list">
      {node.folders.map((folder) => (
        <FolderRow key={folder.name} folder={folder} />
      ))}
      {node.feeds.map((feed) => (
        <FeedRow key={feed.id} feed={feed} selected={feed.id === selectedFeedId} />
      ))}
    </ul>
  )
})

const FolderRow = memo(function FolderRow({ folder }: { folder: FolderNode }) {
  const key = folderKey(folder.path)
  const collapsed = useUi((s) => s.collapsed.includes(key))
  const toggleFolder = useUi((s) => s.toggleFolder)
  const selected = useReader(
    (s) => s.selectedFeedId === null && folderKey(s.selectedFolder ?? []) === key,
  )
  const selectFolder = useReader((s) => s.selectFolder)
  const { over, handlers } = useFeedDrop(folder.path)
  return (
    <li className="folder">
      <div className="folder-row">
        <button
          type="button"
          className="icon-button twisty"
          aria-expanded={!collapsed}
          aria-label={`Folder ${folder.name}`}
          onClick={() => toggleFolder(key)}
        >
          <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
        </button>
        <button
          type="button"
          className={`${selected ? 'selected' : ''} ${over ? 'drop-target' : ''}`}
          aria-current={selected ? 'page' : undefined}
          onClick={() => {
            leaveLibraryView()
            void selectFolder(folder.path)
          }}
          {...handlers}
        >
          <span className="feed-title">{folder.name}</span>
          {folder.failing > 0 && (
            <span className="error-badge" aria-label={`${folder.failing} failing`}>
              !
            </span>
          )}
          {folder.unread > 0 && <span className="count">{folder.unread}</span>}
        </button>
      </div>
      {!collapsed && <FolderContents node={folder} />}
    </li>
  )
})

/**
 * One subscription. Memoized: marking an item read changes one feed's count, and only that row
 * should render again — not the other 999 of a big library while the reader moves on. It holds no
 * store subscription of its own: with 1,000 rows, each store change (opening an article, a sync
 * progress tick) would run 1,000 selectors — that was a third of the time of opening an article.
 */
const FeedRow = memo(function FeedRow({ feed, selected }: { feed: Feed; selected: boolean }) {
  const { selectFeed } = useReader.getState()
  const { open } = useUi.getState()
  return (
    <li className="feed-row">
      <button
        type="button"
        className={selected ? 'selected' : ''}
        aria-current={selected ? 'page' : undefined}
        onClick={() => {
          leaveLibraryView()
          void selectFeed(feed.id)
        }}
        title={feed.url}
        draggable
        onDragStart={(event) => {
          event.dataTransfer.setData(FEED_DRAG_TYPE, feed.id)
          event.dataTransfer.effectAllowed = 'move'
        }}
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
      <button
        type="button"
        className="icon-button feed-menu"
        aria-label={`Settings for ${feed.title}`}
        title="Feed settings"
        onClick={() => open({ kind: 'feed-settings', feedId: feed.id })}
      >
        ⋯
      </button>
    </li>
  )
})

function FailingFeeds({ feeds }: { feeds: Feed[] }) {
  const syncAll = useReader((s) => s.syncAll)
  const syncing = useReader((s) => Boolean(s.sync))
  return (
    <details className="failing-feeds" open>
      <summary>
        Failing feeds <span className="count">{feeds.length}</span>
      </summary>
      <ul>
        {feeds.map((feed) => (
          <li key={feed.id}>
            <strong>{feed.title}</strong>
            <span className="failing-reason">{feed.lastError?.message}</span>
            <button
              type="button"
              className="link-button"
              disabled={syncing}
              aria-label={`Retry ${feed.title}`}
              onClick={() => void syncAll({ feedId: feed.id })}
            >
              Retry
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}
