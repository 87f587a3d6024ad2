// The preload without Electron (vi.mock): it exposes window.reader — one function per contract
// method, each invoking its channel — and window.readerShell, whose pickFolder invokes the
// folder-picker channel and unwraps the main process's answer.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { methodNames } from '../../shared/contract'
import type { ShellCapabilities } from '../../shared/shell-capabilities'
import { callChannel, PICK_FOLDER_CHANNEL } from '../../electron/preload/ipc-channels'

const exposed = new Map<string, unknown>()
const invoke = vi.fn<(channel: string, args: unknown) => Promise<unknown>>()

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}))

describe('the preload', () => {
  beforeEach(async () => {
    exposed.clear()
    invoke.mockReset()
    vi.resetModules()
    await import('../../electron/preload/index')
  })

  it('exposes the contract client and the shell capabilities, nothing else', async () => {
    expect([...exposed.keys()].sort()).toEqual(['reader', 'readerShell'])
    const reader = exposed.get('reader') as Record<string, (args: unknown) => Promise<unknown>>
    for (const name of methodNames) expect(typeof reader[name], name).toBe('function')
    invoke.mockResolvedValue({ ok: true, value: [] })
    await reader.listFeeds!({})
    expect(invoke).toHaveBeenCalledWith(callChannel('listFeeds'), {})
    const shell = exposed.get('readerShell') as ShellCapabilities
    expect(Object.keys(shell)).toEqual(['pickFolder'])
  })

  it('picks a folder through the main process and unwraps its answer', async () => {
    const shell = exposed.get('readerShell') as ShellCapabilities
    invoke.mockResolvedValueOnce({ ok: true, value: '/home/me/Vault' })
    expect(await shell.pickFolder({ defaultPath: '/home/me' })).toBe('/home/me/Vault')
    expect(invoke).toHaveBeenCalledWith(PICK_FOLDER_CHANNEL, { defaultPath: '/home/me' })
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'forbidden', message: 'No.' } })
    await expect(shell.pickFolder({})).rejects.toThrow('No.')
  })
})
