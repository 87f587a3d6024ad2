// Article bodies, as the feed sent them (sanitized when read out of the core), addressed by the
// sha256 of their text. New bodies are written in packs: one immutable file per feed update
// (bodies/packs/<hash of the pack>.pack), each body a byte range in it, the range kept on its
// item. One file instead of fifty per feed update: creating 50k small files costs ~14 s on the
// disks we measured, one pack per feed well under a second. Every read checks the body's hash,
// so a torn or damaged body reads as missing (and the next sync writes it again), never as
// wrong text. Bodies from before packs (bodies/ab/<hash>.html) are still read.
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Hex } from '../ids'
import { writeFileDurablySync } from './durable-write'

/** Where a body lives inside a pack. */
export interface BodyRef {
  pack: string
  offset: number
  length: number
}

export class BodyStore {
  /** Bodies found missing or torn: the next sync that carries them writes them again. */
  readonly missing = new Set<string>()

  constructor(readonly dir: string) {}

  private legacyPath(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a body hash: ${hash}`)
    return join(this.dir, hash.slice(0, 2), `${hash}.html`)
  }

  private packPath(pack: string): string {
    if (!/^p-[0-9a-f]{24}$/.test(pack)) throw new Error(`Not a pack name: ${pack}`)
    return join(this.dir, 'packs', `${pack}.pack`)
  }

  /**
   * Writes the given bodies as one new pack and returns where each one is. Synchronous: it runs
   * on a sync worker thread, where blocking costs nothing and saves the promise machinery.
   * Written to a temp file, fsynced and renamed, so a pack is either whole or absent, and on disk
   * before any items.json names it.
   */
  writePack(bodies: readonly { hash: string; html: string }[]): Map<string, BodyRef> {
    const refs = new Map<string, BodyRef>()
    if (bodies.length === 0) return refs
    const chunks: Buffer[] = []
    let offset = 0
    const placed: { hash: string; offset: number; length: number }[] = []
    for (const { hash, html } of bodies) {
      if (placed.some((p) => p.hash === hash)) continue
      const bytes = Buffer.from(html, 'utf8')
      chunks.push(bytes)
      placed.push({ hash, offset, length: bytes.length })
      offset += bytes.length
    }
    const data = Buffer.concat(chunks, offset)
    const pack = `p-${sha256Hex(data).slice(0, 24)}`
    const file = this.packPath(pack)
    mkdirSync(join(this.dir, 'packs'), { recursive: true })
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    // Durably: the items that point at this pack are written (durably) after it.
    writeFileDurablySync(file, data, temp)
    for (const p of placed) refs.set(p.hash, { pack, offset: p.offset, length: p.length })
    return refs
  }

  /** A body written one file per body (libraries from before packs; tests). */
  async put(html: string): Promise<string> {
    const hash = sha256Hex(html)
    const file = this.legacyPath(hash)
    mkdirSync(join(this.dir, hash.slice(0, 2)), { recursive: true })
    const temp = `${file}.${process.pid}.tmp`
    writeFileSync(temp, html)
    renameSync(temp, file)
    return hash
  }

  /** The body, or null when it is missing or damaged (its bytes no longer match its hash). */
  async get(hash: string, ref?: BodyRef | null): Promise<string | null> {
    let text: string | null
    try {
      text = ref ? await this.readRange(ref) : await readFile(this.legacyPath(hash), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      text = null
    }
    if (text !== null && sha256Hex(text) === hash) return text
    this.missing.add(hash)
    return null
  }

  /**
   * get() without the promise machinery, for the search index, which reads thousands of bodies
   * in a row (a positioned read of a cached pack page costs microseconds; a promise round trip
   * through the thread pool costs far more on 2 cores).
   */
  getSync(hash: string, ref?: BodyRef | null): string | null {
    let text: string | null
    try {
      if (ref) {
        const fd = openSync(this.packPath(ref.pack), 'r')
        try {
          const buffer = Buffer.alloc(ref.length)
          const bytesRead = readSync(fd, buffer, 0, ref.length, ref.offset)
          text = buffer.subarray(0, bytesRead).toString('utf8')
        } finally {
          closeSync(fd)
        }
      } else text = readFileSync(this.legacyPath(hash), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      text = null
    }
    if (text !== null && sha256Hex(text) === hash) return text
    this.missing.add(hash)
    return null
  }

  private async readRange(ref: BodyRef): Promise<string> {
    const handle = await open(this.packPath(ref.pack), 'r')
    try {
      const buffer = Buffer.alloc(ref.length)
      const { bytesRead } = await handle.read(buffer, 0, ref.length, ref.offset)
      return buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await handle.close()
    }
  }
}
