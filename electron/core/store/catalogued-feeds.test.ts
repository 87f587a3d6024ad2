import { describe, expect, it } from 'vitest'
import { sortNewestFirst } from '../sort-newest-first'
import { CataloguedFeeds } from './catalogued-feeds'
import { decodeCatalog, encodeCatalog, type CatalogFeed } from './listing-catalog'

/** Three feeds; story s1 is in a and b, s2 in b and c, the rest alone. */
const feeds: CatalogFeed[] = [
  [
    'a',
    [
      ['a1', 50, 'One', 's1'],
      ['a2', 20, 'Two', 'u1'],
      ['a3', 50, 'Alpha', null],
    ],
  ],
  [
    'b',
    [
      ['b1', 40, 'Three', 's1'],
      ['b2', 10, 'Four', 's2'],
    ],
  ],
  [
    'c',
    [
      ['c1', 40, 'Three', 's2'],
      ['c2', 30, 'Five', 'u2'],
    ],
  ],
].map(([id, rows]) => {
  const r = rows as [string, number, string, string | null][]
  return {
    id: id as string,
    items: null,
    state: null,
    ids: r.map((x) => x[0]),
    times: r.map((x) => x[1]),
    titles: r.map((x) => x[2]),
    stories: r.map((x) => x[3]),
    read: id === 'a' ? [1] : [],
    starred: id === 'c' ? [0] : [],
  }
})
const ids = feeds.map((f) => f.id)
const open = (exact: boolean, catalogued = ids) =>
  new CataloguedFeeds(decodeCatalog(encodeCatalog(feeds)), new Set(catalogued), exact)

/** What the item listing computes from the rows themselves. */
function sortedAfresh() {
  const rows = feeds.flatMap((f) =>
    f.ids.map((id, i) => ({
      feedId: f.id,
      id,
      time: f.times[i]!,
      title: f.titles[i]!,
      story: f.stories[i]!,
    })),
  )
  const count = (key: string) => rows.filter((r) => r.story === key).length
  return sortNewestFirst(
    rows.map((r) => r.time),
    rows.map((r) => r.title),
  ).map((i) => {
    const r = rows[i]!
    return { feedId: r.feedId, id: r.id, story: r.story && count(r.story) > 1 ? r.story : null }
  })
}

describe('CataloguedFeeds', () => {
  it('gives the recorded order, the same as sorting the rows afresh, while exact', () => {
    expect(open(true).presortedOrder(ids)).toEqual(sortedAfresh())
  })

  it('gives no order once inexact, or for another list of feeds', () => {
    expect(open(false).presortedOrder(ids)).toBeNull()
    const catalogued = open(true)
    expect(catalogued.presortedOrder(['a', 'c', 'b'])).toBeNull()
    expect(catalogued.presortedOrder(['a', 'b'])).toBeNull()
    catalogued.markInexact()
    expect(catalogued.presortedOrder(ids)).toBeNull()
  })

  it('counts stories alike from the shared rows (exact) and every key (inexact), without read feeds', () => {
    for (const exact of [true, false]) {
      const catalogued = open(exact)
      expect(catalogued.storyCount('s1')).toBe(2)
      expect(catalogued.storyEntries('s2')).toEqual([
        { feedId: 'b', itemId: 'b2' },
        { feedId: 'c', itemId: 'c1' },
      ])
      catalogued.drop('b')
      expect(catalogued.storyCount('s1')).toBe(1)
      expect(catalogued.storyEntries('s2')).toEqual([{ feedId: 'c', itemId: 'c1' }])
    }
    // Keys of one row only: counted when inexact (a changed feed may share them now).
    expect(open(false).storyCount('u1')).toBe(1)
  })

  it('finds items, flags and rows of feeds still catalogued only', () => {
    const catalogued = open(true, ['a', 'c'])
    expect(catalogued.feedOfItem('a2')).toBe('a')
    expect(catalogued.feedOfItem('b1')).toBeUndefined()
    expect(catalogued.isRead('a', 'a2')).toBe(true)
    expect(catalogued.isRead('a', 'a1')).toBe(false)
    expect(catalogued.isStarred('c', 'c1')).toBe(true)
    expect(catalogued.recorded('b')?.ids).toEqual(['b1', 'b2'])
    expect(catalogued.catalogFeed('c')).toEqual(feeds[2])
    const rows: unknown[] = []
    catalogued.forEachRow('c', (...row) => rows.push(row))
    expect(rows).toEqual([
      ['c1', 40, 'Three', 's2'],
      ['c2', 30, 'Five', 'u2'],
    ])
    catalogued.drop('a')
    catalogued.drop('c')
    expect(catalogued.size).toBe(0)
    expect(catalogued.feedOfItem('a2')).toBeUndefined()
    expect(catalogued.presortedOrder(ids)).toBeNull()
  })
})
