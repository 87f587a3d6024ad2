// Starts the core and the browser shell over one data dir and prints the URL to open. Used by
// `npm run serve` and by `npm start` when the Electron binary is not available.
import { parseArgs } from 'node:util'
import { appPaths, resolveDataDir } from '../core/app-paths'
import { createCore } from '../core/create-core'
import { startWebServer, type WebServer } from './web-server'

/** How long a stop waits for the core to finish its writes. */
const CLOSE_LIMIT_MS = 10_000

export async function runBrowserShell(argv: string[], bundleDir: string): Promise<WebServer> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, port: { type: 'string' } },
    allowPositionals: true,
    strict: false,
  })
  const paths = appPaths(bundleDir)
  const dataDir = resolveDataDir(typeof values.data === 'string' ? values.data : undefined)
  const port = Number(values.port ?? process.env.READER_PORT ?? 0)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Bad --port ${String(values.port)}`)
  const log = (message: string): void => console.error(`[reader] ${message}`)
  const core = await createCore({
    dataDir,
    resourcesDir: paths.resourcesDir,
    shell: 'browser',
    version: paths.version,
    parser: { workerScript: paths.prepareWorker },
    log,
  })
  const web = await startWebServer({ core, rendererDir: paths.rendererDir, port, log })
  console.log(`Research Reader ${paths.version} — library: ${dataDir}`)
  console.log(`Open ${web.url}`)
  // Closing the core finishes its pending writes and rewrites the listing catalog, so the next
  // start opens from it instead of reading every feed. A close that hangs does not keep the
  // process alive past CLOSE_LIMIT_MS.
  const stop = (): void => {
    const limit = setTimeout(() => process.exit(0), CLOSE_LIMIT_MS)
    limit.unref()
    void web
      .close()
      .then(() => core.close())
      .catch((error: unknown) => log(`Close: ${String(error)}`))
      .finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return web
}
