// Runs one task per feed with a global concurrency limit and a per-host limit, so a sync is fast
// overall yet never opens more than a few connections to any one server (politeness).

export interface SchedulerLimits {
  global: number
  perHost: number
}

export const DEFAULT_LIMITS: SchedulerLimits = { global: 12, perHost: 4 }

export async function runPerHost<T>(
  tasks: readonly { host: string; run: () => Promise<T> }[],
  limits: SchedulerLimits,
): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length)
  const pending = tasks.map((task, index) => ({ ...task, index }))
  const active = new Map<string, number>()
  let running = 0
  return new Promise<T[]>((resolve, reject) => {
    const pump = (): void => {
      if (pending.length === 0 && running === 0) return resolve(results)
      for (let i = 0; i < pending.length && running < limits.global;) {
        const task = pending[i]!
        const busy = active.get(task.host) ?? 0
        if (busy >= limits.perHost) {
          i++
          continue
        }
        pending.splice(i, 1)
        active.set(task.host, busy + 1)
        running++
        task.run().then(
          (value) => {
            results[task.index] = value
            active.set(task.host, (active.get(task.host) ?? 1) - 1)
            running--
            pump()
          },
          (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
        )
      }
    }
    pump()
  })
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
