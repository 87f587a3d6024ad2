// The feeds a start-up knows only from the listing catalog: their files are unchanged since the
// catalog was written, so their rows (ids, read / starred, story keys) stand in for the files
// until the store has read them, in the background or when a request needs one. Each feed leaves
// when it is read. Lookups across feeds (which feed holds an item, which items share a story)
// build their maps on first use and ignore feeds that left since.
// While every feed's items are as the catalog recorded them ("exact"), the catalog's own listing
// order and its shared-story rows hold as they are: a start-up then neither sorts nor looks at
// the 100k story keys. Once any feed's items differ (a sync, another process, a new feed), the
// catalog's cold part (times, titles, every story key) is decoded and used like a feed's rows.
import type { CatalogEntry, CatalogFeed, DecodedCatalog } from './listing-catalog'

export interface StoryEntry {
  feedId: string
  itemId: string
}

/** One row of the listing's order (see item-listing). */
export interface OrderRow {
  readonly feedId: string
  readonly id: string
  /** The story key when the story is in several feeds, else null. */
  readonly story: string | null
}

export class CataloguedFeeds {
  /** Index in catalog.feeds of each feed still catalogued. */
  private readonly at = new Map<string, number>()
  private exact: boolean
  private recordedAt: Map<string, number> | null = null
  private itemFeeds: Map<string, string> | null = null
  private stories: Map<string, number | number[]> | null = null
  private numbering: { firstRow: number[]; feedOf: Int32Array } | null = null
  private readonly flags = new Map<string, { read: Set<string>; starred: Set<string> }>()

  constructor(
    private catalog: DecodedCatalog | null = null,
    catalogued: ReadonlySet<string> = new Set(),
    /** Whether every feed's items (catalogued or read) are as the catalog recorded them. */
    exact = false,
  ) {
    this.exact = exact
    catalog?.feeds.forEach((feed, i) => {
      if (catalogued.has(feed.id)) this.at.set(feed.id, i)
    })
    if (this.at.size === 0) this.catalog = null
  }

  get size(): number {
    return this.at.size
  }

  has(feedId: string): boolean {
    return this.at.has(feedId)
  }

  get(feedId: string): CatalogEntry | undefined {
    const i = this.at.get(feedId)
    return i === undefined ? undefined : this.catalog!.feeds[i]
  }

  feedIds(): string[] {
    return [...this.at.keys()]
  }

  /** What the catalog recorded of a feed, catalogued or not (until every feed is read). */
  recorded(feedId: string): CatalogEntry | undefined {
    if (!this.catalog) return undefined
    this.recordedAt ??= new Map(this.catalog.feeds.map((feed, i) => [feed.id, i]))
    const i = this.recordedAt.get(feedId)
    return i === undefined ? undefined : this.catalog.feeds[i]
  }

  /** Some feed's items now differ from the catalog's (or a feed it lacks came): sort afresh. */
  markInexact(): void {
    if (this.exact) {
      this.exact = false
      this.stories = null
    }
  }

  /** The feed was read: its files speak for it from now on. */
  drop(feedId: string): void {
    this.at.delete(feedId)
    this.flags.delete(feedId)
    if (this.at.size === 0) {
      this.catalog = null
      this.recordedAt = null
      this.itemFeeds = null
      this.stories = null
      this.numbering = null
    }
  }

  /** A catalogued feed's rows in full (with the cold part), as feedRowsOf would give them. */
  catalogFeed(feedId: string): CatalogFeed | undefined {
    const i = this.at.get(feedId)
    if (i === undefined) return undefined
    const entry = this.catalog!.feeds[i]!
    const cold = this.catalog!.cold()[i]!
    return {
      id: entry.id,
      items: entry.items,
      state: entry.state,
      ids: entry.ids,
      times: cold.times,
      titles: cold.titles,
      stories: cold.stories,
      read: entry.read,
      starred: entry.starred,
    }
  }

  feedOfItem(itemId: string): string | undefined {
    if (!this.catalog) return undefined
    if (!this.itemFeeds) {
      this.itemFeeds = new Map()
      for (const feed of this.catalog.feeds)
        for (const id of feed.ids) this.itemFeeds.set(id, feed.id)
    }
    const feedId = this.itemFeeds.get(itemId)
    return feedId !== undefined && this.at.has(feedId) ? feedId : undefined
  }

  /** The catalog's rows numbered across feeds (as its order counts them): where each starts. */
  private rowNumbers(): { firstRow: number[]; feedOf: Int32Array } {
    if (!this.numbering) {
      const feeds = this.catalog!.feeds
      const firstRow: number[] = []
      const total = feeds.reduce((sum, feed) => sum + feed.ids.length, 0)
      const feedOf = new Int32Array(total)
      let offset = 0
      feeds.forEach((feed, f) => {
        firstRow.push(offset)
        feedOf.fill(f, offset, offset + feed.ids.length)
        offset += feed.ids.length
      })
      this.numbering = { firstRow, feedOf }
    }
    return this.numbering
  }

  /**
   * Rows of every catalog feed by story key: a row number, or several for a shared story (no
   * list for the many keys of one row). While exact, only the keys the catalog marked shared:
   * any other key of a catalogued row is that row's alone, so no read item has it either (it
   * would then be shared), and no one asks for it.
   */
  private storyMap(): Map<string, number | number[]> {
    if (this.stories) return this.stories
    const stories = new Map<string, number | number[]>()
    const add = (key: string, row: number): void => {
      const known = stories.get(key)
      if (known === undefined) stories.set(key, row)
      else if (typeof known === 'number') stories.set(key, [known, row])
      else known.push(row)
    }
    const feeds = this.catalog?.feeds ?? []
    const firstRow = feeds.length ? this.rowNumbers().firstRow : []
    if (this.exact) {
      feeds.forEach((feed, f) =>
        feed.shared.forEach((row, j) => add(feed.sharedKeys[j]!, firstRow[f]! + row)),
      )
    } else {
      const cold = feeds.length ? this.catalog!.cold() : []
      feeds.forEach((_, f) => {
        const stories = cold[f]!.stories
        for (let row = 0; row < stories.length; row++) {
          const key = stories[row]
          if (key) add(key, firstRow[f]! + row)
        }
      })
    }
    this.stories = stories
    return stories
  }

  private rowStillHere(row: number): boolean {
    return this.at.has(this.catalog!.feeds[this.rowNumbers().feedOf[row]!]!.id)
  }

  /** Items of catalogued feeds with this story key. */
  storyEntries(key: string): StoryEntry[] {
    if (this.at.size === 0) return []
    const rows = this.storyMap().get(key)
    if (rows === undefined) return []
    const { firstRow, feedOf } = this.rowNumbers()
    const feeds = this.catalog!.feeds
    const entries: StoryEntry[] = []
    for (const row of typeof rows === 'number' ? [rows] : rows) {
      if (!this.rowStillHere(row)) continue
      const f = feedOf[row]!
      entries.push({ feedId: feeds[f]!.id, itemId: feeds[f]!.ids[row - firstRow[f]!]! })
    }
    return entries
  }

  /** storyEntries(key).length, without the list: asked for every row when sorting afresh. */
  storyCount(key: string): number {
    if (this.at.size === 0) return 0
    const rows = this.storyMap().get(key)
    if (rows === undefined) return 0
    if (typeof rows === 'number') return this.rowStillHere(rows) ? 1 : 0
    let count = 0
    for (const row of rows) if (this.rowStillHere(row)) count++
    return count
  }

  /** A catalogued feed's rows for the listing, in its stored order. */
  forEachRow(
    feedId: string,
    visit: (id: string, time: number, title: string, story: string | null) => void,
  ): void {
    const i = this.at.get(feedId)
    if (i === undefined) return
    const entry = this.catalog!.feeds[i]!
    const cold = this.catalog!.cold()[i]!
    for (let row = 0; row < entry.ids.length; row++)
      visit(entry.ids[row]!, cold.times[row]!, cold.titles[row]!, cold.stories[row]!)
  }

  /**
   * The listing's order as the catalog recorded it, while that is still the order: every feed's
   * items as recorded, and the library's feeds the catalog's, in its order (ties follow it).
   */
  presortedOrder(libraryFeedIds: readonly string[]): OrderRow[] | null {
    const catalog = this.catalog
    if (!this.exact || !catalog || catalog.feeds.length !== libraryFeedIds.length) return null
    if (catalog.feeds.some((feed, i) => feed.id !== libraryFeedIds[i])) return null
    const { firstRow, feedOf } = this.rowNumbers()
    const sharedKey: (string | undefined)[] = new Array<string | undefined>(catalog.order.length)
    catalog.feeds.forEach((feed, f) =>
      feed.shared.forEach((row, j) => (sharedKey[firstRow[f]! + row] = feed.sharedKeys[j])),
    )
    return catalog.order.map((g) => {
      const f = feedOf[g]!
      const feed = catalog.feeds[f]!
      return { feedId: feed.id, id: feed.ids[g - firstRow[f]!]!, story: sharedKey[g] ?? null }
    })
  }

  private flagsOf(feedId: string): { read: Set<string>; starred: Set<string> } {
    let sets = this.flags.get(feedId)
    if (!sets) {
      const feed = this.get(feedId)
      const idsOf = (rows: readonly number[]) => new Set(rows.map((row) => feed!.ids[row]!))
      sets = feed
        ? { read: idsOf(feed.read), starred: idsOf(feed.starred) }
        : { read: new Set(), starred: new Set() }
      this.flags.set(feedId, sets)
    }
    return sets
  }

  isRead(feedId: string, itemId: string): boolean {
    return this.flagsOf(feedId).read.has(itemId)
  }

  isStarred(feedId: string, itemId: string): boolean {
    return this.flagsOf(feedId).starred.has(itemId)
  }
}
