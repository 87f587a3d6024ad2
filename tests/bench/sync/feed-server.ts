// The benchmark's feed server, run as its own process (so serving does not steal the reader's
// event loop): serves a corpus folder from memory on several loopback addresses (127.0.0.1–.4,
// like several sites), with ETag and Last-Modified, answering 304 to matching validators.
// Usage: tsx feed-server.ts <dir> <port> <hosts>; prints "ready" when listening.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'

const [dir, portArg, hostsArg] = process.argv.slice(2)
if (!dir || !portArg) throw new Error('usage: feed-server <dir> <port> [hosts]')
const hosts = Number(hostsArg ?? 4)

const files = new Map<string, { data: Buffer; etag: string; type: string }>()
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.xml')) continue
  const data = readFileSync(join(dir, name))
  const latin1 = data.subarray(0, 60).toString('latin1').includes('ISO-8859-1')
  files.set(`/${name}`, {
    data,
    etag: `"${createHash('sha1').update(data).digest('hex').slice(0, 20)}"`,
    type: name.includes('.atom.')
      ? 'application/atom+xml; charset=utf-8'
      : `application/rss+xml; charset=${latin1 ? 'iso-8859-1' : 'utf-8'}`,
  })
}
const LAST_MODIFIED = 'Thu, 01 Jan 2026 00:00:00 GMT'

let listening = 0
for (let h = 1; h <= hosts; h++) {
  const server = createServer((req, res) => {
    const file = files.get(req.url ?? '')
    if (!file) {
      res.writeHead(404).end()
      return
    }
    if (
      req.headers['if-none-match'] === file.etag ||
      req.headers['if-modified-since'] === LAST_MODIFIED
    ) {
      res.writeHead(304, { etag: file.etag, 'last-modified': LAST_MODIFIED }).end()
      return
    }
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': file.data.length,
      etag: file.etag,
      'last-modified': LAST_MODIFIED,
    })
    res.end(file.data)
  })
  server.keepAliveTimeout = 30_000
  server.listen(Number(portArg), `127.0.0.${h}`, () => {
    if (++listening === hosts) console.log('ready')
  })
}
