// Where the built worker scripts are: every worker is an entry of the same main bundle (out/main/),
// so each is found beside the feed-parser worker whose path the shells pass in.
import { existsSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'

/** The built worker `fileName` beside the built prepare-worker.js, or null (run in-thread). */
export function builtWorkerBeside(prepareWorker: string | null, fileName: string): string | null {
  if (!prepareWorker || basename(prepareWorker) !== 'prepare-worker.js') return null
  // Absolute: Node refuses a worker path like "out/main/x.js" (only absolute or ./-relative).
  const script = resolve(dirname(prepareWorker), fileName)
  return existsSync(script) ? script : null
}

/**
 * Heap limits for every worker thread. Each worker is its own V8 isolate, and by default each
 * grows a young generation of up to ~48 MB for short-lived objects — four workers beside the
 * main thread held ~60 MB of it. Our workers handle one message at a time (a feed, a body, a
 * batch of citations), so 8 MB is plenty: measured at 100k items, the shell's resident memory
 * once settled went 505 → 473 MB and a cold sync's peak 517 → 443 MB, with the same speed.
 */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8 } as const
