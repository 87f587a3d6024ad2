// The Electron IPC transport: one `ipcMain.handle` per contract method, each checking that the
// call comes from the app's own renderer before handing the untrusted payload to `dispatch`
// (which validates it against the contract), plus one channel pushing every contract event to
// the window. Written against a minimal structural IpcMainLike, so it never imports 'electron'
// and is unit-tested with a fake.
import { events, methodNames, type EventName, type ReaderBridge } from '../../shared/contract'
import { dispatch } from '../../shared/dispatch'
import { fail, type Result } from '../../shared/result'
import { callChannel, EVENT_CHANNEL, type EventMessage } from '../preload/ipc-channels'

/** The part of an IpcMainInvokeEvent this module reads. */
export interface IpcInvokeEventLike {
  readonly senderFrame?: { readonly url: string } | null
}

export type IpcInvokeListener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>

/** The part of Electron's ipcMain this module needs. */
export interface IpcMainLike {
  handle(channel: string, listener: IpcInvokeListener): void
  removeHandler?(channel: string): void
}

export type SendToWindow = (channel: string, payload: EventMessage) => void

/**
 * Registers the handlers and starts forwarding events through `send` (when given).
 * Returns a function that removes the handlers and stops the forwarding.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  core: ReaderBridge,
  isTrustedSender: (frameUrl: string) => boolean,
  log: (message: string) => void,
  send?: SendToWindow,
): () => void {
  const onBug = (error: unknown, method: string): void => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    log(`Bug in ${method}: ${detail}`)
  }

  const channels: string[] = []
  for (const name of methodNames) {
    const channel = callChannel(name)
    ipcMain.handle(channel, async (event, args): Promise<Result<unknown>> => {
      const url = senderUrl(event)
      if (url === null || !isTrustedSender(url)) {
        log(
          `Refused ${name} from an untrusted frame: ${url === null ? '(none)' : url.slice(0, 200)}`,
        )
        return fail('forbidden', `${name} may only be called by the Research Reader window`)
      }
      return dispatch(core, name, args, onBug)
    })
    channels.push(channel)
  }

  const unsubscribers: (() => void)[] = []
  if (send) {
    for (const name of Object.keys(events) as EventName[]) {
      unsubscribers.push(
        core.on(name, (payload) => {
          try {
            send(EVENT_CHANNEL, { name, payload })
          } catch (error) {
            log(
              `Could not forward ${name}: ${error instanceof Error ? error.message : String(error)}`,
            )
          }
        }),
      )
    }
  }

  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe()
    for (const channel of channels) ipcMain.removeHandler?.(channel)
  }
}

/** The calling frame's URL; null when the frame is gone (Electron may also throw then). */
export function senderUrl(event: IpcInvokeEventLike): string | null {
  try {
    const url = event.senderFrame?.url
    return typeof url === 'string' ? url : null
  } catch {
    return null
  }
}
