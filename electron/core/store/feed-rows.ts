// What the item listing and the sidebar's counts need of one feed, and nothing else: each item's
// id, sort time, title (the tie-break) and story key, in the feed's own order, plus which rows are
// read or starred. Derived from the feed's items.json and state.json by feedRowsOf; the listing
// catalog keeps these rows for every feed so a start-up can list without reading the feeds.
import { isoTime } from '../iso-time'
import type { ItemState, StoredItem } from './library-store'

export interface FeedRows {
  ids: string[]
  /** isoTime(published ?? firstSeenAt): what the listing sorts by. */
  times: number[]
  titles: string[]
  stories: (string | null)[]
  /** Row numbers (indexes into ids) of read items, ascending. */
  read: number[]
  /** Row numbers of starred items, ascending. */
  starred: number[]
}

export function feedRowsOf(
  items: readonly StoredItem[],
  states: Readonly<Record<string, ItemState>>,
): FeedRows {
  const rows: FeedRows = { ids: [], times: [], titles: [], stories: [], read: [], starred: [] }
  items.forEach((item, row) => {
    rows.ids.push(item.id)
    rows.times.push(isoTime(item.published ?? item.firstSeenAt))
    rows.titles.push(item.title)
    rows.stories.push(item.storyKey ?? null)
    // States are sparse and may name items no longer in the feed: only rows count.
    const state = states[item.id]
    if (state?.read) rows.read.push(row)
    if (state?.starred) rows.starred.push(row)
  })
  return rows
}
