// Full text for teaser feeds, over real loopback HTTP: the page is fetched, the article extracted
// with Readability and sanitized, and the page's metadata is what the citation trusts first. A
// failure keeps the feed version and says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

let server: FixtureServer

const teaserFeed = (origin: string): string => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Coastline Relay</title><link>${origin}/</link><description>Teasers</description>
<item><title>Harbour expansion approved after long review</title><link>${origin}/news/2026/02/harbour-expansion-approved</link>
<guid>h1</guid><author>relay@coastline.example (Relay Bot)</author><pubDate>Sat, 14 Feb 2026 09:00:00 GMT</pubDate>
<description>The regional planning board on Friday approved the expansion… Read more</description></item>
<item><title>Storm warning for the coast</title><link>${origin}/news/missing</link><guid>h2</guid>
<description>Forecasters warned of gale-force winds…</description></item>
</channel></rss>`

beforeAll(async () => {
  server = await startFixtureServer({
    '/news/2026/02/harbour-expansion-approved': {
      body: fixture('pages/news-article.html'),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    },
  })
  server.routes.set('/teasers.xml', { body: teaserFeed(server.origin), headers: RSS_TYPE })
})
afterAll(async () => {
  await server.close()
  await removeTempDirs()
})

describe('full text', () => {
  it("extracts a teaser's article from its page, safely, and cites the page's metadata", async () => {
    const dataDir = await tempDir()
    const core = await openCore({ dataDir })
    await core.addFeed({ url: server.url('/teasers.xml') })
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    const itemId = items.value.items.find((i) => i.title.startsWith('Harbour'))!.id
    const before = await core.getArticle({ itemId })
    expect(before.ok && before.value).toMatchObject({
      summaryOnly: true,
      fullText: { status: 'none' },
    })

    const after = await core.fetchFullText({ itemId })
    if (!after.ok) throw new Error(after.error.message)
    const { fullText, citation, contentHtml } = after.value
    if (fullText.status !== 'available')
      throw new Error(`no full text: ${JSON.stringify(fullText)}`)
    expect(fullText.contentHtml).toContain('two new deep-water berths')
    expect(fullText.contentHtml).toContain(`href="${server.origin}/docs/assessment.pdf"`)
    expect(fullText.contentHtml).not.toMatch(
      /ADVERTISEMENT|Most read|Cookie settings|<script|__pagePwned/,
    )
    expect(contentHtml).toContain('Read more') // the feed version is kept alongside
    expect(citation).toMatchObject({
      authors: ['Lena Ostrova'],
      publisher: 'Coastline Daily',
      type: 'newspaperArticle',
      url: `${server.origin}/news/2026/02/harbour-expansion-approved`,
    })
    // Kept across a restart.
    const reopened = await openCore({ dataDir })
    const again = await reopened.getArticle({ itemId })
    expect(again.ok && again.value.fullText.status).toBe('available')
  })

  it('reads every item of a feed set to full text, not only teasers', async () => {
    const story =
      '<p>The planning board heard evidence from residents, engineers and the port for a third day.</p>'.repeat(
        12,
      )
    server.routes.set('/long.xml', {
      headers: RSS_TYPE,
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Long reads</title><link>${server.origin}/</link><description>x</description><item><title>Envoys and engineers</title><link>${server.origin}/news/long</link><guid>l1</guid><description><![CDATA[${story}]]></description></item></channel></rss>`,
    })
    const core = await openCore()
    const feed = await core.addFeed({ url: server.url('/long.xml') })
    if (!feed.ok) throw new Error('add failed')
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    const itemId = items.value.items.find((i) => i.title.startsWith('Envoys'))!.id
    const before = await core.getArticle({ itemId })
    expect(before.ok && before.value).toMatchObject({ summaryOnly: false, wantsFullText: false })
    const updated = await core.updateFeed({ feedId: feed.value.id, alwaysFullText: true })
    expect(updated.ok && updated.value.alwaysFullText).toBe(true)
    const after = await core.getArticle({ itemId })
    expect(after.ok && after.value).toMatchObject({ summaryOnly: false, wantsFullText: true })
  })

  it('keeps the feed version and says why when the page cannot be read', async () => {
    const core = await openCore()
    await core.addFeed({ url: server.url('/teasers.xml') })
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    const itemId = items.value.items.find((i) => i.title.startsWith('Storm'))!.id
    const result = await core.fetchFullText({ itemId })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.fullText).toEqual({
      status: 'failed',
      reason: 'The server answered 404 Not Found',
    })
    expect(result.value.contentHtml).toContain('gale-force winds')
  })
})
