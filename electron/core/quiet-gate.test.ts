import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QuietGate } from './quiet-gate'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function gate(): QuietGate {
  return new QuietGate(() => Date.now())
}

async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false
  void promise.then(() => (done = true))
  await vi.advanceTimersByTimeAsync(0)
  return done
}

describe('QuietGate', () => {
  it('opens at once when no call ever came', async () => {
    expect(await settled(gate().whenQuiet(500, 5000))).toBe(true)
  })

  it('waits for a pause of the given length after the last call', async () => {
    const g = gate()
    g.touch()
    const quiet = g.whenQuiet(500, 5000)
    await vi.advanceTimersByTimeAsync(300)
    g.touch() // the reader opened another article
    await vi.advanceTimersByTimeAsync(400)
    expect(await settled(quiet)).toBe(false)
    await vi.advanceTimersByTimeAsync(100)
    expect(await settled(quiet)).toBe(true)
  })

  it('opens at the limit even while calls keep coming', async () => {
    const g = gate()
    g.touch()
    const quiet = g.whenQuiet(500, 2000)
    let opened = false
    void quiet.then(() => (opened = true))
    for (let t = 0; t < 1900; t += 100) {
      g.touch()
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(opened).toBe(false)
    await vi.advanceTimersByTimeAsync(100)
    expect(opened).toBe(true)
  })
})
