// The item list behind listItems / locateItem / markAllRead: one ordering of every item (newest
// first by published, else first seen; title breaks ties), built once and rebuilt only when the
// store's item revision moves, and per-filter listings ("snapshots") cut from it. A snapshot is
// an immutable array of entries, so a client pages through the same rows while items are read;
// summaries are made only for the page asked for. It keeps no summaries and writes nothing.
import { randomBytes } from 'node:crypto'
import type { ItemSummary } from '../../shared/domain'
import { annotationCounts, toSummary } from './library-views'
import { sortNewestFirst } from './sort-newest-first'
import type { LibraryStore, OrderRow } from './store/library-store'

export interface ListFilter {
  feedId?: string
  /** Every feed whose folder path starts with this one. */
  folder?: string[]
  unreadOnly?: boolean
  view?: 'all' | 'starred' | 'annotated'
}

/** One row of the ordering: what filtering and dedupe need, nothing that goes stale. */
type Entry = OrderRow

export interface Snapshot {
  readonly id: string
  readonly key: string
  /** The store revisions this listing was cut at (only those its filter depends on). */
  readonly revs: string
  readonly entries: readonly Entry[]
  /** Made on first count: the listing's item ids by feed, and read ones counted per feed. */
  counts: {
    byFeed: Map<string, string[]>
    read: Map<string, { stateRev: number; count: number }>
    stateRev: number
    unread: number
  } | null
}

interface Collected {
  entries: Entry[]
  times: number[]
  titles: string[]
}

/** Feeds collected between two yields of warm(). */
const WARM_SLICE_FEEDS = 50

/** Listings kept for clients paging through them; older ones are recomputed when asked for. */
const SNAPSHOTS_KEPT = 16

export class ItemListing {
  private order: Entry[] = []
  private orderRev = -1
  private readonly snapshots = new Map<string, Snapshot>()
  private readonly instance = randomBytes(4).toString('hex')
  private counter = 0

  constructor(private readonly store: LibraryStore) {}

  /** Every item, newest first; rebuilt when items were added, removed or changed. */
  private ordering(): readonly Entry[] {
    const rev = this.store.revisions.items
    if (rev === this.orderRev) return this.order
    if (this.installPresorted(rev)) return this.order
    const rows: Collected = { entries: [], times: [], titles: [] }
    for (const feed of this.store.feeds()) this.collect(feed.id, rows)
    this.install(rows, rev)
    return this.order
  }

  /**
   * Builds the ordering in slices of feeds, yielding between them, so a shell warming up at
   * start still answers the window's first requests (its page, its script) at once.
   */
  async warm(): Promise<void> {
    const rev = this.store.revisions.items
    if (rev === this.orderRev || this.installPresorted(rev)) return
    const rows: Collected = { entries: [], times: [], titles: [] }
    const feeds = [...this.store.feeds()]
    for (let i = 0; i < feeds.length; i++) {
      if (i % WARM_SLICE_FEEDS === 0) {
        await new Promise((resolve) => setImmediate(resolve))
        if (this.orderRev === rev || this.store.revisions.items !== rev) return
      }
      this.collect(feeds[i]!.id, rows)
    }
    await new Promise((resolve) => setImmediate(resolve))
    if (this.orderRev !== rev && this.store.revisions.items === rev) this.install(rows, rev)
  }

  private collect(feedId: string, rows: Collected): void {
    // From the feed's items, or from the listing catalog while the feed is not loaded yet.
    this.store.forEachListingRow(feedId, (id, time, title, story) => {
      // Only a story in several feeds needs the dedupe check; most have one copy.
      const shared = story !== null && this.store.storyCount(story) > 1
      rows.entries.push({ feedId, id, story: shared ? story : null })
      rows.times.push(time)
      rows.titles.push(title)
    })
  }

  /** The order the listing catalog recorded, while it still holds: no sort at start-up. */
  private installPresorted(rev: number): boolean {
    const presorted = this.store.presortedOrder()
    if (!presorted) return false
    this.order = presorted
    this.orderRev = rev
    return true
  }

  private install(rows: Collected, rev: number): void {
    this.order = sortNewestFirst(rows.times, rows.titles).map((i) => rows.entries[i]!)
    this.orderRev = rev
  }

  private static keyOf(filter: ListFilter): string {
    return JSON.stringify([
      filter.feedId ?? null,
      filter.folder ?? null,
      Boolean(filter.unreadOnly),
      filter.view ?? 'all',
    ])
  }

  private revsFor(filter: ListFilter): string {
    const r = this.store.revisions
    const byState = filter.unreadOnly || filter.view === 'starred'
    return `${r.items}/${r.feeds}/${byState ? r.state : '-'}/${filter.view === 'annotated' ? r.annotations : '-'}`
  }

  /**
   * The listing for a filter: the snapshot asked for while it is kept (and is of this filter),
   * else the newest one of this filter if nothing it depends on changed, else a new one.
   */
  snapshot(filter: ListFilter, snapshotId?: string): Snapshot {
    const key = ItemListing.keyOf(filter)
    const asked = snapshotId ? this.snapshots.get(snapshotId) : undefined
    if (asked?.key === key) return this.touch(asked)
    const revs = this.revsFor(filter)
    for (const known of [...this.snapshots.values()].reverse()) {
      if (known.key === key && known.revs === revs) return this.touch(known)
    }
    const created: Snapshot = {
      id: `${this.instance}-${++this.counter}`,
      key,
      revs,
      entries: this.cut(filter),
      counts: null,
    }
    this.snapshots.set(created.id, created)
    while (this.snapshots.size > SNAPSHOTS_KEPT) {
      this.snapshots.delete(this.snapshots.keys().next().value!)
    }
    return created
  }

  private touch(snapshot: Snapshot): Snapshot {
    this.snapshots.delete(snapshot.id)
    this.snapshots.set(snapshot.id, snapshot)
    return snapshot
  }

  private cut(filter: ListFilter): Entry[] {
    const { store } = this
    const folder = filter.folder
    const inFolder = folder
      ? new Set(
          store
            .feeds()
            .filter((feed) => {
              const path = feed.folder ?? []
              return folder.every((name, i) => path[i] === name)
            })
            .map((feed) => feed.id),
        )
      : null
    let annotated: Set<string> | null = null
    if (filter.view === 'annotated') {
      annotated = new Set()
      for (const feed of store.feeds())
        for (const a of store.annotations(feed.id)) annotated.add(a.itemId)
    }
    // Item states are sparse: only feeds with touched items need a look per row.
    const touched = new Set<string>()
    if (filter.unreadOnly || filter.view === 'starred') {
      for (const feed of store.feeds()) {
        if (
          (filter.unreadOnly && store.hasFlagged(feed.id, 'read')) ||
          (filter.view === 'starred' && store.hasFlagged(feed.id, 'starred'))
        )
          touched.add(feed.id)
      }
    }
    // Across feeds one story published in several feeds is listed once (see alsoIn): the
    // newest copy that passes the filter.
    const dedupe = !filter.feedId
    const shownStories = new Set<string>()
    const result: Entry[] = []
    for (const entry of this.ordering()) {
      if (filter.feedId && entry.feedId !== filter.feedId) continue
      if (inFolder && !inFolder.has(entry.feedId)) continue
      if (filter.view === 'starred' || (filter.unreadOnly && touched.has(entry.feedId))) {
        const flagged = touched.has(entry.feedId)
        if (filter.unreadOnly && flagged && store.isRead(entry.feedId, entry.id)) continue
        if (filter.view === 'starred' && !(flagged && store.isStarred(entry.feedId, entry.id)))
          continue
      }
      if (annotated && !annotated.has(entry.id)) continue
      if (dedupe && entry.story) {
        if (shownStories.has(entry.story)) continue
        shownStories.add(entry.story)
      }
      result.push(entry)
    }
    return result
  }

  /**
   * Unread rows of a listing, with their current state. Read rows are counted per feed, only in
   * feeds with anything read, and recounted only for feeds whose states changed, so opening an
   * item costs one feed's recount (its rows in the listing), not a pass over 100k rows.
   */
  unreadTotal(snapshot: Snapshot): number {
    const stateRev = this.store.revisions.state
    if (!snapshot.counts) {
      const byFeed = new Map<string, string[]>()
      for (const entry of snapshot.entries) {
        const ids = byFeed.get(entry.feedId)
        if (ids) ids.push(entry.id)
        else byFeed.set(entry.feedId, [entry.id])
      }
      snapshot.counts = { byFeed, read: new Map(), stateRev: -1, unread: 0 }
    }
    const counts = snapshot.counts
    if (counts.stateRev === stateRev) return counts.unread
    let read = 0
    for (const [feedId, ids] of counts.byFeed) {
      const feedRev = this.store.stateRevision(feedId)
      let known = counts.read.get(feedId)
      if (known?.stateRev !== feedRev) {
        let count = 0
        // A feed nothing of which is read (most, at first) costs nothing more.
        if (this.store.hasFlagged(feedId, 'read'))
          for (const itemId of ids) if (this.store.isRead(feedId, itemId)) count++
        known = { stateRev: feedRev, count }
        counts.read.set(feedId, known)
      }
      read += known.count
    }
    counts.stateRev = stateRev
    counts.unread = snapshot.entries.length - read
    return counts.unread
  }

  /** The feeds of rows [offset, offset + limit): page() needs them loaded. */
  feedsOfPage(snapshot: Snapshot, offset: number, limit: number): string[] {
    return [...new Set(snapshot.entries.slice(offset, offset + limit).map((e) => e.feedId))]
  }

  /**
   * Summaries of rows [offset, offset + limit), with current state; null when one of them is
   * gone from the library (retention): the caller then lists afresh. Their feeds must be loaded
   * (feedsOfPage).
   */
  page(snapshot: Snapshot, offset: number, limit: number): ItemSummary[] | null {
    const counts = new Map<string, Map<string, number>>()
    const summaries: ItemSummary[] = []
    for (const entry of snapshot.entries.slice(offset, offset + limit)) {
      const summary = this.summary(entry, counts)
      if (!summary) return null
      summaries.push(summary)
    }
    return summaries
  }

  private summary(entry: Entry, counts = new Map<string, Map<string, number>>()) {
    const found = this.store.findItem(entry.id)
    if (!found) return null
    let feedCounts = counts.get(entry.feedId)
    if (!feedCounts) {
      feedCounts = annotationCounts(this.store, entry.feedId)
      counts.set(entry.feedId, feedCounts)
    }
    return toSummary(this.store, entry.feedId, found.item, feedCounts.get(entry.id) ?? 0)
  }

  /** Where an item stands in a listing. */
  indexOf(snapshot: Snapshot, itemId: string): number | null {
    const index = snapshot.entries.findIndex((entry) => entry.id === itemId)
    return index === -1 ? null : index
  }

  /** The first unread row after `after`, else the first unread one before it (wrapping). */
  nextUnread(snapshot: Snapshot, after: number): number | null {
    const { entries } = snapshot
    const unread = (i: number): boolean => !this.store.isRead(entries[i]!.feedId, entries[i]!.id)
    for (let i = Math.max(0, after + 1); i < entries.length; i++) if (unread(i)) return i
    for (let i = 0; i < Math.min(after, entries.length); i++) if (unread(i)) return i
    return null
  }

  /** The summary of one row, or null when it is gone. */
  summaryAt(snapshot: Snapshot, index: number): ItemSummary | null {
    const entry = snapshot.entries[index]
    return entry ? this.summary(entry) : null
  }
}
