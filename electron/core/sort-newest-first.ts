// The listing's order: newest first by time, equal times by title (a collator's order), equal
// titles in the order rows were collected. Shared by the item listing and the listing catalog,
// which records the order it computes so a start-up need not sort. Pure.

const collator = new Intl.Collator()

/** Rows per second one packed sort key can tell apart (index bits under the time in seconds). */
const INDEX_BITS = 2 ** 21
/**
 * Seconds (either side of 1970) whose packed key still holds the index exactly (2^53 / 2^21):
 * until 2106. The undated (isoTime gives them -8.64e15 ms) and the absurd go the slow way.
 */
const PACKABLE_SECONDS = 2 ** 32 - 1

/**
 * Row indexes ordered newest first, equal times by title. The seconds and the row index are
 * packed in one double and sorted natively (no comparator: ~10× faster at 100k rows); only rows
 * sharing a second are then compared by milliseconds and title.
 */
export function sortNewestFirst(times: readonly number[], titles: readonly string[]): number[] {
  const n = times.length
  const byTitle = (a: number, b: number): number =>
    times[b]! - times[a]! || collator.compare(titles[a]!, titles[b]!)
  const slowly = (): number[] => Array.from({ length: n }, (_, i) => i).sort(byTitle)
  if (n >= INDEX_BITS) return slowly()
  const packed = new Float64Array(n)
  // Newest first = ascending negated seconds; the index below keeps every key distinct.
  for (let i = 0; i < n; i++) {
    const seconds = Math.floor(times[i]! / 1000)
    if (!(Math.abs(seconds) <= PACKABLE_SECONDS)) return slowly()
    packed[i] = -seconds * INDEX_BITS + i
  }
  packed.sort()
  const order = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const key = packed[i]!
    order[i] = key - Math.floor(key / INDEX_BITS) * INDEX_BITS
  }
  for (let start = 0; start < n;) {
    const second = Math.floor(times[order[start]!]! / 1000)
    let end = start + 1
    while (end < n && Math.floor(times[order[end]!]! / 1000) === second) end++
    if (end - start > 1) {
      const group = order.slice(start, end).sort(byTitle)
      for (let i = 0; i < group.length; i++) order[start + i] = group[i]!
    }
    start = end
  }
  return order
}
