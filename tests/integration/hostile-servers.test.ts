// Hostile servers, all at once: one loopback server misbehaves in a different way at each path
// (drip, endless body, gzip bomb, redirect loop, 429, repeated 500s, a web page, 410, entity
// bombs), an https server shows a self-signed certificate, and two well-behaved feeds sit among
// them. One library subscribes to all of them, one sync runs, and each bad feed must end up
// marked with its own problem in words a reader understands, while the good feeds sync and
// nothing hangs. Real HTTP and TLS, no mocks.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Feed } from '../../shared/domain'
import { DEFAULT_FETCH_OPTIONS } from '../../electron/core/feeds/fetch-feed'
import { DEFAULT_CHECK_INTERVAL_S } from '../../electron/core/sync/sync-feed'
import {
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

const WIRE = fixture('feeds/wire-rss.xml')
const LAB = fixture('feeds/lab-atom.xml')
/** Short limits, so the drip and the endless body end quickly (the defaults are checked below). */
const TIMEOUT_MS = 1500
const MAX_BYTES = 256 * 1024
/** The whole sync, hostile feeds included, must end within this (a hang would blow it). */
const SYNC_BOUND_MS = 10_000

let server: FixtureServer
let tls: HttpsServer
let tlsUrl: string
/** When each dripping or endless response was closed by the client (the reader hung up). */
const hungUp: Record<string, number> = {}

/** A self-signed certificate for 127.0.0.1, made now (no key is checked in). */
async function selfSignedCertificate(): Promise<{ key: Buffer; cert: Buffer }> {
  const dir = await tempDir('reader-tls-')
  const key = join(dir, 'key.pem')
  const cert = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  )
  return { key: readFileSync(key), cert: readFileSync(cert) }
}

beforeAll(async () => {
  server = await startFixtureServer({
    '/wire.xml': { body: WIRE, headers: RSS_TYPE },
    '/lab.xml': { body: LAB, headers: { 'content-type': 'application/atom+xml' } },
    // One byte a second: headers at once, then a feed that would take minutes to arrive.
    '/drip.xml': {
      handle: (_req, res) => {
        res.writeHead(200, RSS_TYPE)
        let at = 0
        const timer = setInterval(() => res.write(WIRE.subarray(at, ++at)), 1000)
        res.write(WIRE.subarray(0, ++at))
        res.on('close', () => {
          clearInterval(timer)
          hungUp.drip = Date.now()
        })
      },
    },
    // A body that never ends, as fast as the reader takes it.
    '/endless.xml': {
      handle: (_req, res) => {
        res.writeHead(200, RSS_TYPE)
        const chunk = Buffer.alloc(16 * 1024, '<item><title>more</title></item>')
        let open = true
        res.on('close', () => {
          open = false
          hungUp.endless = Date.now()
        })
        const pump = (): void => {
          while (open && res.write(chunk));
          if (open) res.once('drain', pump)
        }
        res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>')
        pump()
      },
    },
    // 50 MB of spaces in under 100 KB of gzip.
    '/bomb.xml': {
      body: gzipSync(Buffer.alloc(50 * 1024 * 1024, ' ')),
      headers: { ...RSS_TYPE, 'content-encoding': 'gzip' },
    },
    '/loop-a.xml': { status: 302, headers: { location: '/loop-b.xml' } },
    '/loop-b.xml': { status: 301, headers: { location: '/loop-a.xml' } },
    '/busy.xml': { status: 429, headers: { 'retry-after': '120' } },
    '/flaky.xml': { status: 500, body: 'Internal Server Error' },
    '/gone.xml': { status: 410, body: 'gone' },
    // The site's home page where the feed used to be: it declares two feeds.
    '/page.html': {
      body: `<!doctype html><html><head><title>Harbour News</title>
        <link rel="alternate" type="application/rss+xml" title="Harbour Wire" href="/wire.xml">
        <link rel="alternate" type="application/atom+xml" title="Lab notes" href="lab.xml">
        </head><body><h1>Welcome</h1></body></html>`,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    },
    '/laughs.xml': { body: fixture('feeds/billion-laughs-doctype.xml'), headers: RSS_TYPE },
    '/xxe.xml': { body: fixture('feeds/xxe-file-etc-passwd.xml'), headers: RSS_TYPE },
  })
  tls = createHttpsServer(await selfSignedCertificate(), (_req, res) => {
    res.writeHead(200, RSS_TYPE)
    res.end(WIRE)
  })
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve))
  tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/feed.xml`
})

afterAll(async () => {
  await server.close()
  tls.closeAllConnections()
  await new Promise<void>((resolve) => tls.close(() => resolve()))
  await removeTempDirs()
})

const PATHS = [
  'wire.xml',
  'lab.xml',
  'drip.xml',
  'endless.xml',
  'bomb.xml',
  'loop-a.xml',
  'busy.xml',
  'flaky.xml',
  'gone.xml',
  'page.html',
  'laughs.xml',
  'xxe.xml',
]

function opmlFor(urls: string[]): string {
  const outlines = urls.map((url) => `<outline type="rss" text="${url}" xmlUrl="${url}"/>`)
  return `<?xml version="1.0"?><opml version="2.0"><head><title>Hostile</title></head><body>${outlines.join('')}</body></opml>`
}

describe('a library subscribed to hostile servers', () => {
  it('keeps sane default limits (the test uses shorter ones)', () => {
    expect(DEFAULT_FETCH_OPTIONS.timeoutMs).toBeGreaterThanOrEqual(10_000)
    expect(DEFAULT_FETCH_OPTIONS.timeoutMs).toBeLessThanOrEqual(120_000)
    expect(DEFAULT_FETCH_OPTIONS.connectTimeoutMs).toBeLessThan(DEFAULT_FETCH_OPTIONS.timeoutMs)
    expect(DEFAULT_FETCH_OPTIONS.maxBytes).toBeLessThanOrEqual(50 * 1024 * 1024)
  })

  it('syncs the good feeds and marks each bad one with its own clear problem', async () => {
    const core = await openCore({ fetchOptions: { timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES } })
    const urls = [...PATHS.map((path) => server.url(`/${path}`)), tlsUrl]
    // OPML subscribes without fetching: the bad feeds get in, as they would from another reader.
    expect(await core.importOpml({ text: opmlFor(urls) })).toMatchObject({
      ok: true,
      value: { added: urls.length },
    })

    const started = Date.now()
    const sync = await core.syncAll({})
    const took = Date.now() - started
    expect(took).toBeLessThan(SYNC_BOUND_MS)
    // The drip was cut by the time limit, not by the end of its feed.
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 100)
    if (!sync.ok) throw new Error(sync.error.message)
    expect(sync.value).toMatchObject({ feeds: 13, failed: 9, skipped: 0 })

    const listed = await core.listFeeds({})
    if (!listed.ok) throw new Error('listFeeds failed')
    const byPath = (path: string): Feed => listed.value.find((f) => f.url.endsWith(`/${path}`))!
    const problem = (path: string): string => {
      const error = byPath(path).lastError
      if (!error) throw new Error(`${path} has no error`)
      return `${error.code}: ${error.message}`
    }

    // The good feeds, and the entity bombs (read without expanding anything), synced.
    for (const path of ['wire.xml', 'lab.xml', 'laughs.xml', 'xxe.xml']) {
      expect(byPath(path), path).toMatchObject({ lastError: null })
      expect(byPath(path).itemCount, path).toBeGreaterThan(0)
    }
    expect(byPath('wire.xml').title).toBe('Harbour Wire')

    expect(problem('drip.xml')).toBe(
      'timeout: The server did not finish sending within 1.5 s: it is too slow or has stalled',
    )
    expect(problem('endless.xml')).toBe(
      'too-large: The feed is too large: it went past the 256 KB limit, so reading stopped',
    )
    expect(problem('bomb.xml')).toBe(
      'too-large: The feed is too large: it went past the 256 KB limit, so reading stopped',
    )
    expect(problem('loop-a.xml')).toBe(
      `redirect-loop: The feed redirects in a loop (${server.url('/loop-a.xml')})`,
    )
    expect(problem('busy.xml')).toBe(
      'rate-limited: The server asked us to slow down (429 Too Many Requests); retry in 2 min',
    )
    const busyWait = Date.parse(byPath('busy.xml').nextCheckAt!) - started
    expect(busyWait).toBeGreaterThanOrEqual(119_000)
    expect(busyWait).toBeLessThan(125_000)
    expect(problem('flaky.xml')).toBe('http: The server answered 500 Internal Server Error')
    expect(problem('gone.xml')).toBe('gone: The feed is gone for good (410 Gone)')
    expect(byPath('gone.xml').gone).toBe(true)
    expect(problem('page.html')).toBe(
      'not-a-feed: This is a web page, not a feed. It offers 2 feeds: ' +
        `Harbour Wire (${server.url('/wire.xml')}); Lab notes (${server.url('/lab.xml')}).`,
    )
    expect(byPath('page.html').lastError!.feeds).toEqual([
      { url: server.url('/wire.xml'), title: 'Harbour Wire' },
      { url: server.url('/lab.xml'), title: 'Lab notes' },
    ])
    const tlsFeed = listed.value.find((f) => f.url === tlsUrl)!
    expect(tlsFeed.lastError).toMatchObject({
      code: 'tls',
      message:
        'The secure connection to ' +
        tlsUrl.split('/')[2] +
        ' was refused: its certificate is self-signed, so nothing vouches that the server really is ' +
        tlsUrl.split('/')[2],
    })
    // No raw Node code reaches the reader.
    for (const feed of listed.value) expect(feed.lastError?.message ?? '').not.toMatch(/[A-Z_]{8,}/)

    // The reader hung up on the drip and on the endless body (no connection left behind).
    // (The server learns it a moment later: wait for it, briefly.)
    await vi.waitFor(() => expect(Object.keys(hungUp).sort()).toEqual(['drip', 'endless']), {
      timeout: 3000,
    })

    // Entity bombs: nothing expanded, no file read.
    const laughs = await core.listItems({ feedId: byPath('laughs.xml').id })
    if (!laughs.ok) throw new Error('listItems failed')
    expect(JSON.stringify(laughs.value)).not.toContain('lollol')
    const xxe = await core.listItems({ feedId: byPath('xxe.xml').id })
    if (!xxe.ok) throw new Error('listItems failed')
    expect(xxe.value.items[0]!.title).toBe('Read me &xxe;')
    const article = await core.getArticle({ itemId: xxe.value.items[0]!.id })
    const everything = JSON.stringify([xxe.value, article])
    expect(everything).not.toContain('root:')
    const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8') : ''
    const firstLine = passwd.split('\n')[0]
    if (firstLine) expect(everything).not.toContain(firstLine)
    await core.close()
  })

  it('backs off from a feed that keeps failing, and forgets the failures once it works', async () => {
    const core = await openCore({ fetchOptions: { timeoutMs: TIMEOUT_MS } })
    const url = server.url('/flaky-2.xml')
    server.routes.set('/flaky-2.xml', { status: 500, body: 'Internal Server Error' })
    await core.importOpml({ text: opmlFor([url]) })
    const feeds = await core.listFeeds({})
    const feedId = feeds.ok ? feeds.value[0]!.id : ''
    /** How far away the next scheduled check is after a sync of this feed, in seconds. */
    const nextCheckAfterSync = async (): Promise<number> => {
      const before = Date.now()
      await core.syncFeed({ feedId })
      const listed = await core.listFeeds({})
      const feed = listed.ok ? listed.value[0]! : null
      return Math.round((Date.parse(feed!.nextCheckAt!) - before) / 1000)
    }

    const waits: number[] = []
    for (let attempt = 0; attempt < 4; attempt++) waits.push(await nextCheckAfterSync())
    const base = DEFAULT_CHECK_INTERVAL_S
    for (const [i, wait] of waits.entries()) {
      expect(wait).toBeGreaterThanOrEqual(base * 2 ** i - 2)
      expect(wait).toBeLessThanOrEqual(base * 2 ** i + 2)
    }
    // A scheduled sync leaves it alone until then.
    server.requests.length = 0
    expect(await core.syncAll({ dueOnly: true })).toMatchObject({ ok: true, value: { skipped: 1 } })
    expect(server.requests).toHaveLength(0)

    // It works again: the usual interval, and a new failure starts the backoff from the bottom.
    server.routes.set('/flaky-2.xml', { body: WIRE, headers: RSS_TYPE })
    expect(await nextCheckAfterSync()).toBeLessThanOrEqual(base + 2)
    server.routes.set('/flaky-2.xml', { status: 500, body: 'Internal Server Error' })
    expect(await nextCheckAfterSync()).toBeLessThanOrEqual(base + 2)
    expect(await nextCheckAfterSync()).toBeGreaterThanOrEqual(2 * base - 2)
    await core.close()
  })
})
