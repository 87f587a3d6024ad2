// The per-feed files of the library (feeds/<feedId>/items.json, state.json, annotations.json) as
// SharedDocuments, and when each is read. At start-up one stat per file decides: a feed whose
// items.json and state.json still carry the stamps the listing catalog recorded is left unread
// ("catalogued": its rows stand in, see CataloguedFeeds); the others are read now; annotation
// files are read when they exist (a feed without one gets its document at its first highlight).
// Catalogued feeds are read later: at once when a request needs them (loadFeeds, which goes
// first), else in the background (loadAll). What is read is handed to the store through hooks
// (it indexes items; it bumps revisions), telling whether it differs from what was listed.
// Reading a feed's items needs it read: itemDocs() throws for a catalogued feed.
import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { StoredAnnotation } from '../annotations/stored-annotation'
import { isoTime } from '../iso-time'
import { inParallel } from '../in-parallel'
import type { FeedStamps } from './catalog-keeper'
import { CataloguedFeeds, type OrderRow } from './catalogued-feeds'
import type { ChangeJournal } from './shared-document'
import { feedRowsOf } from './feed-rows'
import { sameStamp, stampOfSync, type FileStamp } from './file-stamp'
import type { SetAsideNotice } from './json-document'
import type { CatalogFeed, DecodedCatalog } from './listing-catalog'
import { SharedDocument } from './shared-document'
import {
  SCHEMA_VERSION,
  type AnnotationsDoc,
  type ItemsDoc,
  type StateDoc,
  type StoredItem,
} from './store-types'

/** Feed files opened at once: reads overlap, so 1,000 feeds open in a fraction. */
const FEEDS_OPENED_AT_ONCE = 16
/** Feeds read at once by the background load (loadAll): few, so requests come first. */
const FEEDS_LOADED_IN_BACKGROUND = 2
const NO_ANNOTATIONS: readonly StoredAnnotation[] = Object.freeze([])

/** A read feed's item documents. */
export interface ItemDocs {
  items: SharedDocument<ItemsDoc>
  state: SharedDocument<StateDoc>
}

export interface FeedDocumentHooks {
  /**
   * A feed's items were read or re-read. `reordered`: they may differ from what was listed
   * (false only when read exactly as the catalog recorded them).
   */
  itemsRead(feedId: string, items: readonly StoredItem[], reordered: boolean): void
  /** A feed's read / starred / exported / citation states were re-read and may differ. */
  stateChanged(feedId: string): void
  annotationsChanged(): void
  /** Whether the library subscribes to this feed. */
  isFeed(feedId: string): boolean
}

export class FeedDocuments {
  private readonly itemDocs = new Map<string, ItemDocs>()
  /** Feeds known from the listing catalog only, not read yet. */
  private catalogued = new CataloguedFeeds()
  /** Every feed's annotations; null for a feed that had no file at open (none read, none made). */
  private readonly annotationDocs = new Map<string, SharedDocument<AnnotationsDoc> | null>()
  private readonly loading = new Map<string, Promise<void>>()
  /** Folders under feeds/ known to exist (no mkdir per feed at open). */
  private readonly folders = new Set<string>()
  /** Requests' work in progress (see inForeground): the background load lets it go first. */
  private foregroundLoads = 0
  private foregroundWaiters: (() => void)[] = []
  private allLoaded: Promise<void> | null = null
  private closed = false

  constructor(
    private readonly dataDir: string,
    private readonly journal: ChangeJournal,
    private readonly onSetAside: (notice: SetAsideNotice) => void,
    private readonly hooks: FeedDocumentHooks,
  ) {}

  file(feedId: string, name: 'items.json' | 'state.json' | 'annotations.json'): string {
    return join(this.dataDir, 'feeds', feedId, name)
  }

  private options() {
    return { journal: this.journal, onSetAside: this.onSetAside }
  }

  /**
   * Start-up: one readdir of feeds/, then one stat per feed file says which feeds the catalog
   * still describes (those are not read now) and which annotation files exist (only those are).
   */
  async open(feedIds: readonly string[], catalog: DecodedCatalog | null): Promise<void> {
    for (const name of await readdir(join(this.dataDir, 'feeds'))) this.folders.add(name)
    const recorded = new Map(catalog?.feeds.map((feed) => [feed.id, feed]))
    const valid = new Set<string>()
    const toRead: string[] = []
    const annotated: string[] = []
    // Exact: every feed's items as the catalog has them, the feeds its, in its order.
    let exact =
      !!catalog &&
      catalog.feeds.length === feedIds.length &&
      catalog.feeds.every((feed, i) => feed.id === feedIds[i])
    for (const feedId of feedIds) {
      await this.ensureFolder(feedId)
      const rows = recorded.get(feedId)
      const sameItems =
        !!rows && sameStamp(rows.items, stampOfSync(this.file(feedId, 'items.json')))
      if (sameItems && sameStamp(rows.state, stampOfSync(this.file(feedId, 'state.json'))))
        valid.add(feedId)
      else toRead.push(feedId)
      // Only read or starred flags changed: the items, hence the order, are still the catalog's.
      if (!sameItems) exact = false
      if (stampOfSync(this.file(feedId, 'annotations.json'))) annotated.push(feedId)
      else this.annotationDocs.set(feedId, null)
    }
    this.catalogued = new CataloguedFeeds(catalog, valid, exact)
    await inParallel(annotated, FEEDS_OPENED_AT_ONCE, (feedId) => this.openAnnotations(feedId))
    await inParallel(toRead, FEEDS_OPENED_AT_ONCE, (feedId) => this.load(feedId))
  }

  private async ensureFolder(feedId: string): Promise<void> {
    if (this.folders.has(feedId)) return
    await mkdir(join(this.dataDir, 'feeds', feedId), { recursive: true })
    this.folders.add(feedId)
  }

  // ---- annotations ----

  private annotationsOptions(feedId: string) {
    return [
      this.file(feedId, 'annotations.json'),
      (): AnnotationsDoc => ({ schemaVersion: SCHEMA_VERSION, feedId, annotations: [] }),
      {
        ...this.options(),
        shape: (data: Record<string, unknown>) => Array.isArray(data.annotations),
        onReload: () => this.hooks.annotationsChanged(),
      },
    ] as const
  }

  private async openAnnotations(feedId: string): Promise<void> {
    const doc = await SharedDocument.open(...this.annotationsOptions(feedId))
    if (!this.annotationDocs.get(feedId)) this.annotationDocs.set(feedId, doc)
  }

  annotations(feedId: string): readonly StoredAnnotation[] {
    const doc = this.annotationDocs.get(feedId)
    if (doc) return doc.data.annotations
    if (doc === null) return NO_ANNOTATIONS
    throw new Error(`Unknown feed ${feedId}`)
  }

  /** The feed's annotations document, made (not read: there was no file) for a first write. */
  annotationDoc(feedId: string): SharedDocument<AnnotationsDoc> {
    const doc = this.annotationDocs.get(feedId)
    if (doc) return doc
    if (doc === undefined) throw new Error(`Unknown feed ${feedId}`)
    // Made on first write only: a thousand documents for files that do not exist cost ~75 ms.
    const made = SharedDocument.absent(...this.annotationsOptions(feedId))
    this.annotationDocs.set(feedId, made)
    return made
  }

  /** Re-reads one feed's annotations if another process changed (or made) its file. */
  async refreshAnnotations(feedId: string): Promise<void> {
    const doc = this.annotationDocs.get(feedId)
    if (doc) await doc.refresh()
    else if (doc === null && stampOfSync(this.file(feedId, 'annotations.json'))) {
      await this.openAnnotations(feedId)
      this.hooks.annotationsChanged()
    }
  }

  /** Feeds with their annotations documents (those with none yet left out). */
  *annotationDocsByFeed(): Generator<[string, SharedDocument<AnnotationsDoc>]> {
    for (const [feedId, doc] of this.annotationDocs) if (doc) yield [feedId, doc]
  }

  // ---- reading feeds ----

  isLoaded(feedId: string): boolean {
    return this.itemDocs.has(feedId)
  }

  isKnown(feedId: string): boolean {
    return this.itemDocs.has(feedId) || this.catalogued.has(feedId)
  }

  /** True once no feed is known from the catalog only. */
  get fullyLoaded(): boolean {
    return this.catalogued.size === 0
  }

  /** Reads a feed's items and states (once, whoever asks at the same moment). */
  load(feedId: string): Promise<void> {
    if (this.itemDocs.has(feedId)) return Promise.resolve()
    let loading = this.loading.get(feedId)
    if (!loading) {
      loading = this.read(feedId).finally(() => this.loading.delete(feedId))
      this.loading.set(feedId, loading)
    }
    return loading
  }

  private async read(feedId: string): Promise<void> {
    await this.ensureFolder(feedId)
    if (!this.annotationDocs.has(feedId)) await this.openAnnotations(feedId)
    const base = { schemaVersion: SCHEMA_VERSION, feedId }
    const [items, state] = await Promise.all([
      SharedDocument.open<ItemsDoc>(
        this.file(feedId, 'items.json'),
        () => ({ ...base, items: [] }),
        {
          ...this.options(),
          // The largest file, written by machines only: no indentation.
          compact: true,
          shape: (data) => Array.isArray(data.items),
          onReload: (data) => this.hooks.itemsRead(feedId, data.items, true),
        },
      ),
      SharedDocument.open<StateDoc>(
        this.file(feedId, 'state.json'),
        () => ({ ...base, items: {} }),
        {
          ...this.options(),
          shape: (data) => isRecord(data.items),
          onReload: () => this.hooks.stateChanged(feedId),
        },
      ),
    ])
    if (this.itemDocs.has(feedId)) return
    // Read as the catalog recorded it: what was listed from its rows stands as it is.
    const rows = this.catalogued.recorded(feedId)
    const same = (doc: { dataStamp: FileStamp | null | undefined }, stamp?: FileStamp | null) =>
      stamp !== undefined && doc.dataStamp !== undefined && sameStamp(doc.dataStamp, stamp)
    const reordered = !same(items, rows?.items)
    this.itemDocs.set(feedId, { items, state })
    this.catalogued.drop(feedId)
    this.hooks.itemsRead(feedId, items.data.items, reordered)
    if (!same(state, rows?.state)) this.hooks.stateChanged(feedId)
  }

  /**
   * Reads these feeds now, ahead of the background load: a request needs their items (the page
   * of a listing, an article).
   */
  async loadFeeds(feedIds: Iterable<string>): Promise<void> {
    const wanted = [...new Set(feedIds)].filter(
      (id) => !this.itemDocs.has(id) && (this.catalogued.has(id) || this.hooks.isFeed(id)),
    )
    if (wanted.length === 0) return
    await this.inForeground(() =>
      inParallel(wanted, FEEDS_OPENED_AT_ONCE, (feedId) => this.load(feedId)),
    )
  }

  /**
   * Runs `work` with the background load paused between feeds: what a request waits for (its
   * feeds, an export's reading and writing) gets the thread and the disk. `work` must not wait
   * for loadAll, which would then never finish.
   */
  async inForeground<T>(work: () => Promise<T>): Promise<T> {
    this.foregroundLoads++
    try {
      return await work()
    } finally {
      if (--this.foregroundLoads === 0) {
        for (const resume of this.foregroundWaiters.splice(0)) resume()
      }
    }
  }

  /** Reads the feeds the library lists and nothing here knows yet (new subscriptions). */
  async loadNew(feedIds: readonly string[]): Promise<void> {
    await inParallel(
      feedIds.filter((id) => !this.isKnown(id)),
      FEEDS_OPENED_AT_ONCE,
      (feedId) => this.load(feedId),
    )
  }

  /**
   * Reads every catalogued feed, a couple at a time, letting requests' own loads go first;
   * resolves once all are read (everything that walks all items waits for this).
   */
  loadAll(): Promise<void> {
    // A failed read (a disk error) fails this call; the next call tries again.
    this.allLoaded ??= (async () => {
      const queue = this.catalogued.feedIds()
      await Promise.all(
        Array.from({ length: FEEDS_LOADED_IN_BACKGROUND }, async () => {
          for (let id = queue.shift(); id && !this.closed; id = queue.shift()) {
            while (this.foregroundLoads > 0)
              await new Promise<void>((resolve) => this.foregroundWaiters.push(resolve))
            await this.load(id)
            // Files are read synchronously (see json-document): give requests their turn.
            await new Promise((resolve) => setImmediate(resolve))
          }
        }),
      )
    })().catch((error: unknown) => {
      this.allLoaded = null
      throw error
    })
    return this.allLoaded
  }

  /** The documents of a read feed; throws for one not read yet (a caller's missing load). */
  docs(feedId: string): ItemDocs {
    const docs = this.itemDocs.get(feedId)
    if (docs) return docs
    if (this.catalogued.has(feedId))
      throw new Error(`Feed ${feedId} is not loaded yet: loadFeeds() it first`)
    throw new Error(`Unknown feed ${feedId}`)
  }

  /**
   * Re-reads what another process wrote (`wanted`: whether the journal names a file; `all`:
   * it may name any). A catalogued feed it wrote is read: its rows are out of date.
   */
  async refresh(wanted: (file: string) => boolean, all: boolean): Promise<void> {
    for (const docs of this.itemDocs.values()) {
      for (const doc of [docs.items, docs.state]) if (wanted(doc.file)) await doc.refresh()
    }
    for (const [feedId, doc] of this.annotationDocs) {
      const file = doc?.file ?? this.file(feedId, 'annotations.json')
      if (!wanted(file)) continue
      if (doc) await doc.refresh()
      else if (stampOfSync(file)) {
        // Another process made the feed's first highlight.
        await this.openAnnotations(feedId)
        this.hooks.annotationsChanged()
      }
    }
    for (const feedId of this.catalogued.feedIds()) {
      const items = this.file(feedId, 'items.json')
      const state = this.file(feedId, 'state.json')
      const stale = all ? !this.stillCatalogued(feedId) : wanted(items) || wanted(state)
      if (stale) await this.loadFeeds([feedId])
    }
  }

  private stillCatalogued(feedId: string): boolean {
    const rows = this.catalogued.get(feedId)
    return (
      !!rows &&
      sameStamp(rows.items, stampOfSync(this.file(feedId, 'items.json'))) &&
      sameStamp(rows.state, stampOfSync(this.file(feedId, 'state.json')))
    )
  }

  /** The feed left the library: its documents are dropped; returns its files. */
  forget(feedId: string): string[] {
    const files = (['items.json', 'state.json', 'annotations.json'] as const).map((name) =>
      this.file(feedId, name),
    )
    this.itemDocs.delete(feedId)
    this.annotationDocs.delete(feedId)
    this.catalogued.drop(feedId)
    this.catalogued.markInexact()
    this.folders.delete(feedId)
    return files
  }

  // ---- what listings and counts need, read or catalogued ----

  /** The catalogued feeds' rows (which feed has an item, story counts). */
  get catalogue(): CataloguedFeeds {
    return this.catalogued
  }

  itemCount(feedId: string): number {
    const docs = this.itemDocs.get(feedId)
    return docs ? docs.items.data.items.length : (this.catalogued.get(feedId)?.ids.length ?? 0)
  }

  /**
   * What the listing sorts and dedupes by, for each item of a feed in its stored order, whether
   * the feed is read or known from the catalog only.
   */
  forEachListingRow(
    feedId: string,
    visit: (id: string, time: number, title: string, story: string | null) => void,
  ): void {
    const docs = this.itemDocs.get(feedId)
    if (!docs) return this.catalogued.forEachRow(feedId, visit)
    for (const item of docs.items.data.items)
      visit(item.id, isoTime(item.published ?? item.firstSeenAt), item.title, item.storyKey ?? null)
  }

  presortedOrder(libraryFeedIds: readonly string[]): OrderRow[] | null {
    return this.catalogued.presortedOrder(libraryFeedIds)
  }

  isRead(feedId: string, itemId: string): boolean {
    const docs = this.itemDocs.get(feedId)
    if (docs) return Boolean(docs.state.data.items[itemId]?.read)
    return this.catalogued.isRead(feedId, itemId)
  }

  isStarred(feedId: string, itemId: string): boolean {
    const docs = this.itemDocs.get(feedId)
    if (docs) return Boolean(docs.state.data.items[itemId]?.starred)
    return this.catalogued.isStarred(feedId, itemId)
  }

  /** Whether any item of the feed is read (or starred): only those feeds need a look per row. */
  hasFlagged(feedId: string, flag: 'read' | 'starred'): boolean {
    const docs = this.itemDocs.get(feedId)
    if (!docs) return (this.catalogued.get(feedId)?.[flag].length ?? 0) > 0
    for (const state of Object.values(docs.state.data.items)) if (state[flag]) return true
    return false
  }

  // ---- for the listing catalog ----

  /** Stamps of the files the feed's rows reflect now; undefined while a change is written. */
  stampsOf(feedId: string): FeedStamps | undefined {
    const docs = this.itemDocs.get(feedId)
    if (!docs) {
      const entry = this.catalogued.get(feedId)
      return entry && { items: entry.items, state: entry.state }
    }
    const items = docs.items.dataStamp
    const state = docs.state.dataStamp
    return items === undefined || state === undefined ? undefined : { items, state }
  }

  /** The feed's rows now, with the stamps they reflect; undefined while a change is written. */
  catalogFeed(feedId: string): CatalogFeed | undefined {
    const docs = this.itemDocs.get(feedId)
    if (!docs) return this.catalogued.catalogFeed(feedId)
    const stamps = this.stampsOf(feedId)
    if (!stamps) return undefined
    return { id: feedId, ...stamps, ...feedRowsOf(docs.items.data.items, docs.state.data.items) }
  }

  /** Stops the background load. */
  close(): void {
    this.closed = true
  }
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
