// The one RendererBridge the UI talks to: Electron's preload exposes window.reader; in a plain
// browser (the browser shell) we speak HTTP to the same contract.
import type { RendererBridge } from '../../../shared/contract'
import { createHttpBridge } from './http-bridge'

declare global {
  interface Window {
    reader?: RendererBridge
  }
}

export const reader: RendererBridge = window.reader ?? createHttpBridge()
