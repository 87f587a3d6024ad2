// The desktop shell's folder picker over IPC without Electron: a fake ipcMain records the handler,
// the picker is a fake; calls come with fake events carrying a sender frame URL. Also which web
// permissions the window gets (only clipboard writes from the app's own page).
import { describe, expect, it } from 'vitest'
import type { Result } from '../../shared/result'
import type { PickFolderArgs } from '../../shared/shell-capabilities'
import type {
  IpcInvokeEventLike,
  IpcInvokeListener,
  IpcMainLike,
} from '../../electron/main/register-ipc'
import { registerShellIpc } from '../../electron/main/register-shell-ipc'
import { isPermissionAllowed } from '../../electron/main/window-permissions'
import { PICK_FOLDER_CHANNEL } from '../../electron/preload/ipc-channels'

const TRUSTED = 'file:///app/out/renderer/index.html'
const from = (url: string): IpcInvokeEventLike => ({ senderFrame: { url } })

function setUp(pick: (args: PickFolderArgs) => Promise<string | null>) {
  const handlers = new Map<string, IpcInvokeListener>()
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  }
  const asked: PickFolderArgs[] = []
  const logs: string[] = []
  const dispose = registerShellIpc(
    ipc,
    {
      pickFolder: (args) => {
        asked.push(args)
        return pick(args)
      },
    },
    (url) => url === TRUSTED,
    (message) => logs.push(message),
  )
  const invoke = (event: IpcInvokeEventLike, args?: unknown) =>
    handlers.get(PICK_FOLDER_CHANNEL)!(event, args) as Promise<Result<string | null>>
  return { handlers, asked, logs, dispose, invoke }
}

describe('registerShellIpc', () => {
  it('opens the folder picker for the app’s window and answers the chosen folder (or null)', async () => {
    const { invoke, asked } = setUp(async (args) => (args.defaultPath ? null : '/home/me/Vault'))
    expect(await invoke(from(TRUSTED), { title: 'Export to folder' })).toEqual({
      ok: true,
      value: '/home/me/Vault',
    })
    expect(await invoke(from(TRUSTED), { defaultPath: '/home/me' })).toEqual({
      ok: true,
      value: null,
    })
    expect(asked).toEqual([{ title: 'Export to folder' }, { defaultPath: '/home/me' }])
  })

  it('refuses other frames and malformed requests without showing a dialog', async () => {
    const { invoke, asked, logs } = setUp(async () => '/tmp')
    for (const event of [from('https://evil.example/'), from('file:///tmp/x.html'), {}]) {
      const result = await invoke(event, {})
      expect(!result.ok && result.error.code).toBe('forbidden')
    }
    for (const args of [{ defaultPath: 42 }, { title: '' }, { properties: ['openFile'] }, 'x']) {
      const result = await invoke(from(TRUSTED), args)
      expect(!result.ok && result.error.code, JSON.stringify(args)).toBe('invalid-args')
    }
    expect(asked).toEqual([])
    expect(logs.join('\n')).toContain('untrusted frame')
  })

  it('turns a failing dialog into an internal error, and removes its handler when disposed', async () => {
    const { invoke, logs, dispose, handlers } = setUp(async () => {
      throw new Error('no display')
    })
    const result = await invoke(from(TRUSTED))
    expect(!result.ok && result.error.code).toBe('internal')
    expect(logs.join('\n')).toContain('no display')
    dispose()
    expect(handlers.size).toBe(0)
  })
})

describe('isPermissionAllowed', () => {
  const isApp = (url: string): boolean => url.startsWith(TRUSTED)
  it('allows clipboard writes from the app’s own page only, and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', TRUSTED, isApp)).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', `${TRUSTED}#x`, isApp)).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', isApp)).toBe(
      false,
    )
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, isApp)).toBe(false)
    for (const permission of [
      'clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'openExternal',
    ])
      expect(isPermissionAllowed(permission, TRUSTED, isApp), permission).toBe(false)
  })
})
