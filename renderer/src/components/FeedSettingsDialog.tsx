// One subscription's settings: its name, folder, whether to read every item in full, how long to
// keep items; refresh it now; and unsubscribe — after a confirmation that says what goes.
import { useState, type FormEvent } from 'react'
import type { Feed, Retention } from '../../../shared/domain'
import { useReader } from '../state/reader-store'
import { removeFeed, subscribe, updateFeed } from '../state/subscriptions'
import { FOLDER_SEPARATOR, folderPaths, parseFolderPath } from '../sidebar/feed-tree'
import { Modal } from '../ui/Modal'
import { formatDate } from './format-date'

type RetentionMode = Retention['mode']

export function FeedSettingsDialog({ feed, onClose }: { feed: Feed; onClose: () => void }) {
  const feeds = useReader((s) => s.feeds)
  const syncAll = useReader((s) => s.syncAll)
  const syncing = useReader((s) => Boolean(s.sync))
  const [title, setTitle] = useState(feed.title)
  const [folder, setFolder] = useState(feed.folder.join(FOLDER_SEPARATOR))
  const [fullText, setFullText] = useState(feed.alwaysFullText)
  const [mode, setMode] = useState<RetentionMode>(feed.retention.mode)
  const [days, setDays] = useState(feed.retention.mode === 'days' ? feed.retention.days : 30)
  const [count, setCount] = useState(feed.retention.mode === 'items' ? feed.retention.count : 200)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const retention = (): Retention =>
    mode === 'days' ? { mode, days } : mode === 'items' ? { mode, count } : { mode: 'all' }

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setSaving(true)
    const result = await updateFeed({
      feedId: feed.id,
      ...(title.trim() && title.trim() !== feed.title ? { title: title.trim() } : {}),
      folder: parseFolderPath(folder),
      alwaysFullText: fullText,
      retention: retention(),
    })
    setSaving(false)
    if (result.ok) onClose()
    else setError(result.error)
  }

  const remove = async (): Promise<void> => {
    setSaving(true)
    const result = await removeFeed(feed)
    setSaving(false)
    if (result.ok) onClose()
    else setError(result.error)
  }

  return (
    <Modal title={`Feed settings — ${feed.title}`} onClose={onClose} className="feed-settings">
      <dl className="feed-facts">
        <dt>Address</dt>
        <dd>{feed.url}</dd>
        <dt>Last read</dt>
        <dd>{feed.lastSuccessAt ? formatDate(feed.lastSuccessAt) : 'never'}</dd>
        {feed.lastError && (
          <>
            <dt>Problem</dt>
            <dd className="form-error">{feed.lastError.message}</dd>
          </>
        )}
        {feed.lastError?.feeds && feed.lastError.feeds.length > 0 && (
          <>
            <dt>Feeds on that page</dt>
            <dd>
              <OfferedFeeds
                offered={feed.lastError.feeds}
                folder={feed.folder}
                following={new Set(feeds.map((f) => f.url))}
                onError={setError}
              />
            </dd>
          </>
        )}
      </dl>
      <form onSubmit={(e) => void save(e)}>
        <label className="field">
          Name
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          Folder (use / for a subfolder; empty for none)
          <input
            type="text"
            list="feed-folder-paths"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
          />
          <datalist id="feed-folder-paths">
            {folderPaths(feeds).map((path) => (
              <option key={path} value={path} />
            ))}
          </datalist>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={fullText}
            onChange={(e) => setFullText(e.target.checked)}
          />
          Always read the full article from its web page
        </label>
        <fieldset className="field-group">
          <legend>Keep items</legend>
          <label className="choice">
            <input
              type="radio"
              name="retention"
              checked={mode === 'all'}
              onChange={() => setMode('all')}
            />
            All of them
          </label>
          <label className="choice">
            <input
              type="radio"
              name="retention"
              checked={mode === 'days'}
              onChange={() => setMode('days')}
            />
            For
            <input
              type="number"
              min={1}
              max={36500}
              aria-label="Days to keep items"
              value={days}
              onChange={(e) => setDays(Math.max(1, Number(e.target.value) || 1))}
              onFocus={() => setMode('days')}
            />
            days
          </label>
          <label className="choice">
            <input
              type="radio"
              name="retention"
              checked={mode === 'items'}
              onChange={() => setMode('items')}
            />
            The newest
            <input
              type="number"
              min={1}
              max={1000000}
              aria-label="Items to keep"
              value={count}
              onChange={(e) => setCount(Math.max(1, Number(e.target.value) || 1))}
              onFocus={() => setMode('items')}
            />
            items
          </label>
          <p className="hint">Starred, highlighted and exported items are always kept.</p>
        </fieldset>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={saving}>
            Save
          </button>
          <button
            type="button"
            disabled={syncing}
            onClick={() => void syncAll({ feedId: feed.id }).then(onClose)}
          >
            Refresh now
          </button>
          <button
            type="button"
            className="danger"
            disabled={saving}
            onClick={() => setConfirmDelete(true)}
          >
            Unsubscribe…
          </button>
        </div>
      </form>
      {confirmDelete && (
        <section className="confirm" role="alertdialog" aria-label="Confirm unsubscribe">
          <p>
            Unsubscribe from <strong>{feed.title}</strong>? Its {feed.itemCount} article
            {feed.itemCount === 1 ? '' : 's'} leave the library
            {feed.annotationCount > 0 && (
              <>
                {' '}
                — with {feed.annotationCount} highlight{feed.annotationCount === 1 ? '' : 's'}.
                Export them first if you need them; the files are kept in the data folder under
                removed/
              </>
            )}
            .
          </p>
          <div className="dialog-actions">
            <button type="button" className="danger" onClick={() => void remove()}>
              Unsubscribe
            </button>
            <button type="button" autoFocus onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </div>
        </section>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  )
}

/**
 * The address now gives a web page (sync said so and listed the feeds it offers): subscribe to
 * one of them, in the same folder. The broken subscription stays until the reader removes it.
 */
function OfferedFeeds({
  offered,
  folder,
  following,
  onError,
}: {
  offered: { url: string; title: string | null }[]
  folder: string[]
  following: Set<string>
  onError: (error: string) => void
}) {
  const [busy, setBusy] = useState<string | null>(null)
  const follow = async (url: string): Promise<void> => {
    setBusy(url)
    const result = await subscribe(url, folder)
    setBusy(null)
    if (!result.ok) onError(result.error)
  }
  return (
    <ul className="offered-feeds">
      {offered.map(({ url, title }) => (
        <li key={url}>
          <span className="offered-feed-url">{title ? `${title} — ${url}` : url}</span>
          {following.has(url) ? (
            <span> (already followed)</span>
          ) : (
            <button
              type="button"
              className="link-button"
              disabled={busy !== null}
              onClick={() => void follow(url)}
            >
              Subscribe to {title ?? 'this feed'}
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}
