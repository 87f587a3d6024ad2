// The desktop shell's own capabilities over IPC (shared/shell-capabilities): today the native
// folder picker of "Export to folder…". Like the contract's handlers, each call must come from
// the app's own window and its payload must pass its schema before the system dialog opens.
// Written against register-ipc's IpcMainLike, so it never imports 'electron' and is unit-tested.
import { z } from 'zod'
import { fail, ok, type Result } from '../../shared/result'
import { PickFolderArgsSchema, type PickFolderArgs } from '../../shared/shell-capabilities'
import { PICK_FOLDER_CHANNEL } from '../preload/ipc-channels'
import { senderUrl, type IpcMainLike } from './register-ipc'

export interface ShellHandlers {
  /** Shows the system's folder dialog; the chosen folder's path, or null when cancelled. */
  pickFolder(args: PickFolderArgs): Promise<string | null>
}

/** Registers the handlers; returns a function that removes them. */
export function registerShellIpc(
  ipcMain: IpcMainLike,
  handlers: ShellHandlers,
  isTrustedSender: (frameUrl: string) => boolean,
  log: (message: string) => void,
): () => void {
  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event, rawArgs): Promise<Result<string | null>> => {
    const url = senderUrl(event)
    if (url === null || !isTrustedSender(url)) {
      log(`Refused the folder picker to an untrusted frame: ${url?.slice(0, 200) ?? '(none)'}`)
      return fail('forbidden', 'Only the Research Reader window may open the folder picker')
    }
    const parsed = PickFolderArgsSchema.safeParse(rawArgs ?? {})
    if (!parsed.success)
      return fail('invalid-args', `Invalid folder picker request: ${z.prettifyError(parsed.error)}`)
    try {
      return ok(await handlers.pickFolder(parsed.data))
    } catch (error) {
      log(`Folder picker failed: ${error instanceof Error ? error.message : String(error)}`)
      return fail('internal', 'The folder dialog could not be shown')
    }
  })
  return () => ipcMain.removeHandler?.(PICK_FOLDER_CHANNEL)
}
