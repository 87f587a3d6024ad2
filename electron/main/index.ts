// The Electron main process, kept thin: one instance per library, a locked-down window, the IPC
// transport from register-ipc and the standard menu. Every behaviour lives in the core
// (electron/core), which this file only creates and hands to the IPC layer; the shell adds only
// what the system does for the user (the folder picker of "Export to folder…").
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  type MenuItemConstructorOptions,
  type OpenDialogOptions,
} from 'electron'
import { appPaths, PRODUCT_NAME } from '../core/app-paths'
import { createCore } from '../core/create-core'
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy'
import { MEDIA_SCHEME } from '../../shared/contract'
import type { PickFolderArgs } from '../../shared/shell-capabilities'
import { registerIpc } from './register-ipc'
import { registerShellIpc } from './register-shell-ipc'
import { externalUrl } from './external-url'
import { isTrustedRendererUrl } from './trusted-sender'
import { isPermissionAllowed } from './window-permissions'

/** How long quitting waits for the core to finish its writes. */
const CLOSE_LIMIT_MS = 10_000

const log = (message: string): void => console.error(`[reader] ${message}`)

/** `--data DIR` or `--data=DIR` from the command line (Electron keeps Chromium's own flags too). */
function dataFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--data') return argv[i + 1]
    if (arg.startsWith('--data=')) return arg.slice('--data='.length)
  }
  return undefined
}

const explicitDataDir = dataFlag(process.argv) ?? process.env.READER_DATA_DIR
if (explicitDataDir) {
  // A library given explicitly gets its own Chromium profile inside it, so the single-instance
  // lock below means "one window per library" and two libraries can be open side by side.
  app.setPath('userData', join(resolve(explicitDataDir), 'electron-profile'))
}
const dataDir = resolve(explicitDataDir ?? app.getPath('userData'))

const paths = appPaths(__dirname)
const rendererIndexFile = join(__dirname, '../renderer/index.html')
const rendererIndexFileUrl = pathToFileURL(rendererIndexFile).href
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const isAppUrl = (url: string): boolean =>
  isTrustedRendererUrl(url, devServerUrl, rendererIndexFileUrl)

let mainWindow: BrowserWindow | null = null

// Article images are served from the offline cache on an app-owned scheme (must be declared
// before the app is ready); the window never loads an image from a feed's hosts itself.
protocol.registerSchemesAsPrivileged([
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true } },
])

/** Web and mail links go to the system's browser or mail program; nothing else leaves the app. */
function openInBrowser(url: string): void {
  const allowed = externalUrl(url)
  if (allowed === null) {
    log(`Refused to open ${url.slice(0, 200)} outside the app`)
    return
  }
  shell.openExternal(allowed).catch((error: unknown) => {
    log(`Could not open ${allowed}: ${error instanceof Error ? error.message : String(error)}`)
  })
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: PRODUCT_NAME,
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(__dirname, '../preload/index.js'),
    },
  })
  win.once('ready-to-show', () => win.show())

  const contents = win.webContents
  // No new windows ever: web and mail links go to the system's programs, the rest is dropped.
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url)
    return { action: 'deny' }
  })
  // The window only ever shows the app itself; a followed link opens in the system browser.
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
    openInBrowser(event.url)
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })

  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(rendererIndexFile)

  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  return win
}

/** "Export to folder…": the system's folder dialog, over the window, where folders can be made. */
async function pickFolder({ title, defaultPath }: PickFolderArgs): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: title ?? 'Choose a folder',
    properties: ['openDirectory', 'createDirectory'],
    ...(defaultPath ? { defaultPath } : {}),
  }
  const chosen =
    mainWindow && !mainWindow.isDestroyed()
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options)
  return chosen.canceled ? null : (chosen.filePaths[0] ?? null)
}

function lockDownSession(): void {
  const ses = session.defaultSession
  // Everything is denied but clipboard writes from the app's own page (window-permissions).
  ses.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl ?? contents.getURL(), isAppUrl)),
  )
  ses.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? contents?.getURL(), isAppUrl),
  )
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
}

function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `About ${PRODUCT_NAME}`, click: () => app.showAboutPanel() }],
    },
  ]
  return Menu.buildFromTemplate(template)
}

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createWindow()
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

async function main(): Promise<void> {
  const corePromise = createCore({
    dataDir,
    resourcesDir: paths.resourcesDir,
    shell: 'electron',
    version: app.getVersion(),
    parser: { workerScript: paths.prepareWorker },
    log,
  })
  await app.whenReady()

  let core
  try {
    core = await corePromise
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    dialog.showErrorBox(PRODUCT_NAME, `Could not open the library in ${dataDir}:\n${message}`)
    app.exit(1)
    return
  }
  for (const notice of core.setAside) log(`Set aside ${notice.file} → ${notice.movedTo}`)

  app.setAboutPanelOptions({
    applicationName: PRODUCT_NAME,
    applicationVersion: app.getVersion(),
    copyright: 'MIT License',
  })
  lockDownSession()
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const target = new URL(request.url).searchParams.get('url') ?? ''
    const result = await core.media(target)
    if (!result.ok) return new Response(null, { status: result.status })
    return new Response(Buffer.from(result.bytes), {
      headers: {
        'content-type': result.type,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      },
    })
  })
  Menu.setApplicationMenu(buildMenu())
  registerIpc(ipcMain, core, isAppUrl, log, (channel, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload)
  })
  registerShellIpc(ipcMain, { pickFolder }, isAppUrl, log)

  // Quitting waits (once) for the core to finish its pending writes and rewrite the listing
  // catalog, so the next start opens from it instead of reading every feed.
  let closed = false
  app.on('will-quit', (event) => {
    if (closed) return
    event.preventDefault()
    closed = true
    const limit = setTimeout(() => app.exit(0), CLOSE_LIMIT_MS)
    core
      .close()
      .catch((error: unknown) => log(`Close: ${String(error)}`))
      .finally(() => {
        clearTimeout(limit)
        app.quit()
      })
  })

  showWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow()
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (app.isReady()) showWindow()
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  main().catch((error: unknown) => {
    log(
      `Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    )
    app.exit(1)
  })
}
