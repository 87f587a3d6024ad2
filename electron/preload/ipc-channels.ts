// IPC channel names shared by the main process and the preload. Pure (no 'electron' import), so
// the main side, the preload bundle and the unit tests all use the same strings.
import type { MethodName } from '../../shared/contract'

/** Prefix of the one `ipcMain.handle` channel per contract method. */
export const CALL_CHANNEL_PREFIX = 'reader:call:'

/** The shell's native folder picker (a ShellCapabilities call, not a contract method). */
export const PICK_FOLDER_CHANNEL = 'reader:shell:pick-folder'

/** The single channel on which the main process pushes every contract event. */
export const EVENT_CHANNEL = 'reader:event'

export function callChannel(name: MethodName): string {
  return CALL_CHANNEL_PREFIX + name
}

/** What travels on EVENT_CHANNEL. */
export interface EventMessage {
  name: string
  payload: unknown
}
