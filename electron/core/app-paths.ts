// Where things live at run time. The built entry points sit in out/main/, so the app root is two
// levels up (in a package, inside app.asar); resources/ and the built renderer are found from
// there. The default data dir matches Electron's app.getPath('userData') for "Research Reader",
// so the CLI, the browser shell and the desktop app share one library unless told otherwise.
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const PRODUCT_NAME = 'Research Reader'

export interface AppPaths {
  appRoot: string
  resourcesDir: string
  rendererDir: string
  /** The built worker that parses feeds off the main thread. */
  prepareWorker: string
  version: string
}

export function appPaths(bundleDir: string): AppPaths {
  const appRoot = resolve(bundleDir, '..', '..')
  let version = '0.0.0'
  try {
    version = (
      JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }
    ).version
  } catch {
    // Version stays unknown rather than breaking start-up.
  }
  return {
    appRoot,
    resourcesDir: join(appRoot, 'resources'),
    rendererDir: join(appRoot, 'out', 'renderer'),
    prepareWorker: join(appRoot, 'out', 'main', 'prepare-worker.js'),
    version,
  }
}

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME)
}

/** --data DIR wins, then READER_DATA_DIR, then the platform default. */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return resolve(flag ?? env.READER_DATA_DIR ?? defaultDataDir(process.platform, env))
}
