// Subscribe by feed address or by a site's address (its feeds are discovered and offered), into
// a folder; and move a whole subscription list in or out as OPML.
import { useRef, useState, type FormEvent } from 'react'
import { useReader } from '../state/reader-store'
import { discover, exportOpml, importOpml, subscribe, type FoundFeed } from '../state/subscriptions'
import { folderPaths, parseFolderPath } from '../sidebar/feed-tree'
import { Modal } from '../ui/Modal'

type Phase =
  { step: 'enter' } | { step: 'busy'; doing: string } | { step: 'choose'; found: FoundFeed[] }

export function AddFeedDialog({ onClose }: { onClose: () => void }) {
  const feeds = useReader((s) => s.feeds)
  const [url, setUrl] = useState('')
  const [folder, setFolder] = useState('')
  const [phase, setPhase] = useState<Phase>({ step: 'enter' })
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const busy = phase.step === 'busy'

  const add = async (feedUrl: string): Promise<void> => {
    setPhase({ step: 'busy', doing: 'Subscribing…' })
    const added = await subscribe(feedUrl, parseFolderPath(folder))
    if (added.ok) return onClose()
    setError(added.error)
    setPhase({ step: 'enter' })
  }

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const address = url.trim()
    if (!address) return
    setError(null)
    setNotice(null)
    setPhase({ step: 'busy', doing: 'Looking for feeds…' })
    // Without a scheme people mean the web: "example.com" → https://example.com
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(address) ? address : `https://${address}`
    const found = await discover(withScheme)
    if (!found.ok) {
      setError(found.error)
      return setPhase({ step: 'enter' })
    }
    if (found.value.length === 0) {
      setError('No feed found at that address. Try the address of the feed itself.')
      return setPhase({ step: 'enter' })
    }
    if (found.value.length === 1) return add(found.value[0]!.url)
    setPhase({ step: 'choose', found: found.value })
  }

  const importFile = async (file: File): Promise<void> => {
    setError(null)
    setNotice(null)
    setPhase({ step: 'busy', doing: `Importing ${file.name}…` })
    const imported = await importOpml(await file.text())
    setPhase({ step: 'enter' })
    if (imported.ok) setNotice(imported.value)
    else setError(imported.error)
  }

  const exportAll = async (): Promise<void> => {
    setError(null)
    const exported = await exportOpml()
    if (exported.ok) setNotice(`Saved ${exported.value}.`)
    else setError(exported.error)
  }

  return (
    <Modal title="Add a feed" onClose={onClose} className="add-feed-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <label className="field">
          Feed or website address
          <input
            type="text"
            inputMode="url"
            autoFocus
            placeholder="https://example.com/feed.xml or example.com"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            disabled={busy}
          />
        </label>
        <label className="field">
          Folder (optional; use / for a subfolder)
          <input
            type="text"
            list="folder-paths"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            disabled={busy}
          />
          <datalist id="folder-paths">
            {folderPaths(feeds).map((path) => (
              <option key={path} value={path} />
            ))}
          </datalist>
        </label>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy || !url.trim()}>
            {busy ? phase.doing : 'Find feeds'}
          </button>
        </div>
      </form>
      {phase.step === 'choose' && (
        <section aria-label="Feeds found">
          <p>This site offers {phase.found.length} feeds:</p>
          <ul className="found-feeds">
            {phase.found.map((found) => (
              <li key={found.url}>
                <span>
                  <strong>{found.title ?? found.url}</strong>
                  <small>
                    {found.type.toUpperCase()} · {found.url}
                  </small>
                </span>
                <button type="button" onClick={() => void add(found.url)}>
                  Subscribe
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="form-notice" role="status">
          {notice}
        </p>
      )}
      <section className="opml" aria-label="Subscription lists (OPML)">
        <h3>Subscription lists</h3>
        <p className="hint">Move your feeds from or to another reader as an OPML file.</p>
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
            Import OPML…
          </button>
          <button type="button" disabled={busy} onClick={() => void exportAll()}>
            Export OPML
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".opml,.xml,text/x-opml,application/xml,text/xml"
            className="visually-hidden"
            aria-label="OPML file to import"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) void importFile(file)
            }}
          />
        </div>
      </section>
    </Modal>
  )
}
