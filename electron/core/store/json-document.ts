// One small JSON file with a schema version, read and written through lowdb (whose writer is
// atomic: temp file + rename). A file that does not parse or has no schema version is moved
// aside with a timestamp — never overwritten — and the document starts from its defaults; a file
// from a newer version of the app is refused rather than silently rewritten in an older shape.
import { readFileSync } from 'node:fs'
import { rename } from 'node:fs/promises'
import { Low } from 'lowdb'
import { DataFile } from 'lowdb/node'

export interface Versioned {
  schemaVersion: number
}

export interface SetAsideNotice {
  file: string
  movedTo: string
  reason: string
}

export class NewerSchemaError extends Error {}

/** A document over `file` holding its defaults, not read: for a file known not to exist yet. */
export function unreadJsonDocument<T extends Versioned>(
  file: string,
  defaults: () => T,
  /** Write without indentation: for large machine-written files (item lists). */
  compact = false,
): Low<T> {
  const adapter = new DataFile<T>(file, {
    parse: JSON.parse,
    stringify: compact ? (data) => JSON.stringify(data) : (data) => JSON.stringify(data, null, 2),
  })
  return new Low<T>(adapter, defaults())
}

export async function openJsonDocument<T extends Versioned>(
  file: string,
  defaults: () => T,
  onSetAside: (notice: SetAsideNotice) => void,
  now: () => Date = () => new Date(),
  /** Write without indentation: for large machine-written files (item lists). */
  compact = false,
): Promise<Low<T>> {
  const db = unreadJsonDocument(file, defaults, compact)
  let reason: string | null = null
  try {
    readInto(db, file)
    const data: unknown = db.data
    if (
      typeof data !== 'object' ||
      data === null ||
      typeof (data as Versioned).schemaVersion !== 'number'
    ) {
      reason = 'the file has no schema version'
    }
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    reason = `the file is not valid JSON (${error.message})`
  }
  if (reason) {
    const movedTo = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`
    await rename(file, movedTo)
    onSetAside({ file, movedTo, reason })
    db.data = defaults()
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

/**
 * What lowdb's read does (a missing file leaves the defaults; text that does not parse throws a
 * SyntaxError), synchronously: a start-up opens a hundred small files for a list page and reads
 * the rest in the background, and through the thread pool each costs more main-thread time than
 * the read itself (100 feeds' files: ~50 ms of CPU through promises, ~25 ms read directly).
 */
function readInto<T>(db: Low<T>, file: string): void {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  const data = JSON.parse(text) as T | null
  if (data) db.data = data
}
