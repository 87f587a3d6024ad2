// The inverted index's byte format and its in-memory builder. For each term, a postings list —
// per document: varint(doc − previous doc), varint(weighted term frequency), varint(bytes of
// positions) — and, apart, a positions list — per document: varint(count), varint deltas of the
// word positions. Positions sit in their own list so that ranking reads only the small postings;
// a phrase query reads positions, and only of the documents it checks. About 3 bytes a posting
// and 1–2 a position: 100k articles of 4 KB fit in ~35 MB of postings.

/** Words of different fields never form a phrase across the boundary. */
export const FIELD_GAP = 1000

export class ByteWriter {
  bytes: Uint8Array
  length = 0

  constructor(capacity = 16) {
    this.bytes = new Uint8Array(capacity)
  }

  private grow(needed: number): void {
    let size = this.bytes.length * 2
    while (size < this.length + needed) size *= 2
    const next = new Uint8Array(size)
    next.set(this.bytes.subarray(0, this.length))
    this.bytes = next
  }

  varint(value: number): void {
    if (this.length + 5 > this.bytes.length) this.grow(5)
    let v = value >>> 0
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80
      v >>>= 7
    }
    this.bytes[this.length++] = v
  }

  append(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.bytes.length) this.grow(chunk.length)
    this.bytes.set(chunk, this.length)
    this.length += chunk.length
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length)
  }
}

/** A cursor over varints in a byte array. */
export class ByteReader {
  pos = 0
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length
  }

  varint(): number {
    let result = 0
    let shift = 0
    let byte: number
    do {
      byte = this.bytes[this.pos++]!
      result += (byte & 0x7f) * 2 ** shift
      shift += 7
    } while (byte & 0x80)
    return result
  }
}

/** One term's postings decoded: documents ascending, weighted frequencies, position offsets. */
export interface DecodedPostings {
  docs: Uint32Array
  weights: Uint16Array
  /** Where each document's positions start in the term's positions list. */
  positionStarts: Uint32Array
}

export function decodePostings(bytes: Uint8Array): DecodedPostings {
  // Each posting takes at least 3 bytes: size the arrays for that, decode in place, trim.
  const capacity = Math.ceil(bytes.length / 3)
  const docs = new Uint32Array(capacity)
  const weights = new Uint16Array(capacity)
  const starts = new Uint32Array(capacity)
  let n = 0
  let pos = 0
  let doc = 0
  let posOffset = 0
  const next = (): number => {
    let result = 0
    let shift = 0
    let byte: number
    do {
      byte = bytes[pos++]!
      result += (byte & 0x7f) * 2 ** shift
      shift += 7
    } while (byte & 0x80)
    return result
  }
  while (pos < bytes.length) {
    doc += next()
    docs[n] = doc
    weights[n] = Math.min(65535, next())
    starts[n] = posOffset
    posOffset += next()
    n++
  }
  return {
    docs: docs.subarray(0, n),
    weights: weights.subarray(0, n),
    positionStarts: starts.subarray(0, n),
  }
}

export function decodePositions(bytes: Uint8Array, start: number): number[] {
  const reader = new ByteReader(bytes)
  reader.pos = start
  const count = reader.varint()
  const out = new Array<number>(count)
  let at = 0
  for (let i = 0; i < count; i++) out[i] = at += reader.varint()
  return out
}

/** Where a segment's terms are read from: a file on disk or the builder in memory. */
export interface PostingsSource {
  readonly termCount: number
  term(index: number): string
  /** Index of the term, or −1. */
  find(term: string): number
  /** [from, to) term indexes of the terms starting with `prefix`. */
  prefixRange(prefix: string): [number, number]
  documentFrequency(index: number): number
  postings(index: number): Uint8Array
  positions(index: number): Uint8Array
  /** Bytes [from, to) of the term's positions list (one document's, say). */
  positionsRange(index: number, from: number, to: number): Uint8Array
}

interface TermBuffers {
  df: number
  lastDoc: number
  postings: ByteWriter
  positions: ByteWriter
}

/** A document's text, one entry per field, with how much a word in that field counts. */
export interface FieldText {
  text: string
  weight: number
}

/**
 * Postings built in memory, documents added in ascending order. Queryable as it grows (the
 * newest items, before they are written out as a segment).
 */
export class SegmentBuilder implements PostingsSource {
  private readonly buffers = new Map<string, TermBuffers>()
  private sorted: string[] | null = null
  docCount = 0
  byteSize = 0
  lastDoc = -1

  /** Adds a document; returns its length in words (for BM25's length normalization). */
  addDocument(
    doc: number,
    fields: readonly FieldText[],
    words: (text: string) => string[],
  ): number {
    if (doc <= this.lastDoc) throw new Error(`Documents must be added in order (${doc})`)
    const perTerm = new Map<string, { weight: number; positions: number[] }>()
    let position = 0
    let length = 0
    for (const field of fields) {
      for (const term of words(field.text)) {
        let entry = perTerm.get(term)
        if (!entry) perTerm.set(term, (entry = { weight: 0, positions: [] }))
        entry.weight += field.weight
        entry.positions.push(position++)
        length++
      }
      position += FIELD_GAP
    }
    for (const [term, entry] of perTerm) {
      let buffers = this.buffers.get(term)
      if (!buffers) {
        buffers = { df: 0, lastDoc: 0, postings: new ByteWriter(), positions: new ByteWriter() }
        this.buffers.set(term, buffers)
        this.sorted = null
        this.byteSize += term.length + 96
      }
      const before = buffers.postings.length + buffers.positions.length
      const posStart = buffers.positions.length
      buffers.positions.varint(entry.positions.length)
      let previous = 0
      for (const p of entry.positions) {
        buffers.positions.varint(p - previous)
        previous = p
      }
      buffers.postings.varint(doc - buffers.lastDoc)
      buffers.postings.varint(entry.weight)
      buffers.postings.varint(buffers.positions.length - posStart)
      buffers.lastDoc = doc
      buffers.df++
      this.byteSize += buffers.postings.length + buffers.positions.length - before
    }
    this.docCount++
    this.lastDoc = doc
    return length
  }

  private terms(): string[] {
    if (!this.sorted) this.sorted = [...this.buffers.keys()].sort(compareTerms)
    return this.sorted
  }

  get termCount(): number {
    return this.buffers.size
  }

  term(index: number): string {
    return this.terms()[index]!
  }

  find(term: string): number {
    return this.buffers.has(term) ? lowerBound(this.terms(), term) : -1
  }

  prefixRange(prefix: string): [number, number] {
    const terms = this.terms()
    const from = lowerBound(terms, prefix)
    let to = from
    while (to < terms.length && terms[to]!.startsWith(prefix)) to++
    return [from, to]
  }

  documentFrequency(index: number): number {
    return this.buffers.get(this.term(index))!.df
  }

  postings(index: number): Uint8Array {
    return this.buffers.get(this.term(index))!.postings.view()
  }

  positions(index: number): Uint8Array {
    return this.buffers.get(this.term(index))!.positions.view()
  }

  positionsRange(index: number, from: number, to: number): Uint8Array {
    return this.positions(index).subarray(from, to)
  }
}

/** Code-unit order: the same in memory and on disk, and cheap. */
export function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function lowerBound(terms: readonly string[], term: string): number {
  let lo = 0
  let hi = terms.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (terms[mid]! < term) lo = mid + 1
    else hi = mid
  }
  return lo
}
