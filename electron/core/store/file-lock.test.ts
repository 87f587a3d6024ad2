import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { removeTempDirs, tempDir } from '../../../tests/helpers/temp-dir'
import { acquireLock, LockTimeoutError, LOCK_STALE_MS } from './file-lock'

afterAll(removeTempDirs)

/** A lock as a process left it: its folder with the owner inside. */
function leaveLock(file: string, pid: number): void {
  mkdirSync(`${file}.lock`)
  writeFileSync(
    join(`${file}.lock`, 'owner'),
    JSON.stringify({ pid, host: hostname(), token: 'left' }),
  )
}

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!
}

describe('acquireLock', () => {
  it('takes over at once a lock whose holder on this host is dead (no 10 s stale wait)', async () => {
    const file = join(await tempDir(), 'annotations.json')
    leaveLock(file, deadPid())
    const started = Date.now()
    const lock = await acquireLock(file, { timeoutMs: 2_000 })
    expect(Date.now() - started).toBeLessThan(1_000)
    await lock.release()
    expect(existsSync(`${file}.lock`)).toBe(false)
  })

  it('waits for a live holder, and gives up with LockTimeoutError', async () => {
    const file = join(await tempDir(), 'state.json')
    leaveLock(file, process.ppid)
    await expect(acquireLock(file, { timeoutMs: 200 })).rejects.toBeInstanceOf(LockTimeoutError)
    expect(existsSync(`${file}.lock`)).toBe(true)
  })

  it('takes over a lock not refreshed for the stale time, whoever holds it', async () => {
    const file = join(await tempDir(), 'state.json')
    leaveLock(file, process.ppid)
    const old = (Date.now() - LOCK_STALE_MS - 1_000) / 1000
    utimesSync(`${file}.lock`, old, old)
    const lock = await acquireLock(file, { timeoutMs: 1_000 })
    await lock.release()
  })

  it('lets one holder at a time in, and never fails a release under contention', async () => {
    const file = join(await tempDir(), 'items.json')
    let inside = 0
    let most = 0
    let entries = 0
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let round = 0; round < 25; round++) {
          const lock = await acquireLock(file)
          inside++
          entries++
          most = Math.max(most, inside)
          await new Promise((resolve) => setImmediate(resolve))
          inside--
          await lock.release()
        }
      }),
    )
    expect(most).toBe(1)
    expect(entries).toBe(200)
  })
})
