// The browser shell: the contract over loopback HTTP, plus the built renderer. Bound to
// 127.0.0.1 only. Every request needs the per-launch token — as an `x-reader-token` header, or
// the HttpOnly SameSite=Strict cookie set when the one-time URL (/?token=…) is opened. The Host
// header must name this loopback server (DNS rebinding) and state-changing requests must come
// from its own origin with a JSON body (CSRF).
//   POST /api/call/<method>  body: JSON args   → 200 JSON Result
//   GET  /api/events         Server-Sent Events, one `event:` per contract event
//   GET  /api/media?url=…    an article image from the offline cache
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { events, type EventName, type MediaResult, type ReaderBridge } from '../../shared/contract'
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy'
import { dispatch } from '../../shared/dispatch'

export const TOKEN_HEADER = 'x-reader-token'
export const TOKEN_COOKIE = 'reader_token'
const MAX_BODY_BYTES = 2 * 1024 * 1024

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

export interface WebServerOptions {
  core: ReaderBridge & { media?: (url: string) => Promise<MediaResult> }
  rendererDir: string
  port?: number
  token?: string
  log?: (message: string) => void
}

export interface WebServer {
  server: Server
  port: number
  token: string
  /** The one-time URL that opens the app (sets the cookie, then drops the token from the URL). */
  url: string
  close(): Promise<void>
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('hex')
  const log = options.log ?? (() => {})
  const tokenBytes = Buffer.from(token)
  const sseClients = new Set<ServerResponse>()
  let port = 0

  const isToken = (value: string | undefined | null): boolean => {
    if (!value) return false
    const bytes = Buffer.from(value)
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes)
  }
  const hasToken = (req: IncomingMessage): boolean =>
    isToken(header(req, TOKEN_HEADER)) || isToken(cookie(req, TOKEN_COOKIE))

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`Request failed: ${String(error)}`)
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error')
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = `http://127.0.0.1:${port}`
    const host = header(req, 'host')
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden host')
    }
    const url = new URL(req.url ?? '/', `http://${host}`)

    // The one-time URL: trade the token in the query for a cookie, and drop it from the address bar.
    const queryToken = url.searchParams.get('token')
    if (req.method === 'GET' && queryToken !== null) {
      if (!isToken(queryToken)) {
        return send(res, 401, 'text/plain; charset=utf-8', 'Wrong token')
      }
      url.searchParams.delete('token')
      res.writeHead(302, {
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: url.pathname + url.search,
        'cache-control': 'no-store',
      })
      return void res.end()
    }

    if (!hasToken(req)) {
      return send(
        res,
        401,
        'text/plain; charset=utf-8',
        'Unauthorized: open the URL printed by `npm start` or `npm run serve` (it carries the access token).',
      )
    }

    // CSRF: a state-changing request must come from this server's own page. Browsers send Origin
    // with every request that is not GET or HEAD, so one without it is not a page; it passes only
    // with a valid token header, which no foreign page can add without a CORS preflight (never
    // answered here). The cookie alone never suffices without the right Origin.
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const requestOrigin = header(req, 'origin')
      const fromOwnPage = requestOrigin === origin || requestOrigin === `http://localhost:${port}`
      const tokenClient = requestOrigin === undefined && isToken(header(req, TOKEN_HEADER))
      if (!fromOwnPage && !tokenClient) {
        return send(res, 403, 'text/plain; charset=utf-8', 'Cross-origin request refused')
      }
    }

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST')
      if (!(header(req, 'content-type') ?? '').startsWith('application/json')) {
        return send(res, 415, 'text/plain; charset=utf-8', 'Send application/json')
      }
      const body = await readBody(req)
      if (body === null) return send(res, 413, 'text/plain; charset=utf-8', 'Request too large')
      let args: unknown
      try {
        args = body.length ? JSON.parse(body) : {}
      } catch {
        return send(res, 400, 'text/plain; charset=utf-8', 'Body is not JSON')
      }
      const method = decodeURIComponent(url.pathname.slice('/api/call/'.length))
      const started = performance.now()
      const result = await dispatch(options.core, method, args, (error, name) =>
        log(
          `Bug in ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        ),
      )
      const status = !result.ok && result.error.code === 'unknown-method' ? 404 : 200
      // The core's own time for the call, apart from the transport: devtools and the
      // benchmarks read it from the page (Resource Timing's serverTiming).
      const timing = `core;dur=${(performance.now() - started).toFixed(1)}`
      return send(res, status, 'application/json; charset=utf-8', JSON.stringify(result), {
        'server-timing': timing,
      })
    }

    if (url.pathname === '/api/events' || url.pathname === '/api/media') {
      if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Use GET')
      if (url.pathname === '/api/events') return openEventStream(res)
      return serveMedia(url.searchParams.get('url') ?? '', res)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    }
    return serveStatic(url.pathname, res)
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    sseClients.add(res)
    res.on('close', () => sseClients.delete(res))
  }

  const unsubscribers = (Object.keys(events) as EventName[]).map((name) =>
    options.core.on(name, (payload) => {
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const client of sseClients) client.write(frame)
    }),
  )

  /** An article image from the core's offline cache; the page never loads foreign images. */
  async function serveMedia(target: string, res: ServerResponse): Promise<void> {
    if (!options.core.media) return send(res, 404, 'text/plain; charset=utf-8', 'No media here')
    const result = await options.core.media(target)
    if (!result.ok) {
      res.writeHead(result.status, { ...securityHeaders(), 'cache-control': 'no-store' })
      return void res.end()
    }
    res.writeHead(200, {
      'content-type': result.type,
      'content-length': result.bytes.length,
      'cache-control': 'private, max-age=86400',
      'x-content-type-options': 'nosniff',
      // Opened on its own, an image can still do nothing here.
      'content-security-policy': "default-src 'none'; sandbox",
    })
    res.end(Buffer.from(result.bytes))
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
    let file = join(options.rendererDir, relative)
    if (file !== options.rendererDir && !file.startsWith(options.rendererDir + sep)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden path')
    }
    const info = await stat(file).catch(() => null)
    if (!info || info.isDirectory()) file = join(options.rendererDir, 'index.html')
    const type = MIME[extname(file)] ?? 'application/octet-stream'
    const indexInfo = await stat(file).catch(() => null)
    if (!indexInfo) {
      return send(
        res,
        503,
        'text/plain; charset=utf-8',
        'The renderer is not built: run `npm run build`.',
      )
    }
    res.writeHead(200, {
      ...securityHeaders(),
      'content-type': type,
      'cache-control': type.startsWith('text/html') ? 'no-store' : 'max-age=3600',
    })
    createReadStream(file).pipe(res)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port

  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      for (const off of unsubscribers) off()
      for (const client of sseClients) client.end()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Browsers keep idle keep-alive connections open; close() alone would wait for them.
      server.closeAllConnections()
      await closed
    },
  }
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  }
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...securityHeaders(),
    'content-type': type,
    'cache-control': 'no-store',
    ...extra,
  })
  res.end(body)
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  const raw = header(req, 'cookie')
  if (!raw) return undefined
  for (const part of raw.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length
    if (total > MAX_BODY_BYTES) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
