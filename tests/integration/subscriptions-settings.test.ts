// Removing a subscription and keeping the user's preferences, through the real core on disk.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../shared/settings/settings'
import {
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

let server: FixtureServer

beforeEach(async () => {
  server = await startFixtureServer({
    '/wire.xml': { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE },
  })
})

afterEach(async () => {
  await server.close()
  await removeTempDirs()
})

describe('removing a feed', () => {
  it('takes the feed and its items out of the library but keeps its highlights on disk', async () => {
    const dataDir = await tempDir()
    const core = await openCore({ dataDir })
    const added = await core.addFeed({ url: server.url('/wire.xml') })
    if (!added.ok) throw new Error(added.error.message)
    const feedId = added.value.id
    const listed = await core.listItems({ feedId })
    if (!listed.ok) throw new Error('no items')
    const items = { value: listed.value.items }
    const exact = items.value[0]!.title.slice(0, 8)
    const annotation = await core.createAnnotation({
      itemId: items.value[0]!.id,
      kind: 'plain',
      note: 'keep me',
      tags: [],
      target: {
        position: { type: 'TextPositionSelector', start: 0, end: exact.length },
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      },
    })
    expect(annotation.ok).toBe(true)

    const removed = await core.removeFeed({ feedId })
    if (!removed.ok) throw new Error(removed.error.message)
    expect(removed.value.removedItems).toBe(items.value.length)
    expect(removed.value.removedAnnotations).toBe(1)
    expect((await core.listFeeds({})).ok && (await core.listFeeds({}))).toMatchObject({
      value: [],
    })
    expect(await core.getArticle({ itemId: items.value[0]!.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    // The files moved aside, highlight included.
    expect(removed.value.keptAt.startsWith(join(dataDir, 'removed'))).toBe(true)
    const kept = await readFile(join(removed.value.keptAt, 'annotations.json'), 'utf8')
    expect(kept).toContain('keep me')
    expect(await readdir(join(dataDir, 'feeds'))).not.toContain(feedId)
    await core.close()

    // A fresh start does not bring it back, and the URL can be subscribed to again.
    const reopened = await openCore({ dataDir })
    expect(await reopened.listFeeds({})).toMatchObject({ ok: true, value: [] })
    const again = await reopened.addFeed({ url: server.url('/wire.xml') })
    expect(again.ok).toBe(true)
    await reopened.close()
  })

  it('says not-found for an unknown feed', async () => {
    const core = await openCore()
    expect(await core.removeFeed({ feedId: 'f-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    await core.close()
  })
})

describe('settings', () => {
  it('start at the defaults and keep a change across restarts', async () => {
    const dataDir = await tempDir()
    const core = await openCore({ dataDir })
    expect(await core.getSettings({})).toEqual({ ok: true, value: DEFAULT_SETTINGS })
    const changed = await core.updateSettings({ theme: 'dark', fontSize: 20 })
    expect(changed).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 20 },
    })
    await core.updateSettings({ syncIntervalMinutes: 0 })
    await core.close()
    const reopened = await openCore({ dataDir })
    expect(await reopened.getSettings({})).toMatchObject({
      value: { theme: 'dark', fontSize: 20, syncIntervalMinutes: 0 },
    })
    await reopened.close()
  })

  it('a hand-broken settings file is set aside and the app starts with defaults', async () => {
    const dataDir = await tempDir()
    const first = await openCore({ dataDir })
    await first.updateSettings({ theme: 'sepia' })
    await first.close()
    await writeFile(join(dataDir, 'settings.json'), '{"schemaVersion": 1, "values": {')
    const core = await openCore({ dataDir })
    expect(core.setAside.map((notice) => notice.file)).toEqual([join(dataDir, 'settings.json')])
    expect(await core.getSettings({})).toEqual({ ok: true, value: DEFAULT_SETTINGS })
    expect((await readdir(dataDir)).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(
      true,
    )
    await core.close()
  })

  it('one invalid stored value falls back alone', async () => {
    const dataDir = await tempDir()
    const first = await openCore({ dataDir })
    await first.close()
    await writeFile(
      join(dataDir, 'settings.json'),
      JSON.stringify({ schemaVersion: 1, values: { theme: 'dark', fontSize: 'huge' } }),
    )
    const core = await openCore({ dataDir })
    expect(await core.getSettings({})).toMatchObject({
      value: { theme: 'dark', fontSize: DEFAULT_SETTINGS.fontSize },
    })
    await core.close()
  })
})
