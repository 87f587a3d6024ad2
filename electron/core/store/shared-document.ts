// A JSON document that several processes may change at once (the app and the `reader` CLI on
// one data dir). Every change is a function applied under a cross-process lock to the newest
// data on disk: lock → re-read if another process wrote since we last looked → apply → atomic
// write (temp + rename, via lowdb) → unlock → note the write in the data dir's change journal, so
// other processes know to re-read this file. Nothing one process acknowledged is overwritten by
// another's stale copy.
import { stat } from 'node:fs/promises'
import type { Low } from 'lowdb'
import lockfile from 'proper-lockfile'
import { openJsonDocument, type SetAsideNotice, type Versioned } from './json-document'

/** How long a writer waits for another process's lock before giving up (it then throws). */
const LOCK_RETRIES = { retries: 60, factor: 1.3, minTimeout: 5, maxTimeout: 200 }
/** A lock older than this belongs to a crashed process and may be taken over. */
const LOCK_STALE_MS = 10_000

export interface ChangeJournal {
  /** Record that `file` was rewritten by this process. */
  note(file: string): Promise<void>
}

interface Stamp {
  mtimeMs: number
  size: number
  ino: number
}

export class SharedDocument<T extends Versioned> {
  private stamp: Stamp | null = null
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
  ) {}

  static async open<T extends Versioned>(
    file: string,
    defaults: () => T,
    options: {
      journal: ChangeJournal
      onSetAside: (notice: SetAsideNotice) => void
      /** Runs after a re-read, before refresh() (and update()) go on: may be async. */
      onReload?: (data: T) => void | Promise<void>
      compact?: boolean
    },
  ): Promise<SharedDocument<T>> {
    const db = await openJsonDocument(
      file,
      defaults,
      options.onSetAside,
      undefined,
      options.compact,
    )
    const doc = new SharedDocument(file, db, options.journal, options.onReload ?? (() => {}))
    doc.stamp = await doc.currentStamp()
    return doc
  }

  get data(): T {
    return this.db.data
  }

  private async currentStamp(): Promise<Stamp | null> {
    try {
      const info = await stat(this.file)
      return { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino }
    } catch {
      return null
    }
  }

  private static same(a: Stamp | null, b: Stamp | null): boolean {
    return (
      a === b || (!!a && !!b && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino)
    )
  }

  /** Re-reads the file if another process replaced it since we last read or wrote it. */
  refresh(): Promise<boolean> {
    return this.inTurn(() => this.reread())
  }

  private async reread(): Promise<boolean> {
    const now = await this.currentStamp()
    if (SharedDocument.same(now, this.stamp)) return false
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
    const release = await lockfile.lock(this.file, {
      realpath: false,
      stale: LOCK_STALE_MS,
      retries: LOCK_RETRIES,
    })
    try {
      await this.reread()
      const result = mutate(this.db.data)
      await this.db.write()
      this.stamp = await this.currentStamp()
      return result
    } finally {
      await release()
      await this.journal.note(this.file)
    }
  }
}
