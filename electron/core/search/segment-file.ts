// An immutable index segment on disk, three files: <name>.dict (the sorted terms, their document
// frequencies and where their lists start), <name>.post (postings) and <name>.pos (positions).
// Only the dictionary is held in memory (one string of terms plus typed arrays); a query reads a
// term's postings with one positioned read, so the OS page cache, not the heap, holds the lists.
// Writing is a merge: any number of sources (segments, the in-memory builder) with ascending,
// disjoint document ranges, leaving out deleted documents; it yields to the event loop as it goes.
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { ByteReader, ByteWriter, compareTerms, type PostingsSource } from './postings'
import { TermDictionary } from './term-dictionary'

export const SEGMENT_FORMAT = 1
const FLUSH_BYTES = 4 << 20
/** Longest run of merge work between two yields to the event loop. */
const SLICE_MS = 12

export class SegmentFile implements PostingsSource {
  private constructor(
    readonly name: string,
    private readonly dictionary: TermDictionary,
    private readonly postOffsets: Float64Array,
    private readonly posOffsets: Float64Array,
    private readonly postFd: number,
    private readonly posFd: number,
  ) {}

  /** Opens a segment; throws when its files are missing or do not hold a segment. */
  static open(dir: string, name: string): SegmentFile {
    const dict = readFileSync(join(dir, `${name}.dict`))
    const headerLength = dict.readUInt32LE(0)
    const header = JSON.parse(dict.subarray(4, 4 + headerLength).toString('utf8')) as {
      format: number
      terms: number
      blob: number
    }
    if (header.format !== SEGMENT_FORMAT) throw new Error(`Segment format ${header.format}`)
    const n = header.terms
    let at = 4 + headerLength
    const blob = dict.subarray(at, at + header.blob).toString('utf8')
    at = align8(at + header.blob)
    const copy = <T>(make: (buffer: ArrayBuffer) => T, bytes: number): T => {
      if (at + bytes > dict.length) throw new Error('Truncated segment dictionary')
      const buffer = dict.buffer.slice(dict.byteOffset + at, dict.byteOffset + at + bytes)
      at = align8(at + bytes)
      return make(buffer as ArrayBuffer)
    }
    const df = copy((b) => new Uint32Array(b), n * 4)
    const postOffsets = copy((b) => new Float64Array(b), (n + 1) * 8)
    const posOffsets = copy((b) => new Float64Array(b), (n + 1) * 8)
    const dictionary = TermDictionary.of(blob, df)
    const postFd = openSync(join(dir, `${name}.post`), 'r')
    const posFd = openSync(join(dir, `${name}.pos`), 'r')
    return new SegmentFile(name, dictionary, postOffsets, posOffsets, postFd, posFd)
  }

  close(): void {
    closeSync(this.postFd)
    closeSync(this.posFd)
  }

  /** Bytes this segment holds in memory (its dictionary). */
  get memoryBytes(): number {
    return this.dictionary.memoryBytes + this.postOffsets.byteLength * 2
  }

  get termCount(): number {
    return this.dictionary.termCount
  }

  term(index: number): string {
    return this.dictionary.term(index)
  }

  find(term: string): number {
    return this.dictionary.find(term)
  }

  prefixRange(prefix: string): [number, number] {
    return this.dictionary.prefixRange(prefix)
  }

  documentFrequency(index: number): number {
    return this.dictionary.df[index]!
  }

  private read(fd: number, from: number, to: number): Uint8Array {
    const buffer = Buffer.allocUnsafe(to - from)
    let done = 0
    while (done < buffer.length) {
      const got = readSync(fd, buffer, done, buffer.length - done, from + done)
      if (got === 0) throw new Error(`Segment ${this.name} is truncated`)
      done += got
    }
    return buffer
  }

  postings(index: number): Uint8Array {
    return this.read(this.postFd, this.postOffsets[index]!, this.postOffsets[index + 1]!)
  }

  positions(index: number): Uint8Array {
    return this.read(this.posFd, this.posOffsets[index]!, this.posOffsets[index + 1]!)
  }

  positionsRange(index: number, from: number, to: number): Uint8Array {
    const start = this.posOffsets[index]!
    return this.read(this.posFd, start + from, start + to)
  }
}

function align8(n: number): number {
  return (n + 7) & ~7
}

class FileWriter {
  private readonly fd: number
  private readonly buffer = new ByteWriter(FLUSH_BYTES + 1024)
  written = 0

  constructor(file: string) {
    this.fd = openSync(file, 'w')
  }

  get offset(): number {
    return this.written + this.buffer.length
  }

  get out(): ByteWriter {
    return this.buffer
  }

  maybeFlush(): void {
    if (this.buffer.length >= FLUSH_BYTES) this.flush()
  }

  flush(): void {
    const view = this.buffer.view()
    let done = 0
    while (done < view.length) done += writeSync(this.fd, view, done, view.length - done)
    this.written += view.length
    this.buffer.length = 0
  }

  close(): void {
    this.flush()
    closeSync(this.fd)
  }
}

/**
 * Writes the terms of `sources` (ascending, disjoint document ranges, in that order) as one
 * segment named `name`, leaving out documents for which `live` is false. Returns the term count.
 */
export async function writeSegment(
  dir: string,
  name: string,
  sources: readonly PostingsSource[],
  live: (doc: number) => boolean,
): Promise<number> {
  const post = new FileWriter(join(dir, `${name}.post`))
  const pos = new FileWriter(join(dir, `${name}.pos`))
  const terms: string[] = []
  const df: number[] = []
  const postOffsets: number[] = [0]
  const posOffsets: number[] = [0]
  const heads = sources.map(() => 0)
  let sliceStart = performance.now()
  try {
    for (;;) {
      let next: string | null = null
      for (let s = 0; s < sources.length; s++) {
        if (heads[s]! < sources[s]!.termCount) {
          const candidate = sources[s]!.term(heads[s]!)
          if (next === null || compareTerms(candidate, next) < 0) next = candidate
        }
      }
      if (next === null) break
      let count = 0
      let lastDoc = 0
      for (let s = 0; s < sources.length; s++) {
        const source = sources[s]!
        if (heads[s]! >= source.termCount || source.term(heads[s]!) !== next) continue
        const index = heads[s]!++
        const reader = new ByteReader(source.postings(index))
        const positions = source.positions(index)
        let doc = 0
        let posAt = 0
        while (!reader.done) {
          doc += reader.varint()
          const weight = reader.varint()
          const posLength = reader.varint()
          if (live(doc)) {
            post.out.varint(doc - lastDoc)
            post.out.varint(weight)
            post.out.varint(posLength)
            pos.out.append(positions.subarray(posAt, posAt + posLength))
            lastDoc = doc
            count++
          }
          posAt += posLength
        }
      }
      if (count > 0) {
        terms.push(next)
        df.push(count)
        postOffsets.push(post.offset)
        posOffsets.push(pos.offset)
      }
      post.maybeFlush()
      pos.maybeFlush()
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve))
        sliceStart = performance.now()
      }
    }
  } finally {
    post.close()
    pos.close()
  }
  const blob = Buffer.from(TermDictionary.blobOf(terms), 'utf8')
  const header = Buffer.from(
    JSON.stringify({ format: SEGMENT_FORMAT, terms: terms.length, blob: blob.length }),
  )
  const parts: Uint8Array[] = []
  const lengthBytes = Buffer.alloc(4)
  lengthBytes.writeUInt32LE(header.length)
  let size = 0
  const push = (chunk: Uint8Array): void => {
    parts.push(chunk)
    size += chunk.length
    const pad = align8(size) - size
    if (pad) {
      parts.push(new Uint8Array(pad))
      size += pad
    }
  }
  parts.push(lengthBytes, header)
  size = 4 + header.length
  push(blob)
  push(new Uint8Array(Uint32Array.from(df).buffer))
  push(new Uint8Array(Float64Array.from(postOffsets).buffer))
  push(new Uint8Array(Float64Array.from(posOffsets).buffer))
  const dict = new FileWriter(join(dir, `${name}.dict`))
  for (const part of parts) dict.out.append(part)
  dict.close()
  return terms.length
}
