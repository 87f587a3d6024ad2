// The preload: exposes window.reader — the contract's client over IPC plus event subscription —
// and window.readerShell, the few things only the desktop shell can do (a native folder picker).
// Runs sandboxed with context isolation; everything it needs is bundled. No other logic here.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createClient } from '../../shared/client'
import { isEventName, MEDIA_SCHEME, type RendererBridge } from '../../shared/contract'
import type { ShellCapabilities } from '../../shared/shell-capabilities'
import { callChannel, EVENT_CHANNEL, PICK_FOLDER_CHANNEL, type EventMessage } from './ipc-channels'

const bridge: RendererBridge = {
  ...createClient((name, args) => ipcRenderer.invoke(callChannel(name), args)),
  mediaUrl: (original) => `${MEDIA_SCHEME}://media/?url=${encodeURIComponent(original)}`,
  on(event, listener) {
    if (typeof event !== 'string' || !isEventName(event))
      throw new Error(`Unknown event: ${String(event)}`)
    const handler = (_ipcEvent: IpcRendererEvent, message: EventMessage): void => {
      if (message?.name === event) (listener as (payload: unknown) => void)(message.payload)
    }
    ipcRenderer.on(EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler)
    }
  },
}

const shell: ShellCapabilities = {
  async pickFolder(args) {
    const result = (await ipcRenderer.invoke(PICK_FOLDER_CHANNEL, args)) as
      { ok: true; value: string | null } | { ok: false; error: { message: string } }
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  },
}

contextBridge.exposeInMainWorld('reader', bridge)
contextBridge.exposeInMainWorld('readerShell', shell)
