// Article images through the browser shell's /api/media route: fetched once (raster only,
// capped), served from the cache afterwards — also when the image's host is gone — with tracking
// pixels and SVG refused.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isOnePixel } from '../../electron/core/articles/fetch-image'
import { startWebServer, type WebServer } from '../../electron/web/web-server'
import { fixture, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { openCore } from '../helpers/open-core'
import { removeTempDirs } from '../helpers/temp-dir'

let images: FixtureServer
let web: WebServer
const PNG = fixture('images/red-4x3.png')

function get(
  path: string,
  token: string | null,
): Promise<{ status: number; type?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: web.port,
        path,
        headers: { host: `127.0.0.1:${web.port}`, ...(token ? { 'x-reader-token': token } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'],
            body: Buffer.concat(chunks),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
}

const media = (url: string): string => `/api/media?url=${encodeURIComponent(url)}`

beforeAll(async () => {
  images = await startFixtureServer({
    '/photo.png': { body: PNG, headers: { 'content-type': 'image/png' } },
    '/pixel.gif': {
      body: fixture('images/pixel-1x1.gif'),
      headers: { 'content-type': 'image/gif' },
    },
    '/drawing.svg': {
      body: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      headers: { 'content-type': 'image/svg+xml' },
    },
    '/page.html': { body: '<html></html>', headers: { 'content-type': 'text/html' } },
  })
  web = await startWebServer({ core: await openCore(), rendererDir: '/nonexistent' })
})
afterAll(async () => {
  await web.close()
  await images.close()
  await removeTempDirs()
})

describe('offline images', () => {
  it('serves an image fetched once from the cache, also after its host is gone', async () => {
    const url = images.url('/photo.png')
    const first = await get(media(url), web.token)
    expect(first).toMatchObject({ status: 200, type: 'image/png' })
    expect(first.body.equals(PNG)).toBe(true)
    images.routes.delete('/photo.png')
    const again = await get(media(url), web.token)
    expect(again.status).toBe(200)
    expect(again.body.equals(PNG)).toBe(true)
  })

  it('refuses tracking pixels, SVG and non-images, and answers 401 without the token', async () => {
    expect((await get(media(images.url('/pixel.gif')), web.token)).status).toBe(204)
    expect((await get(media(images.url('/drawing.svg')), web.token)).status).toBe(415)
    expect((await get(media(images.url('/page.html')), web.token)).status).toBe(415)
    expect((await get(media(images.url('/missing.png')), web.token)).status).toBe(404)
    expect((await get(media('file:///etc/passwd'), web.token)).status).toBe(400)
    expect((await get(media(images.url('/photo.png')), null)).status).toBe(401)
  })

  it('recognises 1×1 GIF and PNG images', () => {
    expect(isOnePixel(fixture('images/pixel-1x1.gif'))).toBe(true)
    expect(isOnePixel(PNG)).toBe(false)
  })
})
