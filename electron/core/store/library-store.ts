// The library on disk, shaped so that a small change writes a small file:
//   library.json                   subscriptions and their fetch state
//   feeds/<feedId>/items.json      item metadata of one feed (bodies live in bodies/)
//   feeds/<feedId>/state.json      read/starred flags of one feed, sparse
//   feeds/<feedId>/annotations.json
//   bodies/<ab>/<sha256>.html      sanitized article bodies, immutable
//   settings.json                  the user's preferences (theme, sync interval…)
//   exports.json                   items exported as notes (retention keeps them)
//   removed/<time>-<feedId>/       a deleted subscription's files, kept so nothing is lost
//   catalog/listing.json           a cache of what the item listing needs (see below)
// Marking one item read rewrites only its feed's state.json, whatever the library's size.
// Each file is a SharedDocument: changes are applied under a cross-process lock to the newest
// data and written atomically, and refresh() re-reads what other processes (the CLI next to the
// app) changed, found through the change journal.
// Opening: parsing every feed's items (80 MB of JSON at 100k items) took most of a second and more
// in garbage collection, so the core's store (useCatalog) reads the listing catalog instead — one
// file with each feed's ids, read/starred rows, story keys and the listing's order, valid for a
// feed while its items.json and state.json carry the stamps recorded with them. Feeds it
// describes are "catalogued": listed and counted from their rows, their files read later
// (loadAll, in the background, yielding to requests) or at once when a request needs their items
// (loadFeeds). Feeds it does not describe, or not any more (another process wrote them), are read
// at open as before. FeedDocuments does the reading, CatalogKeeper rewrites the catalog. What
// reads items needs the feed read: items() and itemState() throw for a catalogued feed, so a
// missed load is a loud bug, not a missing item.
import { mkdir, readdir, rename } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { PageMetadata } from '../../../shared/citation/page-metadata-types'
import type { CitationEdits } from '../../../shared/domain'
import type { StoredAnnotation } from '../annotations/stored-annotation'
import { BodyStore } from './body-store'
import { readCatalogFile } from './catalog-file'
import { CatalogKeeper } from './catalog-keeper'
import type { OrderRow, StoryEntry } from './catalogued-feeds'
import { FileChangeJournal } from './change-journal'
import { FeedDocuments } from './feed-documents'
import { sweepLockLeftovers } from './file-lock'
import type { SetAsideNotice } from './json-document'
import { MediaStore } from './media-store'
import { SharedDocument } from './shared-document'
import {
  SCHEMA_VERSION,
  type ExportsDoc,
  type FullText,
  type ItemState,
  type LibraryDoc,
  type SettingsDoc,
  type StoredFeed,
  type StoredItem,
} from './store-types'

export type { OrderRow, StoryEntry } from './catalogued-feeds'
export {
  SCHEMA_VERSION,
  type FullText,
  type ItemState,
  type ItemVersion,
  type Retention,
  type StoredFeed,
  type StoredItem,
} from './store-types'

/** How long fetch-status changes to library.json may wait to be written together. */
export const LIBRARY_WRITE_DELAY_MS = 500
/** Lock folders left by killed processes are cleared this long after opening, in idle time. */
const LEFTOVER_SWEEP_DELAY_MS = 10_000

type IndexEntry = { feedId: string; item: StoredItem }

/**
 * Counters bumped whenever a kind of data changes (here or, through refresh(), in another
 * process), so derived views (the item listing's ordering) know when to rebuild — no events, no
 * diffing: compare two numbers.
 */
export interface Revisions {
  /** Which items exist and their ordering fields (dates, titles, story keys). */
  items: number
  /** Read / starred / exported flags and citation corrections. */
  state: number
  annotations: number
  /** Subscriptions: titles, folders, which feeds exist. */
  feeds: number
}

export class LibraryStore {
  readonly bodies: BodyStore
  /** Article images kept for offline reading. Assigned in open(). */
  media!: MediaStore
  /** The feeds' files, and which are read (see FeedDocuments). Assigned in open(). */
  private feedDocs!: FeedDocuments
  /** Keeps the listing catalog up to date; null when this store does not use it. */
  private keeper: CatalogKeeper | null = null
  /** Subscription changes not yet written (coalesced fetch bookkeeping), by feed id. */
  private pendingFeedPatches = new Map<string, Partial<StoredFeed>>()
  private libraryWrite: { timer: NodeJS.Timeout; done: Promise<void>; resolve: () => void } | null =
    null
  /** Items of loaded feeds, by id. */
  private readonly itemIndex = new Map<string, IndexEntry>()
  /** Items of loaded feeds, by story key. */
  private readonly storyIndex = new Map<string, StoryEntry[]>()
  /** Which ids each feed put in the indexes, so re-indexing a feed costs its own size only. */
  private readonly indexedByFeed = new Map<string, string[]>()
  readonly revisions: Revisions = { items: 0, state: 0, annotations: 0, feeds: 0 }
  /** revisions.state at the last change of each feed's state (absent: not changed since open). */
  private readonly stateRevByFeed = new Map<string, number>()
  /** Bumped when a feed's items are (re)indexed: per-feed counts know when to recount. */
  private readonly itemsRevByFeed = new Map<string, number>()
  private readonly readCounts = new Map<string, { itemsRev: number; stateRev: number; n: number }>()
  /** Told when a feed's items were (re)loaded or changed, by this process or another. */
  private readonly itemListeners = new Set<(feedId: string) => void>()

  private constructor(
    readonly dataDir: string,
    private readonly journal: FileChangeJournal,
    private readonly onSetAside: (notice: SetAsideNotice) => void,
    /** True when library.json did not exist: the first start in this data dir. */
    readonly isNew: boolean,
    private readonly log: (message: string) => void,
  ) {
    this.bodies = new BodyStore(join(dataDir, 'bodies'))
  }

  // Assigned in open(); kept apart from the constructor because opening is async.
  private library!: SharedDocument<LibraryDoc>
  /** The user's preferences, shared by the app and the CLI. Assigned in open(). */
  settings!: SharedDocument<SettingsDoc>
  /** Items exported as notes (see ExportsDoc). Assigned in open(). */
  private exports!: SharedDocument<ExportsDoc>

  static async open(
    dataDir: string,
    onSetAside: (notice: SetAsideNotice) => void = () => {},
    {
      useCatalog = false,
      log = () => {},
    }: {
      /**
       * Open from the listing catalog (feeds read later, see above) and keep it up to date. Off
       * by default: a store used directly (tools, benchmarks) then has every feed read at once,
       * as items() expects, and leaves the catalog alone (a feed it writes is simply stale).
       */
      useCatalog?: boolean
      log?: (message: string) => void
    } = {},
  ): Promise<LibraryStore> {
    await mkdir(join(dataDir, 'feeds'), { recursive: true })
    const names = new Set(await readdir(dataDir))
    const journal = await FileChangeJournal.open(dataDir)
    const store = new LibraryStore(dataDir, journal, onSetAside, !names.has('library.json'), log)
    store.library = await SharedDocument.open<LibraryDoc>(
      join(dataDir, 'library.json'),
      () => ({ schemaVersion: SCHEMA_VERSION, feeds: [] }),
      // A library re-read from disk may list feeds not loaded yet: load them before anyone
      // reads the list, or a listing in between would find a feed without its files.
      {
        journal,
        onSetAside,
        shape: (data) => Array.isArray(data.feeds),
        onReload: () => store.loadNewFeeds(),
      },
    )
    const read =
      store.isNew || !useCatalog ? { catalog: null, problem: null } : await readCatalogFile(dataDir)
    if (read.problem) log(`Listing catalog not used (${read.problem}); rebuilding it`)
    store.feedDocs = new FeedDocuments(dataDir, journal, onSetAside, {
      itemsRead: (feedId, items, reordered) => store.indexFeedItems(feedId, items, reordered),
      stateChanged: (feedId) => store.stateChanged(feedId),
      annotationsChanged: () => {
        store.revisions.annotations++
      },
      isFeed: (feedId) => store.feed(feedId) !== undefined,
    })
    if (useCatalog)
      store.keeper = new CatalogKeeper(
        dataDir,
        {
          feedIds: () => store.library.data.feeds.map((feed) => feed.id),
          stampsOf: (feedId) => store.feedDocs.stampsOf(feedId),
          catalogFeed: (feedId) => store.feedDocs.catalogFeed(feedId),
        },
        log,
        read,
      )
    await store.feedDocs.open(
      store.library.data.feeds.map((feed) => feed.id),
      read.catalog,
    )
    store.media = await MediaStore.open(dataDir, journal, onSetAside)
    store.settings = await SharedDocument.open<SettingsDoc>(
      join(dataDir, 'settings.json'),
      () => ({ schemaVersion: SCHEMA_VERSION, values: {} }),
      {
        journal,
        onSetAside,
        shape: (data) =>
          typeof data.values === 'object' && data.values !== null && !Array.isArray(data.values),
      },
    )
    store.exports = await SharedDocument.open<ExportsDoc>(
      join(dataDir, 'exports.json'),
      () => ({ schemaVersion: SCHEMA_VERSION, items: {} }),
      {
        journal,
        onSetAside,
        shape: (data) =>
          typeof data.items === 'object' && data.items !== null && !Array.isArray(data.items),
      },
    )
    // A catalog missing, damaged or out of date is (re)written once the start-up is over.
    if (store.feeds().length > 0) store.keeper?.changed()
    store.leftoverSweep = setTimeout(() => {
      store.sweeping = sweepLockLeftovers(store.lockFolders()).then((n) => {
        if (n) log(`Removed ${n} lock folders left by processes that were killed`)
      })
    }, LEFTOVER_SWEEP_DELAY_MS)
    store.leftoverSweep.unref()
    return store
  }

  private leftoverSweep: NodeJS.Timeout | null = null
  private sweeping: Promise<void> = Promise.resolve()

  /** Where documents (hence their locks) live. */
  lockFolders(): string[] {
    return [
      this.dataDir,
      join(this.dataDir, 'media'),
      ...this.library.data.feeds.map((feed) => join(this.dataDir, 'feeds', feed.id)),
    ]
  }

  /**
   * Picks up what other processes (the CLI, a second window) wrote since the last call: one stat
   * of the change journal when nothing changed.
   */
  async refresh(): Promise<void> {
    const changed = await this.journal.changedSinceLastLook()
    if (changed !== 'all' && changed.size === 0) return
    const wanted = (file: string): boolean =>
      changed === 'all' || changed.has(relative(this.dataDir, file).split(sep).join('/'))
    if (wanted(this.library.file)) await this.library.refresh()
    if (wanted(this.media.indexFile)) await this.media.refresh()
    if (wanted(this.settings.file)) await this.settings.refresh()
    if (wanted(this.exports.file)) await this.exports.refresh()
    await this.loadNewFeeds()
    await this.feedDocs.refresh(wanted, changed === 'all')
  }

  private async loadNewFeeds(): Promise<void> {
    this.revisions.feeds++
    // Re-apply our own unwritten patches on top of a library another process rewrote.
    for (const [feedId, patch] of this.pendingFeedPatches) {
      const feed = this.feed(feedId)
      if (feed) Object.assign(feed, patch)
    }
    await this.feedDocs.loadNew(this.library.data.feeds.map((feed) => feed.id))
  }

  /** Calls `listener(feedId)` after a feed's items change (the search index follows). */
  onItemsChanged(listener: (feedId: string) => void): () => void {
    this.itemListeners.add(listener)
    return () => this.itemListeners.delete(listener)
  }

  private indexFeedItems(feedId: string, items: readonly StoredItem[], reordered = true): void {
    if (reordered) {
      this.revisions.items++
      this.feedDocs.catalogue.markInexact()
    }
    this.itemsRevByFeed.set(feedId, (this.itemsRevByFeed.get(feedId) ?? 0) + 1)
    for (const id of this.indexedByFeed.get(feedId) ?? []) {
      const entry = this.itemIndex.get(id)
      if (entry?.feedId === feedId) this.unindex(id, entry)
    }
    for (const item of items) this.indexItem(feedId, item)
    this.indexedByFeed.set(
      feedId,
      items.map((item) => item.id),
    )
    for (const listener of this.itemListeners) listener(feedId)
    if (reordered) this.keeper?.changed()
  }

  private indexItem(feedId: string, item: StoredItem): void {
    this.itemIndex.set(item.id, { feedId, item })
    if (item.storyKey) {
      const entry = { feedId, itemId: item.id }
      const list = this.storyIndex.get(item.storyKey)
      if (list) list.push(entry)
      else this.storyIndex.set(item.storyKey, [entry])
    }
  }

  private unindex(itemId: string, entry: IndexEntry): void {
    this.itemIndex.delete(itemId)
    const key = entry.item.storyKey
    if (!key) return
    const list = this.storyIndex.get(key)?.filter((e) => e.itemId !== itemId)
    if (list?.length) this.storyIndex.set(key, list)
    else this.storyIndex.delete(key)
  }

  // ---- reading feeds ----

  isLoaded(feedId: string): boolean {
    return this.feedDocs.isLoaded(feedId)
  }

  /** True once every feed is read (none known from the listing catalog only). */
  get fullyLoaded(): boolean {
    return this.feedDocs.fullyLoaded
  }

  /**
   * Reads these feeds now, ahead of the background load: a request needs their items (the page
   * of a listing, an article).
   */
  loadFeeds(feedIds: Iterable<string>): Promise<void> {
    return this.feedDocs.loadFeeds(feedIds)
  }

  /**
   * Runs a request's `work` ahead of the background load of the remaining feeds (see
   * FeedDocuments.inForeground); `work` must not wait for loadAll.
   */
  inForeground<T>(work: () => Promise<T>): Promise<T> {
    return this.feedDocs.inForeground(work)
  }

  /** Reads the feed holding this item, if it is not read yet. */
  async loadItemFeed(itemId: string): Promise<void> {
    if (this.itemIndex.has(itemId)) return
    const feedId = this.feedDocs.catalogue.feedOfItem(itemId)
    if (feedId) await this.feedDocs.loadFeeds([feedId])
  }

  /**
   * Reads every feed not read yet, a couple at a time, letting requests' own reads go first;
   * resolves once all are read (everything that walks all items waits for this).
   */
  loadAll(): Promise<void> {
    return this.feedDocs.loadAll()
  }

  /**
   * What the listing sorts and dedupes by, for each item of a feed in its stored order, whether
   * the feed is read or known from the catalog only.
   */
  forEachListingRow(
    feedId: string,
    visit: (id: string, time: number, title: string, story: string | null) => void,
  ): void {
    this.feedDocs.forEachListingRow(feedId, visit)
  }

  /**
   * The listing's order as the catalog recorded it, while it still is the order (no feed's items
   * changed since); null otherwise, and the listing sorts.
   */
  presortedOrder(): OrderRow[] | null {
    return this.feedDocs.presortedOrder(this.library.data.feeds.map((feed) => feed.id))
  }

  /** Writes the listing catalog if it is worth it, and stops the background reading. */
  async close(): Promise<void> {
    if (this.leftoverSweep) clearTimeout(this.leftoverSweep)
    await this.sweeping
    await this.flush()
    await this.keeper?.close()
    this.feedDocs.close()
  }

  // ---- reading ----

  /** Every stored item with the same story key (the same article in several feeds). */
  storyItems(storyKey: string): StoryEntry[] {
    const loaded = this.storyIndex.get(storyKey) ?? []
    if (this.feedDocs.catalogue.size === 0) return loaded
    return [...loaded, ...this.feedDocs.catalogue.storyEntries(storyKey)]
  }

  /** How many items have this story key (storyItems().length without the list). */
  storyCount(storyKey: string): number {
    const loaded = this.storyIndex.get(storyKey)?.length ?? 0
    return this.feedDocs.catalogue.size === 0
      ? loaded
      : loaded + this.feedDocs.catalogue.storyCount(storyKey)
  }

  feeds(): readonly StoredFeed[] {
    return this.library.data.feeds
  }

  feed(feedId: string): StoredFeed | undefined {
    return this.library.data.feeds.find((feed) => feed.id === feedId)
  }

  async addFeed(feed: StoredFeed): Promise<void> {
    await this.addFeeds([feed])
  }

  /** Adds subscriptions (one write of library.json for an OPML import); known URLs are skipped. */
  async addFeeds(feeds: StoredFeed[]): Promise<void> {
    for (const feed of feeds) await this.feedDocs.load(feed.id)
    await this.flush(true, (data) => {
      for (const feed of feeds) {
        if (!data.feeds.some((known) => known.id === feed.id || known.url === feed.url))
          data.feeds.push(feed)
      }
    })
  }

  /**
   * Changes a subscription. Fetch bookkeeping (status, validators) during a sync is written
   * coalesced — once per LIBRARY_WRITE_DELAY_MS, not once per feed — since losing it in a crash
   * only means fetching again; pass `{ durable: true }` for changes the user made.
   */
  async updateFeed(
    feedId: string,
    patch: Partial<Omit<StoredFeed, 'id'>>,
    { durable = false }: { durable?: boolean } = {},
  ): Promise<StoredFeed> {
    const feed = this.feed(feedId)
    if (!feed) throw new Error(`Unknown feed ${feedId}`)
    Object.assign(feed, patch)
    this.revisions.feeds++
    this.pendingFeedPatches.set(feedId, { ...this.pendingFeedPatches.get(feedId), ...patch })
    if (durable) await this.flush(true)
    else void this.scheduleLibraryWrite()
    return feed
  }

  /**
   * Unsubscribes: the feed leaves library.json and its folder (items, state, annotations) moves
   * to removed/<time>-<feedId>/ — out of the library, but on disk, so a highlight deleted by
   * mistake with its feed can still be recovered by hand. Returns where the files went.
   */
  async removeFeed(feedId: string, now: Date): Promise<string> {
    await this.feedDocs.load(feedId)
    await this.flush(true, (data) => {
      data.feeds = data.feeds.filter((feed) => feed.id !== feedId)
    })
    this.pendingFeedPatches.delete(feedId)
    for (const id of this.indexedByFeed.get(feedId) ?? []) {
      const entry = this.itemIndex.get(id)
      if (entry?.feedId === feedId) this.unindex(id, entry)
    }
    this.indexedByFeed.delete(feedId)
    const files = this.feedDocs.forget(feedId)
    this.revisions.items++
    const removedDir = join(this.dataDir, 'removed')
    await mkdir(removedDir, { recursive: true })
    const keptAt = join(removedDir, `${now.toISOString().replace(/[:.]/g, '-')}-${feedId}`)
    await rename(join(this.dataDir, 'feeds', feedId), keptAt)
    for (const file of files) await this.journal.note(file)
    this.keeper?.changed()
    return keptAt
  }

  private scheduleLibraryWrite(): Promise<void> {
    if (this.libraryWrite) return this.libraryWrite.done
    let resolve: () => void = () => {}
    const done = new Promise<void>((r) => (resolve = r))
    const timer = setTimeout(() => void this.flush(), LIBRARY_WRITE_DELAY_MS)
    this.libraryWrite = { timer, done, resolve }
    return done
  }

  /** Writes pending subscription changes now (at the end of a sync, before exit). */
  async flush(force = false, extra?: (data: LibraryDoc) => void): Promise<void> {
    const pending = this.libraryWrite
    if (!pending && !force && this.pendingFeedPatches.size === 0) return
    this.libraryWrite = null
    if (pending) clearTimeout(pending.timer)
    const patches = this.pendingFeedPatches
    this.pendingFeedPatches = new Map()
    await this.library.update((data) => {
      extra?.(data)
      for (const [feedId, patch] of patches) {
        const feed = data.feeds.find((f) => f.id === feedId)
        if (feed) Object.assign(feed, patch)
      }
    })
    await this.loadNewFeeds()
    pending?.resolve()
  }

  /** A loaded feed's items (loadFeeds() it first when the store may not be fully loaded). */
  items(feedId: string): readonly StoredItem[] {
    return this.feedDocs.docs(feedId).items.data.items
  }

  /** How many items a feed has, read or not. */
  itemCount(feedId: string): number {
    return this.feedDocs.itemCount(feedId)
  }

  /**
   * An item of a loaded feed. An item of a feed not loaded yet is a bug of the caller (it should
   * have awaited loadItemFeed), so it throws rather than pass for a missing item.
   */
  findItem(itemId: string): IndexEntry | undefined {
    const entry = this.itemIndex.get(itemId)
    if (entry || this.feedDocs.catalogue.size === 0) return entry
    const feedId = this.feedDocs.catalogue.feedOfItem(itemId)
    if (feedId) throw new Error(`Item ${itemId} is in feed ${feedId}, not loaded yet`)
    return undefined
  }

  /** The feed holding an item, loaded or not. */
  feedOfItem(itemId: string): string | undefined {
    return this.itemIndex.get(itemId)?.feedId ?? this.feedDocs.catalogue.feedOfItem(itemId)
  }

  /**
   * Adds new items and replaces the content of known ones (same id, new body). Returns how many
   * were new. One write of the feed's items file, whatever the number of items.
   */
  async upsertItems(feedId: string, incoming: StoredItem[]): Promise<number> {
    await this.feedDocs.load(feedId)
    const doc = this.feedDocs.docs(feedId).items
    const added = await doc.update((data) => {
      data.listed = incoming.map((item) => item.id)
      const byId = new Map(data.items.map((item, index) => [item.id, index]))
      let count = 0
      for (const item of incoming) {
        const index = byId.get(item.id)
        if (index === undefined) {
          byId.set(item.id, data.items.length)
          data.items.push(item)
          count++
        } else {
          const known = data.items[index]!
          // item.body is set only for a body just written (new, or rewritten after damage).
          if (known.bodyHash !== item.bodyHash || known.title !== item.title || item.body) {
            // Keep when we first saw it and, for the same body, where it is stored unless it was
            // just written again; the newer content wins, the old one becomes a version.
            const body = item.body ?? (known.bodyHash === item.bodyHash ? known.body : undefined)
            // A new content: the one it replaces becomes a version (never lost).
            const versions = [...(known.versions ?? [])]
            if (known.bodyHash !== item.bodyHash || known.title !== item.title) {
              versions.push({
                bodyHash: known.bodyHash,
                ...(known.body ? { body: known.body } : {}),
                title: known.title,
                fetchedAt: known.fetchedAt,
              })
            }
            data.items[index] = {
              ...item,
              ...(known.fullText ? { fullText: known.fullText } : {}),
              ...(known.page ? { page: known.page } : {}),
              firstSeenAt: known.firstSeenAt,
              ...(body ? { body } : {}),
              ...(versions.length ? { versions } : {}),
            }
          }
        }
      }
      return count
    })
    this.indexFeedItems(feedId, doc.data.items)
    return added
  }

  /**
   * Applies the feed's retention: removes items the feed no longer lists that are older than N
   * days or beyond the newest N — never one that is starred, annotated, exported or corrected.
   * Returns how many were removed. (Their bodies stay in their packs; packs are collected later.)
   */
  async applyRetention(feedId: string, now: Date): Promise<number> {
    const retention = this.feed(feedId)?.retention
    if (!retention || retention.mode === 'all') return 0
    await this.feedDocs.load(feedId)
    const docs = this.feedDocs.docs(feedId)
    // What keeps an item is read afresh: during a long sync another process (the app) may have
    // starred or highlighted one since this process last looked. (A star or highlight landing in
    // the few milliseconds between this look and the write below is not seen: accepted.)
    await docs.state.refresh()
    await this.exports.refresh()
    await this.feedDocs.refreshAnnotations(feedId)
    const annotated = new Set(this.annotations(feedId).map((a) => a.itemId))
    const exported = this.exports.data.items
    const removed = await docs.items.update((data) => {
      const listed = new Set(data.listed ?? [])
      const state = docs.state.data.items
      const isKept = (item: StoredItem): boolean => {
        const s = state[item.id]
        return (
          listed.has(item.id) ||
          annotated.has(item.id) ||
          exported[item.id] !== undefined ||
          Boolean(s?.starred || s?.exported || s?.citation)
        )
      }
      const dateOf = (item: StoredItem): number =>
        Date.parse(item.published ?? item.firstSeenAt) || 0
      const newestFirst = [...data.items].sort((a, b) => dateOf(b) - dateOf(a))
      const drop = new Set<string>()
      newestFirst.forEach((item, rank) => {
        if (isKept(item)) return
        const tooOld =
          retention.mode === 'days' && now.getTime() - dateOf(item) > retention.days * 86_400_000
        const tooMany = retention.mode === 'items' && rank >= retention.count
        if (tooOld || tooMany) drop.add(item.id)
      })
      if (drop.size) data.items = data.items.filter((item) => !drop.has(item.id))
      return drop.size
    })
    if (removed) this.indexFeedItems(feedId, docs.items.data.items)
    return removed
  }

  /** Records the full text (or the failure) and page metadata of an item. */
  async setFullText(
    feedId: string,
    itemId: string,
    fullText: FullText,
    page?: PageMetadata,
  ): Promise<void> {
    await this.feedDocs.load(feedId)
    const doc = this.feedDocs.docs(feedId).items
    await doc.update((data) => {
      const item = data.items.find((candidate) => candidate.id === itemId)
      if (!item) return
      item.fullText = fullText
      if (page) item.page = page
    })
    // Full text changes no date, title or story key: the listing's order stands.
    this.indexFeedItems(feedId, doc.data.items, false)
  }

  private stateChanged(feedId: string): void {
    this.stateRevByFeed.set(feedId, ++this.revisions.state)
    this.keeper?.changed()
  }

  /** Changes when this feed's item states change: derived counts need recounting. */
  stateRevision(feedId: string): number {
    return this.stateRevByFeed.get(feedId) ?? 0
  }

  /**
   * The states of one loaded feed's items the user touched (read, starred…), by item id: sparse,
   * so counting read items costs what was read, not the size of the feed. May name removed items.
   */
  touchedStates(feedId: string): Readonly<Record<string, ItemState>> {
    return this.feedDocs.docs(feedId).state.data.items
  }

  /** An item's whole state (citation corrections included): its feed must be loaded. */
  itemState(feedId: string, itemId: string): ItemState {
    return this.feedDocs.docs(feedId).state.data.items[itemId] ?? {}
  }

  // Read and starred flags, whether the feed is read or known from the catalog only: what
  // listings and counts need.

  isRead(feedId: string, itemId: string): boolean {
    return this.feedDocs.isRead(feedId, itemId)
  }

  isStarred(feedId: string, itemId: string): boolean {
    return this.feedDocs.isStarred(feedId, itemId)
  }

  /** Whether any item of the feed is read (or starred): only those feeds need a look per row. */
  hasFlagged(feedId: string, flag: 'read' | 'starred'): boolean {
    return this.feedDocs.hasFlagged(feedId, flag)
  }

  /** How many of the feed's items are read: recounted only when its items or states change. */
  readCount(feedId: string): number {
    if (!this.feedDocs.isLoaded(feedId))
      return this.feedDocs.catalogue.get(feedId)?.read.length ?? 0
    const docs = this.feedDocs.docs(feedId)
    const itemsRev = this.itemsRevByFeed.get(feedId) ?? 0
    const stateRev = this.stateRevision(feedId)
    const known = this.readCounts.get(feedId)
    if (known?.itemsRev === itemsRev && known.stateRev === stateRev) return known.n
    let n = 0
    for (const [itemId, state] of Object.entries(docs.state.data.items)) {
      if (state.read && this.itemIndex.get(itemId)?.feedId === feedId) n++
    }
    this.readCounts.set(feedId, { itemsRev, stateRev, n })
    return n
  }

  async setItemState(
    feedId: string,
    itemId: string,
    patch: { read?: boolean; starred?: boolean; exported?: true; citation?: CitationEdits },
  ): Promise<ItemState> {
    await this.feedDocs.load(feedId)
    return this.feedDocs.docs(feedId).state.update((data) => {
      this.stateChanged(feedId)
      const next: ItemState = { ...data.items[itemId] }
      if (patch.read !== undefined) {
        if (patch.read) next.read = true
        else delete next.read
      }
      if (patch.starred !== undefined) {
        if (patch.starred) next.starred = true
        else delete next.starred
      }
      if (patch.exported) next.exported = true
      if (patch.citation !== undefined) {
        if (Object.keys(patch.citation).length) next.citation = patch.citation
        else delete next.citation
      }
      // Sparse: an item with default state has no entry, so the file grows only with what the
      // user touched.
      if (next.read || next.starred || next.exported || next.citation) data.items[itemId] = next
      else delete data.items[itemId]
      return next
    })
  }

  /** Sets the read flag of many items of one feed with one write. */
  async setItemsRead(feedId: string, itemIds: readonly string[], read: boolean): Promise<void> {
    if (itemIds.length === 0) return
    await this.feedDocs.load(feedId)
    await this.feedDocs.docs(feedId).state.update((data) => {
      this.stateChanged(feedId)
      for (const itemId of itemIds) {
        const next: ItemState = { ...data.items[itemId] }
        if (read) next.read = true
        else delete next.read
        if (next.read || next.starred || next.exported || next.citation) data.items[itemId] = next
        else delete data.items[itemId]
      }
    })
  }

  /** Whether the item was exported as a note (its feed read): retention keeps it. */
  isExported(feedId: string, itemId: string): boolean {
    return (
      this.exports.data.items[itemId] !== undefined ||
      Boolean(this.itemState(feedId, itemId).exported)
    )
  }

  /** Records items as exported at `at` (retention keeps them): one write, whatever their feeds. */
  async setItemsExported(itemIds: readonly string[], at: string): Promise<void> {
    if (itemIds.length === 0) return
    await this.exports.update((data) => {
      for (const itemId of itemIds) data.items[itemId] ??= at
    })
  }

  annotations(feedId: string): readonly StoredAnnotation[] {
    return this.feedDocs.annotations(feedId)
  }

  /** The annotation with this id, and its feed; undefined when there is none. */
  findAnnotation(
    annotationId: string,
  ): { feedId: string; annotation: StoredAnnotation } | undefined {
    for (const [feedId, doc] of this.feedDocs.annotationDocsByFeed()) {
      const annotation = doc.data.annotations.find((a) => a.id === annotationId)
      if (annotation) return { feedId, annotation }
    }
    return undefined
  }

  /** Adds an annotation; false (and nothing written) when one with its id is already there. */
  async addAnnotation(annotation: StoredAnnotation): Promise<boolean> {
    return this.feedDocs.annotationDoc(annotation.feedId).update((data) => {
      if (data.annotations.some((a) => a.id === annotation.id)) return false
      data.annotations.push(annotation)
      // Listings (the Highlighted view) and search read annotations through this revision.
      this.revisions.annotations++
      return true
    })
  }

  /**
   * Changes one annotation under the lock, on the newest data: `change` gets the stored value and
   * returns the new one. Resolves with the new value once written, or null when it is gone.
   */
  async updateAnnotation(
    annotationId: string,
    change: (annotation: StoredAnnotation) => StoredAnnotation,
  ): Promise<StoredAnnotation | null> {
    const found = this.findAnnotation(annotationId)
    if (!found) return null
    return this.feedDocs.annotationDoc(found.feedId).update((data) => {
      const index = data.annotations.findIndex((a) => a.id === annotationId)
      if (index === -1) return null
      const next = change(data.annotations[index]!)
      data.annotations[index] = next
      this.revisions.annotations++
      return next
    })
  }

  /** Deletes one annotation; resolves with what was deleted (for an undo), or null. */
  async deleteAnnotation(annotationId: string): Promise<StoredAnnotation | null> {
    const found = this.findAnnotation(annotationId)
    if (!found) return null
    return this.feedDocs.annotationDoc(found.feedId).update((data) => {
      const index = data.annotations.findIndex((a) => a.id === annotationId)
      if (index === -1) return null
      this.revisions.annotations++
      return data.annotations.splice(index, 1)[0]!
    })
  }
}
