// A Node client for the browser shell: the same createClient the renderer uses, over fetch with
// the token header, plus an SSE reader for events. Lets one contract suite run over HTTP.
import { createClient } from '../../shared/client'
import type { EventName, EventPayload, ReaderBridge } from '../../shared/contract'

export function createNodeHttpBridge(
  origin: string,
  token: string,
): ReaderBridge & { close(): void } {
  const api = createClient(async (method, args) => {
    const response = await fetch(`${origin}/api/call/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-reader-token': token },
      body: JSON.stringify(args),
    })
    return response.json()
  })
  const controllers: AbortController[] = []
  return {
    ...api,
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const controller = new AbortController()
      controllers.push(controller)
      void (async () => {
        const response = await fetch(`${origin}/api/events`, {
          headers: { 'x-reader-token': token },
          signal: controller.signal,
        })
        const decoder = new TextDecoder()
        let buffer = ''
        for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true })
          let end: number
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const frame = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const name = /^event: (.*)$/m.exec(frame)?.[1]
            const data = /^data: (.*)$/m.exec(frame)?.[1]
            if (name === event && data) listener(JSON.parse(data) as EventPayload<E>)
          }
        }
      })().catch(() => {})
      return () => controller.abort()
    },
    close: () => controllers.forEach((c) => c.abort()),
  }
}
