// The data dir's change journal (changes.log): each process appends the path of every document
// it rewrites; each process remembers how far it has read and, before answering a request,
// re-reads the documents others changed. One stat per request when nothing changed. Appends of
// one short line are atomic with O_APPEND, so concurrent writers never interleave inside a line.
import { appendFile, open, stat, truncate } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { ChangeJournal } from './shared-document'

/** Past this size the journal is emptied at start-up (everyone re-reads what changed anyway). */
const MAX_JOURNAL_BYTES = 4 * 1024 * 1024

export class FileChangeJournal implements ChangeJournal {
  private offset = 0
  /** Tells this journal's own lines from others' (two stores in one process count as two). */
  private readonly writer = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`

  private constructor(
    private readonly dataDir: string,
    private readonly file: string,
  ) {}

  static async open(dataDir: string): Promise<FileChangeJournal> {
    const journal = new FileChangeJournal(dataDir, join(dataDir, 'changes.log'))
    const size = await journal.size()
    if (size > MAX_JOURNAL_BYTES) await truncate(journal.file, 0).catch(() => {})
    journal.offset = await journal.size()
    return journal
  }

  private async size(): Promise<number> {
    try {
      return (await stat(this.file)).size
    } catch {
      return 0
    }
  }

  async note(file: string): Promise<void> {
    const line = `${this.writer} ${relative(this.dataDir, file).split(sep).join('/')}\n`
    await appendFile(this.file, line)
  }

  private looking: Promise<unknown> = Promise.resolve()

  /**
   * Paths (relative to the data dir) written by other processes since the last call, or 'all'
   * when the journal was emptied meanwhile and everything must be checked. Calls are taken one
   * at a time: two requests refreshing at once must not both read from the same offset.
   */
  changedSinceLastLook(): Promise<Set<string> | 'all'> {
    const next = this.looking.then(() => this.look())
    this.looking = next.catch(() => {})
    return next
  }

  private async look(): Promise<Set<string> | 'all'> {
    const size = await this.size()
    if (size === this.offset) return new Set()
    if (size < this.offset) {
      this.offset = size
      return 'all'
    }
    const handle = await open(this.file, 'r')
    try {
      const buffer = Buffer.alloc(size - this.offset)
      await handle.read(buffer, 0, buffer.length, this.offset)
      const text = buffer.toString('utf8')
      // Only whole lines: a line being appended right now is read next time.
      const end = text.lastIndexOf('\n') + 1
      this.offset += Buffer.byteLength(text.slice(0, end))
      const paths = new Set<string>()
      for (const line of text.slice(0, end).split('\n')) {
        const space = line.indexOf(' ')
        if (space === -1) continue
        if (line.slice(0, space) === this.writer) continue
        paths.add(line.slice(space + 1))
      }
      return paths
    } finally {
      await handle.close()
    }
  }
}
