// A segment held in memory as a few flat buffers (PackedSegment): what the indexing worker sends
// back for a chunk of items — transferable, no per-term objects — searchable at once as a
// MemorySegment until it is written to disk with the others. Same byte format as on disk.
import { ByteWriter, type PostingsSource, type SegmentBuilder } from './postings'
import { TermDictionary } from './term-dictionary'

export interface PackedSegment {
  /** The sorted terms, each followed by '\n'. */
  blob: string
  df: Uint32Array
  /** Where each term's list starts in `post` / `pos`, and (last entry) where the lists end. */
  postOffsets: Uint32Array
  posOffsets: Uint32Array
  post: Uint8Array
  pos: Uint8Array
  docCount: number
  lastDoc: number
}

/** Flattens a builder's lists (sorted by term) into one PackedSegment. */
export function packBuilder(builder: SegmentBuilder): PackedSegment {
  const n = builder.termCount
  const terms: string[] = new Array<string>(n)
  const df = new Uint32Array(n)
  const postOffsets = new Uint32Array(n + 1)
  const posOffsets = new Uint32Array(n + 1)
  let postBytes = 0
  let posBytes = 0
  for (let i = 0; i < n; i++) {
    terms[i] = builder.term(i)
    df[i] = builder.documentFrequency(i)
    postBytes += builder.postings(i).length
    posBytes += builder.positions(i).length
  }
  const post = new ByteWriter(postBytes + 1)
  const pos = new ByteWriter(posBytes + 1)
  for (let i = 0; i < n; i++) {
    post.append(builder.postings(i))
    pos.append(builder.positions(i))
    postOffsets[i + 1] = post.length
    posOffsets[i + 1] = pos.length
  }
  return {
    blob: TermDictionary.blobOf(terms),
    df,
    postOffsets,
    posOffsets,
    post: post.view(),
    pos: pos.view(),
    docCount: builder.docCount,
    lastDoc: builder.lastDoc,
  }
}

/** The buffers of a packed segment, for postMessage's transfer list. */
export function transferablesOf(packed: PackedSegment): ArrayBuffer[] {
  return [packed.df, packed.postOffsets, packed.posOffsets, packed.post, packed.pos].map(
    (array) => array.buffer as ArrayBuffer,
  )
}

export class MemorySegment implements PostingsSource {
  private readonly dictionary: TermDictionary

  constructor(readonly packed: PackedSegment) {
    this.dictionary = TermDictionary.of(packed.blob, packed.df)
  }

  get lastDoc(): number {
    return this.packed.lastDoc
  }

  get docCount(): number {
    return this.packed.docCount
  }

  get byteSize(): number {
    return this.dictionary.memoryBytes + this.packed.post.length + this.packed.pos.length
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
    return this.packed.df[index]!
  }

  postings(index: number): Uint8Array {
    const { post, postOffsets } = this.packed
    return post.subarray(postOffsets[index]!, postOffsets[index + 1]!)
  }

  positions(index: number): Uint8Array {
    const { pos, posOffsets } = this.packed
    return pos.subarray(posOffsets[index]!, posOffsets[index + 1]!)
  }

  positionsRange(index: number, from: number, to: number): Uint8Array {
    const start = this.packed.posOffsets[index]!
    return this.packed.pos.subarray(start + from, start + to)
  }
}
