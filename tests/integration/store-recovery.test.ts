// A damaged file at start-up (issue 9, point 3): the app still starts, the file is moved aside
// with a timestamp (its bytes kept, never overwritten or deleted), the document is restored from
// its last good version (<file>.bak) and the user is told what was restored from where.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnnotationTarget } from '../../shared/domain'
import {
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
  })
})
afterAll(async () => {
  await server.close()
  await removeTempDirs()
})

const target = (n: number): AnnotationTarget => ({
  position: { type: 'TextPositionSelector', start: n, end: n + 5 },
  quote: { type: 'TextQuoteSelector', exact: `q${n}`, prefix: '', suffix: '' },
})

/**
 * A library where each document was written at least twice, so each has a .bak one change behind:
 * settings font 20 then 22; item 0 read, then item 1 starred; highlight "first", then "second";
 * items written by the subscription, then by a sync.
 */
async function libraryWithHistory() {
  const dataDir = await tempDir()
  const core = await openCore({ dataDir })
  const feed = await core.addFeed({ url: server.url('/wire.xml') })
  if (!feed.ok) throw new Error(feed.error.message)
  const list = await core.listItems({})
  if (!list.ok) throw new Error('list failed')
  const [item0, item1] = list.value.items.map((item) => item.id)
  await core.updateSettings({ fontSize: 20 })
  await core.updateSettings({ fontSize: 22 })
  await core.setItemState({ itemId: item0!, read: true })
  await core.setItemState({ itemId: item1!, starred: true })
  for (const note of ['first', 'second'])
    await core.createAnnotation({
      itemId: item0!,
      kind: 'plain',
      note,
      tags: [],
      target: target(1),
    })
  // A retitled story: the sync rewrites items.json.
  server.routes.set('/wire.xml', {
    body: fixture('feeds/wire-rss.xml')
      .toString()
      .replace('Port authority reports', 'Port authority confirms'),
    headers: RSS_TYPE,
  })
  await core.syncFeed({ feedId: feed.value.id })
  server.routes.set('/wire.xml', { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE })
  await core.close()
  const feedFile = (name: string) => join(dataDir, 'feeds', feed.value.id, name)
  const files = {
    settings: join(dataDir, 'settings.json'),
    items: feedFile('items.json'),
    state: feedFile('state.json'),
    annotations: feedFile('annotations.json'),
  }
  for (const file of Object.values(files)) expect(existsSync(`${file}.bak`), file).toBe(true)
  return { dataDir, files, item0: item0!, item1: item1!, itemCount: list.value.items.length }
}

const damages = {
  corrupt: (text: string) => `${text.slice(0, text.length >> 1)}\u0000#!garbage${text.slice(9)}`,
  truncated: (text: string) => text.slice(0, text.length >> 1),
  empty: () => '',
}

type Library = Awaited<ReturnType<typeof libraryWithHistory>>
type Core = Awaited<ReturnType<typeof openCore>>

/** What the user sees of each document once restored from its .bak (one change behind). */
const restoredView: Record<keyof Library['files'], (core: Core, lib: Library) => Promise<void>> = {
  settings: async (core) => {
    const settings = await core.getSettings({})
    expect(settings.ok && settings.value.fontSize).toBe(20)
  },
  items: async (core, lib) => {
    const list = await core.listItems({})
    if (!list.ok) throw new Error('list failed')
    expect(list.value.items.length).toBe(lib.itemCount)
    // The version before the sync's retitling.
    const titles = list.value.items.map((i) => i.title)
    expect(titles).toContain('Port authority reports record winter traffic')
  },
  state: async (core, lib) => {
    const list = await core.listItems({})
    if (!list.ok) throw new Error('list failed')
    expect(list.value.items.find((i) => i.id === lib.item0)).toMatchObject({ read: true })
    expect(list.value.items.find((i) => i.id === lib.item1)).toMatchObject({ starred: false })
  },
  annotations: async (core, lib) => {
    const annotations = await core.listAnnotations({ itemId: lib.item0 })
    expect(annotations.ok && annotations.value.map((a) => a.note)).toEqual(['first'])
  },
}

describe('a damaged file at start-up', () => {
  for (const which of ['settings', 'items', 'state', 'annotations'] as const) {
    it(`${which}: corrupt, truncated or empty — set aside, restored from its backup, user told`, async () => {
      for (const [damage, damageOf] of Object.entries(damages)) {
        const lib = await libraryWithHistory()
        const file = lib.files[which]
        const bad = damageOf(readFileSync(file, 'utf8'))
        writeFileSync(file, bad)
        const backup = readFileSync(`${file}.bak`, 'utf8')

        const core = await openCore({ dataDir: lib.dataDir })
        expect(core.setAside, damage).toHaveLength(1)
        const notice = core.setAside[0]!
        expect(notice).toMatchObject({ file, restoredFrom: `${file}.bak` })
        expect(notice.movedTo).toMatch(/\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/)
        expect(notice.backupSavedAt).toMatch(/^\d{4}-/)
        // The damaged bytes are kept as they were; the file is the backup's version again.
        expect(readFileSync(notice.movedTo, 'utf8')).toBe(bad)
        expect(readFileSync(file, 'utf8')).toBe(backup)
        await restoredView[which](core, lib)
        // What the window shows (the renderer's RecoveryNotice reads it from here).
        const info = await core.getAppInfo({})
        expect(info.ok && info.value.recovered).toEqual([
          {
            file,
            movedTo: notice.movedTo,
            reason: notice.reason,
            restoredFrom: `${file}.bak`,
            backupSavedAt: notice.backupSavedAt,
          },
        ])
        await core.close()
      }
    })
  }

  it('without a sound backup the document starts empty, and the notice says nothing was restored', async () => {
    const lib = await libraryWithHistory()
    const file = lib.files.annotations
    writeFileSync(file, '{"schemaVersion":1,"annotations":[')
    writeFileSync(`${file}.bak`, '')
    const core = await openCore({ dataDir: lib.dataDir })
    expect(core.setAside).toEqual([
      expect.objectContaining({ file, restoredFrom: null, reason: expect.stringMatching(/JSON/) }),
    ])
    const annotations = await core.listAnnotations({ itemId: lib.item0 })
    expect(annotations.ok && annotations.value).toEqual([])
    // The empty backup is left alone too: nothing the user had is deleted.
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('')
    await core.close()
  })
})
