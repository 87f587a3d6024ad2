// Crash safety (issue 9, point 3): a process creating annotations through the real core is
// SIGKILLed at random moments, 50 times over one data dir. After each kill the library opens with
// nothing set aside, every document (and its .bak) parses, and every annotation the process had
// acknowledged is there. The kill lands anywhere: while the core opens, inside a write (temp file
// half written, before or after the rename), holding the write lock (which the next process must
// take over at once), or between writes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { bundleScript } from '../helpers/bundle-script'
import { openCore, RESOURCES_DIR } from '../helpers/open-core'
import type { SetAsideNotice } from '../../electron/core/store/json-document'
import { sweepLockLeftovers } from '../../electron/core/store/file-lock'
import { LibraryStore } from '../../electron/core/store/library-store'
import { mulberry32 } from '../helpers/prng'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

const KILLS = 50
/** A fifth of the kills land while the core opens, the rest while it annotates: */
const KILLED_OPENING = 0.2
/** this long (uniformly drawn) after it was told to start, or after it was ready. */
const MAX_OPENING_MS = 150
const MAX_ANNOTATING_MS = 300
/** Processes loading ahead while one runs: each takes ~1 s to load on a busy machine. */
const AHEAD = 2

let server: FixtureServer
let loopScript: string

beforeAll(async () => {
  loopScript = await bundleScript(join(__dirname, '..', 'helpers', 'annotate-loop.ts'))
  server = await startFixtureServer({
    '/wire.xml': { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE },
  })
})
afterAll(async () => {
  await server.close()
  await removeTempDirs()
})

interface Loop {
  child: ChildProcessWithoutNullStreams
  acks: string[]
  loaded: Promise<void>
  ready: Promise<void>
  /** Resolves once the process is gone and its output read to the end. */
  done: Promise<NodeJS.Signals | null>
  output: () => string
}

/** Starts the annotating process; it loads its modules, then waits for `go`. */
function startLoop(dataDir: string, itemId: string): Loop {
  const child = spawn(process.execPath, [loopScript, dataDir, itemId, 'until-killed'], {
    stdio: 'pipe',
    env: { ...process.env, READER_RESOURCES: RESOURCES_DIR },
  })
  const acks: string[] = []
  let text = ''
  let errors = ''
  let loaded: () => void = () => {}
  const loadedPromise = new Promise<void>((resolve) => (loaded = resolve))
  let ready: () => void = () => {}
  const readyPromise = new Promise<void>((resolve) => (ready = resolve))
  child.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString()
    const lines = text.split('\n')
    text = lines.pop()!
    for (const line of lines) {
      if (line === 'loaded') loaded()
      else if (line === 'ready') ready()
      else if (line.startsWith('ack ')) acks.push(line.slice(4))
    }
  })
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const done = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('close', (_code, signal) => resolve(signal)),
  )
  return {
    child,
    acks,
    loaded: loadedPromise,
    ready: readyPromise,
    done,
    output: () => errors,
  }
}

/** Every JSON file under the data dir (documents and their backups), not the derived catalog. */
function jsonFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (name !== 'catalog' && name !== 'search') jsonFiles(path, found)
    } else if (/\.json(\.bak)?$/.test(name)) found.push(path)
  }
  return found
}

describe('killed while annotating', () => {
  it(`keeps every acknowledged annotation across ${KILLS} SIGKILLs at random moments`, async () => {
    const random = mulberry32(9_003)
    const dataDir = await tempDir()
    const setup = await openCore({ dataDir })
    await setup.addFeed({ url: server.url('/wire.xml') })
    const items = await setup.listItems({})
    if (!items.ok) throw new Error('list failed')
    const itemId = items.value.items[0]!.id
    const feedId = items.value.items[0]!.feedId
    await setup.close()

    const acknowledged = new Set<string>()
    let killedWithAcks = 0
    // The next processes load their modules while the current one runs: a kill costs no start-up.
    const ready = Array.from({ length: Math.min(AHEAD, KILLS) }, () => startLoop(dataDir, itemId))
    for (let kill = 0; kill < KILLS; kill++) {
      const loop = ready.shift()!
      await loop.loaded
      loop.child.stdin.write('go\n')
      let delay = random()
      if (random() < KILLED_OPENING) delay *= MAX_OPENING_MS
      else {
        await loop.ready
        delay *= MAX_ANNOTATING_MS
      }
      await new Promise((resolve) => setTimeout(resolve, delay))
      loop.child.kill('SIGKILL')
      if (kill + ready.length + 1 < KILLS) ready.push(startLoop(dataDir, itemId))
      expect(await loop.done, loop.output()).toBe('SIGKILL')
      for (const id of loop.acks) acknowledged.add(id)
      if (loop.acks.length) killedWithAcks++

      for (const file of jsonFiles(dataDir))
        expect(() => JSON.parse(readFileSync(file, 'utf8')), file).not.toThrow()
      // The library as the app opens it (from the listing catalog), without the rest of a core
      // (search index, workers): the check runs 50 times.
      const setAside: SetAsideNotice[] = []
      const library = await LibraryStore.open(dataDir, (notice) => setAside.push(notice), {
        useCatalog: true,
      })
      expect(setAside, `kill ${kill}`).toEqual([])
      const stored = new Set(library.annotations(feedId).map((a) => a.id))
      const missing = [...acknowledged].filter((id) => !stored.has(id))
      expect(missing, `kill ${kill}: acknowledged but lost`).toEqual([])
      await library.close()
    }
    // Lock folders a kill left half made are cleared (the store does it 10 s after opening).
    const leftovers = () =>
      readdirSync(join(dataDir, 'feeds', feedId)).filter((name) => name.includes('.lock.'))
    await sweepLockLeftovers([join(dataDir, 'feeds', feedId)])
    expect(leftovers()).toEqual([])
    // Most kills did land while annotating (not before the first write).
    expect(killedWithAcks).toBeGreaterThan(KILLS / 2)
    expect(acknowledged.size).toBeGreaterThan(KILLS)
    console.log(
      `crash-safety: ${KILLS} kills, ${acknowledged.size} acknowledged annotations checked after each`,
    )
  }, 120_000)
})
