// A teaser feed in the reader: fetch the full text from the page, read it cleanly with the page's
// byline in the citation, and toggle back to the feed version. The page's own script never runs.
import { expect, test } from './shell-test'
import {
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { addFeed } from './ui-actions'

let server: FixtureServer

test.beforeEach(async () => {
  server = await startFixtureServer({
    '/news/harbour': {
      body: fixture('pages/news-article.html'),
      headers: { 'content-type': 'text/html' },
    },
  })
  server.routes.set('/teasers.xml', {
    headers: RSS_TYPE,
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Coastline Relay</title><link>${server.origin}/</link><description>Teasers</description>
<item><title>Harbour expansion approved after long review</title><link>${server.origin}/news/harbour</link><guid>h1</guid>
<description>The regional planning board on Friday approved the expansion… Read more</description></item></channel></rss>`,
  })
})

test.afterEach(async () => {
  await server.close()
})

test('a teaser is read in full when opened, cited to its page, with the feed version a toggle away', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await addFeed(page, server.url('/teasers.xml'))
  await expect(page.getByText('Subscribed to Coastline Relay')).toBeVisible()
  // A teaser: opening it fetches the full text without being asked.
  await page.getByRole('option', { name: /Harbour expansion approved/ }).click()
  const content = page.getByTestId('article-content')
  await expect(content).toContainText('two new deep-water berths')
  await expect(content).not.toContainText('ADVERTISEMENT')
  await expect(page.getByLabel('Citation')).toContainText('By Lena Ostrova')
  expect(
    await page.evaluate(() => (window as unknown as { __pagePwned?: boolean }).__pagePwned),
  ).toBeUndefined()
  await page.getByRole('button', { name: 'Show feed version' }).click()
  await expect(content).toContainText('Read more')
  await expect(content).not.toContainText('deep-water berths')
  await page.getByRole('button', { name: 'Show full text' }).click()
  await expect(content).toContainText('deep-water berths')
})
