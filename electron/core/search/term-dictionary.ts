// A segment's sorted terms held compactly: one string of all terms ('\n' after each), where each
// starts, and each term's document frequency. Shared by segments on disk and segments built in
// memory by the indexing worker. Order is by UTF-16 code unit, as compareTerms. Lookups are binary searches that compare in place (no string
// per probe): a query looks up a few dozen terms in each of several segments.
export class TermDictionary {
  private constructor(
    readonly blob: string,
    private readonly starts: Uint32Array,
    readonly df: Uint32Array,
  ) {}

  /** From `blob` (each term followed by '\n') and the frequencies; throws when they disagree. */
  static of(blob: string, df: Uint32Array): TermDictionary {
    const n = df.length
    const starts = new Uint32Array(n + 1)
    let term = 0
    for (let i = 0; i < blob.length && term < n; i++) {
      if (blob.charCodeAt(i) === 10) starts[++term] = i + 1
    }
    if (term !== n) throw new Error('Segment dictionary does not match its term count')
    return new TermDictionary(blob, starts, df)
  }

  /** The blob of `terms` (sorted) for of(). */
  static blobOf(terms: readonly string[]): string {
    return terms.length ? `${terms.join('\n')}\n` : ''
  }

  get termCount(): number {
    return this.df.length
  }

  /** Bytes held in memory. */
  get memoryBytes(): number {
    return this.blob.length * 2 + this.starts.byteLength + this.df.byteLength
  }

  term(index: number): string {
    return this.blob.slice(this.starts[index]!, this.starts[index + 1]! - 1)
  }

  /** compareTerms(term(index), other) without making the string. */
  private compareAt(index: number, other: string): number {
    const blob = this.blob
    let i = this.starts[index]!
    const end = this.starts[index + 1]! - 1
    const n = other.length
    for (let k = 0; k < n; k++, i++) {
      if (i === end) return -1
      const a = blob.charCodeAt(i)
      const b = other.charCodeAt(k)
      if (a !== b) return a - b
    }
    return i === end ? 0 : 1
  }

  /** Whether term(index) starts with `prefix`. */
  private startsWith(index: number, prefix: string): boolean {
    const from = this.starts[index]!
    if (this.starts[index + 1]! - 1 - from < prefix.length) return false
    return this.blob.startsWith(prefix, from)
  }

  lowerBound(term: string): number {
    let lo = 0
    let hi = this.df.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.compareAt(mid, term) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  find(term: string): number {
    const index = this.lowerBound(term)
    return index < this.df.length && this.compareAt(index, term) === 0 ? index : -1
  }

  prefixRange(prefix: string): [number, number] {
    const from = this.lowerBound(prefix)
    // Terms with the prefix are contiguous: binary-search the end too (a short prefix has many).
    let lo = from
    let hi = this.df.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.startsWith(mid, prefix)) lo = mid + 1
      else hi = mid
    }
    return [from, lo]
  }
}
