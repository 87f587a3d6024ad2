// Article bodies made ready to show — sanitized, split into blocks (for the citation), judged
// summary-only or not — kept for the articles a reader is about to open. Opening an article was
// mostly this work: reading the body from its pack, a round trip to the sanitizer worker, and
// parsing the result again (together 10–150 ms while the app starts, as the two cores are shared
// with the window). Preparing the next articles in the list while the reader reads this one makes
// walking the list with j take only the rest.
//
// Keyed by the body's hash and the base its links resolve against: a body's text never changes
// under its hash, so an entry is never stale. A preparation that fails is forgotten (the next
// open tries again); the oldest entries go first past the capacity.

export interface PreparedBody {
  /** The body, sanitized. */
  html: string
  /** Its blocks (articleBlocks), which the citation and quote finding read. */
  blocks: string[]
  /** Whether it looks like a summary only (so the reader offers the full text). */
  summaryOnly: boolean
}

export const PREPARED_CAPACITY = 48

export class PreparedBodies {
  private readonly entries = new Map<string, Promise<PreparedBody>>()

  constructor(private readonly capacity = PREPARED_CAPACITY) {}

  static key(bodyHash: string, baseUrl: string | null): string {
    return `${bodyHash}\u0000${baseUrl ?? ''}`
  }

  /** The body under `key` if it is ready or being prepared (the use makes it the newest). */
  kept(key: string): Promise<PreparedBody> | undefined {
    const kept = this.entries.get(key)
    if (kept) {
      this.entries.delete(key)
      this.entries.set(key, kept)
    }
    return kept
  }

  get size(): number {
    return this.entries.size
  }

  /** The prepared body under `key`, made by `make` unless kept (a use makes it the newest). */
  get(key: string, make: () => Promise<PreparedBody>): Promise<PreparedBody> {
    const kept = this.kept(key)
    if (kept) return kept
    const made = make()
    this.entries.set(key, made)
    made.catch(() => {
      if (this.entries.get(key) === made) this.entries.delete(key)
    })
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string
      this.entries.delete(oldest)
    }
    return made
  }

  clear(): void {
    this.entries.clear()
  }
}
