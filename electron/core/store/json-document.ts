// One small JSON file with a schema version, read through lowdb's Low and written durably (see
// durable-write: temp file, fsync, the old version kept as <file>.bak, rename, fsync of the
// folder). A file that does not parse, or has not the document's shape, is moved aside with a
// timestamp — never overwritten or deleted — and the document is restored from <file>.bak, its
// previous version, when that one is sound (else it starts from its defaults); the notice says
// which. A file from a newer version of the app is refused rather than silently rewritten in an
// older shape.
import { readFileSync, statSync } from 'node:fs'
import { readFile, rename } from 'node:fs/promises'
import { Low, type Adapter } from 'lowdb'
import { backupFile, writeFileDurably } from './durable-write'
import { acquireLock } from './file-lock'

export interface Versioned {
  schemaVersion: number
}

export interface SetAsideNotice {
  file: string
  movedTo: string
  reason: string
  /**
   * The backup (the file's previous version) the document was restored from; null when there was
   * no sound one and it started empty. Absent for what has no backups (the search index).
   */
  restoredFrom?: string | null
  /** When that backup was written (ISO time): changes made after it are in `movedTo` only. */
  backupSavedAt?: string
}

export class NewerSchemaError extends Error {}

/** Whether parsed data has the document's shape (beyond its schema version). */
export type ShapeCheck = (data: Record<string, unknown>) => boolean

/** lowdb's adapter over a file written by writeFileDurably, keeping a .bak of each version. */
class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly stringify: (data: T) => string,
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return JSON.parse(text) as T
  }

  write(data: T): Promise<void> {
    return writeFileDurably(this.file, this.stringify(data), { backup: true })
  }
}

/** A document over `file` holding its defaults, not read: for a file known not to exist yet. */
export function unreadJsonDocument<T extends Versioned>(
  file: string,
  defaults: () => T,
  /** Write without indentation: for large machine-written files (item lists). */
  compact = false,
): Low<T> {
  const adapter = new DurableJsonFile<T>(
    file,
    compact ? (data) => JSON.stringify(data) : (data) => JSON.stringify(data, null, 2),
  )
  return new Low<T>(adapter, defaults())
}

export async function openJsonDocument<T extends Versioned>(
  file: string,
  defaults: () => T,
  onSetAside: (notice: SetAsideNotice) => void,
  now: () => Date = () => new Date(),
  /** Write without indentation: for large machine-written files (item lists). */
  compact = false,
  shape: ShapeCheck = () => true,
): Promise<Low<T>> {
  const db = unreadJsonDocument(file, defaults, compact)
  if (problemWith(db, file, shape)) {
    // Under the document's lock: two processes opening the damaged file at once set it aside
    // once, and the second finds it restored.
    const lock = await acquireLock(file)
    try {
      const reason = problemWith(db, file, shape)
      if (reason) {
        const movedTo = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`
        await rename(file, movedTo)
        const backup = readSound<T>(backupFile(file), shape)
        if (backup) {
          await writeFileDurably(file, backup.text)
          db.data = backup.data
        } else db.data = defaults()
        onSetAside({
          file,
          movedTo,
          reason,
          restoredFrom: backup ? backupFile(file) : null,
          ...(backup ? { backupSavedAt: backup.savedAt } : {}),
        })
      }
    } finally {
      await lock.release()
    }
  }
  const supported = defaults().schemaVersion
  if (db.data.schemaVersion > supported) {
    throw new NewerSchemaError(
      `${file} has schema version ${db.data.schemaVersion}; this app reads up to ${supported}. ` +
        'Update the app; the file was left untouched.',
    )
  }
  return db
}

/** Reads the file into db (a missing file leaves it as it is); says what is wrong, or null. */
function problemWith<T>(db: Low<T>, file: string, shape: ShapeCheck): string | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const parsed = parseDocument(text, shape)
  if (typeof parsed === 'string') return parsed
  db.data = parsed as T
  return null
}

function parseDocument(text: string, shape: ShapeCheck): Record<string, unknown> | string {
  if (text.trim() === '') return 'the file is empty'
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    return `the file is not valid JSON (${error.message})`
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return 'the file holds no document'
  const record = data as Record<string, unknown>
  if (typeof record.schemaVersion !== 'number') return 'the file has no schema version'
  if (!shape(record)) return 'the file does not have the expected fields'
  return record
}

/** A backup that parses and has the document's shape, with when it was written; else null. */
function readSound<T>(
  file: string,
  shape: ShapeCheck,
): { text: string; data: T; savedAt: string } | null {
  try {
    const text = readFileSync(file, 'utf8')
    const parsed = parseDocument(text, shape)
    if (typeof parsed === 'string') return null
    return { text, data: parsed as T, savedAt: statSync(file).mtime.toISOString() }
  } catch {
    return null
  }
}
