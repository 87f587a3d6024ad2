// The browser shell's locks: token on every request (API, events, media, pages), Host pinned to
// the loopback server, its own Origin on every state-changing request and JSON for calls, the
// one-time URL trading the token for a strict HttpOnly cookie.
import { request } from 'node:http'
import { connect } from 'node:net'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../electron/web/web-server'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

let web: WebServer

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: web.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${web.port}`, ...options.headers },
      },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Sends a request written by hand (to leave out headers Node's client always adds). */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = ''
    const socket = connect(web.port, '127.0.0.1', () => socket.write(request))
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

const call = (headers: Record<string, string>, body = '{}'): Promise<Answer> =>
  send('/api/call/listFeeds', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

beforeAll(async () => {
  const rendererDir = await tempDir()
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>')
  await mkdir(join(rendererDir, 'assets'))
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  web = await startWebServer({ core: await openCore(), rendererDir })
})

afterAll(async () => {
  await web.close()
  await removeTempDirs()
})

describe('the browser shell', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' })
  })

  it('answers 401 to API calls, events and pages without the token', async () => {
    expect((await call({})).status).toBe(401)
    expect((await call({ 'x-reader-token': 'wrong' })).status).toBe(401)
    expect((await send('/api/events')).status).toBe(401)
    expect((await send('/')).status).toBe(401)
    expect((await send('/assets/app.js')).status).toBe(401)
    expect((await send('/?token=nope')).status).toBe(401)
  })

  it('answers 401 to media requests without the token, and serves them with it', async () => {
    const media = `/api/media?url=${encodeURIComponent('https://example.org/a.png')}`
    expect((await send(media)).status).toBe(401)
    expect((await send(media, { headers: { 'x-reader-token': 'wrong' } })).status).toBe(401)
    expect((await send(media, { headers: { cookie: 'reader_token=wrong' } })).status).toBe(401)
    // With the token the request reaches the cache (which has no such image).
    const withToken = await send(media, { headers: { 'x-reader-token': web.token } })
    expect(withToken.status).not.toBe(401)
    expect(withToken.status).not.toBe(403)
    const withCookie = await send(media, { headers: { cookie: `reader_token=${web.token}` } })
    expect(withCookie.status).toBe(withToken.status)
  })

  it('answers with the token header', async () => {
    const answer = await call({ 'x-reader-token': web.token })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: [] })
  })

  it('trades the one-time URL for an HttpOnly SameSite=Strict cookie and drops the token from the address', async () => {
    const answer = await send(`/?token=${web.token}`)
    expect(answer.status).toBe(302)
    expect(answer.headers.location).toBe('/')
    const cookie = String(answer.headers['set-cookie'])
    expect(cookie).toContain(`reader_token=${web.token}`)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    const page = await send('/', { headers: { cookie: `reader_token=${web.token}` } })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(
      (await call({ cookie: `reader_token=${web.token}`, origin: `http://127.0.0.1:${web.port}` }))
        .status,
    ).toBe(200)
  })

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    expect(
      (await call({ 'x-reader-token': web.token, host: `evil.example:${web.port}` })).status,
    ).toBe(403)
    expect((await call({ 'x-reader-token': web.token, host: '127.0.0.1:1' })).status).toBe(403)
    expect(
      (await call({ 'x-reader-token': web.token, host: `localhost:${web.port}` })).status,
    ).toBe(200)
    for (const host of [
      '127.0.0.1',
      'localhost',
      `127.0.0.2:${web.port}`,
      `[::1]:${web.port}`,
      `0.0.0.0:${web.port}`,
      `127.0.0.1.evil.example:${web.port}`,
      `127.0.0.1:${web.port}.evil.example`,
    ]) {
      expect((await call({ 'x-reader-token': web.token, host })).status, host).toBe(403)
      const page = await send('/', { headers: { cookie: `reader_token=${web.token}`, host } })
      expect(page.status, host).toBe(403)
    }
    // No Host at all: Node refuses an HTTP/1.1 request without one (400) before the app sees it;
    // HTTP/1.0 may omit it, and the app refuses that.
    expect(await raw(`GET /api/events HTTP/1.1\r\nx-reader-token: ${web.token}\r\n\r\n`)).toMatch(
      /^HTTP\/1\.1 400 /,
    )
    expect(await raw(`GET /api/events HTTP/1.0\r\nx-reader-token: ${web.token}\r\n\r\n`)).toMatch(
      /^HTTP\/1\.1 403 /,
    )
  })

  it('refuses a cross-origin POST with 403 and a non-JSON POST with 415', async () => {
    expect(
      (await call({ 'x-reader-token': web.token, origin: 'https://evil.example' })).status,
    ).toBe(403)
    expect(
      (await call({ 'x-reader-token': web.token, origin: `http://127.0.0.1:${web.port}` })).status,
    ).toBe(200)
    const form = await send('/api/call/listFeeds', {
      method: 'POST',
      headers: { 'x-reader-token': web.token, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    })
    expect(form.status).toBe(415)
  })

  it("says the core's time for each call in a Server-Timing header", async () => {
    const answer = await call({ 'x-reader-token': web.token })
    expect(answer.status).toBe(200)
    expect(answer.headers['server-timing']).toMatch(/^core;dur=\d+\.\d$/)
  })

  it('refuses a cross-origin POST with 403 however it carries the token', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${web.port + 1}`]) {
      expect((await call({ origin, 'x-reader-token': web.token })).status, origin).toBe(403)
      expect((await call({ origin, cookie: `reader_token=${web.token}` })).status, origin).toBe(403)
    }
  })

  it('needs its own Origin on a state-changing request carrying only the cookie (CSRF)', async () => {
    const cookie = `reader_token=${web.token}`
    expect((await call({ cookie })).status).toBe(403)
    expect((await call({ cookie, origin: `http://127.0.0.1:${web.port}` })).status).toBe(200)
    expect((await call({ cookie, origin: `http://localhost:${web.port}` })).status).toBe(200)
    // A made-up token header does not stand in for the Origin beside a real cookie.
    expect((await call({ cookie, 'x-reader-token': 'made-up' })).status).toBe(403)
    // Every other method is state-changing too, wherever it is sent.
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const answer = await send('/', {
        method,
        headers: { cookie, origin: 'https://evil.example' },
      })
      expect(answer.status, method).toBe(403)
    }
  })

  it('opens events and media to GET only', async () => {
    const headers = {
      'x-reader-token': web.token,
      origin: `http://127.0.0.1:${web.port}`,
      'content-type': 'application/json',
    }
    for (const path of ['/api/events', '/api/media?url=x']) {
      const answer = await send(path, { method: 'POST', headers, body: '{}' })
      expect(answer.status, path).toBe(405)
    }
  })

  it('answers 404 to unknown methods and serves no file outside the renderer folder', async () => {
    const unknown = await send('/api/call/deleteEverything', {
      method: 'POST',
      headers: { 'x-reader-token': web.token, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(unknown.status).toBe(404)
    const traversal = await send('/..%2f..%2f..%2fetc%2fpasswd', {
      headers: { 'x-reader-token': web.token },
    })
    expect(traversal.body).not.toContain('root:')
  })
})
