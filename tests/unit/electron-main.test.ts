// The Electron main process as it wires itself, without Electron (which cannot run here): a fake
// 'electron' module records the window options and every handler index.ts installs, and each test
// drives those handlers the way Electron would. The core is a stand-in that answers every contract
// method (the real one has its own tests); what is under test is the shell's lock-down.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy'
import { methodNames } from '../../shared/contract'
import type { Result } from '../../shared/result'
import { callChannel, PICK_FOLDER_CHANNEL } from '../../electron/preload/ipc-channels'

type Listener = (...args: unknown[]) => unknown

const fake = vi.hoisted(() => {
  const on = (store: Map<string, Listener[]>) => (event: string, listener: Listener) => {
    store.set(event, [...(store.get(event) ?? []), listener])
  }

  class FakeWebContents {
    readonly listeners = new Map<string, Listener[]>()
    windowOpenHandler: Listener | null = null
    on = on(this.listeners)
    send = () => {}
    setWindowOpenHandler(handler: Listener): void {
      this.windowOpenHandler = handler
    }
  }

  class FakeBrowserWindow {
    static readonly created: FakeBrowserWindow[] = []
    static getAllWindows(): FakeBrowserWindow[] {
      return FakeBrowserWindow.created
    }
    readonly webContents = new FakeWebContents()
    readonly listeners = new Map<string, Listener[]>()
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.created.push(this)
    }
    on = on(this.listeners)
    once = on(this.listeners)
    loadURL = async () => {}
    loadFile = async () => {}
    isDestroyed = () => false
    isMinimized = () => false
    show = () => {}
    focus = () => {}
    restore = () => {}
  }

  const state = {
    appListeners: new Map<string, Listener[]>(),
    ipcHandlers: new Map<string, Listener>(),
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    headersReceived: null as Listener | null,
    protocolHandlers: new Map<string, Listener>(),
    opened: [] as string[],
    exits: [] as unknown[],
  }

  const electron = {
    app: {
      isPackaged: false,
      setPath: () => {},
      getPath: () => '/nonexistent/reader-profile',
      getVersion: () => '0.0.0-test',
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      requestSingleInstanceLock: () => true,
      on: on(state.appListeners),
      quit: () => {},
      exit: (code: unknown) => void state.exits.push(code),
      setAboutPanelOptions: () => {},
      showAboutPanel: () => {},
    },
    BrowserWindow: FakeBrowserWindow,
    dialog: { showErrorBox: () => {}, showOpenDialog: async () => ({ canceled: true }) },
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        if (state.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`)
        state.ipcHandlers.set(channel, listener)
      },
      removeHandler: (channel: string) => void state.ipcHandlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: () => {},
    },
    protocol: {
      registerSchemesAsPrivileged: () => {},
      handle: (scheme: string, handler: Listener) =>
        void state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) =>
          void (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => void (state.permissionCheck = handler),
        webRequest: {
          onHeadersReceived: (handler: Listener) => void (state.headersReceived = handler),
        },
      },
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
  }
  return { state, electron, FakeBrowserWindow }
})

vi.mock('electron', () => fake.electron)

vi.mock('../../electron/core/create-core', async () => {
  const { methodNames: names } = await import('../../shared/contract')
  const core: Record<string, unknown> = {
    setAside: [],
    on: () => () => {},
    close: async () => {},
    media: async () => ({ ok: true, bytes: new Uint8Array([137, 80, 78, 71]), type: 'image/png' }),
  }
  for (const name of names) core[name] = async () => ({ ok: true, value: null })
  return { createCore: async () => core }
})

const { state, FakeBrowserWindow } = fake
// index.ts loads ../renderer/index.html from its own folder; that file URL is the app's page.
const APP_URL = pathToFileURL(
  join(__dirname, '..', '..', 'electron', 'renderer', 'index.html'),
).href

const win = () => FakeBrowserWindow.created[0]!
const contentsListener = (event: string): Listener => {
  const listener = win().webContents.listeners.get(event)?.[0]
  if (!listener) throw new Error(`index.ts installs no ${event} listener`)
  return listener
}
const navigationEvent = (url: string) => {
  const event = { url, prevented: false, preventDefault: () => void (event.prevented = true) }
  return event
}

beforeAll(async () => {
  delete process.env.ELECTRON_RENDERER_URL
  await import('../../electron/main/index')
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1))
  expect(state.exits).toEqual([])
})

describe('the Electron main process', () => {
  it('opens its window isolated, sandboxed, without Node and with web security', () => {
    const prefs = win().options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    // Nothing that would reopen what the four above close.
    for (const risky of [
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'webviewTag',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'enableBlinkFeatures',
    ])
      expect(prefs[risky], risky).toBeUndefined()
    expect(String(prefs.preload)).toMatch(/[/\\]preload[/\\]index\.js$/)
  })

  it('denies every new window, handing only web and mail links to the system', () => {
    const handler = win().webContents.windowOpenHandler!
    expect(handler).toBeTypeOf('function')
    state.opened.length = 0
    const urls = [
      'https://example.org/story',
      'mailto:editor@example.org',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      APP_URL,
      'not a url',
    ]
    for (const url of urls) expect(handler({ url }), url).toEqual({ action: 'deny' })
    expect(state.opened).toEqual(['https://example.org/story', 'mailto:editor@example.org'])
  })

  it('keeps the window on the app: other navigations are prevented (web links open outside)', () => {
    const willNavigate = contentsListener('will-navigate')
    state.opened.length = 0

    const own = navigationEvent(`${APP_URL}#/item/1`)
    willNavigate(own)
    expect(own.prevented).toBe(false)

    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'data:text/html,x']) {
      const event = navigationEvent(url)
      willNavigate(event)
      expect(event.prevented, url).toBe(true)
    }
    expect(state.opened).toEqual(['https://evil.example/'])
  })

  it('prevents redirects away from the app', () => {
    const willRedirect = contentsListener('will-redirect')
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:1/']) {
      const event = navigationEvent(url)
      willRedirect(event)
      expect(event.prevented, url).toBe(true)
    }
    const own = navigationEvent(APP_URL)
    willRedirect(own)
    expect(own.prevented).toBe(false)
  })

  it('denies permission requests and checks (only clipboard writes from its own page pass)', () => {
    const contents = { getURL: () => APP_URL }
    const request = (permission: string, requestingUrl: string): unknown => {
      let answer: unknown = 'no answer'
      state.permissionRequest!(contents, permission, (granted: unknown) => (answer = granted), {
        requestingUrl,
      })
      return answer
    }
    const check = (permission: string, requestingUrl: string): unknown =>
      state.permissionCheck!(contents, permission, new URL(requestingUrl).origin, {
        requestingUrl,
      })

    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'clipboard-read',
      'display-capture',
      'hid',
      'serial',
    ]) {
      expect(request(permission, APP_URL), permission).toBe(false)
      expect(check(permission, APP_URL), permission).toBe(false)
    }
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    expect(check('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    expect(request('clipboard-sanitized-write', APP_URL)).toBe(true)
  })

  it('puts the shared Content Security Policy on every response', () => {
    let answer: { responseHeaders?: Record<string, string[]> } = {}
    state.headersReceived!(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (response: typeof answer) => (answer = response),
    )
    expect(answer.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/)
  })

  it('handles IPC only for contract methods and the folder picker, from its own page only', async () => {
    expect([...state.ipcHandlers.keys()].sort()).toEqual(
      [...methodNames.map(callChannel), PICK_FOLDER_CHANNEL].sort(),
    )
    const listFeeds = state.ipcHandlers.get(callChannel('listFeeds'))!
    const asked = async (url: string, args: unknown) =>
      (await listFeeds({ senderFrame: { url } }, args)) as Result<unknown>

    const foreign = await asked('https://evil.example/', {})
    expect(!foreign.ok && foreign.error.code).toBe('forbidden')
    const malformed = await asked(APP_URL, { unexpected: true })
    expect(!malformed.ok && malformed.error.code).toBe('invalid-args')
    expect(await asked(APP_URL, {})).toEqual({ ok: true, value: null })

    // The folder picker checks its caller the same way, before any dialog opens.
    const pickFolder = state.ipcHandlers.get(PICK_FOLDER_CHANNEL)!
    const picked = (await pickFolder(
      { senderFrame: { url: 'https://evil.example/' } },
      {},
    )) as Result<unknown>
    expect(!picked.ok && picked.error.code).toBe('forbidden')
    expect(await pickFolder({ senderFrame: { url: APP_URL } }, {})).toEqual({
      ok: true,
      value: null,
    })
  })

  it('refuses to attach webviews to any page', () => {
    const created = state.appListeners.get('web-contents-created')?.[0]
    expect(created).toBeTypeOf('function')
    const listeners = new Map<string, Listener>()
    created!({}, { on: (event: string, listener: Listener) => listeners.set(event, listener) })
    const event = navigationEvent('')
    listeners.get('will-attach-webview')!(event)
    expect(event.prevented).toBe(true)
  })

  it('serves cached article images inert: sandboxed, nosniff', async () => {
    const handler = state.protocolHandlers.get('reader-media')!
    const response = (await handler(
      new Request('reader-media://media/?url=https%3A%2F%2Fexample.org%2Fa.png'),
    )) as Response
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
