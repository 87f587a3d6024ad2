// The desktop shell's own capabilities (a native folder picker), when the window runs in Electron;
// null in a plain browser, where the UI asks for a typed path instead.
import type { ShellCapabilities } from '../../../shared/shell-capabilities'

declare global {
  interface Window {
    readerShell?: ShellCapabilities
  }
}

export const desktopShell: ShellCapabilities | null = window.readerShell ?? null
