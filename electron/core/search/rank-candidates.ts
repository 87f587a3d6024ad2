// Choosing the hits among scored candidates: the best `limit` by score (then date), one per
// story, counted; with phrases, candidates are checked in ranking order only until the page is
// sure, and the rest is counted exactly when few, else from a random sample (an estimate).
// Documents are plain numbers in typed arrays: no object per candidate.
import type { PositionsRecord, Scorer } from './score-terms'

export function containsSequence(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer
    return true
  }
  return false
}

/** A phrase of several words, checked document by document. */
export class PhraseCheck {
  /** Documents whose highlights, notes, tags or feed title hold the phrase. */
  private readonly besideText = new Set<number>()
  private readonly cursor: Int32Array
  private readonly counts: Int32Array

  constructor(
    private readonly scorer: Scorer,
    readonly words: readonly string[],
    private readonly records: readonly PositionsRecord[],
  ) {
    this.cursor = new Int32Array(words.length)
    this.counts = new Int32Array(words.length)
    const { index } = scorer
    for (const side of scorer.side) {
      const doc = index.docOf(side.itemId)
      if (doc !== undefined && containsSequence(side.terms, words)) this.besideText.add(doc)
    }
    for (const [feedId, terms] of scorer.feedTerms) {
      if (containsSequence(terms, words))
        for (const doc of index.docsOf(feedId)) this.besideText.add(doc)
    }
  }

  /** Whether the document has the phrase's words next to each other, in order. */
  has(doc: number): boolean {
    if (this.besideText.has(doc)) return true
    const { scorer, records, counts, cursor } = this
    const k = records.length
    for (let i = 0; i < k; i++) {
      if ((counts[i] = scorer.positions(records[i]!, doc, i)) === 0) return false
      cursor[i] = 0
    }
    const first = scorer.positionBuffer(0)
    // Positions ascend: each later word's cursor only moves forward.
    outer: for (let a = 0; a < counts[0]!; a++) {
      const p = first[a]!
      for (let i = 1; i < k; i++) {
        const list = scorer.positionBuffer(i)
        const target = p + i
        let c = cursor[i]!
        while (c < counts[i]! && list[c]! < target) c++
        cursor[i] = c
        if (c >= counts[i]!) return false
        if (list[c] !== target) continue outer
      }
      return true
    }
    return false
  }
}

/** A binary heap of documents, `before` at the root. */
class DocHeap {
  constructor(
    readonly docs: Int32Array,
    public size: number,
    private readonly before: (a: number, b: number) => boolean,
  ) {
    for (let i = (size >> 1) - 1; i >= 0; i--) this.down(i)
  }

  push(doc: number): void {
    const docs = this.docs
    let i = this.size++
    docs[i] = doc
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(docs[i]!, docs[parent]!)) break
      const t = docs[i]!
      docs[i] = docs[parent]!
      docs[parent] = t
      i = parent
    }
  }

  pop(): number {
    const docs = this.docs
    const top = docs[0]!
    docs[0] = docs[--this.size]!
    this.down(0)
    return top
  }

  replaceTop(doc: number): void {
    this.docs[0] = doc
    this.down(0)
  }

  private down(i: number): void {
    const docs = this.docs
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < this.size && this.before(docs[l]!, docs[m]!)) m = l
      if (r < this.size && this.before(docs[r]!, docs[m]!)) m = r
      if (m === i) return
      const t = docs[i]!
      docs[i] = docs[m]!
      docs[m] = t
      i = m
    }
  }
}

export interface Ranking {
  top: number[]
  total: number
  estimate: boolean
}

/** The best `limit` documents of `candidates` (one per story) and how many there are. */
export function bestOf(
  candidates: Int32Array,
  count: number,
  limit: number,
  groupOf: (doc: number) => number,
  better: (a: number, b: number) => boolean,
): Ranking {
  // A min-heap of the best so far: its root is the worst of them.
  const heap = new DocHeap(new Int32Array(limit), 0, (a, b) => better(b, a))
  const offer = (doc: number): void => {
    if (heap.size < limit) heap.push(doc)
    else if (limit > 0 && better(doc, heap.docs[0]!)) heap.replaceTop(doc)
  }
  const bestOfStory = new Map<number, number>()
  let unique = 0
  for (let k = 0; k < count; k++) {
    const doc = candidates[k]!
    const group = groupOf(doc)
    if (group < 0) {
      unique++
      offer(doc)
    } else {
      const known = bestOfStory.get(group)
      if (known === undefined || better(doc, known)) bestOfStory.set(group, doc)
    }
  }
  for (const doc of bestOfStory.values()) offer(doc)
  const top: number[] = []
  while (heap.size > 0) top.push(heap.pop())
  return { top: top.reverse(), total: unique + bestOfStory.size, estimate: false }
}

/**
 * The best `limit` documents of `candidates` that have every phrase, checked in ranking order
 * until the page is full; the rest counted exactly when few, else from a spread sample.
 */
export function bestWithPhrases(
  candidates: Int32Array,
  count: number,
  limit: number,
  groupOf: (doc: number) => number,
  better: (a: number, b: number) => boolean,
  phrases: readonly PhraseCheck[],
  sample: number,
): Ranking {
  const hasAll = (doc: number): boolean => phrases.every((phrase) => phrase.has(doc))
  const order = new DocHeap(candidates, count, better)
  const seen = new Set<number>()
  const fresh = (doc: number): boolean => {
    const group = groupOf(doc)
    if (group < 0) return true
    if (seen.has(group)) return false
    seen.add(group)
    return true
  }
  const top: number[] = []
  while (top.length < limit && order.size > 0) {
    const doc = order.pop()
    if (hasAll(doc) && fresh(doc)) top.push(doc)
  }
  let total = top.length
  const rest = order.size
  if (rest <= sample) {
    for (let k = 0; k < rest; k++) if (hasAll(candidates[k]!) && fresh(candidates[k]!)) total++
    return { top, total, estimate: false }
  }
  // A uniform sample without repeats (a partial shuffle of the rest), the same for the same
  // query: a fixed-seed generator, not Math.random.
  let seed = 0x9e3779b9
  let passed = 0
  for (let n = 0; n < sample; n++) {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0
    const pick = n + (seed % (rest - n))
    const doc = candidates[pick]!
    candidates[pick] = candidates[n]!
    candidates[n] = doc
    if (hasAll(doc)) passed++
  }
  return { top, total: total + Math.round((rest * passed) / sample), estimate: true }
}
