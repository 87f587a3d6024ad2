import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtWorkerBeside } from './worker-script'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'worker-script-'))
  await writeFile(join(dir, 'prepare-worker.js'), '')
  await writeFile(join(dir, 'search-worker.js'), '')
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('builtWorkerBeside', () => {
  it('finds a built worker beside the built prepare worker, as an absolute path', () => {
    // A relative path like "out/main/x.js" is refused by new Worker(): always absolute.
    const fromRelative = builtWorkerBeside(
      relative(process.cwd(), join(dir, 'prepare-worker.js')),
      'search-worker.js',
    )
    expect(fromRelative).toBe(join(dir, 'search-worker.js'))
    expect(isAbsolute(fromRelative!)).toBe(true)
  })

  it('finds nothing when the worker is not built, or beside a source file', () => {
    expect(builtWorkerBeside(join(dir, 'prepare-worker.js'), 'sanitize-worker.js')).toBeNull()
    expect(builtWorkerBeside(join(dir, 'prepare-worker-dev.cjs'), 'search-worker.js')).toBeNull()
    expect(builtWorkerBeside(null, 'search-worker.js')).toBeNull()
  })
})

describe('worker heap limits', () => {
  it('are given to every worker thread the core starts', () => {
    const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    )
    const calls = files.flatMap((file) => {
      const source = readFileSync(join(__dirname, file), 'utf8')
      return [...source.matchAll(/new Worker\(/g)].map((match) => ({
        file,
        call: source.slice(match.index, match.index + 200),
      }))
    })
    expect(calls.map((c) => c.file).sort()).toEqual([
      join('articles', 'sanitizer.ts'),
      join('export', 'citation-renderer.ts'),
      join('search', 'index-worker.ts'),
      join('sync', 'prepare-pool.ts'),
    ])
    for (const { file, call } of calls)
      expect(call, file).toMatch(/resourceLimits: WORKER_RESOURCE_LIMITS/)
  })
})
