// A disk that refuses writes (issue 9, point 3): a full disk or a read-only data folder gives the
// caller a clear 'storage' error value, no file changes (each still parses), nothing unsaved is
// shown as saved, and once the disk takes writes again the app carries on.
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs'
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
import { makeReadOnly } from '../helpers/read-only-dir'
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

const target: AnnotationTarget = {
  position: { type: 'TextPositionSelector', start: 0, end: 5 },
  quote: { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' },
}

/** Every JSON document under the data dir, with its bytes (not the derived listing catalog). */
function documents(dir: string, found = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (name !== 'catalog') documents(path, found)
    } else if (name.endsWith('.json') && !path.includes('search'))
      found.set(path, readFileSync(path, 'utf8'))
  }
  return found
}

async function library() {
  const dataDir = await tempDir()
  const core = await openCore({ dataDir })
  const feed = await core.addFeed({ url: server.url('/wire.xml') })
  if (!feed.ok) throw new Error(feed.error.message)
  const list = await core.listItems({})
  if (!list.ok) throw new Error('list failed')
  const itemId = list.value.items[0]!.id
  await core.setItemState({ itemId, starred: true })
  await core.createAnnotation({ itemId, kind: 'plain', note: 'kept', tags: [], target })
  return { dataDir, core, feedId: feed.value.id, itemId }
}

describe('a disk that refuses writes', () => {
  it.runIf(existsSync('/dev/full'))(
    'full (ENOSPC): mark, highlight and settings fail with a storage error, files unchanged',
    async () => {
      const { dataDir, core, feedId, itemId } = await library()
      const before = documents(dataDir)
      // Each document's temp file is a link to /dev/full: its write gets ENOSPC from the kernel.
      const feedDir = join(dataDir, 'feeds', feedId)
      const full = () => {
        for (const name of ['state.json', 'annotations.json'])
          symlinkSync('/dev/full', join(feedDir, `.${name}.tmp`))
        symlinkSync('/dev/full', join(dataDir, '.settings.json.tmp'))
      }
      full()
      const mark = await core.setItemState({ itemId, read: true })
      expect(mark).toEqual({
        ok: false,
        error: { code: 'storage', message: expect.stringMatching(/disk is full \(ENOSPC\)/) },
      })
      const note = await core.createAnnotation({
        itemId,
        kind: 'plain',
        note: 'lost',
        tags: [],
        target,
      })
      expect(!note.ok && note.error.code).toBe('storage')
      const settings = await core.updateSettings({ fontSize: 24 })
      expect(!settings.ok && settings.error.code).toBe('storage')

      expect(documents(dataDir)).toEqual(before)
      // Nothing unsaved is shown as saved.
      const list = await core.listItems({})
      expect(list.ok && list.value.items[0]).toMatchObject({
        id: itemId,
        read: false,
        starred: true,
      })
      const annotations = await core.listAnnotations({ itemId })
      expect(annotations.ok && annotations.value.map((a) => a.note)).toEqual(['kept'])
      expect((await core.getSettings({})).ok && (await core.getSettings({}))).toMatchObject({
        value: { fontSize: 18 },
      })
      // Space again (the failed writes removed their temp links): the same mark goes through.
      expect((await core.setItemState({ itemId, read: true })).ok).toBe(true)
      await core.close()
    },
  )

  it('read-only data folder: the app starts and reads; changes fail with a storage error, files unchanged', async (context) => {
    const { dataDir, core, itemId } = await library()
    await core.close()
    const before = documents(dataDir)
    const readOnly = makeReadOnly(dataDir)
    if (!readOnly) return context.skip('no way to make a folder read-only here')
    try {
      const app = await openCore({ dataDir })
      const list = await app.listItems({})
      expect(list.ok && list.value.items[0]).toMatchObject({ id: itemId, starred: true })
      const mark = await app.setItemState({ itemId, read: true })
      expect(mark).toEqual({
        ok: false,
        error: { code: 'storage', message: expect.stringMatching(/cannot be written to/) },
      })
      const note = await app.createAnnotation({
        itemId,
        kind: 'plain',
        note: 'x',
        tags: [],
        target,
      })
      expect(!note.ok && note.error.code).toBe('storage')
      const after = await app.listItems({})
      expect(after.ok && after.value.items[0]).toMatchObject({ read: false })
      await app.close()
    } finally {
      readOnly.undo()
    }
    expect(documents(dataDir)).toEqual(before)
    for (const text of documents(dataDir).values()) expect(() => JSON.parse(text)).not.toThrow()
  })
})
