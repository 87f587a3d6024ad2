// BM25 over the index's postings, straight from the bytes into per-document typed arrays reused
// from query to query (no per-posting objects, no per-query allocation once warm): a word's
// score is added to each document that has it — in its text, its highlights, notes and tags, or
// its feed's title — and the word's clause bit is set. For phrase words it also notes where each
// document's positions are, so a phrase is checked later by reading just those bytes.
import type { PostingsSource } from './postings'
import type { SearchIndex } from './search-index'

const K1 = 1.2
const B = 0.75
/** A word in a highlight, note or tag counts like this many in the title-weighted body. */
const ANNOTATION_WEIGHT = 6
const FEED_TITLE_WEIGHT = 2

export interface SideText {
  itemId: string
  feedId: string
  field: 'highlight' | 'note' | 'tag'
  text: string
  terms: string[]
}

/** Where one word's positions are for each document (len 0: the document does not have it). */
export interface PositionsRecord {
  source: Uint8Array
  start: Uint32Array
  len: Uint32Array
  /** The word's term index in each source (−1: not there). */
  termIndex: Int32Array
}

let at = 0
/** The varint at `at` in `bytes`; moves `at` past it. */
function varint(bytes: Uint8Array): number {
  let b = bytes[at++]!
  let v = b & 127
  if (b < 128) return v
  b = bytes[at++]!
  v |= (b & 127) << 7
  if (b < 128) return v
  b = bytes[at++]!
  v |= (b & 127) << 14
  if (b < 128) return v
  b = bytes[at++]!
  v |= (b & 127) << 21
  if (b < 128) return v >>> 0
  let shift = 2 ** 28
  do {
    b = bytes[at++]!
    v += (b & 127) * shift
    shift *= 128
  } while (b & 128)
  return v
}

function grown<T extends Float64Array | Uint32Array | Uint8Array | Int32Array>(
  array: T,
  size: number,
  make: (n: number) => T,
): T {
  return array.length >= size ? array : make(Math.max(size, Math.ceil(array.length * 1.5)))
}

/** One query's scoring state over the index as it is now. */
export class Scorer {
  scores: Float64Array
  matched: Uint32Array
  private best: Float64Array
  readonly size: number
  private readonly live: Uint8Array
  private readonly lengths: Uint32Array
  private readonly average: number

  constructor(
    readonly index: SearchIndex,
    readonly sources: PostingsSource[],
    readonly side: readonly SideText[],
    readonly feedTerms: ReadonlyMap<string, string[]>,
    scratch: Scratch,
  ) {
    this.size = index.documentLimit
    scratch.ensure(this.size)
    this.scores = scratch.scores
    this.matched = scratch.matched
    this.best = scratch.best
    this.scores.fill(0, 0, this.size)
    this.matched.fill(0, 0, this.size)
    this.live = index.liveView()
    this.lengths = index.lengthsView()
    this.average = index.averageLength
  }

  documentFrequency(term: string): number {
    let df = 0
    for (const source of this.sources) {
      const i = source.find(term)
      if (i >= 0) df += source.documentFrequency(i)
    }
    return df
  }

  private idf(df: number): number {
    const n = Math.max(this.index.documentCount, df)
    return Math.log(1 + (n - df + 0.5) / (df + 0.5))
  }

  /**
   * Adds `term`'s score to every document that has it and sets `bit` in `matched` — or, with
   * `max`, keeps the larger score in the prefix buffer (see prefix()). `record` notes positions.
   */
  term(term: string, bit: number, factor = 1, max = false, record?: PositionsRecord): void {
    const scores = max ? this.best : this.scores
    const { matched, live, lengths } = this
    const weight = this.idf(this.documentFrequency(term)) * factor
    const norm0 = K1 * (1 - B)
    const normL = (K1 * B) / this.average
    for (let s = 0; s < this.sources.length; s++) {
      const source = this.sources[s]!
      const i = source.find(term)
      if (record) record.termIndex[s] = i
      if (i < 0) continue
      const bytes = source.postings(i)
      const n = bytes.length
      at = 0
      let doc = 0
      let posAt = 0
      while (at < n) {
        doc += varint(bytes)
        const tf = varint(bytes)
        const posLength = varint(bytes)
        if (live[doc] === 1) {
          const score = (weight * tf * (K1 + 1)) / (tf + norm0 + normL * lengths[doc]!)
          if (!max) scores[doc]! += score
          else if (score > scores[doc]!) scores[doc] = score
          matched[doc]! |= bit
          if (record) {
            record.source[doc] = s
            record.start[doc] = posAt
            record.len[doc] = posLength
          }
        }
        posAt += posLength
      }
    }
    const put = (doc: number, score: number): void => {
      if (!max) scores[doc]! += score
      else if (score > scores[doc]!) scores[doc] = score
      matched[doc]! |= bit
    }
    for (const side of this.side) {
      if (!side.terms.includes(term)) continue
      const doc = this.index.docOf(side.itemId)
      if (doc !== undefined) put(doc, weight * ANNOTATION_WEIGHT * 0.5)
    }
    for (const [feedId, words] of this.feedTerms) {
      if (!words.includes(term)) continue
      for (const doc of this.index.docsOf(feedId)) put(doc, weight * FEED_TITLE_WEIGHT * 0.25)
    }
  }

  /** A prefix clause: each document counts its best completion, not the sum of them all. */
  prefix(expansions: readonly string[], exact: string, bit: number): void {
    this.best.fill(0, 0, this.size)
    for (const term of expansions) this.term(term, bit, term === exact ? 1 : 0.9, true)
    const { scores, best } = this
    for (let d = 0; d < this.size; d++) scores[d]! += best[d]!
  }

  /**
   * Flags every live document that has `term` (in its text, annotations or feed title); with
   * `record`, notes where its positions are (flags may then be null).
   */
  mark(term: string, flags: Uint8Array | null, record?: PositionsRecord): void {
    const live = this.live
    for (let s = 0; s < this.sources.length; s++) {
      const source = this.sources[s]!
      const i = source.find(term)
      if (record) record.termIndex[s] = i
      if (i < 0) continue
      const bytes = source.postings(i)
      const n = bytes.length
      at = 0
      let doc = 0
      let posAt = 0
      while (at < n) {
        doc += varint(bytes)
        varint(bytes)
        const posLength = varint(bytes)
        if (live[doc] === 1) {
          if (flags) flags[doc] = 1
          if (record) {
            record.source[doc] = s
            record.start[doc] = posAt
            record.len[doc] = posLength
          }
        }
        posAt += posLength
      }
    }
    if (!flags) return
    for (const side of this.side) {
      if (!side.terms.includes(term)) continue
      const doc = this.index.docOf(side.itemId)
      if (doc !== undefined) flags[doc] = 1
    }
    for (const [feedId, words] of this.feedTerms) {
      if (!words.includes(term)) continue
      for (const doc of this.index.docsOf(feedId)) flags[doc] = 1
    }
  }

  private readonly positionBuffers: Int32Array[] = []

  /** One document's positions of a recorded word, in positionBuffer(slot); returns how many. */
  positions(record: PositionsRecord, doc: number, slot: number): number {
    const len = record.len[doc]!
    if (len === 0) return 0
    const s = record.source[doc]!
    const start = record.start[doc]!
    const bytes = this.sources[s]!.positionsRange(record.termIndex[s]!, start, start + len)
    at = 0
    const count = varint(bytes)
    let out = this.positionBuffers[slot]
    if (!out || out.length < count) out = this.positionBuffers[slot] = new Int32Array(count * 2)
    let p = 0
    for (let k = 0; k < count; k++) out[k] = p += varint(bytes)
    return count
  }

  positionBuffer(slot: number): Int32Array {
    return this.positionBuffers[slot]!
  }
}

/** Per-document buffers kept between queries (grown with the index, never shrunk). */
export class Scratch {
  scores = new Float64Array(0)
  matched = new Uint32Array(0)
  best = new Float64Array(0)
  flags = new Uint8Array(0)
  candidates = new Int32Array(0)
  private records: PositionsRecord[] = []
  private size = 0

  ensure(size: number): void {
    if (size <= this.size) return
    this.scores = grown(this.scores, size, (n) => new Float64Array(n))
    this.matched = grown(this.matched, size, (n) => new Uint32Array(n))
    this.best = grown(this.best, size, (n) => new Float64Array(n))
    this.flags = grown(this.flags, size, (n) => new Uint8Array(n))
    this.candidates = grown(this.candidates, size, (n) => new Int32Array(n))
    this.records = []
    this.size = this.scores.length
  }

  /** The `n`th positions record, cleared for `size` documents. */
  record(n: number, size: number, sources: number): PositionsRecord {
    let record = this.records[n]
    if (!record || record.len.length < size) {
      const length = Math.max(size, this.size)
      record = {
        source: new Uint8Array(length),
        start: new Uint32Array(length),
        len: new Uint32Array(length),
        termIndex: new Int32Array(0),
      }
      this.records[n] = record
    } else record.len.fill(0, 0, size)
    record.termIndex = new Int32Array(sources).fill(-1)
    return record
  }
}
