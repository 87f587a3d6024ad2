// Article bodies as immutable, content-addressed files (bodies/ab/abcdef….html). A body is
// written once and never rewritten, so the per-feed item files stay small and a sync that sees
// the same content twice writes nothing.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Hex } from '../ids'

export class BodyStore {
  constructor(private readonly dir: string) {}

  private pathFor(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a body hash: ${hash}`)
    return join(this.dir, hash.slice(0, 2), `${hash}.html`)
  }

  /** Stores the body if it is new and returns its hash. */
  async put(html: string): Promise<string> {
    const hash = sha256Hex(html)
    const file = this.pathFor(hash)
    const exists = await stat(file).then(
      () => true,
      () => false,
    )
    if (!exists) {
      await mkdir(join(this.dir, hash.slice(0, 2)), { recursive: true })
      const temp = `${file}.${process.pid}.tmp`
      await writeFile(temp, html)
      await rename(temp, file)
    }
    return hash
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
