// The feed engine over real loopback HTTP: charsets declared every way, polite fetching
// (redirects, 410, 429 + Retry-After, compression, size cap), OPML in and out, discovery, and
// parsing on worker threads with a time limit.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import iconv from 'iconv-lite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  fixture,
  FIXTURE_DIR,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { openCore } from '../helpers/open-core'
import { removeTempDirs } from '../helpers/temp-dir'

let server: FixtureServer
const WIRE = fixture('feeds/wire-rss.xml')
const CHARSET_DIR = join(FIXTURE_DIR, 'feeds', 'charsets')
const EXPECTED = JSON.parse(readFileSync(join(CHARSET_DIR, 'expected.json'), 'utf8')) as Record<
  string,
  { title: string; item: string }
>

beforeAll(async () => {
  server = await startFixtureServer()
})
afterEach(() => {
  server.routes.clear()
  server.requests.length = 0
})
afterAll(async () => {
  await server.close()
  await removeTempDirs()
})

async function titlesOf(url: string): Promise<{ feed: string; items: string[] }> {
  const core = await openCore()
  const added = await core.addFeed({ url })
  if (!added.ok) throw new Error(`${url}: ${added.error.message}`)
  const items = await core.listItems({})
  return { feed: added.value.title, items: items.ok ? items.value.items.map((i) => i.title) : [] }
}

describe('charsets', () => {
  const charsets = Object.keys(EXPECTED)

  it.each(charsets)('reads %s declared in the XML declaration', async (charset) => {
    server.routes.set(`/xml/${charset}`, {
      body: readFileSync(join(CHARSET_DIR, `${charset}.xml`)),
      headers: { 'content-type': 'text/xml' },
    })
    const { feed, items } = await titlesOf(server.url(`/xml/${charset}`))
    expect(feed).toBe(EXPECTED[charset]!.title)
    expect(items).toEqual([EXPECTED[charset]!.item])
  })

  it.each(charsets)('reads %s declared only by the HTTP charset', async (charset) => {
    const bytes = readFileSync(join(CHARSET_DIR, `${charset}.xml`))
    const withoutDeclaration = Buffer.from(
      bytes.toString('latin1').replace(/ encoding="[^"]+"/, ''),
      'latin1',
    )
    server.routes.set(`/http/${charset}`, {
      body: withoutDeclaration,
      headers: { 'content-type': `application/rss+xml; charset=${charset}` },
    })
    const { feed } = await titlesOf(server.url(`/http/${charset}`))
    expect(feed).toBe(EXPECTED[charset]!.title)
  })

  // Undeclared: no BOM, no HTTP charset, no encoding in the declaration — detected from the bytes.
  const UNDECLARED: [string, string][] = [
    ['windows-1251', 'Президент заявил, что переговоры о мире возобновятся в пятницу в столице.'],
    ['koi8-r', 'Президент заявил, что переговоры о мире возобновятся в пятницу в столице.'],
    ['shift_jis', '政府は、和平交渉が金曜日に首都で再開されると発表した。'],
    ['euc-kr', '정부는 평화 협상이 금요일 수도에서 재개된다고 발표했다.'],
    ['gb18030', '政府宣布，和平谈判将于星期五在首都恢复。'],
    ['big5', '政府宣布，和平談判將於星期五在首都恢復。'],
  ]
  it.each(UNDECLARED)('detects undeclared %s and says it guessed', async (charset, sentence) => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>${sentence}</title><link>http://127.0.0.1/</link><description>${sentence} ${sentence}</description><item><title>${sentence}</title><guid>1</guid><description>${sentence.repeat(4)}</description></item></channel></rss>`
    server.routes.set(`/undeclared/${charset}`, {
      body: iconv.encode(xml, charset),
      headers: { 'content-type': 'text/xml' },
    })
    const core = await openCore()
    const added = await core.addFeed({ url: server.url(`/undeclared/${charset}`) })
    if (!added.ok) throw new Error(added.error.message)
    expect(added.value.title).toBe(sentence)
    expect(added.value.warnings.join(' ')).toMatch(/No charset is declared.*\(detected\)/)
  })

  it('reads undeclared bytes that are valid UTF-8 as UTF-8, without a warning', async () => {
    const xml =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Ελλάδα — 中国 — Україна</title><link>http://127.0.0.1/</link><description>x</description></channel></rss>'
    server.routes.set('/undeclared/utf8', {
      body: Buffer.from(xml),
      headers: { 'content-type': 'text/xml' },
    })
    const core = await openCore()
    const added = await core.addFeed({ url: server.url('/undeclared/utf8') })
    expect(added.ok && added.value).toMatchObject({
      title: 'Ελλάδα — 中国 — Україна',
      warnings: [],
    })
  })

  const boms = readdirSync(CHARSET_DIR).filter((name) => name.startsWith('bom-'))
  it.each(boms)('reads %s by its byte-order mark, whatever the header says', async (name) => {
    server.routes.set(`/bom/${name}`, {
      body: readFileSync(join(CHARSET_DIR, name)),
      headers: { 'content-type': 'text/xml; charset=iso-8859-1' },
    })
    const { feed, items } = await titlesOf(server.url(`/bom/${name}`))
    expect(feed).toBe('Новости — 今日新闻')
    expect(items).toEqual(['Переговоры «возобновятся»'])
  })
})

describe('polite fetching', () => {
  it('follows a 301 and stores the new address; a later sync asks the new one', async () => {
    server.routes.set('/old.xml', { status: 301, headers: { location: '/new.xml' } })
    server.routes.set('/new.xml', { body: WIRE, headers: RSS_TYPE })
    const core = await openCore()
    const added = await core.addFeed({ url: server.url('/old.xml') })
    if (!added.ok) throw new Error(added.error.message)
    expect(added.value.url).toBe(server.url('/new.xml'))
    server.requests.length = 0
    await core.syncAll({})
    expect(server.requests.map((r) => r.path)).toEqual(['/new.xml'])
  })

  it('updates the stored URL when a subscribed feed moves permanently (308), not on a 302', async () => {
    server.routes.set('/a.xml', { body: WIRE, headers: RSS_TYPE })
    const core = await openCore()
    const added = await core.addFeed({ url: server.url('/a.xml') })
    if (!added.ok) throw new Error(added.error.message)
    server.routes.set('/a.xml', { status: 302, headers: { location: '/b.xml' } })
    server.routes.set('/b.xml', { body: WIRE, headers: RSS_TYPE })
    await core.syncAll({})
    const afterTemporary = await core.listFeeds({})
    expect(afterTemporary.ok && afterTemporary.value[0]!.url).toBe(server.url('/a.xml'))
    server.routes.set('/a.xml', { status: 308, headers: { location: '/b.xml' } })
    await core.syncAll({})
    const feeds = await core.listFeeds({})
    expect(feeds.ok && feeds.value[0]!.url).toBe(server.url('/b.xml'))
  })

  it('detects a redirect loop', async () => {
    server.routes.set('/loop-a', { status: 302, headers: { location: '/loop-b' } })
    server.routes.set('/loop-b', { status: 301, headers: { location: '/loop-a' } })
    const core = await openCore()
    expect(await core.addFeed({ url: server.url('/loop-a') })).toMatchObject({
      ok: false,
      error: { code: 'redirect-loop' },
    })
  })

  it('marks a feed gone on 410 and stops fetching it', async () => {
    server.routes.set('/gone.xml', { body: WIRE, headers: RSS_TYPE })
    const core = await openCore()
    await core.addFeed({ url: server.url('/gone.xml') })
    server.routes.set('/gone.xml', { status: 410, body: 'gone' })
    const first = await core.syncAll({})
    expect(first).toMatchObject({ ok: true, value: { failed: 1, errors: [{ code: 'gone' }] } })
    const feeds = await core.listFeeds({})
    expect(feeds.ok && feeds.value[0]).toMatchObject({ gone: true, itemCount: 2 })
    server.requests.length = 0
    expect(await core.syncAll({})).toMatchObject({ ok: true, value: { skipped: 1, failed: 0 } })
    expect(server.requests).toHaveLength(0)
  })

  it('retrying one feed fetches it even when gone, and a feed that is back is no longer gone', async () => {
    server.routes.set('/back.xml', { body: WIRE, headers: RSS_TYPE })
    const core = await openCore()
    const added = await core.addFeed({ url: server.url('/back.xml') })
    if (!added.ok) throw new Error(added.error.message)
    server.routes.set('/back.xml', { status: 410, body: 'gone' })
    await core.syncAll({})
    server.routes.set('/back.xml', { body: WIRE, headers: RSS_TYPE })
    expect(await core.syncFeed({ feedId: added.value.id })).toMatchObject({
      ok: true,
      value: { failed: 0, skipped: 0 },
    })
    const feeds = await core.listFeeds({})
    expect(feeds.ok && feeds.value[0]).toMatchObject({ gone: false, lastError: null })
  })

  it('honours 429 Retry-After: the feed waits, the others sync', async () => {
    server.routes.set('/busy.xml', { body: WIRE, headers: RSS_TYPE })
    server.routes.set('/calm.xml', {
      body: fixture('feeds/lab-atom.xml'),
      headers: { 'content-type': 'application/atom+xml' },
    })
    const core = await openCore()
    await core.addFeed({ url: server.url('/busy.xml') })
    await core.addFeed({ url: server.url('/calm.xml') })
    server.routes.set('/busy.xml', { status: 429, headers: { 'retry-after': '120' } })
    const started = Date.now()
    const sync = await core.syncAll({})
    expect(sync).toMatchObject({
      ok: true,
      value: { feeds: 2, failed: 1, errors: [{ code: 'rate-limited' }] },
    })
    const feeds = await core.listFeeds({})
    if (!feeds.ok) throw new Error('list failed')
    const busy = feeds.value.find((f) => f.url.endsWith('/busy.xml'))!
    expect(busy.lastError!.message).toMatch(/retry in 2 min/)
    const wait = Date.parse(busy.nextCheckAt!) - started
    expect(wait).toBeGreaterThanOrEqual(119_000)
    expect(wait).toBeLessThan(125_000)
    server.requests.length = 0
    expect(await core.syncAll({})).toMatchObject({ ok: true, value: { skipped: 1 } })
    expect(server.requests.map((r) => r.path)).toEqual(['/calm.xml'])
    // The user's own retry of that one feed is one request, made now.
    server.requests.length = 0
    expect(await core.syncFeed({ feedId: busy.id })).toMatchObject({
      ok: true,
      value: { skipped: 0 },
    })
    expect(server.requests.map((r) => r.path)).toEqual(['/busy.xml'])
  })

  it.each([
    ['max-age=7200', 7200],
    ['public, max-age=60', 15 * 60],
    [undefined, 30 * 60],
    ['max-age=86400', 5 * 3600],
  ])(
    'schedules the next check from Cache-Control %s, within polite bounds',
    async (cacheControl, seconds) => {
      server.routes.set('/cc.xml', {
        body: WIRE,
        headers: { ...RSS_TYPE, ...(cacheControl ? { 'cache-control': cacheControl } : {}) },
      })
      const core = await openCore()
      await core.addFeed({ url: server.url('/cc.xml') })
      const before = Date.now()
      await core.syncAll({})
      const feeds = await core.listFeeds({})
      const next = Date.parse(feeds.ok ? feeds.value[0]!.nextCheckAt! : '')
      expect(next - before).toBeGreaterThanOrEqual(seconds * 1000 - 2000)
      expect(next - before).toBeLessThan(seconds * 1000 + 5000)
    },
  )

  it('fetches only due feeds in a scheduled sync, and everything when the user asks', async () => {
    server.routes.set('/due.xml', {
      body: WIRE,
      headers: { ...RSS_TYPE, 'cache-control': 'max-age=3600' },
    })
    const core = await openCore()
    await core.addFeed({ url: server.url('/due.xml') })
    await core.syncAll({})
    server.requests.length = 0
    expect(await core.syncAll({ dueOnly: true })).toMatchObject({ ok: true, value: { skipped: 1 } })
    expect(server.requests).toHaveLength(0)
    expect(await core.syncAll({})).toMatchObject({ ok: true, value: { skipped: 0 } })
    expect(server.requests).toHaveLength(1)
  })

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateSync],
  ])('reads a %s-compressed feed', async (encoding, compress) => {
    server.routes.set('/z.xml', {
      body: compress(WIRE),
      headers: { ...RSS_TYPE, 'content-encoding': encoding },
    })
    const { feed } = await titlesOf(server.url('/z.xml'))
    expect(feed).toBe('Harbour Wire')
    expect(server.requests[0]!.headers['accept-encoding']).toContain(encoding)
  })

  it('refuses a body over the size cap, declared or streamed, and a gzip bomb', async () => {
    const core = await openCore({ fetchOptions: { maxBytes: 64 * 1024 } })
    server.routes.set('/big.xml', { body: Buffer.alloc(100_000, 'a'), headers: RSS_TYPE })
    expect(await core.addFeed({ url: server.url('/big.xml') })).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    })
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, ' '))
    expect(bomb.length).toBeLessThan(100_000)
    server.routes.set('/bomb.xml', {
      body: bomb,
      headers: { ...RSS_TYPE, 'content-encoding': 'gzip' },
    })
    expect(await core.addFeed({ url: server.url('/bomb.xml') })).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    })
  })

  it('identifies itself honestly', async () => {
    server.routes.set('/ua.xml', { body: WIRE, headers: RSS_TYPE })
    await titlesOf(server.url('/ua.xml'))
    expect(server.requests[0]!.headers['user-agent']).toMatch(/^ResearchReader\/\S+ \(/)
  })
})

describe('OPML and discovery', () => {
  it('imports nested folders without fetching, syncs them, and exports them back', async () => {
    server.routes.set('/wire.xml', { body: WIRE, headers: RSS_TYPE })
    server.routes.set('/lab.xml', {
      body: fixture('feeds/lab-atom.xml'),
      headers: { 'content-type': 'application/atom+xml' },
    })
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="News"><outline text="Wires"><outline type="rss" text="Harbour" xmlUrl="${server.url('/wire.xml')}"/></outline></outline>
      <outline type="rss" text="Lab" xmlUrl="${server.url('/lab.xml')}"/>
      <outline type="rss" text="Lab again" xmlUrl="${server.url('/lab.xml')}#dup"/>
    </body></opml>`
    const core = await openCore()
    const imported = await core.importOpml({ text: opml })
    // The duplicate inside the file is merged; a second import finds both already there.
    expect(imported).toEqual({ ok: true, value: { added: 2, alreadySubscribed: 0, skipped: 0 } })
    expect(await core.importOpml({ text: opml })).toEqual({
      ok: true,
      value: { added: 0, alreadySubscribed: 2, skipped: 0 },
    })
    expect(server.requests).toHaveLength(0)
    expect(await core.syncAll({})).toMatchObject({ ok: true, value: { failed: 0, newItems: 3 } })
    const feeds = await core.listFeeds({})
    expect(feeds.ok && feeds.value.find((f) => f.url.endsWith('/wire.xml'))!.folder).toEqual([
      'News',
      'Wires',
    ])
    const exported = await core.exportOpml({})
    if (!exported.ok) throw new Error('export failed')
    expect(exported.value.text).toMatch(
      /<outline text="News"[^>]*>\s*<outline text="Wires"[^>]*>\s*<outline type="rss"[^>]*xmlUrl="http:\/\/127\.0\.0\.1:\d+\/wire\.xml"/,
    )
    const again = await openCore()
    expect(await again.importOpml({ text: exported.value.text })).toMatchObject({
      ok: true,
      value: { added: 2 },
    })
  })

  it('gives a clear error for bad OPML', async () => {
    const core = await openCore()
    const result = await core.importOpml({ text: '<html><body>not opml</body></html>' })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-opml' } })
    expect(result.ok || result.error.message).toMatch(/OPML/)
  })

  it('finds the feeds a page declares and subscribes to a site URL through them', async () => {
    server.routes.set('/site/', {
      body: `<!doctype html><html><head><title>Site</title>
        <link rel="alternate" type="application/rss+xml" title="Main feed" href="/wire.xml">
        <link rel="alternate" type="application/atom+xml" title="Comments" href="/comments.xml">
      </head><body>Hi</body></html>`,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    })
    server.routes.set('/wire.xml', { body: WIRE, headers: RSS_TYPE })
    const core = await openCore()
    const found = await core.discoverFeeds({ url: server.url('/site/') })
    expect(found.ok && found.value.map((f) => [f.url, f.title, f.source])).toEqual([
      [server.url('/wire.xml'), 'Main feed', 'link'],
      [server.url('/comments.xml'), 'Comments', 'link'],
    ])
    const added = await core.addFeed({ url: server.url('/site/') })
    expect(added.ok && added.value).toMatchObject({
      title: 'Harbour Wire',
      url: server.url('/wire.xml'),
    })
  })

  it('falls back to common feed paths when the page declares none', async () => {
    server.routes.set('/', {
      body: '<html><head><title>Bare</title></head><body>Hi</body></html>',
      headers: { 'content-type': 'text/html' },
    })
    server.routes.set('/feed', { body: WIRE, headers: RSS_TYPE })
    const core = await openCore()
    const found = await core.discoverFeeds({ url: server.url('/') })
    expect(found.ok && found.value).toEqual([
      { url: server.url('/feed'), title: null, type: 'rss', source: 'guess' },
    ])
  })
})

describe('parsing on worker threads', () => {
  const worker = { workerScript: join(__dirname, '..', 'helpers', 'prepare-worker-dev.cjs') }

  it('syncs through the worker pool with the same result as on the main thread', async () => {
    server.routes.set('/wire.xml', { body: WIRE, headers: RSS_TYPE })
    const core = await openCore({ parser: worker })
    const added = await core.addFeed({ url: server.url('/wire.xml') })
    expect(added.ok && added.value).toMatchObject({ title: 'Harbour Wire', itemCount: 2 })
    await core.close()
  })

  it('stops a feed that takes too long to read and keeps syncing the others', async () => {
    server.routes.set('/wire.xml', { body: WIRE, headers: RSS_TYPE })
    const core = await openCore({ parser: { ...worker, timeoutMs: 1 } })
    const added = await core.addFeed({ url: server.url('/wire.xml') })
    expect(added).toMatchObject({ ok: false, error: { code: 'timeout' } })
    expect(added.ok || added.error.message).toMatch(/longer than/)
    await core.close()
  })
})
