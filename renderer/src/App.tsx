// Three panes: feeds, items, reader. Loads the library, follows the core's events (sync progress,
// library changes) and shows one message line for errors and confirmations.
import { useCallback, useEffect, useState } from 'react'
import { reader } from './api/reader'
import { ArticleView } from './components/ArticleView'
import { ItemList } from './components/ItemList'
import { KeyboardHelp } from './components/KeyboardHelp'
import { Sidebar } from './components/Sidebar'
import { useShortcuts } from './keyboard/use-shortcuts'
import { useReader } from './state/reader-store'

export function App() {
  const article = useReader((s) => s.article)
  const message = useReader((s) => s.message)
  const loading = useReader((s) => s.loading)
  const dismissMessage = useReader((s) => s.dismissMessage)
  const [help, setHelp] = useState(false)
  const toggleHelp = useCallback(() => setHelp((shown) => !shown), [])
  useShortcuts(toggleHelp)

  useEffect(() => {
    const { load, setProgress, refreshLists } = useReader.getState()
    void load()
    const offProgress = reader.on('syncProgress', (p) =>
      setProgress({ done: p.done, total: p.total, newItems: p.newItems }),
    )
    const offChanged = reader.on('libraryChanged', (e) => {
      if (e.reason === 'sync' || e.reason === 'feed-added') void refreshLists()
    })
    return () => {
      offProgress()
      offChanged()
    }
  }, [])

  return (
    <div className="app">
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
      {help && <KeyboardHelp onClose={() => setHelp(false)} />}
      <div className="panes">
        <Sidebar />
        <ItemList />
        <main className="reader-pane">
          {article ? (
            <ArticleView key={article.id} article={article} />
          ) : (
            <p className="empty">
              {loading ? 'Loading the library…' : 'Choose an article to read.'}
            </p>
          )}
        </main>
      </div>
    </div>
  )
}
