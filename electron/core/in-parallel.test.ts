import { describe, expect, it } from 'vitest'
import { inParallel } from './in-parallel'

describe('inParallel', () => {
  it('does every id once, never more than the limit at a time', async () => {
    let running = 0
    let most = 0
    const done: number[] = []
    await inParallel([1, 2, 3, 4, 5, 6, 7], 3, async (id) => {
      most = Math.max(most, ++running)
      await new Promise((resolve) => setTimeout(resolve, 5 * (id % 3)))
      done.push(id)
      running--
    })
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(most).toBe(3)
  })

  it('resolves at once for no ids, and fails with the first failure', async () => {
    await inParallel([], 4, () => Promise.reject(new Error('never called')))
    await expect(
      inParallel(['a', 'b'], 2, async (id) => {
        if (id === 'b') throw new Error('b failed')
      }),
    ).rejects.toThrow('b failed')
  })
})
