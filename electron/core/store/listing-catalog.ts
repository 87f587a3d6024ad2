// The listing catalog's file format. For every feed: the stamps of the items.json and state.json
// its rows come from, and the rows (see feed-rows); for the whole library: the listing's order
// (newest first) and which rows share a story with another. It is a cache, never the source of
// truth: a start-up uses a feed's rows only while both files still carry those stamps.
// The file is three lines, so a start-up parses only what it needs:
//   1. a header: format, the CRC-32 of everything after it, the byte length of line 2;
//   2. the "hot" part: per feed its stamps, ids, read / starred / shared rows; the order;
//   3. the "cold" part: per feed its times, titles and story keys — needed only to sort afresh
//      (when some feed's items changed since) or to write the catalog again, decoded on demand.
// The CRC makes a damaged file fail as a whole (and line 3 safe to decode later); the hot part is
// also checked field by field. Pure: no files here (see catalog-file).
import { crc32 } from 'node:zlib'
import { sortNewestFirst } from '../sort-newest-first'
import type { FeedRows } from './feed-rows'
import type { FileStamp } from './file-stamp'

/** Bump when the rows or the layout change: a catalog of another format is rebuilt. */
export const CATALOG_FORMAT = 1

/** One feed as written: its rows and the stamps of the files they come from (null: no file). */
export interface CatalogFeed extends FeedRows {
  id: string
  items: FileStamp | null
  state: FileStamp | null
}

/** What a start-up reads of one feed: enough to list and count it. */
export interface CatalogEntry {
  id: string
  items: FileStamp | null
  state: FileStamp | null
  ids: string[]
  /** Rows (indexes into ids) read / starred, ascending. */
  read: number[]
  starred: number[]
  /** Rows whose story key some other row of the catalog has too, ascending; and those keys. */
  shared: number[]
  sharedKeys: string[]
}

/** The rest of a feed's rows (see FeedRows). */
export interface ColdRows {
  times: number[]
  titles: string[]
  stories: (string | null)[]
}

export interface DecodedCatalog {
  /** In the library's order when written. */
  feeds: CatalogEntry[]
  /** Every row, newest first, as a number counting the feeds' rows in feed order. */
  order: number[]
  /** Each feed's cold rows (same indexes as feeds), decoded on the first call. */
  cold(): ColdRows[]
}

export class CatalogError extends Error {}

type StampJson = [number, number, number] | null

const stampJson = (stamp: FileStamp | null): StampJson =>
  stamp ? [stamp.mtimeMs, stamp.size, stamp.ino] : null

/** Feeds encoded between two pauses of encodeCatalogInSteps. */
const FEEDS_PER_STEP = 50

/** The file's bytes for these feeds (in the library's order: the order recorded depends on it). */
export function encodeCatalog(feeds: readonly CatalogFeed[]): Buffer {
  const steps = encodeCatalogInSteps(feeds)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * The same, in steps of a few feeds (or the one sort): a writer in a window's process pauses
 * between them, so 100k rows (~0.2 s of work) never hold up a request for long.
 */
export function* encodeCatalogInSteps(feeds: readonly CatalogFeed[]): Generator<void, Buffer> {
  const times: number[] = []
  const titles: string[] = []
  const storyCounts = new Map<string, number>()
  for (let f = 0; f < feeds.length; f++) {
    if (f > 0 && f % FEEDS_PER_STEP === 0) yield
    const feed = feeds[f]!
    for (let i = 0; i < feed.ids.length; i++) {
      times.push(feed.times[i]!)
      titles.push(feed.titles[i]!)
      const key = feed.stories[i]
      if (key) storyCounts.set(key, (storyCounts.get(key) ?? 0) + 1)
    }
  }
  yield
  // The same sort, over the same rows in the same order, as the listing's own.
  const order = JSON.stringify(sortNewestFirst(times, titles))
  const hotFeeds: string[] = []
  const coldFeeds: string[] = []
  for (let f = 0; f < feeds.length; f++) {
    if (f % FEEDS_PER_STEP === 0) yield
    const feed = feeds[f]!
    const shared: number[] = []
    const sharedKeys: string[] = []
    feed.stories.forEach((key, row) => {
      if (key && storyCounts.get(key)! > 1) {
        shared.push(row)
        sharedKeys.push(key)
      }
    })
    hotFeeds.push(
      JSON.stringify({
        id: feed.id,
        items: stampJson(feed.items),
        state: stampJson(feed.state),
        ids: feed.ids,
        read: feed.read,
        starred: feed.starred,
        shared,
        sharedKeys,
      }),
    )
    coldFeeds.push(
      JSON.stringify({ times: feed.times, titles: feed.titles, stories: feed.stories }),
    )
  }
  yield
  const hot = `{"feeds":[${hotFeeds.join(',')}],"order":${order}}`
  const body = Buffer.from(`${hot}\n[${coldFeeds.join(',')}]\n`)
  const header = JSON.stringify({
    format: CATALOG_FORMAT,
    crc: crc32(body),
    hotBytes: Buffer.byteLength(hot),
  })
  return Buffer.concat([Buffer.from(`${header}\n`), body])
}

function fail(reason: string): never {
  throw new CatalogError(reason)
}

function stampFrom(value: unknown, what: string): FileStamp | null {
  if (value === null) return null
  if (
    !Array.isArray(value) ||
    value.length !== 3 ||
    !value.every((n) => typeof n === 'number' && Number.isFinite(n))
  )
    fail(`${what} is not a file stamp`)
  const [mtimeMs, size, ino] = value as [number, number, number]
  return { mtimeMs, size, ino }
}

function listOf<T>(value: unknown, length: number, what: string, ok: (v: unknown) => boolean): T[] {
  if (!Array.isArray(value) || value.length !== length) fail(`${what} has the wrong length`)
  for (let i = 0; i < value.length; i++) if (!ok(value[i])) fail(`${what}[${i}] is invalid`)
  return value as T[]
}

/** Ascending row numbers below `rows`. */
function rowsOf(value: unknown, rows: number, what: string): number[] {
  if (!Array.isArray(value)) fail(`${what} is not a list`)
  let last = -1
  for (const row of value) {
    if (!Number.isInteger(row) || (row as number) <= last || (row as number) >= rows)
      fail(`${what} holds a row that is not one`)
    last = row as number
  }
  return value as number[]
}

const isString = (v: unknown): boolean => typeof v === 'string'
const isTime = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v)
const isStory = (v: unknown): boolean => v === null || typeof v === 'string'

function parse(text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    fail(`${what} is not valid JSON (${(error as Error).message})`)
  }
}

function entryOf(raw: unknown, seen: Set<string>): CatalogEntry {
  if (typeof raw !== 'object' || raw === null) fail('a feed is not an object')
  const f = raw as Record<string, unknown>
  if (typeof f.id !== 'string' || seen.has(f.id)) fail('a feed has no id, or a repeated one')
  seen.add(f.id)
  const what = `feed ${f.id}`
  if (!Array.isArray(f.ids)) fail(`${what} lists no ids`)
  const n = f.ids.length
  const shared = rowsOf(f.shared, n, `${what} shared`)
  return {
    id: f.id,
    items: stampFrom(f.items, `${what} items stamp`),
    state: stampFrom(f.state, `${what} state stamp`),
    ids: listOf(f.ids, n, `${what} ids`, isString),
    read: rowsOf(f.read, n, `${what} read`),
    starred: rowsOf(f.starred, n, `${what} starred`),
    shared,
    sharedKeys: listOf(f.sharedKeys, shared.length, `${what} shared keys`, isString),
  }
}

/** A permutation of 0..total-1. */
function orderOf(value: unknown, total: number): number[] {
  if (!Array.isArray(value) || value.length !== total) fail('the order has the wrong length')
  const seen = new Uint8Array(total)
  for (const row of value) {
    if (!Number.isInteger(row) || row < 0 || row >= total || seen[row as number])
      fail('the order is not one of every row')
    seen[row as number] = 1
  }
  return value as number[]
}

/**
 * A catalog file's content. Throws CatalogError when it is not a catalog of this format, whole
 * and undamaged: then none of it is used.
 */
export function decodeCatalog(bytes: Buffer): DecodedCatalog {
  const headerEnd = bytes.indexOf(10)
  if (headerEnd === -1) fail('no header')
  const header = parse(bytes.subarray(0, headerEnd).toString(), 'the header')
  const { format, crc, hotBytes } = (header ?? {}) as Record<string, unknown>
  if (format !== CATALOG_FORMAT) fail(`format ${String(format)}, not ${CATALOG_FORMAT}`)
  const body = bytes.subarray(headerEnd + 1)
  if (crc !== crc32(body)) fail('damaged (its checksum does not match)')
  if (typeof hotBytes !== 'number' || body[hotBytes] !== 10) fail('no hot part')
  const hot = parse(body.subarray(0, hotBytes).toString(), 'the hot part')
  const raw = (hot ?? {}) as Record<string, unknown>
  if (!Array.isArray(raw.feeds)) fail('no list of feeds')
  const seen = new Set<string>()
  const feeds = (raw.feeds as unknown[]).map((f) => entryOf(f, seen))
  const total = feeds.reduce((sum, feed) => sum + feed.ids.length, 0)
  const order = orderOf(raw.order, total)
  const coldBytes = body.subarray(hotBytes + 1)
  let cold: ColdRows[] | null = null
  return {
    feeds,
    order,
    cold: () => {
      if (cold) return cold
      // Checked by the CRC already: a failure here is a bug of the writer, not damage.
      const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null
      const parsed = parse(coldBytes.toString(), 'the cold part')
      cold = listOf<unknown>(parsed, feeds.length, 'the cold part', isObject).map((value, i) => {
        const c = value as Record<string, unknown>
        const n = feeds[i]!.ids.length
        const what = `feed ${feeds[i]!.id}`
        return {
          times: listOf<number>(c.times, n, `${what} times`, isTime),
          titles: listOf<string>(c.titles, n, `${what} titles`, isString),
          stories: listOf<string | null>(c.stories, n, `${what} stories`, isStory),
        }
      })
      return cold
    },
  }
}
