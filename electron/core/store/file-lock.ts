// The cross-process lock around each document write (the app and the CLI on one data dir): a
// directory <file>.lock holding an `owner` file (the holder's pid, host and a token), made aside
// and renamed into place (atomic: of two processes, one rename wins). What it adds to
// proper-lockfile, which it replaces for documents: a lock whose holder was killed is taken over at once when
// the holder ran on this host and its pid is gone — proper-lockfile waited for the lock to go
// stale (10 s), so the first change after a crash hung for ten seconds, or failed. A holder
// refreshes the directory's mtime every few seconds; a lock not refreshed for LOCK_STALE_MS (a
// holder on another host, a pid taken by another program since) is taken over as before.
// Taking over renames the lock directory away (one taker wins the rename) and checks it moved the
// lock it judged dead. Residual race, accepted: two takers of the same dead lock with a third
// process acquiring between their renames can briefly both hold it (three processes on one
// document within microseconds of a crash).
import { createHash, randomBytes } from 'node:crypto'
import {
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'

/** A lock not refreshed for this long belongs to a process that is gone. */
export const LOCK_STALE_MS = 10_000
const REFRESH_MS = 2_000
/** How long acquire() waits for a live holder before failing. */
const DEFAULT_TIMEOUT_MS = 15_000

export class LockTimeoutError extends Error {}

interface Owner {
  pid: number
  host: string
  token: string
}

const HOST = hostname()
/** This host in leftover names: a short hash, as host names may hold any character. */
const HOST_TAG = createHash('sha256').update(HOST).digest('hex').slice(0, 8)

function lockDirOf(file: string): string {
  return `${file}.lock`
}

function parseOwner(text: string): Owner | null {
  try {
    const owner = JSON.parse(text) as Owner
    return typeof owner.pid === 'number' && typeof owner.token === 'string' ? owner : null
  } catch {
    return null
  }
}

async function readOwner(dir: string): Promise<Owner | null> {
  return parseOwner(await readFile(join(dir, 'owner'), 'utf8').catch(() => ''))
}

function readOwnerSync(dir: string): Owner | null {
  try {
    return parseOwner(readFileSync(join(dir, 'owner'), 'utf8'))
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Why the current lock may be taken over, or null while its holder may still be at work. */
async function takeoverReason(dir: string): Promise<{ owner: Owner | null } | null> {
  const owner = await readOwner(dir)
  if (owner && owner.host === HOST && owner.pid !== process.pid && !isAlive(owner.pid))
    return { owner }
  const info = await stat(dir).catch(() => null)
  if (!info) return null // released meanwhile: just try again
  return Date.now() - info.mtimeMs > LOCK_STALE_MS ? { owner } : null
}

async function takeOver(dir: string, judged: Owner | null): Promise<void> {
  // Named with this host and pid: killed while removing it, the folder says whose it was.
  const away = `${dir}.stale-${HOST_TAG}-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    await rename(dir, away)
  } catch {
    return // another process took it over first, or its holder released it
  }
  const moved = await readOwner(away)
  if (moved?.token !== judged?.token) {
    // Not the lock we judged dead (it was replaced between our look and the rename): put it back.
    await rename(away, dir).catch(() => {})
    return
  }
  await rm(away, { recursive: true, force: true })
}

export interface HeldLock {
  release(): Promise<void>
}

/** Takes the lock on `file`, waiting (with backoff) while a live process holds it. */
export async function acquireLock(
  file: string,
  { timeoutMs = DEFAULT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<HeldLock> {
  const dir = lockDirOf(file)
  const deadline = Date.now() + timeoutMs
  const owner: Owner = { pid: process.pid, host: HOST, token: randomBytes(8).toString('hex') }
  // The lock directory appears with its owner inside (made aside, then renamed into place): a
  // holder killed at any moment leaves a lock that says whose it was.
  // Named with this host and pid too: killed before its owner file is written, the folder still
  // says whose it was, so the sweep can remove it at once (see sweepLockLeftovers).
  const made = `${dir}.new-${HOST_TAG}-${owner.pid}-${owner.token}`
  // Synchronous calls on the way in and out: a few metadata operations of microseconds each,
  // which as promises cost a thread-pool round trip apiece (~1 ms more per write, measured).
  mkdirSync(made)
  try {
    writeFileSync(join(made, 'owner'), JSON.stringify(owner))
    let delay = 2
    for (;;) {
      try {
        renameSync(made, dir)
        break
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'EEXIST' && code !== 'ENOTEMPTY' && code !== 'EPERM') throw error
      }
      const reason = await takeoverReason(dir)
      if (reason) {
        await takeOver(dir, reason.owner)
        continue
      }
      if (Date.now() > deadline)
        throw new LockTimeoutError(`${file} is locked by another process (${dir})`)
      await new Promise((resolve) => setTimeout(resolve, delay))
      delay = Math.min(delay * 1.5, 100)
    }
  } catch (error) {
    rmSync(made, { recursive: true, force: true })
    throw error
  }
  const refresh = setInterval(() => {
    const now = new Date()
    void utimes(dir, now, now).catch(() => {})
  }, REFRESH_MS)
  refresh.unref()
  return {
    release: async () => {
      clearInterval(refresh)
      // Only our own lock: after a takeover (we looked dead or stale) it may be another's now.
      if (readOwnerSync(dir)?.token !== owner.token) return
      // Renamed away whole, then removed: emptied in place, the folder could be replaced by
      // another process's lock (a rename onto an empty folder succeeds) before our rmdir. Named
      // with this host and pid: killed between removing its owner file and the folder, it still
      // says whose it was, and the sweep removes it at once (the crash test caught one).
      const away = `${dir}.released-${HOST_TAG}-${owner.pid}-${owner.token}`
      renameSync(dir, away)
      removeLockFolder(away)
    },
  }
}

/**
 * Removes a lock folder of ours: its owner file, then the folder — two system calls, where a
 * recursive rm walks it in JavaScript (0.8 s of a 1,000-feed sync's main thread). Anything else
 * found inside (never put there by us) falls back to the recursive removal.
 */
function removeLockFolder(path: string): void {
  try {
    unlinkSync(join(path, 'owner'))
    rmdirSync(path)
  } catch {
    rmSync(path, { recursive: true, force: true })
  }
}

/** Lock folders a process left behind: made and not yet renamed into place, or moved away. */
const LEFTOVER = /\.lock\.(new|stale|released)-(?:([0-9a-f]{8})-(\d+)-)?[0-9a-f]+$/

/**
 * Removes, in these folders, the lock folders processes killed mid-lock left behind (made but
 * not yet renamed into place, or moved away but not yet removed). Only those whose owner is dead on this
 * host, or that have no owner and are older than the stale time: a live process's are kept.
 * Returns how many were removed. Errors are ignored: it is housekeeping.
 */
export async function sweepLockLeftovers(folders: Iterable<string>): Promise<number> {
  let removed = 0
  for (const folder of folders) {
    let names: string[]
    try {
      names = await readdir(folder)
    } catch {
      continue
    }
    for (const name of names) {
      const match = LEFTOVER.exec(name)
      if (!match) continue
      const path = join(folder, name)
      const owner = await readOwner(path)
      // Without an owner file (killed between making the folder and writing it), the name says
      // whose it was; failing that, only age tells.
      const namedPid = match[2] === HOST_TAG ? Number(match[3]) : null
      const dead = owner
        ? owner.host === HOST && owner.pid !== process.pid && !isAlive(owner.pid)
        : namedPid !== null
          ? namedPid !== process.pid && !isAlive(namedPid)
          : Date.now() - ((await stat(path).catch(() => null))?.mtimeMs ?? Date.now()) >
            LOCK_STALE_MS
      if (!dead) continue
      await rm(path, { recursive: true, force: true }).catch(() => {})
      removed++
    }
  }
  return removed
}
