import { describe, expect, it } from 'vitest'
import { runPerHost } from './sync-scheduler'

describe('runPerHost', () => {
  it('never exceeds the global or the per-host limit, and returns results in task order', async () => {
    const active = new Map<string, number>()
    let running = 0
    let maxRunning = 0
    const maxPerHost = new Map<string, number>()
    const tasks = Array.from({ length: 40 }, (_, i) => {
      const host = `h${i % 3}`
      return {
        host,
        run: async () => {
          running++
          active.set(host, (active.get(host) ?? 0) + 1)
          maxRunning = Math.max(maxRunning, running)
          maxPerHost.set(host, Math.max(maxPerHost.get(host) ?? 0, active.get(host)!))
          await new Promise((r) => setTimeout(r, 1 + (i % 4)))
          active.set(host, active.get(host)! - 1)
          running--
          return i
        },
      }
    })
    const results = await runPerHost(tasks, { global: 5, perHost: 2 })
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i))
    expect(maxRunning).toBe(5)
    expect(Math.max(...maxPerHost.values())).toBe(2)
  })

  it('finishes at once with no tasks', async () => {
    expect(await runPerHost([], { global: 2, perHost: 1 })).toEqual([])
  })
})
