// Three resizable panes: feeds, items, reader. Loads the library and the settings, follows the
// core's events (sync progress, library changes), syncs in the background, and shows one message
// line for errors and confirmations, the files found damaged at start-up, and the open dialog.
import { useEffect } from 'react'
import { reader } from './api/reader'
import { AddFeedDialog } from './components/AddFeedDialog'
import { ExportDialog } from './components/export/ExportDialog'
import { ArticleView } from './components/ArticleView'
import { FeedSettingsDialog } from './components/FeedSettingsDialog'
import { ItemList } from './components/ItemList'
import { SearchBox, SearchResults } from './components/SearchPanel'
import { KeyboardHelp } from './components/KeyboardHelp'
import { RecoveryNotice } from './components/RecoveryNotice'
import { LibraryPane } from './components/library/LibraryPane'
import { SettingsDialog } from './components/SettingsDialog'
import { Sidebar } from './components/Sidebar'
import { useShortcuts } from './keyboard/use-shortcuts'
import { useAnnotationsView } from './state/annotations-view-store'
import { useReader } from './state/reader-store'
import { useSearch } from './state/search-store'
import { useSettings } from './state/settings-store'
import { PANE_LIMITS, useUi } from './state/ui-store'
import { useBackgroundSync } from './sync/use-background-sync'
import { Splitter } from './ui/Splitter'

export function App() {
  const article = useReader((s) => s.article)
  const message = useReader((s) => s.message)
  const loading = useReader((s) => s.loading)
  const dismissMessage = useReader((s) => s.dismissMessage)
  const sizes = useUi((s) => s.sizes)
  const resize = useUi((s) => s.resize)
  const libraryView = useAnnotationsView((s) => s.view)
  useShortcuts()
  useBackgroundSync()

  useEffect(() => {
    const { load, setProgress, refreshLists } = useReader.getState()
    void useSettings.getState().load()
    void load()
    // A library view left open (annotations, claims, a claim) comes back after a reload.
    void useAnnotationsView.getState().refresh()
    const offProgress = reader.on('syncProgress', (p) =>
      setProgress({ done: p.done, total: p.total, newItems: p.newItems }),
    )
    const offChanged = reader.on('libraryChanged', (e) => {
      if (e.reason === 'sync' || e.reason === 'feed-added') {
        void refreshLists()
        // New items may match the query on screen.
        if (useSearch.getState().query.trim()) void useSearch.getState().run()
      }
      if (e.reason === 'settings') void useSettings.getState().load()
      if (['annotation', 'feed-removed', 'feed-updated', 'citation'].includes(e.reason))
        void useAnnotationsView.getState().refresh()
    })
    // "Follow the system" follows it live.
    const media = window.matchMedia?.('(prefers-color-scheme: dark)')
    const onScheme = (): void => void useSettings.getState().load()
    media?.addEventListener('change', onScheme)
    return () => {
      offProgress()
      offChanged()
      media?.removeEventListener('change', onScheme)
    }
  }, [])

  return (
    <div className="app">
      <RecoveryNotice />
      {message && (
        <div
          className={`message message-${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{message.text}</span>
          {message.undo && (
            <button type="button" className="link-button" onClick={() => void message.undo?.()}>
              Undo
            </button>
          )}
          <button
            type="button"
            className="link-button"
            onClick={dismissMessage}
            aria-label="Dismiss"
          >
            ×
          </button>
        </div>
      )}
      <OpenDialog />
      <div
        className="panes"
        style={{
          gridTemplateColumns: `${sizes.sidebar}px auto ${sizes.list}px auto minmax(0, 1fr)`,
        }}
      >
        <Sidebar />
        <Splitter
          label="Resize the feeds pane"
          value={sizes.sidebar}
          min={PANE_LIMITS.sidebar.min}
          max={PANE_LIMITS.sidebar.max}
          onChange={(width) => resize('sidebar', width)}
        />
        {libraryView ? (
          // The annotations list, the claims board or a claim: in place of the list and reader.
          <LibraryPane view={libraryView} />
        ) : (
          <>
            <MiddlePane />
            <Splitter
              label="Resize the items pane"
              value={sizes.list}
              min={PANE_LIMITS.list.min}
              max={PANE_LIMITS.list.max}
              onChange={(width) => resize('list', width)}
            />
            <main className="reader-pane" aria-label="Article" tabIndex={-1}>
              {article ? (
                <ArticleView key={article.id} article={article} />
              ) : (
                <EmptyReader loading={loading} />
              )}
            </main>
          </>
        )}
      </div>
    </div>
  )
}

/** The search box over either the item list or, while a query is on, its results. */
function MiddlePane() {
  const searching = useSearch((s) => s.query.trim() !== '')
  return (
    <div className="middle-pane">
      <SearchBox />
      {searching ? <SearchResults /> : <ItemList />}
    </div>
  )
}

function EmptyReader({ loading }: { loading: boolean }) {
  const hasItems = useReader((s) => s.rows.total > 0)
  if (loading) return <p className="empty">Loading the library…</p>
  return (
    <div className="empty empty-reader">
      <p>{hasItems ? 'Choose an article to read.' : 'Nothing to read here yet.'}</p>
      <p className="hint">
        Press <kbd>j</kbd> to open the first item, <kbd>?</kbd> for every key.
      </p>
    </div>
  )
}

function OpenDialog() {
  const dialog = useUi((s) => s.dialog)
  const close = useUi((s) => s.close)
  const feed = useReader((s) =>
    dialog?.kind === 'feed-settings' ? s.feeds.find((f) => f.id === dialog.feedId) : undefined,
  )
  switch (dialog?.kind) {
    case 'add-feed':
      return <AddFeedDialog onClose={close} />
    case 'settings':
      return <SettingsDialog onClose={close} />
    case 'help':
      return <KeyboardHelp onClose={close} />
    case 'feed-settings':
      return feed ? <FeedSettingsDialog feed={feed} onClose={close} /> : null
    case 'export':
      return <ExportDialog article={dialog.article} filters={dialog.filters} onClose={close} />
    default:
      return null
  }
}
