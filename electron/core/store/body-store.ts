// Article bodies as immutable, content-addressed files (bodies/ab/abcdef….html). A body is
// written once and never rewritten, so the per-feed item files stay small and a sync that sees
// the same content twice writes nothing.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Hex } from '../ids'

let tempCounter = 0

export class BodyStore {
  private readonly madeDirs = new Set<string>()

  constructor(private readonly dir: string) {}

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
   * Stores a body whose sha256 the caller already computed (a sync worker did). Written to a
   * temp file and renamed, so a crash never leaves a torn body under its final name.
   */
  async putHashed(hash: string, html: string): Promise<void> {
    const file = this.pathFor(hash)
    const subdir = join(this.dir, hash.slice(0, 2))
    if (!this.madeDirs.has(subdir)) {
      await mkdir(subdir, { recursive: true })
      this.madeDirs.add(subdir)
    }
    const exists = await stat(file).then(
      () => true,
      () => false,
    )
    if (exists) return
    const temp = `${file}.${process.pid}.${++tempCounter}.tmp`
    await writeFile(temp, html)
    await rename(temp, file)
  }

  async get(hash: string): Promise<string | null> {
    try {
      return await readFile(this.pathFor(hash), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }
}
