import { mkdtempSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { catalogFile, readCatalogFile } from './catalog-file'
import { CATALOG_STALE_FEEDS_TOLERATED, CatalogKeeper, type FeedStamps } from './catalog-keeper'
import type { CatalogFeed } from './listing-catalog'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const stamp = (n: number) => ({ mtimeMs: n, size: n, ino: n })

/** A library of feeds whose files' stamps the test moves, as writes would. */
function library(count: number) {
  const feeds = new Map<string, FeedStamps | undefined>()
  for (let i = 0; i < count; i++) feeds.set(`f${i}`, { items: stamp(1), state: null })
  const rows = (id: string, stamps: FeedStamps): CatalogFeed => ({
    id,
    ...stamps,
    ids: [`${id}-a`],
    times: [1],
    titles: ['A'],
    stories: [null],
    read: [],
    starred: [],
  })
  return {
    feeds,
    source: {
      feedIds: () => [...feeds.keys()],
      stampsOf: (id: string) => feeds.get(id),
      catalogFeed: (id: string) => {
        const stamps = feeds.get(id)
        return stamps && rows(id, stamps)
      },
    },
  }
}

async function keeperOver(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'reader-keeper-'))
  dirs.push(dir)
  const lib = library(count)
  let keeper = new CatalogKeeper(dir, lib.source, () => {}, await readCatalogFile(dir))
  const saved = async (): Promise<boolean> => {
    const before = await readFile(catalogFile(dir)).catch(() => null)
    await keeper.saveIfWanted()
    const after = await readFile(catalogFile(dir)).catch(() => null)
    return !!after && (!before || !after.equals(before))
  }
  const reopen = async () => {
    keeper = new CatalogKeeper(dir, lib.source, () => {}, await readCatalogFile(dir))
  }
  return { dir, lib, saved, reopen }
}

describe('CatalogKeeper', () => {
  it('writes a catalog where there is none, then not while nothing changed', async () => {
    const { dir, saved, reopen } = await keeperOver(3)
    expect(await saved()).toBe(true)
    const read = await readCatalogFile(dir)
    expect(read.catalog?.feeds.map((f) => f.id)).toEqual(['f0', 'f1', 'f2'])
    expect(await saved()).toBe(false)
    await reopen()
    expect(await saved()).toBe(false)
  })

  it('leaves a few feeds with new read marks to the next start-up, rewrites for more', async () => {
    const { lib, saved } = await keeperOver(40)
    await saved()
    for (let i = 0; i < CATALOG_STALE_FEEDS_TOLERATED; i++)
      lib.feeds.set(`f${i}`, { items: stamp(1), state: stamp(2) })
    expect(await saved()).toBe(false)
    lib.feeds.set('f39', { items: stamp(1), state: stamp(2) })
    expect(await saved()).toBe(true)
  })

  it("rewrites once any feed's items changed, or the feeds did", async () => {
    const { lib, saved } = await keeperOver(5)
    await saved()
    lib.feeds.set('f3', { items: stamp(9), state: null })
    expect(await saved()).toBe(true)
    lib.feeds.delete('f1')
    expect(await saved()).toBe(true)
    lib.feeds.set('f-new', { items: null, state: null })
    expect(await saved()).toBe(true)
    // The same feeds in another order: ties in the recorded order follow the feeds' order.
    const f0 = lib.feeds.get('f0')
    lib.feeds.delete('f0')
    lib.feeds.set('f0', f0)
    expect(await saved()).toBe(true)
    expect(await saved()).toBe(false)
  })

  it('leaves out a feed whose change is being written (its rows would not match its stamps)', async () => {
    const { dir, lib, saved } = await keeperOver(3)
    lib.feeds.set('f1', undefined)
    expect(await saved()).toBe(true)
    expect((await readCatalogFile(dir)).catalog?.feeds.map((f) => f.id)).toEqual(['f0', 'f2'])
  })
})
