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

/** A document's text, one entry per field, with how much a word in that field counts. */
export interface FieldText {
  text: string
  weight: number
}

/**
 * Postings built in memory, documents added in ascending order. Queryable as it grows (the
 * newest items, before they are written out as a segment). Terms get small ids; a document's
 * words are grouped by id with a counting pass over flat arrays, so adding a 4 KB article makes
 * no object per word (it used to make one per distinct word, which kept the collector busy).
 */
export class SegmentBuilder implements PostingsSource {
  private readonly ids = new Map<string, number>()
  private readonly names: string[] = []
  private readonly df: number[] = []
  private readonly lastDocs: number[] = []
  private readonly postingLists: ByteWriter[] = []
  private readonly positionLists: ByteWriter[] = []
  // Per document, by term id: when last seen (stamp), count, weight, where its positions go.
  private readonly stamps: number[] = []
  private readonly counts: number[] = []
  private readonly weights: number[] = []
  private readonly starts: number[] = []
  private stamp = 0
  private tokenTerms = new Int32Array(4096)
  private tokenPositions = new Int32Array(4096)
  private grouped = new Int32Array(4096)
  /** Term ids in term order, and each id's place in it (null: to sort again). */
  private sorted: { ids: Int32Array; terms: string[]; rank: Int32Array } | null = null
  docCount = 0
  byteSize = 0
  lastDoc = -1

  private idOf(term: string): number {
    let id = this.ids.get(term)
    if (id === undefined) {
      id = this.names.length
      this.ids.set(term, id)
      this.names.push(term)
      this.df.push(0)
      this.lastDocs.push(0)
      this.postingLists.push(new ByteWriter(8))
      this.positionLists.push(new ByteWriter(8))
      this.stamps.push(0)
      this.counts.push(0)
      this.weights.push(0)
      this.starts.push(0)
      this.sorted = null
      this.byteSize += term.length * 2 + 160
    }
    return id
  }

  /** Adds a document; returns its length in words (for BM25's length normalization). */
  addDocument(
    doc: number,
    fields: readonly FieldText[],
    words: (text: string) => string[],
  ): number {
    if (doc <= this.lastDoc) throw new Error(`Documents must be added in order (${doc})`)
    const stamp = ++this.stamp
    const { stamps, counts, weights, starts } = this
    const unique: number[] = []
    let n = 0
    let position = 0
    for (const field of fields) {
      for (const term of words(field.text)) {
        const id = this.idOf(term)
        if (stamps[id] !== stamp) {
          stamps[id] = stamp
          counts[id] = 0
          weights[id] = 0
          unique.push(id)
        }
        counts[id]!++
        weights[id]! += field.weight
        if (n === this.tokenTerms.length) this.growTokens()
        this.tokenTerms[n] = id
        this.tokenPositions[n] = position++
        n++
      }
      position += FIELD_GAP
    }
    // Group the positions by term (a counting sort keeps each term's in order).
    let offset = 0
    for (const id of unique) {
      starts[id] = offset
      offset += counts[id]!
    }
    const grouped = this.grouped
    for (let k = 0; k < n; k++) grouped[starts[this.tokenTerms[k]!]!++] = this.tokenPositions[k]!
    let grown = 0
    for (const id of unique) {
      const count = counts[id]!
      const first = starts[id]! - count
      const postings = this.postingLists[id]!
      const positions = this.positionLists[id]!
      const before = postings.length + positions.length
      const posStart = positions.length
      positions.varint(count)
      let previous = 0
      for (let k = first; k < first + count; k++) {
        positions.varint(grouped[k]! - previous)
        previous = grouped[k]!
      }
      postings.varint(doc - this.lastDocs[id]!)
      postings.varint(weights[id]!)
      postings.varint(positions.length - posStart)
      this.lastDocs[id] = doc
      this.df[id]!++
      grown += postings.length + positions.length - before
    }
    this.byteSize += grown
    this.docCount++
    this.lastDoc = doc
    return n
  }

  private growTokens(): void {
    const size = this.tokenTerms.length * 2
    const terms = new Int32Array(size)
    terms.set(this.tokenTerms)
    const positions = new Int32Array(size)
    positions.set(this.tokenPositions)
    this.tokenTerms = terms
    this.tokenPositions = positions
    this.grouped = new Int32Array(size)
  }

  private order(): { ids: Int32Array; terms: string[]; rank: Int32Array } {
    if (!this.sorted) {
      const names = this.names
      const ids = Int32Array.from(names.keys()).sort((a, b) => compareTerms(names[a]!, names[b]!))
      const rank = new Int32Array(ids.length)
      ids.forEach((id, i) => (rank[id] = i))
      this.sorted = { ids, terms: Array.from(ids, (id) => names[id]!), rank }
    }
    return this.sorted
  }

  get termCount(): number {
    return this.names.length
  }

  term(index: number): string {
    return this.order().terms[index]!
  }

  find(term: string): number {
    const id = this.ids.get(term)
    return id === undefined ? -1 : this.order().rank[id]!
  }

  prefixRange(prefix: string): [number, number] {
    const terms = this.order().terms
    const from = lowerBound(terms, prefix)
    let to = from
    while (to < terms.length && terms[to]!.startsWith(prefix)) to++
    return [from, to]
  }

  documentFrequency(index: number): number {
    return this.df[this.order().ids[index]!]!
  }

  postings(index: number): Uint8Array {
    return this.postingLists[this.order().ids[index]!]!.view()
  }

  positions(index: number): Uint8Array {
    return this.positionLists[this.order().ids[index]!]!.view()
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
