// The whole XSS corpus through the real app in Chromium: one RSS feed with an item per vector
// (in content:encoded, some also in the description and the title), subscribed through the UI,
// every item opened (walked with j: the list is virtualized). A sentinel installed before the
// page's own scripts records any payload that runs; dialogs, navigations, popups and requests
// leaving the browser shell are recorded too.
import { expect, test } from './shell-test'
import { RSS_TYPE, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { XSS_VECTORS } from '../fixtures/xss/vectors'
import { addFeed, feedRow } from './ui-actions'

const FEED_TITLE = 'XSS Corpus Gazette'

function xmlText(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\u0000', '') // not allowed in XML at all
}

function cdata(value: string): string {
  // A vector may contain "]]>" itself: split it across two sections.
  return `<![CDATA[${value.replaceAll('\u0000', '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}

function corpusFeed(feedUrl: string): string {
  const start = Date.UTC(2026, 0, 1)
  const items = XSS_VECTORS.map((vector, i) => {
    const title =
      i % 5 === 0 ? `[${vector.id}] ${vector.html}` : `[${vector.id}] ${vector.category}`
    const description = i % 3 === 0 ? vector.html : `Vector ${vector.id}`
    return `    <item>
      <title>${xmlText(title)}</title>
      <link>http://evil.test/items/${vector.id}</link>
      <guid isPermaLink="false">xss-${vector.id}</guid>
      <pubDate>${new Date(start + i * 60_000).toUTCString()}</pubDate>
      <description>${xmlText(description)}</description>
      <content:encoded>${cdata(`<p>Vector ${vector.id}</p>${vector.html}`)}</content:encoded>
    </item>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${FEED_TITLE}</title>
    <link>${feedUrl}</link>
    <description>Hostile HTML, one vector per item.</description>
${items.join('\n')}
  </channel>
</rss>`
}

let feeds: FixtureServer

test.beforeEach(async () => {
  feeds = await startFixtureServer()
  feeds.routes.set('/xss.xml', { body: corpusFeed(feeds.url('/xss.xml')), headers: RSS_TYPE })
})

test.afterEach(async () => {
  await feeds.close()
})

test('no vector of the XSS corpus runs, navigates, opens a dialog or calls out', async ({
  page,
  context,
  shell,
}) => {
  test.setTimeout(150_000)
  const started = Date.now()
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: (id: string) => void; __xssRan?: string[] }
    w.__xss = (id) => {
      w.__xssRan = (w.__xssRan ?? []).concat(id)
    }
  })
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  const popups: string[] = []
  context.on('page', (other) => popups.push(other.url()))
  // Not one request may leave for another host — images included: they come from the app's
  // offline cache (/api/media), which fetches them itself, capped and raster-only.
  const offOrigin: string[] = []
  let cachedImages = 0
  page.on('request', (request) => {
    const url = request.url()
    if (url.startsWith(`${shell.origin}/api/media`)) cachedImages++
    if (url.startsWith(`${shell.origin}/`) || url.startsWith('data:')) return
    offOrigin.push(`${request.resourceType()} ${url}`)
  })

  await page.goto(shell.url)
  await addFeed(page, feeds.url('/xss.xml'))
  await expect(page.getByRole('status')).toContainText(
    `Subscribed to ${FEED_TITLE} (${XSS_VECTORS.length} items)`,
  )
  await feedRow(page, FEED_TITLE).click()
  // The list is virtualized: only rows in view exist, so walk it with j, newest (last vector)
  // first — every vector is opened, in order, its row selected and scrolled into view.
  await expect(page.getByRole('region', { name: 'Items' })).toContainText(
    `${XSS_VECTORS.length} items`,
  )
  const selected = page.locator('[role=option][aria-selected=true]')
  const heading = page.locator('article.article h1')
  const content = page.getByTestId('article-content')
  for (const [n, vector] of [...XSS_VECTORS].reverse().entries()) {
    const tag = `[${vector.id}]`
    await page.keyboard.press('j')
    await expect(heading, vector.id).toContainText(tag)
    await expect(content, vector.id).toContainText(`Vector ${vector.id}`)
    await expect(selected, vector.id).toContainText(tag)
    if (n % 20 === 19) await expect(selected, vector.id).toBeInViewport()
  }
  // Give late handlers (image errors, toggles, focus, animations) time to fire.
  await page.waitForTimeout(1_000)

  expect(await page.evaluate(() => (window as unknown as { __xssRan?: string[] }).__xssRan)).toBe(
    undefined,
  )
  expect(dialogs).toEqual([])
  expect(popups).toEqual([])
  expect(offOrigin).toEqual([])
  expect(new URL(page.url()).origin).toBe(shell.origin)
  console.log(
    `XSS corpus: ${XSS_VECTORS.length} vectors opened in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `${cachedImages} image requests, all through the offline cache`,
  )
})
