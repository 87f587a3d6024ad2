// A real HTTP server on 127.0.0.1 for tests: serves fixture feeds (with ETag and Last-Modified,
// answering 304 to matching validators), canned statuses, and records every request so tests
// can check what the client sent. No mocks of fetch: the core talks real HTTP to it.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

export interface Route {
  status?: number
  body?: string | Buffer
  headers?: Record<string, string>
  /** Serve ETag/Last-Modified and honour conditional requests (default true for 200s). */
  validators?: boolean
  /** Delay before answering, for timeout tests. */
  delayMs?: number
  /** Answers by hand instead (a server that drips, never ends, fails): the rest is ignored. */
  handle?: (req: IncomingMessage, res: ServerResponse) => void
}

export interface FixtureServer {
  origin: string
  url(path: string): string
  routes: Map<string, Route>
  requests: { path: string; headers: IncomingHttpHeaders }[]
  close(): Promise<void>
}

export const FIXTURE_DIR = join(__dirname, '..', 'fixtures')

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURE_DIR, name))
}

export async function startFixtureServer(
  routes: Record<string, Route> = {},
): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes))
  const requests: FixtureServer['requests'] = []
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    requests.push({ path, headers: req.headers })
    const route = table.get(path)
    if (route?.handle) return void route.handle(req, res)
    const answer = (): void => {
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' })
        return void res.end('not found')
      }
      const status = route.status ?? 200
      const body = route.body ?? ''
      const headers: Record<string, string> = { ...route.headers }
      if (status === 200 && route.validators !== false) {
        const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`
        headers.etag = etag
        headers['last-modified'] = 'Fri, 23 Jan 2026 09:00:00 GMT'
        if (req.headers['if-none-match'] === etag) {
          // As HTTP asks: a 304 repeats the freshness headers the 200 would have had.
          const cacheControl = route.headers?.['cache-control']
          res.writeHead(304, { etag, ...(cacheControl ? { 'cache-control': cacheControl } : {}) })
          return void res.end()
        }
      }
      res.writeHead(status, headers)
      res.end(body)
    }
    if (route?.delayMs) setTimeout(answer, route.delayMs)
    else answer()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: (path) => `${origin}${path}`,
    routes: table,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export const RSS_TYPE = { 'content-type': 'application/rss+xml; charset=utf-8' }
export const ATOM_TYPE = { 'content-type': 'application/atom+xml' }
