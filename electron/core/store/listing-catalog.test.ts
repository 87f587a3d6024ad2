import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { sortNewestFirst } from '../sort-newest-first'
import { CatalogError, decodeCatalog, encodeCatalog, type CatalogFeed } from './listing-catalog'

const stamp = (n: number) => ({ mtimeMs: 1_764_000_000_000.123 + n, size: 1000 + n, ino: 77 + n })

function feed(id: string, rows: [string, number, string, string | null][]): CatalogFeed {
  return {
    id,
    items: stamp(id.length),
    state: null,
    ids: rows.map((r) => r[0]),
    times: rows.map((r) => r[1]),
    titles: rows.map((r) => r[2]),
    stories: rows.map((r) => r[3]),
    read: [],
    starred: [],
  }
}

const feeds: CatalogFeed[] = [
  {
    ...feed('f-a', [
      ['a1', 3000, 'Zebra', 'k1'],
      ['a2', 1000, 'Apple', 'k2'],
      ['a3', 3000, 'Mango', null],
    ]),
    read: [0, 2],
    starred: [1],
  },
  feed('f-b', [
    ['b1', 3000, 'Mango', 'k2'],
    ['b2', -8.64e15, 'Undated', 'k3'],
  ]),
  feed('f-empty', []),
]

describe('listing catalog', () => {
  it('gives back what was written: stamps, ids, flags, and the rest on demand', () => {
    const decoded = decodeCatalog(encodeCatalog(feeds))
    expect(decoded.feeds.map((f) => f.id)).toEqual(['f-a', 'f-b', 'f-empty'])
    expect(decoded.feeds[0]).toMatchObject({
      items: stamp(3),
      state: null,
      ids: ['a1', 'a2', 'a3'],
      read: [0, 2],
      starred: [1],
    })
    expect(decoded.cold()).toEqual(
      feeds.map((f) => ({ times: f.times, titles: f.titles, stories: f.stories })),
    )
  })

  it("records the listing's order (the same sort over the same rows) and the shared stories", () => {
    const decoded = decodeCatalog(encodeCatalog(feeds))
    const times = feeds.flatMap((f) => f.times)
    const titles = feeds.flatMap((f) => f.titles)
    expect(decoded.order).toEqual(sortNewestFirst(times, titles))
    // k2 is in both feeds; k1 and k3 only once.
    expect(decoded.feeds[0]).toMatchObject({ shared: [1], sharedKeys: ['k2'] })
    expect(decoded.feeds[1]).toMatchObject({ shared: [0], sharedKeys: ['k2'] })
  })

  it('round-trips an empty library', () => {
    expect(decodeCatalog(encodeCatalog([]))).toMatchObject({ feeds: [], order: [] })
  })

  it('refuses a file damaged anywhere, cut short, of another format or not a catalog', () => {
    const bytes = encodeCatalog(feeds)
    const headerEnd = bytes.indexOf(10)
    for (const at of [headerEnd + 5, Math.floor(bytes.length / 2), bytes.length - 3]) {
      const damaged = Buffer.from(bytes)
      damaged[at] = damaged[at]! ^ 0x04
      expect(() => decodeCatalog(damaged), `byte ${at}`).toThrow(CatalogError)
    }
    expect(() => decodeCatalog(bytes.subarray(0, bytes.length - 10))).toThrow(CatalogError)
    const other = Buffer.from(bytes.toString().replace('"format":1', '"format":99'))
    expect(() => decodeCatalog(other)).toThrow(/format 99/)
    expect(() => decodeCatalog(Buffer.from('{"schemaVersion":1}\n'))).toThrow(CatalogError)
    expect(() => decodeCatalog(Buffer.from(''))).toThrow(CatalogError)
  })

  it('refuses an undamaged file whose fields are wrong (a writer bug must not pass for rows)', () => {
    const file = (hot: unknown): Buffer => {
      const text = JSON.stringify(hot)
      const body = Buffer.from(`${text}\n[]\n`)
      const header = { format: 1, crc: crc32(body), hotBytes: Buffer.byteLength(text) }
      return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body])
    }
    const good = { id: 'f', items: null, state: null, ids: ['x', 'y'], read: [], starred: [] }
    const ok = { ...good, shared: [], sharedKeys: [] }
    expect(decodeCatalog(file({ feeds: [ok], order: [1, 0] })).order).toEqual([1, 0])
    for (const [what, hot] of [
      ['order not a permutation', { feeds: [ok], order: [1, 1] }],
      ['order too short', { feeds: [ok], order: [0] }],
      ['read row out of range', { feeds: [{ ...ok, read: [2] }], order: [0, 1] }],
      ['rows not ascending', { feeds: [{ ...ok, starred: [1, 0] }], order: [0, 1] }],
      ['id not a string', { feeds: [{ ...ok, ids: ['x', 2] }], order: [0, 1] }],
      ['bad stamp', { feeds: [{ ...ok, items: [1, 2] }], order: [0, 1] }],
      ['repeated feed', { feeds: [ok, ok], order: [0, 1, 2, 3] }],
      ['keys not matching shared', { feeds: [{ ...ok, shared: [0] }], order: [0, 1] }],
    ] as const)
      expect(() => decodeCatalog(file(hot)), what).toThrow(CatalogError)
  })
})
