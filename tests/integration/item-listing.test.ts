// listItems / locateItem over a generated library: pages that fit together newest first, the
// folder filter, cross-feed dedupe, snapshots that hold still while items are read, and an
// ordering that follows state changes and syncs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LIST_PAGE_DEFAULT } from '../../shared/contract'
import type { ItemSummary } from '../../shared/domain'
import type { Core } from '../../electron/core/create-core'
import { feedIdOf, folderOf, generateUiLibrary } from '../bench/ui/generate-ui-library'
import {
  ATOM_TYPE,
  fixture,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

const FEEDS = 12
const PER_FEED = 25

let core: Core

async function everything(args: Parameters<Core['listItems']>[0] = {}): Promise<ItemSummary[]> {
  const all: ItemSummary[] = []
  let snapshot: string | undefined
  for (;;) {
    const page = await core.listItems({ ...args, offset: all.length, limit: 40, snapshot })
    if (!page.ok) throw new Error(page.error.message)
    snapshot = page.value.snapshot
    all.push(...page.value.items)
    if (page.value.items.length === 0 || all.length >= page.value.total) return all
  }
}

const dateOf = (item: ItemSummary): string => item.published ?? item.firstSeenAt

beforeEach(async () => {
  const dataDir = await tempDir()
  await generateUiLibrary(dataDir, {
    feeds: FEEDS,
    itemsPerFeed: PER_FEED,
    bodyBytes: 200,
    seed: 7,
    repostEvery: 5,
  })
  core = await openCore({ dataDir })
})

afterEach(async () => {
  await core.close()
  await removeTempDirs()
})

describe('listItems pages', () => {
  it('lists newest first in pages that fit together, a story once across feeds', async () => {
    const first = await core.listItems({})
    if (!first.ok) throw new Error(first.error.message)
    // Odd feeds repost every fifth item of the feed before: those are listed once.
    const reposts = (FEEDS / 2) * (PER_FEED / 5)
    expect(first.value).toMatchObject({ offset: 0, total: FEEDS * PER_FEED - reposts })
    expect(first.value.unreadTotal).toBe(first.value.total)
    expect(first.value.items).toHaveLength(LIST_PAGE_DEFAULT)
    const all = await everything()
    expect(all).toHaveLength(first.value.total)
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length)
    expect(all.slice(0, LIST_PAGE_DEFAULT)).toEqual(first.value.items)
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!]
      expect(dateOf(a) > dateOf(b) || (dateOf(a) === dateOf(b) && a.title <= b.title)).toBe(true)
    }
    const reposted = all.filter((item) => item.alsoIn.length > 0)
    expect(reposted).toHaveLength(reposts)
  })

  it("lists one feed's items all, reposts included, and refuses an unknown feed", async () => {
    const feed = await everything({ feedId: feedIdOf(1) })
    expect(feed).toHaveLength(PER_FEED)
    expect(feed.every((item) => item.feedId === feedIdOf(1))).toBe(true)
    const unknown = await core.listItems({ feedId: 'f-000000000000' })
    expect(!unknown.ok && unknown.error.code).toBe('not-found')
  })

  it('answers past the end with no items and the totals', async () => {
    const page = await core.listItems({ offset: 10_000, limit: 10 })
    expect(page.ok && page.value).toMatchObject({ offset: 10_000, items: [] })
    expect(page.ok && page.value.total).toBeGreaterThan(0)
  })

  it("filters by folder: every feed whose path starts with the folder's", async () => {
    const topic = await everything({ folder: ['Topic 1'] })
    const desk = await everything({ folder: ['Topic 1', 'Desk 2'] })
    const feedsIn = (items: ItemSummary[]) => [...new Set(items.map((i) => i.feedId))].sort()
    const expected = (match: (path: string[]) => boolean) =>
      Array.from({ length: FEEDS }, (_, f) => f)
        .filter((f) => match(folderOf(f)))
        .map(feedIdOf)
        .sort()
    expect(feedsIn(topic)).toEqual(expected((path) => path[0] === 'Topic 1'))
    expect(feedsIn(desk)).toEqual(expected((path) => path[0] === 'Topic 1' && path[1] === 'Desk 2'))
    expect(desk.length).toBeLessThan(topic.length)
    expect(await everything({ folder: ['Nowhere'] })).toEqual([])
    expect(await everything({ folder: [] })).toHaveLength((await everything()).length)
  })
})

describe('state changes', () => {
  it('an item marked read leaves the unread listing, but not a snapshot being paged', async () => {
    const before = await core.listItems({ unreadOnly: true, limit: 5 })
    if (!before.ok) throw new Error(before.error.message)
    // Not a story with copies elsewhere: when one copy is read, the other may take its place.
    const read = before.value.items.find((item) => item.alsoIn.length === 0)!
    await core.setItemState({ itemId: read.id, read: true })
    const fresh = await core.listItems({ unreadOnly: true, limit: 5 })
    if (!fresh.ok) throw new Error(fresh.error.message)
    expect(fresh.value.items.map((i) => i.id)).not.toContain(read.id)
    expect(fresh.value.total).toBe(before.value.total - 1)
    expect(fresh.value.unreadTotal).toBe(before.value.unreadTotal - 1)
    expect(fresh.value.snapshot).not.toBe(before.value.snapshot)

    const pinned = await core.listItems({
      unreadOnly: true,
      limit: 5,
      snapshot: before.value.snapshot,
    })
    if (!pinned.ok) throw new Error(pinned.error.message)
    expect(pinned.value.snapshot).toBe(before.value.snapshot)
    expect(pinned.value.items.map((i) => i.id)).toEqual(before.value.items.map((i) => i.id))
    expect(pinned.value.items.find((i) => i.id === read.id)).toMatchObject({ read: true })
    expect(pinned.value.unreadTotal).toBe(before.value.unreadTotal - 1)
  })

  it('counts unread in the all listing and marks a folder read', async () => {
    const all = await core.listItems({ limit: 1 })
    const folder = await core.listItems({ folder: ['Topic 2'], limit: 1 })
    if (!all.ok || !folder.ok) throw new Error('list failed')
    const marked = await core.markAllRead({ folder: ['Topic 2'] })
    expect(marked.ok && marked.value.itemIds).toHaveLength(folder.value.total)
    // The all listing shows a story once, by its newest copy: those copies in Topic 2 are read.
    const inTopic2 = (await everything()).filter(
      (item) => folderOf(Number(item.link!.split('/')[4]))[0] === 'Topic 2',
    )
    expect(inTopic2.every((item) => item.read)).toBe(true)
    const after = await core.listItems({ limit: 1 })
    expect(after.ok && after.value.unreadTotal).toBe(all.value.unreadTotal - inTopic2.length)
    expect(after.ok && after.value.total).toBe(all.value.total)
  })

  it('lists starred and highlighted items as they change', async () => {
    const page = await core.listItems({ limit: 3 })
    if (!page.ok) throw new Error(page.error.message)
    const [a, b] = page.value.items
    await core.setItemState({ itemId: a!.id, starred: true })
    const starred = await core.listItems({ view: 'starred' })
    expect(starred.ok && starred.value.items.map((i) => i.id)).toEqual([a!.id])
    await core.createAnnotation({
      itemId: b!.id,
      kind: 'quote',
      note: '',
      tags: [],
      target: {
        position: { type: 'TextPositionSelector', start: 0, end: 9 },
        quote: { type: 'TextQuoteSelector', exact: 'Generated', prefix: '', suffix: '' },
      },
    })
    const annotated = await core.listItems({ view: 'annotated' })
    expect(annotated.ok && annotated.value.items).toMatchObject([{ id: b!.id, annotationCount: 1 }])
  })
})

describe('locateItem', () => {
  it('finds an item and the next unread one after a position, wrapping to the top', async () => {
    const all = await everything()
    const target = all[57]!
    const found = await core.locateItem({ find: { kind: 'item', itemId: target.id } })
    expect(found.ok && found.value).toMatchObject({ index: 57, item: { id: target.id } })

    await core.setItemState({ itemId: all[58]!.id, read: true })
    await core.setItemState({ itemId: all[59]!.id, read: true })
    const next = await core.locateItem({ find: { kind: 'next-unread', after: 57 } })
    expect(next.ok && next.value).toMatchObject({ index: 60, item: { id: all[60]!.id } })

    const last = all.length - 1
    await core.setItemState({ itemId: all[last]!.id, read: true })
    const wrapped = await core.locateItem({ find: { kind: 'next-unread', after: last - 1 } })
    expect(wrapped.ok && wrapped.value).toMatchObject({ index: 0 })

    const missing = await core.locateItem({ find: { kind: 'item', itemId: 'i-0000000000000000' } })
    expect(missing.ok && missing.value).toMatchObject({ index: null, item: null })
  })

  it('finds nothing unread once all is read', async () => {
    await core.markAllRead({})
    const next = await core.locateItem({ find: { kind: 'next-unread', after: -1 } })
    expect(next.ok && next.value).toMatchObject({ index: null, item: null })
  })
})

describe('syncs', () => {
  let server: FixtureServer
  beforeEach(async () => {
    server = await startFixtureServer({
      '/lab.xml': { body: fixture('feeds/lab-atom.xml'), headers: ATOM_TYPE },
    })
  })
  afterEach(async () => {
    await server.close()
  })

  it('puts new items from a sync at the top of a fresh listing', async () => {
    await core.listItems({}) // build and cache the ordering first
    const added = await core.addFeed({ url: server.url('/lab.xml') })
    if (!added.ok) throw new Error(added.error.message)
    const atom = fixture('feeds/lab-atom.xml').toString('utf8')
    server.routes.set('/lab.xml', {
      body: atom.replace(
        '<entry>',
        '<entry><title>Second survey</title><id>urn:uuid:second</id><updated>2026-03-20T09:00:00Z</updated><content type="html">More.</content></entry><entry>',
      ),
      headers: ATOM_TYPE,
    })
    const before = await core.listItems({ limit: 2 })
    await core.syncAll({})
    const after = await core.listItems({ limit: 2 })
    if (!before.ok || !after.ok) throw new Error('list failed')
    expect(after.value.items[0]!.title).toBe('Second survey')
    expect(after.value.items[1]!.id).toBe(before.value.items[0]!.id)
    expect(after.value.total).toBe(before.value.total + 1)
    expect(after.value.unreadTotal).toBe(before.value.unreadTotal + 1)
  })
})
