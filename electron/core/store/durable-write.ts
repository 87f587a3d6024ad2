// How every store document reaches the disk, so that a crash at any moment (the process killed,
// the power cut) leaves either the old file or the new one, whole, and never loses a change once
// its write resolved:
//   1. the new bytes go to a temp file beside the target, which is fsynced (data on disk before
//      the name points at it: without this, ext4 and others may commit the rename first and a
//      power cut leaves an empty or torn file under the real name);
//   2. the current version gets a second name, <file>.bak, by a hard link (no bytes copied: a
//      toggle of one read flag costs the same for a 1 MB items file as for a 1 KB state file);
//   3. the temp file is renamed over the target (atomic on POSIX);
//   4. the directory is fsynced, so the rename itself survives a power cut: the write is then
//      acknowledged.
// lowdb's writer (steno) does 1 and 3 without either fsync, which survives a killed process but
// not a power cut. The .bak is the previous version — one this process had read and parsed, or
// written — restored from at start-up when the file is found damaged (see json-document).
// Failures come out as a StoreWriteError saying why in words (disk full, read-only); the target is
// then untouched and the temp file removed.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export type StoreWriteProblem = 'disk-full' | 'read-only' | 'io'

export class StoreWriteError extends Error {
  constructor(
    readonly problem: StoreWriteProblem,
    readonly file: string,
    readonly code: string | undefined,
    cause: unknown,
  ) {
    super(`${describeProblem(problem, code)} Could not save ${file}; it was left as it was.`, {
      cause,
    })
  }
}

function describeProblem(problem: StoreWriteProblem, code: string | undefined): string {
  const detail = code ? ` (${code})` : ''
  if (problem === 'disk-full') return `The disk is full${detail}.`
  if (problem === 'read-only') return `The data folder cannot be written to${detail}.`
  return `The disk reported an error${detail}.`
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG'])
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EISDIR'])

/** The error as a StoreWriteError when it is the disk's doing (not a bug); else itself. */
export function asStoreWriteError(error: unknown, file: string): unknown {
  if (error instanceof StoreWriteError) return error
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (typeof code !== 'string') return error
  if (DISK_FULL.has(code)) return new StoreWriteError('disk-full', file, code, error)
  if (READ_ONLY.has(code)) return new StoreWriteError('read-only', file, code, error)
  if (code === 'EIO' || code === 'ENOENT') return new StoreWriteError('io', file, code, error)
  return error
}

/** The file system calls the writer makes: real by default, replaced in tests to inject faults. */
export interface WriterFs {
  open: typeof fsp.open
  rename: typeof fsp.rename
  link: typeof fsp.link
  unlink: typeof fsp.unlink
  copyFile: typeof fsp.copyFile
}

const realFs: WriterFs = {
  open: fsp.open,
  rename: fsp.rename,
  link: fsp.link,
  unlink: fsp.unlink,
  copyFile: fsp.copyFile,
}

export function backupFile(file: string): string {
  return `${file}.bak`
}

/**
 * One temp name per target: every document write happens under that document's cross-process
 * lock, so two writers never share it, and a crash leaves at most one stray temp per file (the
 * next write reuses it).
 */
export function tempFileOf(file: string): string {
  return join(dirname(file), `.${basename(file)}.tmp`)
}

export interface DurableWriteOptions {
  /** Keep the version being replaced as <file>.bak (step 2). */
  backup?: boolean
  fs?: WriterFs
}

export async function writeFileDurably(
  file: string,
  data: string | Uint8Array,
  { backup = false, fs = realFs }: DurableWriteOptions = {},
): Promise<void> {
  const temp = tempFileOf(file)
  try {
    const handle = await fs.open(temp, 'w')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (backup) await keepBackup(file, fs)
    await fs.rename(temp, file)
  } catch (error) {
    await fs.unlink(temp).catch(() => {})
    throw asStoreWriteError(error, file)
  }
  await syncDirectory(dirname(file), fs)
}

/**
 * <file>.bak becomes a second name of the current version: linked under a temp name, then renamed
 * over the old .bak, so there is a .bak at every moment. Without a current version (the first
 * write, or after the file was set aside) the old .bak stays as it is.
 */
async function keepBackup(file: string, fs: WriterFs): Promise<void> {
  const bak = backupFile(file)
  const linked = `${bak}.tmp`
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.link(file, linked)
      break
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return
      if (code === 'EEXIST' && attempt === 0) {
        await fs.unlink(linked) // left by a crash between these two steps
        continue
      }
      // A file system without hard links (FAT, some network shares): copy instead.
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EXDEV') {
        try {
          await fs.copyFile(file, linked)
        } catch (copyError) {
          if ((copyError as NodeJS.ErrnoException).code === 'ENOENT') return
          throw copyError
        }
        break
      }
      throw error
    }
  }
  await fs.rename(linked, bak)
}

/**
 * Makes a rename in `dir` durable. Windows cannot open a directory for fsync (and its renames
 * are journaled by NTFS): there, and on file systems refusing it, this is a no-op. Its failure is
 * not reported: the new version is already in place and read by everyone; only its survival of
 * a power cut in the next seconds is in doubt, and there is nothing the caller could do.
 */
async function syncDirectory(dir: string, fs: WriterFs): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r').catch(() => null)
  if (!handle) return
  await handle.sync().catch(() => {})
  await handle.close()
}

/**
 * The same without a backup, synchronously, under a temp name of the caller's choosing: for
 * immutable files written on a worker thread (body packs, which items.json then points at — so
 * a pack must be on disk before the items that name it are).
 */
export function writeFileDurablySync(file: string, data: Uint8Array, temp: string): void {
  try {
    const fd = openSync(temp, 'w')
    try {
      for (let at = 0; at < data.length;) at += writeSync(fd, data, at)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw asStoreWriteError(error, file)
  }
  if (process.platform === 'win32') return
  try {
    const dir = openSync(dirname(file), 'r')
    try {
      fsyncSync(dir)
    } finally {
      closeSync(dir)
    }
  } catch {
    // As for syncDirectory: the pack is in place; only its survival of a power cut is in doubt.
  }
}
