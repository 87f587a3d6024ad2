// The one ReaderBridge the UI talks to: Electron's preload exposes window.reader; in a plain
// browser (the browser shell) we speak HTTP to the same contract.
import type { ReaderBridge } from '../../../shared/contract'
import { createHttpBridge } from './http-bridge'

declare global {
  interface Window {
    reader?: ReaderBridge
  }
}

export const reader: ReaderBridge = window.reader ?? createHttpBridge()
