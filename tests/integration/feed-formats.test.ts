// Every format and the usual mess, subscribed to over real loopback HTTP: each feed is read,
// its links come out absolute, and what was repaired is on the feed as a warning.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURE_DIR, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { openCore } from '../helpers/open-core'
import { removeTempDirs } from '../helpers/temp-dir'

let server: FixtureServer

beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(async () => {
  await server.close()
  await removeTempDirs()
})

async function subscribe(file: string, type: string) {
  server.routes.set(`/${file}`, {
    body: readFileSync(join(FIXTURE_DIR, 'feeds', file)),
    headers: { 'content-type': type },
  })
  const core = await openCore()
  const added = await core.addFeed({ url: server.url(`/${file}`) })
  if (!added.ok) throw new Error(`${file}: ${added.error.message}`)
  const items = await core.listItems({})
  if (!items.ok) throw new Error('list failed')
  const first = await core.getArticle({ itemId: items.value.items[0]!.id })
  if (!first.ok) throw new Error('article failed')
  return { feed: added.value, items: items.value.items, first: first.value }
}

describe('every format over HTTP', () => {
  it.each([
    ['rss091-netscape-doctype.xml', 'text/xml', 'Café Science Weekly', 2],
    ['rdf-rss1-science-digest.xml', 'application/rdf+xml', 'Weekly Science Digest', 2],
    [
      'wordpress-rss2-content-encoded-hellip.xml',
      'application/rss+xml',
      'Marsh Ecology Notes – Field reports',
      2,
    ],
    ['podcast-itunes-enclosures.xml', 'application/rss+xml', 'Lab Coat Radio', 2],
    ['atom03-blogger-escaped-content.xml', 'application/atom+xml', 'Old Blogger Journal', 3],
    ['atom1-xml-base-relative-links-xhtml.xml', 'application/atom+xml', 'Lab Notebook <beta>', 3],
    ['json-feed-1.0-author-object.json', 'application/json', 'Tiny Telescope Blog', 2],
    ['json-feed-1.1-authors-attachments.json', 'application/feed+json', 'The Replication Hour', 2],
  ])('reads %s', async (file, type, title, count) => {
    const { feed, items, first } = await subscribe(file, type)
    expect(feed.title).toBe(title)
    expect(items).toHaveLength(count)
    for (const item of items) if (item.link) expect(item.link).toMatch(/^https?:\/\//)
    // Every link and image left in the shown article is absolute http(s).
    for (const [, url] of first.contentHtml.matchAll(/(?:href|src)="([^"]*)"/g))
      expect(url).toMatch(/^(https?:|mailto:)/)
  })

  it('resolves relative links in Atom content against xml:base', async () => {
    const { first } = await subscribe(
      'atom1-xml-base-relative-links-xhtml.xml',
      'application/atom+xml',
    )
    expect(first.contentHtml).toMatch(/href="https:\/\/lab\.example\/[^"]+"/)
  })
})

describe('ill-formed feeds over HTTP', () => {
  it.each([
    ['raw-ampersands.xml', 'Q&A Science & Society'],
    ['unterminated-cdata.xml', 'Volcano Dispatch'],
    ['doctype-internal-entities.xml', '&publisher; news'],
  ])('reads %s and says what it repaired', async (file, title) => {
    const { feed } = await subscribe(file, 'application/rss+xml')
    expect(feed.title).toBe(title)
    expect(feed.warnings.join(' ')).toMatch(/not well-formed XML/)
  })

  it('reads a feed with junk after its end', async () => {
    const { feed, items } = await subscribe('junk-after-rss-end.xml', 'application/rss+xml')
    expect(feed.title).toBe('Glacier Watch')
    expect(items).toHaveLength(1)
  })

  it('never expands entities: billion laughs stays small and fast', async () => {
    const started = Date.now()
    const { feed, first } = await subscribe('billion-laughs-doctype.xml', 'application/rss+xml')
    expect(Date.now() - started).toBeLessThan(3000)
    expect(feed.title).toBe('Laughing Feed &lol9;')
    expect(first.contentHtml.length).toBeLessThan(10_000)
  })

  it('never reads a file named by an external entity', async () => {
    const { feed, first, items } = await subscribe('xxe-file-etc-passwd.xml', 'application/rss+xml')
    const everything = JSON.stringify([feed, items, first])
    expect(everything).not.toMatch(/root:x?:0:0/)
    expect(first.title).toBe('Read me &xxe;')
  })
})
