// Sync in the browser shell: the UI stays responsive with a progress bar while feeds are
// fetched, new items arrive, and a broken feed shows a badge whose tooltip gives the reason.
import { expect, test } from './shell-test'
import {
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { addFeed } from './ui-actions'

let feeds: FixtureServer

test.beforeEach(async () => {
  feeds = await startFixtureServer({
    '/wire.xml': { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE },
    '/lab.xml': {
      body: fixture('feeds/lab-atom.xml'),
      headers: { 'content-type': 'application/atom+xml' },
    },
  })
})

test.afterEach(async () => {
  await feeds.close()
})

test('a sync shows progress, brings new items, and marks a broken feed with its reason', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  for (const [path, title] of [
    ['/wire.xml', 'Harbour Wire'],
    ['/lab.xml', 'Field Notes Lab'],
  ]) {
    await addFeed(page, feeds.url(path!))
    await expect(page.getByText(`Subscribed to ${title}`)).toBeVisible()
  }
  // The lab feed gains an item but answers slowly; the wire feed breaks.
  const atom = fixture('feeds/lab-atom.xml').toString('utf8')
  feeds.routes.set('/lab.xml', {
    body: atom.replace(
      '<entry>',
      '<entry><title>Second survey published</title><id>urn:second</id><updated>2026-02-20T09:00:00Z</updated><content type="html">More.</content></entry><entry>',
    ),
    headers: { 'content-type': 'application/atom+xml' },
    delayMs: 2500,
  })
  feeds.routes.set('/wire.xml', { status: 500, body: 'oops' })

  await page.getByRole('button', { name: 'Sync all' }).click()
  const progress = page.getByRole('progressbar', { name: 'Sync progress' })
  await expect(progress).toBeVisible()
  await expect(page.getByRole('button', { name: 'Syncing…' })).toBeDisabled()
  // While the slow feed is fetched the window still answers: open an article.
  await page.getByRole('option', { name: /Glacier survey finds ice loss doubled/ }).click()
  await expect(page.getByTestId('article-content')).toContainText('1.9 metres')

  await expect(page.getByRole('alert')).toContainText('Synced: 1 new item, 1 feed failed')
  await expect(progress).toBeHidden()
  await expect(page.getByRole('option', { name: /Second survey published/ })).toBeVisible()
  const badge = page.getByRole('navigation', { name: 'Feeds' }).getByLabel(/^Error: /)
  await expect(badge).toHaveAttribute('title', /The server answered 500.*\(http\)/)
})

test('an article the feed edited keeps its earlier version, and the reader shows what changed', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await addFeed(page, feeds.url('/lab.xml'))
  await expect(page.getByText('Subscribed to Field Notes Lab')).toBeVisible()
  const atom = fixture('feeds/lab-atom.xml').toString('utf8')
  feeds.routes.set('/lab.xml', {
    body: atom.replace('twice', 'three times'),
    headers: { 'content-type': 'application/atom+xml' },
  })
  await page.getByRole('button', { name: 'Sync all' }).click()
  await expect(page.getByRole('status')).toContainText('Synced: 0 new items')
  await page.getByRole('option', { name: /Glacier survey finds ice loss doubled/ }).click()
  await expect(page.getByTestId('article-content')).toContainText('three times the rate')
  await page.getByRole('button', { name: 'Versions (2)' }).click()
  const diff = page.getByTestId('version-diff')
  await expect(diff.locator('del')).toHaveText('twice')
  await expect(diff.locator('ins')).toHaveText('three times')
})
