// Three processes on one data dir at once (issue 9, point 4): one syncs feeds that grow while it
// runs (a CLI `reader sync`), one marks items read and starred as they arrive (the app), one
// creates highlights (another CLI). Each document is changed under its cross-process lock on the
// newest data, so afterwards nothing is lost: every item any sync received, every mark, every
// highlight.
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SetAsideNotice } from '../../electron/core/store/json-document'
import { LibraryStore } from '../../electron/core/store/library-store'
import { bundleScript } from '../helpers/bundle-script'
import { openCore, RESOURCES_DIR } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

const FEEDS = ['alpha', 'beta', 'gamma']
const SYNC_ROUNDS = 12
const ANNOTATIONS = 30

/** How many stories each feed lists now, and the most any sync was sent. */
const listed = new Map<string, number>([...FEEDS.map((feed) => [feed, 5] as const), ['delta', 10]])
const served = new Map([...listed.keys()].map((feed) => [feed, 0]))
let server: Server
let origin: string
let syncScript: string
let annotateScript: string

function rss(feed: string, count: number): string {
  const items = Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(2026, 0, 1, 0, i)).toUTCString()
    return `<item><title>${feed} story ${i}</title><link>https://example.invalid/${feed}/${i}</link><guid>${feed}-${i}</guid><pubDate>${date}</pubDate><description>Story ${i} of ${feed}.</description></item>`
  })
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${feed}</title><link>https://example.invalid/${feed}</link><description>${feed}</description>${items.join('')}</channel></rss>`
}

beforeAll(async () => {
  // Each answer lists the feed's stories as they are at that moment (no validators: always 200).
  server = createServer((req, res) => {
    const feed = (req.url ?? '').slice(1).replace(/\.xml$/, '')
    const count = listed.get(feed)
    if (count === undefined) return void res.writeHead(404).end()
    served.set(feed, Math.max(served.get(feed)!, count))
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(feed, count))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const helpers = join(__dirname, '..', 'helpers')
  ;[syncScript, annotateScript] = await Promise.all([
    bundleScript(join(helpers, 'sync-loop.ts')),
    bundleScript(join(helpers, 'annotate-loop.ts')),
  ])
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await removeTempDirs()
})

function run(script: string, args: string[]) {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, READER_RESOURCES: RESOURCES_DIR },
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  return { exited, output: () => output }
}

describe('sync, marks and highlights from three processes on one data dir', () => {
  it('loses no synced item, no mark and no highlight', async () => {
    const dataDir = await tempDir()
    const app = await openCore({ dataDir })
    for (const feed of FEEDS) {
      const added = await app.addFeed({ url: `${origin}/${feed}.xml` })
      if (!added.ok) throw new Error(added.error.message)
    }
    const first = await app.listItems({})
    if (!first.ok) throw new Error('list failed')
    const annotated = first.value.items[0]!

    const sync = run(syncScript, [dataDir, String(SYNC_ROUNDS)])
    const annotate = run(annotateScript, [dataDir, annotated.id, String(ANNOTATIONS)])
    let syncing = true
    void sync.exited.then(() => (syncing = false))
    // The feeds grow while the sync runs: each sync finds new stories.
    const growth = setInterval(() => {
      for (const feed of FEEDS) listed.set(feed, listed.get(feed)! + 2)
    }, 40)

    // The app marks every unread item read as it shows up, and stars every third; between
    // rounds it highlights the same item as the other process (one annotations file, two writers).
    const read = new Set<string>()
    const starred = new Set<string>()
    const appNotes: string[] = []
    while (syncing || read.size === 0) {
      const note = `app ${appNotes.length}`
      const made = await app.createAnnotation({
        itemId: annotated.id,
        kind: 'plain',
        note,
        tags: [],
        target: {
          position: { type: 'TextPositionSelector', start: 0, end: 3 },
          quote: { type: 'TextQuoteSelector', exact: 'app', prefix: '', suffix: '' },
        },
      })
      expect(made.ok, JSON.stringify(made)).toBe(true)
      appNotes.push(note)
      const list = await app.listItems({ limit: 500 })
      if (!list.ok) throw new Error(list.error.message)
      for (const item of list.value.items) {
        if (read.has(item.id)) continue
        const star = read.size % 3 === 0
        const marked = await app.setItemState({
          itemId: item.id,
          read: true,
          ...(star ? { starred: true } : {}),
        })
        expect(marked.ok, JSON.stringify(marked)).toBe(true)
        read.add(item.id)
        if (star) starred.add(item.id)
      }
    }
    clearInterval(growth)
    expect(await sync.exited, sync.output()).toBe(0)
    expect(await annotate.exited, annotate.output()).toBe(0)
    await app.close()

    // A fresh look at the library on disk.
    const setAside: SetAsideNotice[] = []
    const library = await LibraryStore.open(dataDir, (notice) => setAside.push(notice))
    expect(setAside).toEqual([])
    let items = 0
    for (const feed of library.feeds()) {
      const name = feed.url.split('/').pop()!.replace('.xml', '')
      const titles = new Set(library.items(feed.id).map((item) => item.title))
      const expected = Array.from({ length: served.get(name)! }, (_, i) => `${name} story ${i}`)
      expect(
        expected.filter((title) => !titles.has(title)),
        `${name}: synced but lost`,
      ).toEqual([])
      items += titles.size
    }
    const lostMarks = [...read].filter((id) => {
      const feedId = library.feedOfItem(id)!
      return !library.itemState(feedId, id).read
    })
    expect(lostMarks, 'marked read but not read').toEqual([])
    const lostStars = [...starred].filter((id) => !library.isStarred(library.feedOfItem(id)!, id))
    expect(lostStars, 'starred but not starred').toEqual([])
    const notes = library.annotations(annotated.feedId).map((a) => a.note)
    expect(notes.filter((note) => note.startsWith('child ')).length).toBe(ANNOTATIONS)
    expect(notes.filter((note) => note.startsWith('app '))).toEqual(appNotes)
    expect(read.size).toBeGreaterThan(FEEDS.length * 5)
    expect(items).toBeGreaterThan(FEEDS.length * 5 + SYNC_ROUNDS)
    console.log(
      `concurrent-writers: ${SYNC_ROUNDS} syncs (${items} items), ${read.size} marks, ${starred.size} stars, ${ANNOTATIONS + appNotes.length} highlights from 3 processes`,
    )
    await library.close()
  }, 90_000)

  it('a sync applying retention keeps what another process starred, highlighted or exported meanwhile', async () => {
    const dataDir = await tempDir()
    const app = await openCore({ dataDir })
    const added = await app.addFeed({ url: `${origin}/delta.xml` })
    if (!added.ok) throw new Error(added.error.message)
    const feedId = added.value.id
    await app.updateFeed({ feedId, retention: { mode: 'items', count: 1 } })
    // The syncing process has read the feed: from here on it does not look at the others' files
    // until it has to (a long sync through many feeds).
    const syncer = await LibraryStore.open(dataDir)
    const items = await app.listItems({ feedId, limit: 500 })
    if (!items.ok) throw new Error('list failed')
    const [, , third, fourth, fifth] = items.value.items
    await app.setItemState({ itemId: third!.id, starred: true })
    await app.exportArticleMarkdown({ itemId: fifth!.id })
    await app.createAnnotation({
      itemId: fourth!.id,
      kind: 'plain',
      note: 'keep me',
      tags: [],
      target: {
        position: { type: 'TextPositionSelector', start: 0, end: 3 },
        quote: { type: 'TextQuoteSelector', exact: 'abc', prefix: '', suffix: '' },
      },
    })
    // Its sync finds the feed lists none of these any more, and applies the retention.
    await syncer.upsertItems(feedId, [])
    const removed = await syncer.applyRetention(feedId, new Date())
    expect(removed).toBe(items.value.items.length - 4)
    const kept = syncer.items(feedId).map((item) => item.id)
    expect(kept).toContain(third!.id)
    expect(kept).toContain(fourth!.id)
    expect(kept).toContain(fifth!.id)
    await syncer.close()
    await app.close()
  })
})
