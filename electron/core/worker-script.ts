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
