// How the benchmarks open a core. `appCoreOptions` opens it as the app does (the browser shell
// and Electron): with the built worker threads beside out/main/prepare-worker.js — feed parsing,
// search indexing, sanitizing and citations off the core's thread. Scripts that do not build
// first keep their own options.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { CoreOptions } from '../../electron/core/create-core'

export const REPO_ROOT = join(__dirname, '..', '..')
export const RESOURCES_DIR = join(REPO_ROOT, 'resources')
export const BUILT_PREPARE_WORKER = join(REPO_ROOT, 'out', 'main', 'prepare-worker.js')
const BUILT_SEARCH_WORKER = join(REPO_ROOT, 'out', 'main', 'search-worker.js')
const DEV_SEARCH_WORKER = join(REPO_ROOT, 'tests', 'helpers', 'search-worker-dev.cjs')

/** Core options as the app's shells use them (`shell: 'browser'` also warms up as they do). */
export function appCoreOptions(dataDir: string, shell: 'test' | 'browser' = 'test'): CoreOptions {
  if (!existsSync(BUILT_PREPARE_WORKER))
    throw new Error(`No ${BUILT_PREPARE_WORKER}: run npm run build first`)
  return {
    dataDir,
    resourcesDir: RESOURCES_DIR,
    shell,
    seedSample: false,
    parser: { workerScript: BUILT_PREPARE_WORKER },
  }
}

/** A search indexing worker: the built one when there is a build, else the TypeScript source. */
export function searchWorkerScript(): string {
  return existsSync(BUILT_SEARCH_WORKER) ? BUILT_SEARCH_WORKER : DEV_SEARCH_WORKER
}
