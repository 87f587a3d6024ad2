// The library on disk, shaped so that a small change writes a small file:
//   library.json                   subscriptions and their fetch state
//   feeds/<feedId>/items.json      item metadata of one feed (bodies live in bodies/)
//   feeds/<feedId>/state.json      read/starred flags of one feed, sparse
//   feeds/<feedId>/annotations.json
//   bodies/<ab>/<sha256>.html      sanitized article bodies, immutable
// Marking one item read rewrites only its feed's state.json, whatever the library's size.
// Everything is loaded into memory on open; writes go through lowdb (atomic temp + rename).
import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Low } from 'lowdb'
import type { Annotation } from '../../../shared/domain'
import { BodyStore } from './body-store'
import { openJsonDocument, type SetAsideNotice } from './json-document'

export const SCHEMA_VERSION = 1

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
}

export interface StoredItem {
  id: string
  guid: string | null
  title: string
  link: string | null
  author: string | null
  published: string | null
  firstSeenAt: string
  fetchedAt: string
  snippet: string
  bodyHash: string
}

export interface ItemState {
  read?: true
  starred?: true
}

interface LibraryDoc {
  schemaVersion: number
  feeds: StoredFeed[]
}
interface ItemsDoc {
  schemaVersion: number
  feedId: string
  items: StoredItem[]
}
interface StateDoc {
  schemaVersion: number
  feedId: string
  items: Record<string, ItemState>
}
interface AnnotationsDoc {
  schemaVersion: number
  feedId: string
  annotations: Annotation[]
}

interface FeedDocs {
  items: Low<ItemsDoc>
  state: Low<StateDoc>
  annotations: Low<AnnotationsDoc>
}

export class LibraryStore {
  readonly bodies: BodyStore
  private readonly feedDocs = new Map<string, FeedDocs>()
  private readonly itemIndex = new Map<string, { feedId: string; item: StoredItem }>()

  private constructor(
    readonly dataDir: string,
    private readonly library: Low<LibraryDoc>,
    private readonly onSetAside: (notice: SetAsideNotice) => void,
    /** True when library.json did not exist: the first start in this data dir. */
    readonly isNew: boolean,
  ) {
    this.bodies = new BodyStore(join(dataDir, 'bodies'))
  }

  static async open(
    dataDir: string,
    onSetAside: (notice: SetAsideNotice) => void = () => {},
  ): Promise<LibraryStore> {
    await mkdir(join(dataDir, 'feeds'), { recursive: true })
    const names = new Set(await readdir(dataDir))
    const library = await openJsonDocument<LibraryDoc>(
      join(dataDir, 'library.json'),
      () => ({ schemaVersion: SCHEMA_VERSION, feeds: [] }),
      onSetAside,
    )
    const store = new LibraryStore(dataDir, library, onSetAside, !names.has('library.json'))
    for (const feed of library.data.feeds) await store.loadFeedDocs(feed.id)
    return store
  }

  private async loadFeedDocs(feedId: string): Promise<FeedDocs> {
    const existing = this.feedDocs.get(feedId)
    if (existing) return existing
    const dir = join(this.dataDir, 'feeds', feedId)
    await mkdir(dir, { recursive: true })
    const base = { schemaVersion: SCHEMA_VERSION, feedId }
    const docs: FeedDocs = {
      items: await openJsonDocument<ItemsDoc>(
        join(dir, 'items.json'),
        () => ({ ...base, items: [] }),
        this.onSetAside,
      ),
      state: await openJsonDocument<StateDoc>(
        join(dir, 'state.json'),
        () => ({ ...base, items: {} }),
        this.onSetAside,
      ),
      annotations: await openJsonDocument<AnnotationsDoc>(
        join(dir, 'annotations.json'),
        () => ({ ...base, annotations: [] }),
        this.onSetAside,
      ),
    }
    this.feedDocs.set(feedId, docs)
    for (const item of docs.items.data.items) this.itemIndex.set(item.id, { feedId, item })
    return docs
  }

  private docs(feedId: string): FeedDocs {
    const docs = this.feedDocs.get(feedId)
    if (!docs) throw new Error(`Unknown feed ${feedId}`)
    return docs
  }

  feeds(): readonly StoredFeed[] {
    return this.library.data.feeds
  }

  feed(feedId: string): StoredFeed | undefined {
    return this.library.data.feeds.find((feed) => feed.id === feedId)
  }

  async addFeed(feed: StoredFeed): Promise<void> {
    await this.loadFeedDocs(feed.id)
    this.library.data.feeds.push(feed)
    await this.library.write()
  }

  async updateFeed(feedId: string, patch: Partial<Omit<StoredFeed, 'id'>>): Promise<StoredFeed> {
    const feed = this.feed(feedId)
    if (!feed) throw new Error(`Unknown feed ${feedId}`)
    Object.assign(feed, patch)
    await this.library.write()
    return feed
  }

  items(feedId: string): readonly StoredItem[] {
    return this.docs(feedId).items.data.items
  }

  allItems(): IterableIterator<{ feedId: string; item: StoredItem }> {
    return this.itemIndex.values()
  }

  findItem(itemId: string): { feedId: string; item: StoredItem } | undefined {
    return this.itemIndex.get(itemId)
  }

  /**
   * Adds new items and replaces the content of known ones (same id, new body). Returns how many
   * were new. One write of the feed's items file, whatever the number of items.
   */
  async upsertItems(feedId: string, incoming: StoredItem[]): Promise<number> {
    const doc = this.docs(feedId).items
    let added = 0
    let changed = false
    for (const item of incoming) {
      const known = this.itemIndex.get(item.id)
      if (!known) {
        doc.data.items.push(item)
        this.itemIndex.set(item.id, { feedId, item })
        added++
        changed = true
      } else if (known.item.bodyHash !== item.bodyHash || known.item.title !== item.title) {
        // Keep when we first saw it; the newer content wins (versions: articles issue).
        Object.assign(known.item, { ...item, firstSeenAt: known.item.firstSeenAt })
        changed = true
      }
    }
    if (changed) await doc.write()
    return added
  }

  itemState(feedId: string, itemId: string): ItemState {
    return this.docs(feedId).state.data.items[itemId] ?? {}
  }

  async setItemState(
    feedId: string,
    itemId: string,
    patch: { read?: boolean; starred?: boolean },
  ): Promise<ItemState> {
    const doc = this.docs(feedId).state
    const next: ItemState = { ...doc.data.items[itemId] }
    if (patch.read !== undefined) {
      if (patch.read) next.read = true
      else delete next.read
    }
    if (patch.starred !== undefined) {
      if (patch.starred) next.starred = true
      else delete next.starred
    }
    // Sparse: an item with default state has no entry, so the file grows only with what the
    // user touched.
    if (next.read || next.starred) doc.data.items[itemId] = next
    else delete doc.data.items[itemId]
    await doc.write()
    return next
  }

  annotations(feedId: string): readonly Annotation[] {
    return this.docs(feedId).annotations.data.annotations
  }

  async addAnnotation(annotation: Annotation): Promise<void> {
    const doc = this.docs(annotation.feedId).annotations
    doc.data.annotations.push(annotation)
    await doc.write()
  }

  async deleteAnnotation(annotationId: string): Promise<boolean> {
    for (const [, docs] of this.feedDocs) {
      const list = docs.annotations.data.annotations
      const index = list.findIndex((annotation) => annotation.id === annotationId)
      if (index !== -1) {
        list.splice(index, 1)
        await docs.annotations.write()
        return true
      }
    }
    return false
  }
}
