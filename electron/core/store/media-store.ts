// Images from articles, kept for offline reading: content-addressed files (media/<ab>/<sha256>)
// with an index from each image URL to its file and type (media/index.json, a SharedDocument so
// the app and the CLI can share it). Written once, verified by hash on read.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Hex } from '../ids'
import type { SetAsideNotice } from './json-document'
import { SharedDocument, type ChangeJournal } from './shared-document'

export interface MediaEntry {
  hash: string
  type: string
  size: number
  fetchedAt: string
  /** A 1×1 image (a tracking pixel): never shown. */
  pixel?: true
}

interface MediaIndex {
  schemaVersion: number
  entries: Record<string, MediaEntry>
}

export class MediaStore {
  private constructor(
    private readonly dir: string,
    private readonly index: SharedDocument<MediaIndex>,
  ) {}

  static async open(
    dataDir: string,
    journal: ChangeJournal,
    onSetAside: (notice: SetAsideNotice) => void,
  ): Promise<MediaStore> {
    const dir = join(dataDir, 'media')
    await mkdir(dir, { recursive: true })
    const index = await SharedDocument.open<MediaIndex>(
      join(dir, 'index.json'),
      () => ({ schemaVersion: 1, entries: {} }),
      { journal, onSetAside, compact: true },
    )
    return new MediaStore(dir, index)
  }

  /** The index file (other processes' writes to it show in the change journal). */
  get indexFile(): string {
    return this.index.file
  }

  lookup(url: string): MediaEntry | undefined {
    return this.index.data.entries[url]
  }

  async refresh(): Promise<void> {
    await this.index.refresh()
  }

  private pathFor(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a media hash: ${hash}`)
    return join(this.dir, hash.slice(0, 2), hash)
  }

  async read(entry: MediaEntry): Promise<Uint8Array | null> {
    try {
      const bytes = await readFile(this.pathFor(entry.hash))
      return sha256Hex(bytes) === entry.hash ? bytes : null
    } catch {
      return null
    }
  }

  async put(
    url: string,
    bytes: Uint8Array,
    type: string,
    fetchedAt: string,
    pixel: boolean,
  ): Promise<MediaEntry> {
    const hash = sha256Hex(bytes)
    const file = this.pathFor(hash)
    await mkdir(join(this.dir, hash.slice(0, 2)), { recursive: true })
    try {
      await writeFile(file, bytes, { flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const entry: MediaEntry = {
      hash,
      type,
      size: bytes.length,
      fetchedAt,
      ...(pixel ? { pixel: true as const } : {}),
    }
    await this.index.update((data) => {
      data.entries[url] = entry
    })
    return entry
  }
}
