// The library on disk, shaped so that a small change writes a small file:
//   library.json                   subscriptions and their fetch state
//   feeds/<feedId>/items.json      item metadata of one feed (bodies live in bodies/)
//   feeds/<feedId>/state.json      read/starred flags of one feed, sparse
//   feeds/<feedId>/annotations.json
//   bodies/<ab>/<sha256>.html      sanitized article bodies, immutable
//   settings.json                  the user's preferences (theme, sync interval…)
//   removed/<time>-<feedId>/       a deleted subscription's files, kept so nothing is lost
// Marking one item read rewrites only its feed's state.json, whatever the library's size.
// Everything is loaded into memory on open. Each file is a SharedDocument: changes are applied
// under a cross-process lock to the newest data and written atomically, and refresh() re-reads
// what other processes (the CLI next to the app) changed, found through the change journal.
import { mkdir, readdir, rename } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { PageMetadata } from '../../../shared/citation/page-metadata-types'
import type { CitationEdits } from '../../../shared/domain'
import type { StoredAnnotation } from '../annotations/stored-annotation'
import { BodyStore, type BodyRef } from './body-store'
import { FileChangeJournal } from './change-journal'
import type { SetAsideNotice } from './json-document'
import { MediaStore } from './media-store'
import { SharedDocument } from './shared-document'

export const SCHEMA_VERSION = 1
/** How long fetch-status changes to library.json may wait to be written together. */
export const LIBRARY_WRITE_DELAY_MS = 500
const FEEDS_OPENED_AT_ONCE = 16

export interface StoredFeed {
  id: string
  url: string
  title: string
  siteUrl: string | null
  description: string
  addedAt: string
  lastSuccessAt: string | null
  lastError: { code: string; message: string; at: string } | null
  /** Validators for conditional GET and the hash of the last body parsed. */
  http: { etag: string | null; lastModified: string | null; bodyHash: string | null }
  /** Folder path, outermost first ([] = top level), as in OPML. */
  folder?: string[]
  /** The feed's declared language (BCP 47), for citations. */
  language?: string | null
  /** How long items are kept (default: all). */
  retention?: Retention
  /** Always read this feed's items in full from their pages, not only detected teasers. */
  alwaysFullText?: boolean
  /** When a scheduled sync should fetch this feed next (Cache-Control, polite minimum). */
  nextCheckAt?: string | null
  /** Not to be fetched at all before this time: the server asked us to wait (Retry-After). */
  retryNotBefore?: string | null
  /** The server said 410 Gone: no longer fetched until the user re-enables it. */
  gone?: boolean
  /** Problems worked around on the last parse (repaired XML, unknown charset…). */
  warnings?: string[]
}

export type Retention =
  { mode: 'all' } | { mode: 'days'; days: number } | { mode: 'items'; count: number }

export interface StoredItem {
  id: string
  guid: string | null
  title: string
  link: string | null
  /** Canonical form of link: the same story in two feeds has the same key. */
  storyKey?: string | null
  author: string | null
  published: string | null
  updated?: string | null
  firstSeenAt: string
  fetchedAt: string
  snippet: string
  summary?: string
  /** Base URL for relative links in the body. */
  baseUrl?: string | null
  enclosures?: { url: string; type: string | null; length: number | null }[]
  thumbnail?: string | null
  categories?: string[]
  /** sha256 of the raw (unsanitized) body. */
  bodyHash: string
  /** Where the body is stored (a pack); absent for bodies stored one file each. */
  body?: BodyRef
  /** Earlier contents of this item, oldest first (the current one is the item itself). */
  versions?: ItemVersion[]
  /** The article extracted from its web page, or why that failed. */
  fullText?: FullText
  /** Citation metadata read from the item's web page. */
  page?: PageMetadata
}

export type FullText =
  | { status: 'available'; bodyHash: string; body: BodyRef; fetchedAt: string; pageUrl: string }
  | { status: 'failed'; reason: string; at: string }

/** One earlier content of an item, kept when the feed changed it. */
export interface ItemVersion {
  bodyHash: string
  body?: BodyRef
  title: string
  fetchedAt: string
}

export interface ItemState {
  read?: true
  starred?: true
  /** Exported as a note at least once: retention keeps it. */
  exported?: true
  /** The user's corrections to the citation: they win over every source, now and after syncs. */
  citation?: CitationEdits
}

interface LibraryDoc {
  schemaVersion: number
  feeds: StoredFeed[]
}
interface ItemsDoc {
  schemaVersion: number
  feedId: string
  items: StoredItem[]
  /** Ids the feed listed at its last successful read: retention never removes those. */
  listed?: string[]
}
interface StateDoc {
  schemaVersion: number
  feedId: string
  items: Record<string, ItemState>
}
interface SettingsDoc {
  schemaVersion: number
  /** Read leniently through shared/settings (each invalid field falls back to its default). */
  values: Record<string, unknown>
}
interface AnnotationsDoc {
  schemaVersion: number
  feedId: string
  annotations: StoredAnnotation[]
}

interface FeedDocs {
  items: SharedDocument<ItemsDoc>
  state: SharedDocument<StateDoc>
  annotations: SharedDocument<AnnotationsDoc>
}

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
  private readonly feedDocs = new Map<string, FeedDocs>()
  private readonly loadingDocs = new Map<string, Promise<FeedDocs>>()
  /** Subscription changes not yet written (coalesced fetch bookkeeping), by feed id. */
  private pendingFeedPatches = new Map<string, Partial<StoredFeed>>()
  private libraryWrite: { timer: NodeJS.Timeout; done: Promise<void>; resolve: () => void } | null =
    null
  private readonly itemIndex = new Map<string, IndexEntry>()
  private readonly storyIndex = new Map<string, IndexEntry[]>()
  /** Which ids each feed put in the indexes, so re-indexing a feed costs its own size only. */
  private readonly indexedByFeed = new Map<string, string[]>()
  readonly revisions: Revisions = { items: 0, state: 0, annotations: 0, feeds: 0 }
  /** revisions.state at the last change of each feed's state (absent: not changed since open). */
  private readonly stateRevByFeed = new Map<string, number>()
  /** Told when a feed's items were (re)loaded or changed, by this process or another. */
  private readonly itemListeners = new Set<(feedId: string) => void>()

  private constructor(
    readonly dataDir: string,
    private readonly journal: FileChangeJournal,
    private readonly onSetAside: (notice: SetAsideNotice) => void,
    /** True when library.json did not exist: the first start in this data dir. */
    readonly isNew: boolean,
  ) {
    this.bodies = new BodyStore(join(dataDir, 'bodies'))
  }

  // Assigned in open(); kept apart from the constructor because opening is async.
  private library!: SharedDocument<LibraryDoc>
  /** The user's preferences, shared by the app and the CLI. Assigned in open(). */
  settings!: SharedDocument<SettingsDoc>

  static async open(
    dataDir: string,
    onSetAside: (notice: SetAsideNotice) => void = () => {},
  ): Promise<LibraryStore> {
    await mkdir(join(dataDir, 'feeds'), { recursive: true })
    const names = new Set(await readdir(dataDir))
    const journal = await FileChangeJournal.open(dataDir)
    const store = new LibraryStore(dataDir, journal, onSetAside, !names.has('library.json'))
    store.library = await SharedDocument.open<LibraryDoc>(
      join(dataDir, 'library.json'),
      () => ({ schemaVersion: SCHEMA_VERSION, feeds: [] }),
      // A library re-read from disk may list feeds not loaded yet: load them before anyone
      // reads the list, or a listing in between would find a feed without its files.
      { journal, onSetAside, onReload: () => store.loadNewFeeds() },
    )
    await store.loadFeedDocsOf(store.library.data.feeds.map((feed) => feed.id))
    store.media = await MediaStore.open(dataDir, journal, onSetAside)
    store.settings = await SharedDocument.open<SettingsDoc>(
      join(dataDir, 'settings.json'),
      () => ({ schemaVersion: SCHEMA_VERSION, values: {} }),
      { journal, onSetAside },
    )
    return store
  }

  /** Feed files opened at once on start-up: reads overlap, so 1,000 feeds open in a fraction. */
  private async loadFeedDocsOf(feedIds: string[]): Promise<void> {
    const pending = feedIds.filter((id) => !this.feedDocs.has(id))
    await Promise.all(
      Array.from({ length: Math.min(FEEDS_OPENED_AT_ONCE, pending.length) }, async () => {
        for (let id = pending.shift(); id; id = pending.shift()) await this.loadFeedDocs(id)
      }),
    )
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
    await this.loadNewFeeds()
    for (const docs of this.feedDocs.values()) {
      for (const doc of [docs.items, docs.state, docs.annotations]) {
        if (wanted(doc.file)) await doc.refresh()
      }
    }
  }

  private async loadNewFeeds(): Promise<void> {
    this.revisions.feeds++
    // Re-apply our own unwritten patches on top of a library another process rewrote.
    for (const [feedId, patch] of this.pendingFeedPatches) {
      const feed = this.feed(feedId)
      if (feed) Object.assign(feed, patch)
    }
    await this.loadFeedDocsOf(this.library.data.feeds.map((feed) => feed.id))
  }

  /** Calls `listener(feedId)` after a feed's items change (the search index follows). */
  onItemsChanged(listener: (feedId: string) => void): () => void {
    this.itemListeners.add(listener)
    return () => this.itemListeners.delete(listener)
  }

  private indexFeedItems(feedId: string, items: readonly StoredItem[], reordered = true): void {
    if (reordered) this.revisions.items++
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
  }

  private indexItem(feedId: string, item: StoredItem): void {
    const entry = { feedId, item }
    this.itemIndex.set(item.id, entry)
    if (item.storyKey) {
      const list = this.storyIndex.get(item.storyKey)
      if (list) list.push(entry)
      else this.storyIndex.set(item.storyKey, [entry])
    }
  }

  private unindex(itemId: string, entry: IndexEntry): void {
    this.itemIndex.delete(itemId)
    const key = entry.item.storyKey
    if (!key) return
    const list = this.storyIndex.get(key)?.filter((e) => e.item.id !== itemId)
    if (list?.length) this.storyIndex.set(key, list)
    else this.storyIndex.delete(key)
  }

  private loadFeedDocs(feedId: string): Promise<FeedDocs> {
    const existing = this.feedDocs.get(feedId)
    if (existing) return Promise.resolve(existing)
    // One load per feed even when start-up, a refresh and a flush ask at the same moment.
    let loading = this.loadingDocs.get(feedId)
    if (!loading) {
      loading = this.openFeedDocs(feedId).finally(() => this.loadingDocs.delete(feedId))
      this.loadingDocs.set(feedId, loading)
    }
    return loading
  }

  private async openFeedDocs(feedId: string): Promise<FeedDocs> {
    const dir = join(this.dataDir, 'feeds', feedId)
    await mkdir(dir, { recursive: true })
    const base = { schemaVersion: SCHEMA_VERSION, feedId }
    const common = { journal: this.journal, onSetAside: this.onSetAside }
    const [items, state, annotations] = await Promise.all([
      SharedDocument.open<ItemsDoc>(join(dir, 'items.json'), () => ({ ...base, items: [] }), {
        ...common,
        // The largest file, written by machines only: no indentation.
        compact: true,
        onReload: (data) => this.indexFeedItems(feedId, data.items),
      }),
      SharedDocument.open<StateDoc>(join(dir, 'state.json'), () => ({ ...base, items: {} }), {
        ...common,
        onReload: () => this.stateChanged(feedId),
      }),
      SharedDocument.open<AnnotationsDoc>(
        join(dir, 'annotations.json'),
        () => ({ ...base, annotations: [] }),
        {
          ...common,
          onReload: () => {
            this.revisions.annotations++
          },
        },
      ),
    ])
    const docs: FeedDocs = { items, state, annotations }
    this.feedDocs.set(feedId, docs)
    this.indexFeedItems(feedId, items.data.items)
    return docs
  }

  private docs(feedId: string): FeedDocs {
    const docs = this.feedDocs.get(feedId)
    if (!docs) throw new Error(`Unknown feed ${feedId}`)
    return docs
  }

  /** Every stored item with the same story key (the same article in several feeds). */
  storyItems(storyKey: string): IndexEntry[] {
    return this.storyIndex.get(storyKey) ?? []
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
    for (const feed of feeds) await this.loadFeedDocs(feed.id)
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
    const docs = this.docs(feedId)
    await this.flush(true, (data) => {
      data.feeds = data.feeds.filter((feed) => feed.id !== feedId)
    })
    this.pendingFeedPatches.delete(feedId)
    for (const id of this.indexedByFeed.get(feedId) ?? []) {
      const entry = this.itemIndex.get(id)
      if (entry?.feedId === feedId) this.unindex(id, entry)
    }
    this.indexedByFeed.delete(feedId)
    this.feedDocs.delete(feedId)
    const removedDir = join(this.dataDir, 'removed')
    await mkdir(removedDir, { recursive: true })
    const keptAt = join(removedDir, `${now.toISOString().replace(/[:.]/g, '-')}-${feedId}`)
    await rename(join(this.dataDir, 'feeds', feedId), keptAt)
    for (const doc of [docs.items, docs.state, docs.annotations]) await this.journal.note(doc.file)
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

  items(feedId: string): readonly StoredItem[] {
    return this.docs(feedId).items.data.items
  }

  findItem(itemId: string): IndexEntry | undefined {
    return this.itemIndex.get(itemId)
  }

  /**
   * Adds new items and replaces the content of known ones (same id, new body). Returns how many
   * were new. One write of the feed's items file, whatever the number of items.
   */
  async upsertItems(feedId: string, incoming: StoredItem[]): Promise<number> {
    const doc = this.docs(feedId).items
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
    const docs = this.docs(feedId)
    const annotated = new Set(docs.annotations.data.annotations.map((a) => a.itemId))
    const removed = await docs.items.update((data) => {
      const listed = new Set(data.listed ?? [])
      const state = docs.state.data.items
      const isKept = (item: StoredItem): boolean => {
        const s = state[item.id]
        return (
          listed.has(item.id) ||
          annotated.has(item.id) ||
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
    const doc = this.docs(feedId).items
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
  }

  /** Changes when this feed's item states change: derived counts need recounting. */
  stateRevision(feedId: string): number {
    return this.stateRevByFeed.get(feedId) ?? 0
  }

  /**
   * The states of one feed's items the user touched (read, starred…), by item id: sparse, so
   * counting read items costs what was read, not the size of the feed. May name removed items.
   */
  touchedStates(feedId: string): Readonly<Record<string, ItemState>> {
    return this.docs(feedId).state.data.items
  }

  itemState(feedId: string, itemId: string): ItemState {
    return this.docs(feedId).state.data.items[itemId] ?? {}
  }

  async setItemState(
    feedId: string,
    itemId: string,
    patch: { read?: boolean; starred?: boolean; exported?: true; citation?: CitationEdits },
  ): Promise<ItemState> {
    return this.docs(feedId).state.update((data) => {
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
    await this.docs(feedId).state.update((data) => {
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

  /** Marks many items of one feed exported (retention keeps them) with one write. */
  async setItemsExported(feedId: string, itemIds: readonly string[]): Promise<void> {
    if (itemIds.length === 0) return
    await this.docs(feedId).state.update((data) => {
      this.stateChanged(feedId)
      for (const itemId of itemIds) data.items[itemId] = { ...data.items[itemId], exported: true }
    })
  }

  annotations(feedId: string): readonly StoredAnnotation[] {
    return this.docs(feedId).annotations.data.annotations
  }

  /** The annotation with this id, and its feed; undefined when there is none. */
  findAnnotation(
    annotationId: string,
  ): { feedId: string; annotation: StoredAnnotation } | undefined {
    for (const [feedId, docs] of this.feedDocs) {
      const annotation = docs.annotations.data.annotations.find((a) => a.id === annotationId)
      if (annotation) return { feedId, annotation }
    }
    return undefined
  }

  /** Adds an annotation; false (and nothing written) when one with its id is already there. */
  async addAnnotation(annotation: StoredAnnotation): Promise<boolean> {
    return this.docs(annotation.feedId).annotations.update((data) => {
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
    return this.docs(found.feedId).annotations.update((data) => {
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
    return this.docs(found.feedId).annotations.update((data) => {
      const index = data.annotations.findIndex((a) => a.id === annotationId)
      if (index === -1) return null
      this.revisions.annotations++
      return data.annotations.splice(index, 1)[0]!
    })
  }
}
