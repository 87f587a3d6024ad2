// The pool runs the real worker script (TypeScript through tsx's require hook) on worker threads;
// a script that cannot load makes it fall back to this thread instead of failing every feed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createPreparePool } from './prepare-pool'
import type { FeedJob } from './process-feed-job'

const ROOT = join(__dirname, '..', '..', '..')
const bodiesDir = mkdtempSync(join(tmpdir(), 'reader-pool-'))
afterAll(() => rmSync(bodiesDir, { recursive: true, force: true }))

/** A fresh job each time: a job's bytes may be handed over to a worker. */
const input = (): FeedJob => ({
  input: {
    bytes: readFileSync(join(ROOT, 'tests', 'fixtures', 'feeds', 'wire-rss.xml')),
    contentType: 'application/rss+xml',
    baseUrl: 'http://127.0.0.1/harbour/feed.xml',
    feedId: 'f-000000000001',
    now: '2026-01-23T12:00:00.000Z',
  },
  bodiesDir,
  previousBodyHash: null,
  storedBodies: [],
})

describe('createPreparePool', () => {
  it('prepares feeds on worker threads, several at once', async () => {
    const pool = createPreparePool({
      workerScript: join(ROOT, 'tests', 'helpers', 'prepare-worker-dev.cjs'),
      size: 2,
    })
    const results = await Promise.all([pool.run(input()), pool.run(input()), pool.run(input())])
    for (const result of results) {
      if (!result.ok || result.value.unchanged) throw new Error('not prepared')
      expect(result.value.feed.items.map((item) => item.title)).toEqual([
        'Envoys agree to resume border talks',
        'Port authority reports record winter traffic',
      ])
    }
    // The bodies were written by the workers, as one pack per feed (the same content, the
    // same pack name), and each item says where its body is.
    const packs = readdirSync(join(bodiesDir, 'packs')).filter((name) => name.endsWith('.pack'))
    expect(packs).toHaveLength(1)
    const first = results[0]!
    if (!first.ok || first.value.unchanged) throw new Error('not prepared')
    const pack = packs[0]!.replace('.pack', '')
    expect(first.value.feed.items.map((item) => item.body?.pack)).toEqual([pack, pack])
    await pool.close()
  })

  it('falls back to this thread when the worker script cannot be loaded', async () => {
    for (const workerScript of ['/nonexistent/prepare-worker.js', 'relative/path.js']) {
      const pool = createPreparePool({ workerScript })
      const result = await pool.run(input())
      expect(result.ok && !result.value.unchanged && result.value.feed.title).toBe('Harbour Wire')
      await pool.close()
    }
  })

  it('runs on this thread when no worker script is given', async () => {
    const pool = createPreparePool({ workerScript: null })
    expect((await pool.run(input())).ok).toBe(true)
  })

  it('skips parsing bytes it has seen before', async () => {
    const pool = createPreparePool({ workerScript: null })
    const first = await pool.run(input())
    if (!first.ok) throw new Error('failed')
    const again = await pool.run({ ...input(), previousBodyHash: first.value.bodyHash })
    expect(again).toEqual({ ok: true, value: { unchanged: true, bodyHash: first.value.bodyHash } })
  })
})
