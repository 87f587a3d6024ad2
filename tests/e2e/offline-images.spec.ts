// Images in articles come through the app's offline cache: the page never contacts the image
// host, an article read once shows its images after the host is gone, and tracking pixels vanish.
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
    '/img/photo.png': {
      body: fixture('images/red-4x3.png'),
      headers: { 'content-type': 'image/png' },
    },
    '/img/pixel.gif': {
      body: fixture('images/pixel-1x1.gif'),
      headers: { 'content-type': 'image/gif' },
    },
  })
  const body = `<p>The new berths, seen from the breakwater.</p><figure><img src="/img/photo.png" alt="The berths"><figcaption>Photo: Coastline Daily</figcaption></figure><p>More text.<img src="/img/pixel.gif" alt=""></p>`
  server.routes.set('/photos.xml', {
    headers: RSS_TYPE,
    body: `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Photo Desk</title><link>${server.origin}/</link><description>x</description>
<item><title>Harbour in pictures</title><link>${server.origin}/news/pictures</link><guid>p1</guid><content:encoded><![CDATA[${body}${'<p>Long enough to be an article, not a teaser. '.repeat(20)}</p>]]></content:encoded></item></channel></rss>`,
  })
})

test.afterEach(async () => {
  await server.close()
})

test('an article read once shows its images offline, and no request goes to the image host', async ({
  page,
  shell,
}) => {
  const foreign: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(shell.origin) && !request.url().startsWith('data:'))
      foreign.push(request.url())
  })
  await page.goto(shell.url)
  await addFeed(page, server.url('/photos.xml'))
  await expect(page.getByText('Subscribed to Photo Desk')).toBeVisible()
  const open = async (): Promise<void> => {
    await page.getByRole('option', { name: /Harbour in pictures/ }).click()
  }
  await open()
  const photo = page.getByRole('img', { name: 'The berths' })
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(4)

  // The image host goes away; the photo still shows from the cache.
  server.routes.delete('/img/photo.png')
  await page.reload()
  await open()
  await expect
    .poll(() =>
      page
        .getByRole('img', { name: 'The berths' })
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(4)
  // The tracking pixel never displays.
  const pixel = page.getByTestId('article-content').locator('img[alt=""]')
  await expect.poll(() => pixel.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(0)
  expect(foreign).toEqual([])
})
