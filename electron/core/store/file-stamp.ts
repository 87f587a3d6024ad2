// What identifies one version of a file without reading it: modification time, size and inode.
// Documents are replaced atomically (temp file + rename), so every write gives a new inode as
// well as a new time: two versions with the same stamp are, in practice, the same bytes. Used to
// tell whether a document changed since it was read, and whether a cached derivation of it (the
// listing catalog) still describes it.
import { statSync } from 'node:fs'
import { stat } from 'node:fs/promises'

export interface FileStamp {
  mtimeMs: number
  size: number
  ino: number
}

/** The file's stamp, or null when there is no such file. */
export async function stampOf(file: string): Promise<FileStamp | null> {
  try {
    const info = await stat(file)
    return { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino }
  } catch {
    return null
  }
}

/**
 * The same, synchronously: a thousand stats in a row (checking every feed at start-up) cost a
 * few milliseconds this way and several times that as promises through the thread pool.
 */
export function stampOfSync(file: string): FileStamp | null {
  try {
    const info = statSync(file, { throwIfNoEntry: false })
    return info ? { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino } : null
  } catch {
    return null
  }
}

export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a === b || (!!a && !!b && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino)
}
