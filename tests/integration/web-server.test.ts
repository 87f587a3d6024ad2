// The browser shell's locks: token on every request, Host pinned to the loopback server, same
// origin and JSON for calls, the one-time URL trading the token for a strict HttpOnly cookie.
import { request } from 'node:http'
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
    expect((await call({ cookie: `reader_token=${web.token}` })).status).toBe(200)
  })

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    expect(
      (await call({ 'x-reader-token': web.token, host: `evil.example:${web.port}` })).status,
    ).toBe(403)
    expect((await call({ 'x-reader-token': web.token, host: '127.0.0.1:1' })).status).toBe(403)
    expect(
      (await call({ 'x-reader-token': web.token, host: `localhost:${web.port}` })).status,
    ).toBe(200)
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
