// Opening from the listing catalog: the window's first calls answered from it give exactly what
// reading every feed gives; a feed another process wrote since (before or after the open) is read,
// not listed from stale rows; a damaged, cut-short or missing catalog is ignored and rebuilt; and
// what is changed before the feeds are read is kept like any other change.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/create-core'
import { ItemListing } from '../../electron/core/item-listing'
import { catalogFile } from '../../electron/core/store/catalog-file'
import { LibraryStore, type StoredItem } from '../../electron/core/store/library-store'
import { decodeCatalog } from '../../electron/core/store/listing-catalog'
import type { AnnotationTarget } from '../../shared/domain'
import { feedIdOf, generateUiLibrary } from '../bench/ui/generate-ui-library'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

const FEEDS = 12
const PER_FEED = 25

afterEach(async () => {
  await removeTempDirs()
})

const target = (exact: string): AnnotationTarget => ({
  position: { type: 'TextPositionSelector', start: 0, end: exact.length },
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
})

/**
 * A generated library a core has used (some items read, starred, highlighted) and closed, which
 * writes the catalog.
 */
async function usedLibrary(): Promise<string> {
  const dataDir = await tempDir()
  await generateUiLibrary(dataDir, {
    feeds: FEEDS,
    itemsPerFeed: PER_FEED,
    bodyBytes: 200,
    seed: 5,
    repostEvery: 5,
  })
  const core = await openCore({ dataDir })
  const page = await core.listItems({ limit: 60 })
  if (!page.ok) throw new Error(page.error.message)
  const items = page.value.items
  for (const item of items.filter((_, i) => i % 3 === 0))
    await core.setItemState({ itemId: item.id, read: true })
  for (const item of items.filter((_, i) => i % 7 === 0))
    await core.setItemState({ itemId: item.id, starred: true })
  const created = await core.createAnnotation({
    itemId: items[4]!.id,
    kind: 'quote',
    note: '',
    tags: [],
    target: target('Generated'),
  })
  if (!created.ok) throw new Error(created.error.message)
  await core.close()
  return dataDir
}

async function everything(core: Core, args: Parameters<Core['listItems']>[0] = {}) {
  const pages = []
  let snapshot: string | undefined
  for (let offset = 0; ; offset += 40) {
    const page = await core.listItems({ ...args, offset, limit: 40, snapshot })
    if (!page.ok) throw new Error(page.error.message)
    snapshot = page.value.snapshot
    pages.push({ ...page.value, snapshot: 'any' })
    if (page.value.items.length === 0 || offset + 40 >= page.value.total) return pages
  }
}

/**
 * What a window sees: the sidebar and a first page asked first (a short one: a page of 100 would
 * read every feed of this small library at once), then every listing it offers.
 */
async function windowView(core: Core) {
  const feeds = await core.listFeeds({})
  const first = await core.listItems({ limit: 5 })
  if (!first.ok || !feeds.ok) throw new Error('list failed')
  // Snapshot ids differ from one core to another; everything else must not.
  const firstPage = { ...first.value, snapshot: 'any' }
  const located = await core.locateItem({ find: { kind: 'next-unread', after: 3 } })
  return {
    firstPage,
    feeds: feeds.value,
    located: located.ok && { index: located.value.index, item: located.value.item },
    all: await everything(core),
    unread: await everything(core, { unreadOnly: true }),
    starred: await everything(core, { view: 'starred' }),
    annotated: await everything(core, { view: 'annotated' }),
    folder: await everything(core, { folder: ['Topic 1'], unreadOnly: true }),
    feed: await everything(core, { feedId: feedIdOf(3) }),
  }
}

/** The same data dir read feed by feed, the catalog out of the way. */
async function viewWithoutCatalog(dataDir: string) {
  const saved = await readFile(catalogFile(dataDir)).catch(() => null)
  await rm(catalogFile(dataDir), { force: true })
  const core = await openCore({ dataDir })
  const view = await windowView(core)
  await core.close()
  if (saved) await writeFile(catalogFile(dataDir), saved)
  return view
}

async function catalogued(dataDir: string): Promise<boolean> {
  const store = await LibraryStore.open(dataDir, undefined, { useCatalog: true })
  const answer = !store.fullyLoaded
  await store.close()
  return answer
}

/** A new item for a feed, newer than every generated one. */
function newestItem(n: number): StoredItem {
  const at = '2026-06-01T00:00:00.000Z'
  return {
    id: `i-newest-${n}`,
    guid: `newest-${n}`,
    title: `Newest item ${n}`,
    link: `http://127.0.0.1:9/newest/${n}`,
    storyKey: `127.0.0.1:9/newest/${n}`,
    author: null,
    published: at,
    firstSeenAt: at,
    fetchedAt: at,
    snippet: 'new',
    bodyHash: 'b'.repeat(64),
  }
}

describe('opening from the listing catalog', () => {
  it('is written at close, and a start-up from it lists, counts and locates as reading every feed does', async () => {
    const dataDir = await usedLibrary()
    expect(decodeCatalog(await readFile(catalogFile(dataDir))).feeds).toHaveLength(FEEDS)
    expect(await catalogued(dataDir)).toBe(true)
    // As a window opens it: the feeds are read in the background once the first page is out.
    const core = await openCore({ dataDir, shell: 'browser' })
    const fromCatalog = await windowView(core)
    await core.close()
    expect(fromCatalog.firstPage.items.some((item) => item.read)).toBe(true)
    expect(fromCatalog.starred[0]!.total).toBeGreaterThan(0)
    expect(fromCatalog.annotated[0]!.total).toBe(1)
    expect(fromCatalog).toEqual(await viewWithoutCatalog(dataDir))
  })

  it('reads, rather than lists from the catalog, the feeds another process wrote since', async () => {
    const dataDir = await usedLibrary()
    // The CLI, say: a new item in one feed, a read mark in another; the catalog is not rewritten.
    const other = await LibraryStore.open(dataDir)
    await other.upsertItems(feedIdOf(2), [...other.items(feedIdOf(2)), newestItem(1)])
    const unreadElsewhere = other
      .items(feedIdOf(6))
      .find((i) => !other.itemState(feedIdOf(6), i.id).read)!
    await other.setItemState(feedIdOf(6), unreadElsewhere.id, { read: true })
    await other.flush()
    expect(await catalogued(dataDir)).toBe(true)

    const core = await openCore({ dataDir, shell: 'browser' })
    const view = await windowView(core)
    await core.close()
    expect(view.firstPage.items[0]).toMatchObject({ id: 'i-newest-1', feedId: feedIdOf(2) })
    const inFeed6 = view.all.flatMap((p) => p.items).find((i) => i.id === unreadElsewhere.id)
    expect(inFeed6?.read ?? true).toBe(true)
    expect(view).toEqual(await viewWithoutCatalog(dataDir))
  })

  it('picks up, while running, what another process writes to feeds not read yet', async () => {
    const dataDir = await usedLibrary()
    const store = await LibraryStore.open(dataDir, undefined, { useCatalog: true })
    expect(store.fullyLoaded).toBe(false)
    expect(store.isLoaded(feedIdOf(4))).toBe(false)
    const listing = new ItemListing(store)
    const before = listing.snapshot({})
    const items = store.revisions.items

    const other = await LibraryStore.open(dataDir)
    await other.upsertItems(feedIdOf(4), [...other.items(feedIdOf(4)), newestItem(2)])
    const read = other.items(feedIdOf(5))[0]!
    await other.setItemState(feedIdOf(5), read.id, { read: true })

    await store.refresh()
    expect(store.isLoaded(feedIdOf(4))).toBe(true)
    expect(store.revisions.items).toBeGreaterThan(items)
    const after = listing.snapshot({})
    expect(after.entries[0]).toMatchObject({ id: 'i-newest-2', feedId: feedIdOf(4) })
    expect(after.entries).toHaveLength(before.entries.length + 1)
    expect(store.isRead(feedIdOf(5), read.id)).toBe(true)
    await store.close()
  })

  it('lists from the catalog, then reads every feed in the background without a new order', async () => {
    const dataDir = await usedLibrary()
    const store = await LibraryStore.open(dataDir, undefined, { useCatalog: true })
    const listing = new ItemListing(store)
    const unread = listing.snapshot({ unreadOnly: true })
    const total = listing.unreadTotal(listing.snapshot({}))
    // An item of a feed not read yet is a caller's bug, not a missing item.
    const first = unread.entries[0]!
    if (!store.isLoaded(first.feedId)) expect(() => store.findItem(first.id)).toThrow(/not loaded/)
    await store.loadItemFeed(first.id)
    expect(store.findItem(first.id)?.feedId).toBe(first.feedId)

    const items = store.revisions.items
    const state = store.revisions.state
    await store.loadAll()
    expect(store.fullyLoaded).toBe(true)
    // Every feed read as the catalog recorded it: nothing to re-sort or recount.
    expect([store.revisions.items, store.revisions.state]).toEqual([items, state])
    expect(listing.snapshot({ unreadOnly: true })).toBe(unread)
    expect(listing.unreadTotal(listing.snapshot({}))).toBe(total)
    await store.close()
  })

  it('pauses the background load while a request works in the foreground (an export)', async () => {
    const dataDir = await usedLibrary()
    const store = await LibraryStore.open(dataDir, undefined, { useCatalog: true })
    const feedIds = store.feeds().map((feed) => feed.id)
    const loaded = (): number => feedIds.filter((id) => store.isLoaded(id)).length
    const atOpen = loaded()
    expect(atOpen).toBeLessThan(FEEDS)
    let all: Promise<void> | null = null
    await store.inForeground(async () => {
      all = store.loadAll()
      await new Promise((resolve) => setTimeout(resolve, 150))
      // Nothing read behind the request's back; what the request reads itself is read at once.
      expect(loaded()).toBe(atOpen)
      const wanted = feedIds.find((id) => !store.isLoaded(id))!
      await store.loadFeeds([wanted])
      expect(store.isLoaded(wanted)).toBe(true)
      expect(loaded()).toBe(atOpen + 1)
    })
    await all
    expect(store.fullyLoaded).toBe(true)
    await store.close()
  })

  it('ignores a damaged, cut-short or foreign catalog, lists correctly, and writes a new one', async () => {
    const dataDir = await usedLibrary()
    const expected = await viewWithoutCatalog(dataDir)
    const good = await readFile(catalogFile(dataDir))
    const flipped = Buffer.from(good)
    const middle = Math.floor(good.length / 2)
    flipped[middle] = flipped[middle]! ^ 0x01
    for (const bad of [flipped, good.subarray(0, good.length / 3), Buffer.from('{"format":1}')]) {
      await writeFile(catalogFile(dataDir), bad)
      // A temp file left by a writer that crashed changes nothing either.
      await writeFile(`${catalogFile(dataDir)}.123-abcd.tmp`, good.subarray(0, 100))
      const logged: string[] = []
      const core = await openCore({
        dataDir,
        shell: 'browser',
        log: (message) => logged.push(message),
      })
      expect(logged.join('\n')).toMatch(/Listing catalog not used/)
      expect(await windowView(core)).toEqual(expected)
      await core.close()
      expect(() => decodeCatalog(good)).not.toThrow()
      const rebuilt = decodeCatalog(await readFile(catalogFile(dataDir)))
      expect(rebuilt.feeds.map((f) => f.id)).toEqual(decodeCatalog(good).feeds.map((f) => f.id))
      expect(await catalogued(dataDir)).toBe(true)
    }
  })

  it('lists correctly from a catalog of a feed since removed, and of one since added', async () => {
    const dataDir = await usedLibrary()
    const core = await openCore({ dataDir })
    const removed = await core.removeFeed({ feedId: feedIdOf(7) })
    expect(removed.ok).toBe(true)
    await core.close()
    // The feeds changed: the catalog was rewritten without it.
    const ids = decodeCatalog(await readFile(catalogFile(dataDir))).feeds.map((f) => f.id)
    expect(ids).toHaveLength(FEEDS - 1)
    expect(ids).not.toContain(feedIdOf(7))
    // Another process (one that leaves the catalog alone) subscribes to one, with an item newer
    // than any, and removes another.
    const other = await LibraryStore.open(dataDir)
    const added = { ...other.feed(feedIdOf(1))!, id: 'f-added', url: 'http://127.0.0.1:9/added' }
    await other.addFeeds([added])
    await other.upsertItems('f-added', [newestItem(3)])
    await other.removeFeed(feedIdOf(8), new Date())
    expect(decodeCatalog(await readFile(catalogFile(dataDir))).feeds).toHaveLength(FEEDS - 1)
    const again = await openCore({ dataDir, shell: 'browser' })
    const view = await windowView(again)
    await again.close()
    expect(view.feeds.map((f) => f.id)).not.toContain(feedIdOf(8))
    expect(view.firstPage.items[0]).toMatchObject({ id: 'i-newest-3', feedId: 'f-added' })
    expect(view).toEqual(await viewWithoutCatalog(dataDir))
  })

  it('keeps what is changed before the feeds are read: marks, stars, highlights', async () => {
    const dataDir = await usedLibrary()
    const core = await openCore({ dataDir, shell: 'browser' })
    const page = await core.listItems({ limit: 100, unreadOnly: true })
    if (!page.ok) throw new Error(page.error.message)
    const [a, b, c] = page.value.items.slice(-3)
    expect(await core.setItemState({ itemId: a!.id, read: true })).toMatchObject({ ok: true })
    expect(await core.setItemState({ itemId: b!.id, starred: true })).toMatchObject({ ok: true })
    const made = await core.createAnnotation({
      itemId: c!.id,
      kind: 'claim',
      note: 'kept',
      tags: [],
      target: target('Generated'),
    })
    expect(made.ok).toBe(true)
    const article = await core.getArticle({ itemId: c!.id })
    expect(article.ok && article.value.id).toBe(c!.id)
    await core.close()
    for (const catalog of [true, false]) {
      if (!catalog) await rm(catalogFile(dataDir), { force: true })
      const reopened = await openCore({ dataDir })
      const all = (await everything(reopened)).flatMap((p) => p.items)
      const byId = new Map(all.map((item) => [item.id, item]))
      expect(byId.get(a!.id)?.read).toBe(true)
      expect(byId.get(b!.id)?.starred).toBe(true)
      expect(byId.get(c!.id)?.annotationCount).toBe(1)
      await reopened.close()
    }
  })

  it('answers searches once every feed is read', async () => {
    const dataDir = await usedLibrary()
    const core = await openCore({ dataDir })
    const found = await core.search({ query: 'harbour', limit: 5 })
    expect(found.ok && found.value.total).toBeGreaterThan(0)
    await core.close()
  })
})
