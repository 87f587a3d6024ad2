import { describe, expect, it } from 'vitest'
import { feedRowsOf } from './feed-rows'
import type { StoredItem } from './library-store'

const item = (id: string, published: string | null, storyKey?: string): StoredItem => ({
  id,
  guid: null,
  title: `Title ${id}`,
  link: null,
  ...(storyKey ? { storyKey } : {}),
  author: null,
  published,
  firstSeenAt: '2026-01-02T03:04:05.000Z',
  fetchedAt: '2026-01-02T03:04:05.000Z',
  snippet: '',
  bodyHash: 'h',
})

describe('feedRowsOf', () => {
  it("lists each item's sort fields in stored order and the rows read or starred", () => {
    const rows = feedRowsOf(
      [item('x', '2026-01-01T00:00:00Z', 'k'), item('y', null), item('z', 'not a date')],
      // Sparse states, one of an item no longer in the feed.
      { y: { read: true, starred: true }, z: { exported: true }, gone: { read: true } },
    )
    expect(rows).toEqual({
      ids: ['x', 'y', 'z'],
      times: [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2, 3, 4, 5), -8.64e15],
      titles: ['Title x', 'Title y', 'Title z'],
      stories: ['k', null, null],
      read: [1],
      starred: [1],
    })
  })
})
