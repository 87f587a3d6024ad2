// Two cores on one data dir — the app and the CLI side by side — lose nothing: each change is
// applied to the newest data under a lock, and each core sees the other's changes.
import { spawn } from 'node:child_process'
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
    '/lab.xml': {
      body: fixture('feeds/lab-atom.xml'),
      headers: { 'content-type': 'application/atom+xml' },
    },
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

describe('one library, two processes', () => {
  it('interleaved annotations and read marks from two cores are all kept and seen by both', async () => {
    const dataDir = await tempDir()
    const app = await openCore({ dataDir })
    await app.addFeed({ url: server.url('/wire.xml') })
    const cli = await openCore({ dataDir })
    const items = await cli.listItems({})
    if (!items.ok) throw new Error('list failed')
    const [first, second] = items.value.items
    const work: Promise<unknown>[] = []
    for (let n = 0; n < 20; n++) {
      work.push(
        app.createAnnotation({
          itemId: first!.id,
          kind: 'quote',
          note: `app ${n}`,
          tags: [],
          target: target(n),
        }),
      )
      work.push(
        cli.createAnnotation({
          itemId: first!.id,
          kind: 'claim',
          note: `cli ${n}`,
          tags: [],
          target: target(n),
        }),
      )
    }
    work.push(app.setItemState({ itemId: first!.id, read: true }))
    work.push(cli.setItemState({ itemId: second!.id, starred: true }))
    await Promise.all(work)

    for (const core of [app, cli]) {
      const annotations = await core.listAnnotations({ itemId: first!.id })
      expect(annotations.ok && annotations.value.length).toBe(40)
      const list = await core.listItems({})
      if (!list.ok) throw new Error('list failed')
      expect(list.value.items.find((i) => i.id === first!.id)).toMatchObject({ read: true })
      expect(list.value.items.find((i) => i.id === second!.id)).toMatchObject({ starred: true })
    }
    await Promise.all([app.close(), cli.close()])
  })

  it('a feed added and synced by the CLI appears in the running app without a restart', async () => {
    const dataDir = await tempDir()
    const app = await openCore({ dataDir })
    await app.addFeed({ url: server.url('/wire.xml') })
    const cli = await openCore({ dataDir })
    await cli.addFeed({ url: server.url('/lab.xml') })
    const feeds = await app.listFeeds({})
    expect(feeds.ok && feeds.value.map((f) => f.title).sort()).toEqual([
      'Field Notes Lab',
      'Harbour Wire',
    ])
    const items = await app.listItems({})
    expect(items.ok && items.value.items.map((i) => i.title)).toContain(
      'Glacier survey finds ice loss doubled',
    )
    await Promise.all([app.close(), cli.close()])
  })

  it('a separate process annotating while this one marks items read loses nothing', async () => {
    const dataDir = await tempDir()
    const app = await openCore({ dataDir })
    await app.addFeed({ url: server.url('/wire.xml') })
    const items = await app.listItems({})
    if (!items.ok) throw new Error('list failed')
    const itemId = items.value.items[0]!.id
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, '..', 'helpers', 'annotate-loop.ts'),
        dataDir,
        itemId,
        '30',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    for (let n = 0; n < 30; n++)
      await app.setItemState({ itemId, read: n % 2 === 0, starred: n % 3 === 0 })
    expect(await exited, output).toBe(0)
    const annotations = await app.listAnnotations({ itemId })
    expect(
      annotations.ok && annotations.value.filter((a) => a.note.startsWith('child ')).length,
    ).toBe(30)
    const state = await app.listItems({})
    expect(state.ok && state.value.items.find((i) => i.id === itemId)).toMatchObject({
      read: false,
      starred: false,
    })
    await app.close()
  }, 60_000)
})
