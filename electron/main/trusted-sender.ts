// Which frames may call the core over IPC: only the app's own renderer. In a packaged or built app
// that is the file:// URL of out/renderer/index.html (any hash or query); in development it is
// the electron-vite dev server's origin. Pure, so it is unit-tested without Electron.

export function isTrustedRendererUrl(
  url: string,
  devServerUrl: string | undefined,
  rendererIndexFileUrl: string,
): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'file:') {
    let index: URL
    try {
      index = new URL(rendererIndexFileUrl)
    } catch {
      return false
    }
    return index.protocol === 'file:' && stripped(parsed) === stripped(index)
  }
  if (devServerUrl) {
    let dev: URL
    try {
      dev = new URL(devServerUrl)
    } catch {
      return false
    }
    if (dev.protocol !== 'http:' && dev.protocol !== 'https:') return false
    return parsed.origin === dev.origin
  }
  return false
}

/** The URL without hash and query (host is empty for file URLs; pathname is percent-encoded). */
function stripped(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`
}
