// Keeps the listing catalog on disk close enough to the library that start-ups stay fast. It
// compares the stamps the catalog holds for each feed with the files' now, and rewrites the
// catalog (all of it, in steps with yields in between) a while after changes stop, and at close,
// when either
//   - any feed's items differ (a sync, a new or removed feed): the catalog's own order and shared
//     stories then no longer hold, and a start-up would sort 100k rows afresh; or
//   - more than a few feeds' read / starred states differ: a start-up reads each such feed.
// A few feeds with new read marks are not worth a rewrite (at 100k items the file is ~14 MB):
// the next start-up just reads those feeds. With no usable catalog at all, it is written anyway.
import { encodeCatalogInSteps, type CatalogFeed } from './listing-catalog'
import { writeCatalogFile, type CatalogRead } from './catalog-file'
import { sameStamp, type FileStamp } from './file-stamp'

/** Quiet time after a change before the catalog is checked (and rewritten if worth it). */
export const CATALOG_SAVE_DELAY_MS = 10_000
/** Feeds with changed states a start-up may have to read rather than the catalog rewritten. */
export const CATALOG_STALE_FEEDS_TOLERATED = 16
/** Feeds gathered between two yields while writing. */
const SAVE_SLICE_FEEDS = 50

export interface FeedStamps {
  items: FileStamp | null
  state: FileStamp | null
}

export interface CatalogSource {
  /** The library's feeds, in its order. */
  feedIds(): readonly string[]
  /** Stamps of the files the feed's rows reflect now; undefined while a change is written. */
  stampsOf(feedId: string): FeedStamps | undefined
  /** The feed's rows now, with those stamps; undefined while a change is written. */
  catalogFeed(feedId: string): CatalogFeed | undefined
}

export class CatalogKeeper {
  /** What the catalog file holds, by feed (as read at open, then as last written). */
  private written = new Map<string, FeedStamps>()
  private usable: boolean
  private timer: NodeJS.Timeout | null = null
  private saving: Promise<void> | null = null
  private closed = false

  constructor(
    private readonly dataDir: string,
    private readonly source: CatalogSource,
    private readonly log: (message: string) => void,
    read: CatalogRead,
  ) {
    this.usable = read.catalog !== null
    for (const feed of read.catalog?.feeds ?? [])
      this.written.set(feed.id, { items: feed.items, state: feed.state })
  }

  /**
   * How the catalog on disk differs from the library now: whether any feed's items (or the list
   * of feeds) differ, and how many feeds' states do.
   */
  staleness(): { items: boolean; states: number } {
    const ids = this.source.feedIds()
    // The catalog's feeds, in its order, must be the library's.
    let items = ids.length !== this.written.size
    let i = 0
    for (const id of this.written.keys()) if (ids[i++] !== id) items = true
    let states = 0
    for (const id of ids) {
      const now = this.source.stampsOf(id)
      const then = this.written.get(id)
      if (!then) items = true
      // A change being written: counted as a state change, checked again once it is written.
      else if (!now) states++
      else {
        if (!sameStamp(now.items, then.items)) items = true
        if (!sameStamp(now.state, then.state)) states++
      }
    }
    return { items, states }
  }

  private wanted(): boolean {
    if (!this.usable) return this.source.feedIds().length > 0
    const stale = this.staleness()
    return stale.items || stale.states > CATALOG_STALE_FEEDS_TOLERATED
  }

  /** Something changed: check again once changes have stopped for a while. */
  changed(): void {
    if (this.closed) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.saveIfWanted().catch((error: unknown) =>
        this.log(`Listing catalog not written: ${String(error)}`),
      )
    }, CATALOG_SAVE_DELAY_MS)
    this.timer.unref()
  }

  async saveIfWanted(): Promise<void> {
    while (this.saving) await this.saving
    if (!this.wanted()) return
    this.saving = this.save().finally(() => (this.saving = null))
    await this.saving
  }

  private async save(): Promise<void> {
    const feeds: CatalogFeed[] = []
    const written = new Map<string, FeedStamps>()
    const ids = [...this.source.feedIds()]
    for (let i = 0; i < ids.length; i++) {
      if (i > 0 && i % SAVE_SLICE_FEEDS === 0) await new Promise((resolve) => setImmediate(resolve))
      // Taken whole in one turn: a feed's rows and stamps always belong together.
      const feed = this.source.catalogFeed(ids[i]!)
      if (!feed) continue
      feeds.push(feed)
      written.set(feed.id, { items: feed.items, state: feed.state })
    }
    const steps = encodeCatalogInSteps(feeds)
    let step = steps.next()
    while (!step.done) {
      await new Promise((resolve) => setImmediate(resolve))
      step = steps.next()
    }
    await writeCatalogFile(this.dataDir, step.value)
    this.written = written
    this.usable = true
  }

  /** Stops the timer and writes the catalog if it is worth it (the last chance before exit). */
  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    try {
      await this.saveIfWanted()
    } catch (error) {
      this.log(`Listing catalog not written: ${String(error)}`)
    }
  }
}
