// The browser shell's transport: contract calls as POST /api/call/<method> (the HttpOnly token
// cookie rides along), events from one shared EventSource on /api/events.
import { createClient } from '../../../shared/client'
import { isEventName, type RendererBridge } from '../../../shared/contract'

export function createHttpBridge(): RendererBridge {
  const api = createClient(async (method, args) => {
    let response: Response
    try {
      response = await fetch(`/api/call/${method}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args),
      })
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'offline',
          message: `The reader service is not reachable (${String(error)})`,
        },
      }
    }
    if (response.status === 401) {
      return {
        ok: false,
        error: {
          code: 'unauthorized',
          message: 'Session expired: open the URL printed by `npm start` again.',
        },
      }
    }
    return response.json()
  })
  let source: EventSource | null = null
  return {
    ...api,
    mediaUrl: (original) => `/api/media?url=${encodeURIComponent(original)}`,
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`)
      source ??= new EventSource('/api/events', { withCredentials: true })
      const handler = (message: MessageEvent<string>): void => listener(JSON.parse(message.data))
      source.addEventListener(event, handler)
      return () => source?.removeEventListener(event, handler)
    },
  }
}
