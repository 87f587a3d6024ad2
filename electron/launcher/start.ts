// Entry point of `npm start`: run the Electron app when its binary is installed; otherwise say
// so in one line and start the browser shell over the same data dir. The electron package's own
// index.js would try to download the binary with noisy output, so we look for it ourselves and
// make one quiet download attempt (which honours ELECTRON_MIRROR) before falling back.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { runBrowserShell } from '../web/run-browser-shell'
import { appPaths } from '../core/app-paths'

const DOWNLOAD_TIMEOUT_MS = 90_000

function findElectronBinary(): { path: string } | { reason: string } {
  let packageDir: string
  try {
    packageDir = dirname(createRequire(__filename).resolve('electron/package.json'))
  } catch {
    return { reason: 'the electron package is not installed' }
  }
  const locate = (): string | null => {
    const pathFile = join(packageDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'),
      readFileSync(pathFile, 'utf8').trim(),
    )
    return existsSync(binary) ? binary : null
  }
  const found = locate()
  if (found) return { path: found }
  const installer = join(packageDir, 'install.js')
  if (existsSync(installer)) {
    spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: DOWNLOAD_TIMEOUT_MS })
    const downloaded = locate()
    if (downloaded) return { path: downloaded }
  }
  return { reason: 'its download failed or is blocked' }
}

const args = process.argv.slice(2)
const binary = process.env.READER_FORCE_BROWSER
  ? { reason: 'READER_FORCE_BROWSER is set' }
  : findElectronBinary()
if ('path' in binary) {
  const child = spawn(binary.path, [appPaths(__dirname).appRoot, ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(
    `Electron binary not available (${binary.reason}) — starting the browser shell instead; ` +
      'for offline or proxied installs set ELECTRON_MIRROR and run `npx install-electron`.',
  )
  runBrowserShell(args, __dirname).catch((error: unknown) => {
    console.error(
      `Could not start the browser shell: ${error instanceof Error ? error.message : String(error)}`,
    )
    process.exit(1)
  })
}
