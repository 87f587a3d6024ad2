// A JSON document that several processes may change at once (the app and the `reader` CLI on
// one data dir). Every change is a function applied under a cross-process lock to the newest
// data on disk: lock → re-read if another process wrote since we last looked → apply → atomic
// write (durable-write: temp, fsync, .bak, rename) → unlock → note the write in the data dir's
// change journal, so other processes know to re-read this file. Nothing one process acknowledged
// is overwritten by another's stale copy. A write the disk refuses (full, read-only) rejects with
// a StoreWriteError and leaves the file as it was.
import type { Low } from 'lowdb'
import { asStoreWriteError } from './durable-write'
import { acquireLock } from './file-lock'
import { sameStamp, stampOf, stampOfSync, type FileStamp } from './file-stamp'
import {
  openJsonDocument,
  unreadJsonDocument,
  type SetAsideNotice,
  type ShapeCheck,
  type Versioned,
} from './json-document'

export interface ChangeJournal {
  /** Record that `file` was rewritten by this process. */
  note(file: string): Promise<void>
}

/** Matches no file: the data in memory is not known to be what any version of the file holds. */
const UNKNOWN: FileStamp = { mtimeMs: -1, size: -1, ino: -1 }

interface DocumentOptions<T> {
  journal: ChangeJournal
  onSetAside: (notice: SetAsideNotice) => void
  /** Runs after a re-read, before refresh() (and update()) go on: may be async. */
  onReload?: (data: T) => void | Promise<void>
  compact?: boolean
  /** The document's fields beyond its schema version: a file without them is set aside. */
  shape?: ShapeCheck
}

export class SharedDocument<T extends Versioned> {
  private stamp: FileStamp | null = null
  /** Changes applied (or being applied) in memory and not yet on disk. */
  private changing = 0
  /**
   * One re-read or change at a time within this process: a re-read landing while an update
   * awaits its write would replace the in-memory data with the disk's older copy, and the
   * process would stop seeing its own acknowledged change (the two-process test caught it).
   */
  private turn: Promise<unknown> = Promise.resolve()

  private inTurn<R>(work: () => Promise<R>): Promise<R> {
    const run = this.turn.then(work, work)
    this.turn = run.catch(() => {})
    return run
  }

  private constructor(
    readonly file: string,
    private readonly db: Low<T>,
    private readonly journal: ChangeJournal,
    private readonly onReload: (data: T) => void | Promise<void>,
    private readonly defaults: () => T,
  ) {}

  static async open<T extends Versioned>(
    file: string,
    defaults: () => T,
    options: DocumentOptions<T>,
  ): Promise<SharedDocument<T>> {
    // Stamped before reading: a file replaced during the read then looks changed and is read
    // again, rather than its old content passing for the new version.
    const before = stampOfSync(file)
    let setAside = false
    const db = await openJsonDocument(
      file,
      defaults,
      (notice) => {
        setAside = true
        options.onSetAside(notice)
      },
      undefined,
      options.compact,
      options.shape,
    )
    const doc = new SharedDocument(
      file,
      db,
      options.journal,
      options.onReload ?? (() => {}),
      defaults,
    )
    doc.stamp = setAside ? null : before
    // Restored from its backup (or emptied): processes that have it open re-read it.
    if (setAside) await options.journal.note(file)
    return doc
  }

  /**
   * A document for a file found missing a moment ago, holding its defaults without trying to
   * read it (a thousand feeds without highlights need no thousand failed reads). If the file
   * appears meanwhile, the next refresh or update reads it, as for any change on disk.
   */
  static absent<T extends Versioned>(
    file: string,
    defaults: () => T,
    options: DocumentOptions<T>,
  ): SharedDocument<T> {
    const db = unreadJsonDocument(file, defaults, options.compact)
    return new SharedDocument(file, db, options.journal, options.onReload ?? (() => {}), defaults)
  }

  get data(): T {
    return this.db.data
  }

  /**
   * The stamp of the file version `data` holds, or null when it holds what the defaults and
   * no file; undefined while a change is being written (or failed to be): `data` is then ahead
   * of every file version, and nothing derived from it may be recorded as that file's.
   */
  get dataStamp(): FileStamp | null | undefined {
    if (this.changing > 0 || this.stamp === UNKNOWN) return undefined
    return this.stamp
  }

  private currentStamp(): Promise<FileStamp | null> {
    return stampOf(this.file)
  }

  /** Re-reads the file if another process replaced it since we last read or wrote it. */
  refresh(): Promise<boolean> {
    return this.inTurn(() => this.reread())
  }

  private async reread(): Promise<boolean> {
    const now = await this.currentStamp()
    if (sameStamp(now, this.stamp)) return false
    // After a failed write to a file that does not exist, memory holds a change no file has.
    if (now === null && this.stamp === UNKNOWN) this.db.data = this.defaults()
    await this.db.read()
    this.stamp = now
    await this.onReload(this.db.data)
    return true
  }

  /** Applies `mutate` to the newest data under the lock and writes it. Resolves once on disk. */
  update<R>(mutate: (data: T) => R): Promise<R> {
    return this.inTurn(() => this.lockedUpdate(mutate))
  }

  private async lockedUpdate<R>(mutate: (data: T) => R): Promise<R> {
    let lock
    try {
      lock = await acquireLock(this.file)
    } catch (error) {
      // A read-only data folder fails here first (the lock is a folder beside the file).
      throw asStoreWriteError(error, this.file)
    }
    let written = false
    try {
      await this.reread()
      this.changing++
      try {
        const result = mutate(this.db.data)
        await this.db.write()
        written = true
        this.stamp = await this.currentStamp()
        return result
      } catch (error) {
        // Memory holds a change the file does not (the disk refused it): back to what is on
        // disk, so nobody is shown a change that was not saved. Should that read fail too, the
        // next look tries again.
        this.stamp = UNKNOWN
        await this.reread().catch(() => {})
        throw error
      } finally {
        this.changing--
      }
    } finally {
      await lock.release()
      if (written) await this.journal.note(this.file)
    }
  }
}
