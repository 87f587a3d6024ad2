// Background work at start-up (loading the search index, building citeproc's engine) used to
// start at fixed moments after the first list page — often exactly while the reader was walking
// through articles with j, each open then waiting behind it. The gate lets it start at the first
// pause in the window's calls instead (or after a limit, so it is never postponed for good).

export class QuietGate {
  private lastCall = -Infinity

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** A call from the window just came in. */
  touch(): void {
    this.lastCall = this.clock()
  }

  /** Milliseconds since the last call (Infinity before the first). */
  sinceLastCall(): number {
    return this.clock() - this.lastCall
  }

  /**
   * Resolves once no call has come for `quietMs`, or `maxMs` from now at the latest. The timers
   * do not keep a process alive.
   */
  whenQuiet(quietMs: number, maxMs: number): Promise<void> {
    const deadline = this.clock() + maxMs
    return new Promise((resolve) => {
      const check = (): void => {
        const quietFor = this.sinceLastCall()
        const left = deadline - this.clock()
        if (quietFor >= quietMs || left <= 0) return resolve()
        setTimeout(check, Math.min(quietMs - quietFor, left)).unref()
      }
      check()
    })
  }
}
