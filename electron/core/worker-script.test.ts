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
