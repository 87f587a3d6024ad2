import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { createHash } from 'node:crypto'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { removeTempDirs, tempDir } from '../../../tests/helpers/temp-dir'
import { acquireLock, LockTimeoutError, LOCK_STALE_MS, sweepLockLeftovers } from './file-lock'

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
    // Every release removed its folder whole: nothing left beside the file.
    expect(readdirSync(dirname(file))).toEqual([])
  })

  it('removes a released lock folder even with something unexpected inside', async () => {
    const file = join(await tempDir(), 'state.json')
    const lock = await acquireLock(file)
    writeFileSync(join(`${file}.lock`, 'stray'), 'left by hand')
    await lock.release()
    expect(readdirSync(dirname(file))).toEqual([])
  })

  it("sweeps lock folders of dead processes and keeps a live process's", async () => {
    const dir = await tempDir()
    const leave = (name: string, pid: number | null) => {
      mkdirSync(join(dir, name))
      if (pid !== null)
        writeFileSync(
          join(dir, name, 'owner'),
          JSON.stringify({ pid, host: hostname(), token: 'x' }),
        )
    }
    const dead = deadPid()
    leave('a.json.lock.new-0a', dead)
    leave('a.json.lock.stale-0b', dead)
    leave('b.json.lock.new-0c', process.ppid) // alive: being made right now
    leave('c.json.lock.new-0d', null) // no owner yet, fresh: kept
    leave('d.json.lock.new-0e', null)
    const old = (Date.now() - LOCK_STALE_MS - 1_000) / 1000
    utimesSync(join(dir, 'd.json.lock.new-0e'), old, old) // no owner, old: gone
    leave('e.json.lock', dead) // a lock itself: acquireLock's to take over, not the sweep's
    // Killed before writing its owner, a folder named with this host and its pid: the name says.
    const tag = createHash('sha256').update(hostname()).digest('hex').slice(0, 8)
    leave(`f.json.lock.new-${tag}-${dead}-0f`, null) // dead: gone at once
    leave(`g.json.lock.new-${tag}-${process.ppid}-10`, null) // alive: kept
    leave(`h.json.lock.new-00000000-${dead}-11`, null) // another host's, fresh: kept
    // Killed between removing a released (or taken-over) lock's owner file and its folder.
    leave(`i.json.lock.released-${tag}-${dead}-12`, null) // dead: gone at once
    leave(`j.json.lock.stale-${tag}-${dead}-13`, null) // dead: gone at once
    expect(await sweepLockLeftovers([dir])).toBe(6)
    expect(readdirSync(dir).sort()).toEqual([
      'b.json.lock.new-0c',
      'c.json.lock.new-0d',
      'e.json.lock',
      `g.json.lock.new-${tag}-${process.ppid}-10`,
      `h.json.lock.new-00000000-${dead}-11`,
    ])
  })
})
