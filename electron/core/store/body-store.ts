// Article bodies as immutable, content-addressed files (bodies/ab/abcdef….html), as the feed
// sent them (sanitized when read out of the core). A body is written once and never rewritten,
// so the per-feed item files stay small and a sync that sees the same content twice writes
// nothing.
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Hex } from '../ids'

export class BodyStore {
  private readonly madeDirs = new Set<string>()
  /** Bodies found missing or torn: the next sync that carries them writes them again. */
  readonly missing = new Set<string>()

  constructor(readonly dir: string) {}

  private pathFor(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a body hash: ${hash}`)
    return join(this.dir, hash.slice(0, 2), `${hash}.html`)
  }

  /** Stores the body if it is new and returns its hash. */
  async put(html: string): Promise<string> {
    const hash = sha256Hex(html)
    await this.putHashed(hash, html)
    return hash
  }

  /**
   * Stores a body whose sha256 the caller already computed (a sync worker did). Created
   * exclusively under its final name — three system calls, which matters at 50k bodies per
   * sync. A crash mid-write can leave a torn file; get() checks the hash, so a torn body reads
   * as missing (and is rewritten by the next sync that carries it) rather than as wrong text.
   */
  async putHashed(hash: string, html: string): Promise<void> {
    const file = this.pathFor(hash)
    const subdir = join(this.dir, hash.slice(0, 2))
    if (!this.madeDirs.has(subdir)) {
      await mkdir(subdir, { recursive: true })
      this.madeDirs.add(subdir)
    }
    try {
      await writeFile(file, html, { flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    this.missing.delete(hash)
  }

  /** The body, or null when it is missing or torn (its bytes no longer match its hash). */
  async get(hash: string): Promise<string | null> {
    const file = this.pathFor(hash)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      this.missing.add(hash)
      return null
    }
    if (sha256Hex(text) === hash) return text
    // Torn by a crash: remove it so the next sync can write it again.
    await unlink(file).catch(() => {})
    this.missing.add(hash)
    return null
  }
}
