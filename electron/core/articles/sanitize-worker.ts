// Worker-thread entry of the article sanitizer (sanitizer.ts): jsdom and DOMPurify live here, so
// loading them (about a second) and cleaning each article never hold up the core's event loop.
import { parentPort } from 'node:worker_threads'
import { sanitizeHtml } from './sanitize-html'

export interface SanitizeRequest {
  id: number
  html: string
  baseUrl: string | null
}

// Load jsdom now, while the reader is still looking at the list: the first article is then quick.
// Saying so starts the clock of the time limit (loading is not the body's fault).
sanitizeHtml('', null)
parentPort?.postMessage({ ready: true })

parentPort?.on('message', ({ id, html, baseUrl }: SanitizeRequest) => {
  try {
    parentPort?.postMessage({ id, ok: true, value: sanitizeHtml(html, baseUrl) })
  } catch (error) {
    parentPort?.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
  }
})
