import { describe, expect, it } from 'vitest'
import { sortNewestFirst } from './sort-newest-first'

const collator = new Intl.Collator()

/** The order by definition: newest first, then title, then the row's own place. */
function reference(times: number[], titles: string[]): number[] {
  return times
    .map((_, i) => i)
    .sort((a, b) => times[b]! - times[a]! || collator.compare(titles[a]!, titles[b]!) || a - b)
}

describe('sortNewestFirst', () => {
  it('orders newest first, equal times by title, equal titles by row', () => {
    let seed = 3
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647
    const times = Array.from(
      { length: 2000 },
      () => 1_700_000_000_000 + Math.floor(random() * 5000),
    )
    const titles = Array.from({ length: 2000 }, () => 'abc'[Math.floor(random() * 3)]!)
    expect(sortNewestFirst(times, titles)).toEqual(reference(times, titles))
  })

  it('keeps every row when some are undated or absurdly far off', () => {
    // isoTime gives an undated item -8.64e15: packed with its row number, the number was lost.
    const times = [1_700_000_000_000, -8.64e15, 1_700_000_000_000, -8.64e15, 8.64e15, 0]
    const titles = ['b', 'x', 'a', 'w', 'far', 'epoch']
    const order = sortNewestFirst(times, titles)
    expect(order).toEqual(reference(times, titles))
    expect(order).toEqual([4, 2, 0, 5, 3, 1])
  })
})
