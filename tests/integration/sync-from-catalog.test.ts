// A sync right after a start-up from the listing catalog (the CLI's `reader sync`, a window's
// background sync) reads only the feeds it has something to merge into: what it merges is exactly
// what a store that read every feed first would have — new items added, the old ones with their
// read marks, stars and highlights kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/create-core'
import {
  ATOM_TYPE,
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

let server: FixtureServer

beforeAll(async () => {
  server = await startFixtureServer({
    '/wire.xml': { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE },
    '/lab.xml': { body: fixture('feeds/lab-atom.xml'), headers: ATOM_TYPE },
  })
})

afterAll(async () => {
  await server.close()
  await removeTempDirs()
})

async function listing(core: Core): Promise<unknown> {
  const page = await core.listItems({ limit: 100 })
  if (!page.ok) throw new Error(page.error.message)
  return page.value.items.map((i) => [i.id, i.title, i.read, i.starred, i.feedId])
}

describe('a sync after a start-up from the listing catalog', () => {
  it('merges new items into feeds not read yet, keeping marks, stars and highlights', async () => {
    const dataDir = await tempDir()
    const first = await openCore({ dataDir, shell: 'cli' })
    const wire = await first.addFeed({ url: server.url('/wire.xml') })
    const lab = await first.addFeed({ url: server.url('/lab.xml') })
    if (!wire.ok || !lab.ok) throw new Error('subscribing failed')
    const before = await first.listItems({ limit: 100 })
    if (!before.ok) throw new Error(before.error.message)
    const [one, two] = before.value.items
    await first.setItemState({ itemId: one!.id, read: true, starred: true })
    const article = await first.getArticle({ itemId: two!.id })
    if (!article.ok) throw new Error(article.error.message)
    const exact = article.value.title.split(' ')[0]!
    const highlight = await first.createAnnotation({
      itemId: two!.id,
      kind: 'quote',
      note: 'kept',
      tags: [],
      target: {
        position: { type: 'TextPositionSelector', start: 0, end: exact.length },
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      },
    })
    if (!highlight.ok) throw new Error(highlight.error.message)
    await first.close() // writes the catalog

    // One feed gains an item; the other answers 304.
    const grown = fixture('feeds/wire-rss.xml')
      .toString('utf8')
      .replace(
        '<item>',
        '<item><title>Harbour reopens after the storm</title><link>https://wire.example/storm</link><guid>storm-1</guid><pubDate>Sat, 24 Jan 2026 09:00:00 GMT</pubDate><description>Ships sail again.</description></item><item>',
      )
    server.routes.set('/wire.xml', { body: grown, headers: RSS_TYPE })

    const cli = await openCore({ dataDir, shell: 'cli' })
    const synced = await cli.syncAll({})
    if (!synced.ok) throw new Error(synced.error.message)
    expect(synced.value).toMatchObject({ feeds: 2, failed: 0, newItems: 1 })
    const afterSync = await listing(cli)
    await cli.close()

    const full = await openCore({ dataDir, shell: 'test' })
    await full.searchIdle() // every feed read
    const titles = (await listing(full)) as [string, string, boolean, boolean, string][]
    expect(afterSync).toEqual(titles)
    expect(titles.map((row) => row[1])).toContain('Harbour reopens after the storm')
    expect(titles.find((row) => row[0] === one!.id)?.slice(0, 4)).toEqual([
      one!.id,
      one!.title,
      true,
      true,
    ])
    const kept = await full.listAnnotations({ itemId: two!.id })
    expect(kept.ok && kept.value.map((a) => a.note)).toEqual(['kept'])
  })
})
