// Managing subscriptions in the browser shell: discover a site's feeds, file them in folders,
// rename and move them, unsubscribe after a confirmation, move the list in and out as OPML, and
// see failing feeds with their reasons and a retry.
import { readFile } from 'node:fs/promises'
import { expect, test } from './shell-test'
import {
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { addFeed, callApi, feedRow } from './ui-actions'

let feeds: FixtureServer

const ATOM_TYPE = { 'content-type': 'application/atom+xml' }

test.beforeEach(async () => {
  feeds = await startFixtureServer({
    '/wire.xml': { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE },
    '/lab.xml': { body: fixture('feeds/lab-atom.xml'), headers: ATOM_TYPE },
  })
  feeds.routes.set('/site/', {
    body: `<!doctype html><html><head><title>Harbour media</title>
      <link rel="alternate" type="application/rss+xml" title="Wire stories" href="/wire.xml">
      <link rel="alternate" type="application/atom+xml" title="Lab notes" href="/lab.xml">
      </head><body><h1>Harbour media</h1></body></html>`,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  })
})

test.afterEach(async () => {
  await feeds.close()
})

test('a site offers its feeds; they go into folders, get renamed, moved and unsubscribed', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  const nav = page.getByRole('navigation', { name: 'Feeds' })

  // A site's address: both of its feeds are offered; pick one, into a nested folder.
  await page.getByRole('button', { name: '+ Add feed' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a feed' })
  await dialog.getByLabel('Feed or website address').fill(feeds.url('/site/'))
  await dialog.getByLabel(/^Folder/).fill('World / Europe')
  await dialog.getByRole('button', { name: 'Find feeds' }).click()
  const found = dialog.getByRole('region', { name: 'Feeds found' }).getByRole('listitem')
  await expect(found).toHaveCount(2)
  await expect(found.nth(0)).toContainText('Wire stories')
  await found.filter({ hasText: 'Lab notes' }).getByRole('button', { name: 'Subscribe' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status')).toContainText('Subscribed to Field Notes Lab')

  const world = nav.getByRole('button', { name: 'Folder World' })
  await expect(world).toHaveAttribute('aria-expanded', 'true')
  await expect(nav.getByRole('button', { name: /^Europe/ })).toBeVisible()
  await expect(feedRow(page, 'Field Notes Lab')).toBeVisible()

  // A feed address straight away, into another folder.
  await addFeed(page, feeds.url('/wire.xml'), 'Wires')
  await expect(nav.getByRole('button', { name: /^Wires 2/ })).toBeVisible()

  // Folders stay collapsed across a reload.
  await world.click()
  await expect(world).toHaveAttribute('aria-expanded', 'false')
  await expect(feedRow(page, 'Field Notes Lab')).toBeHidden()
  await page.reload()
  await expect(world).toHaveAttribute('aria-expanded', 'false')
  await world.click()

  // A folder lists the items of every feed inside it, and can be marked read at once.
  await nav.getByRole('button', { name: /^World 1/ }).click()
  await expect(page.getByRole('option')).toHaveCount(1)
  await expect(page.getByRole('option')).toContainText('Field Notes Lab')
  await page.getByRole('button', { name: 'Mark all read' }).click()
  await expect(page.getByRole('status')).toContainText('Marked 1 item read.')
  await expect(nav.getByRole('button', { name: 'World', exact: true })).toBeVisible() // no count
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(nav.getByRole('button', { name: /^World 1/ })).toBeVisible()

  // Drag a feed onto a folder to move it there, and onto the heading to take it out again.
  await feedRow(page, 'Harbour Wire').dragTo(nav.getByRole('button', { name: /^Europe/ }))
  await expect(nav.getByRole('button', { name: /^Wires/ })).toHaveCount(0)
  await expect(nav.getByRole('button', { name: /^Europe 3/ })).toBeVisible()
  await feedRow(page, 'Harbour Wire').dragTo(nav.getByRole('heading', { name: 'Subscriptions' }))
  await expect(nav.getByRole('button', { name: /^Europe 1/ })).toBeVisible()

  // Rename and move the wire feed into World / Europe.
  await nav.getByRole('button', { name: 'Settings for Harbour Wire' }).click()
  const settings = page.getByRole('dialog', { name: /Feed settings/ })
  await settings.getByLabel('Name').fill('Harbour Wire Service')
  await settings.getByLabel(/^Folder/).fill('World/Europe')
  await settings.getByRole('radio', { name: 'The newest' }).check()
  await settings.getByLabel('Items to keep').fill('50')
  await settings.getByRole('button', { name: 'Save' }).click()
  await expect(settings).toBeHidden()
  await expect(nav.getByRole('button', { name: /^Wires/ })).toHaveCount(0)
  await expect(nav.getByRole('button', { name: /^Europe 3/ })).toBeVisible() // 2 + 1 unread
  await expect(feedRow(page, 'Harbour Wire Service')).toBeVisible()

  // Unsubscribing asks first, and says the highlights go with it (kept aside on disk).
  await feedRow(page, 'Harbour Wire Service').click()
  const firstItem = page.getByRole('option').first()
  await firstItem.click()
  const listed = await callApi<{ value: { items: { id: string; feedTitle: string }[] } }>(
    page,
    'listItems',
    {},
  )
  const itemId = listed.value.items.find((item) => item.feedTitle === 'Harbour Wire Service')!.id
  const created = (await callApi(page, 'createAnnotation', {
    itemId,
    kind: 'plain',
    note: 'kept',
    tags: [],
    target: {
      position: { type: 'TextPositionSelector', start: 0, end: 4 },
      quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
    },
  })) as { ok: boolean }
  expect(created.ok).toBe(true)
  await page.reload()
  await nav.getByRole('button', { name: 'Settings for Harbour Wire Service' }).click()
  await settings.getByRole('button', { name: 'Unsubscribe…' }).click()
  const confirm = settings.getByRole('alertdialog', { name: 'Confirm unsubscribe' })
  await expect(confirm).toContainText('with 1 highlight')
  await confirm.getByRole('button', { name: 'Keep it' }).click()
  await expect(confirm).toBeHidden()
  await settings.getByRole('button', { name: 'Unsubscribe…' }).click()
  await confirm.getByRole('button', { name: 'Unsubscribe' }).click()
  await expect(settings).toBeHidden()
  await expect(page.getByRole('status')).toContainText(
    'Removed Harbour Wire Service and its 2 articles; its 1 highlight is kept',
  )
  await expect(feedRow(page, 'Harbour Wire Service')).toHaveCount(0)
  await expect(feedRow(page, 'Field Notes Lab')).toBeVisible()
})

test('subscriptions go out and come in as OPML', async ({ page, shell }) => {
  await page.goto(shell.url)
  await addFeed(page, feeds.url('/wire.xml'), 'News')

  await page.getByRole('button', { name: '+ Add feed' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a feed' })
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export OPML' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^research-reader-subscriptions-.*\.opml$/)
  const exported = await readFile((await download.path())!, 'utf8')
  expect(exported).toContain(`xmlUrl="${feeds.url('/wire.xml')}"`)
  expect(exported).toContain('<outline text="News"')

  const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
    <outline text="Science"><outline type="rss" text="Lab" xmlUrl="${feeds.url('/lab.xml')}"/></outline>
    <outline type="rss" text="Wire again" xmlUrl="${feeds.url('/wire.xml')}"/>
  </body></opml>`
  await dialog.getByLabel('OPML file to import').setInputFiles({
    name: 'from-another-reader.opml',
    mimeType: 'text/x-opml',
    buffer: Buffer.from(opml),
  })
  await expect(dialog.getByRole('status')).toHaveText('Imported 1 feed, 1 already followed.')
  await page.keyboard.press('Escape')
  // The imported feed is fetched at once and lands in its folder, under the name the list gave it.
  const nav = page.getByRole('navigation', { name: 'Feeds' })
  await expect(nav.getByRole('button', { name: /^Science 1/ })).toBeVisible()
  await expect(feedRow(page, 'Lab')).toBeVisible()
})

test('a failing feed is listed with its reason and can be retried alone', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await addFeed(page, feeds.url('/wire.xml'))
  await addFeed(page, feeds.url('/lab.xml'))
  feeds.routes.set('/wire.xml', { status: 503, body: 'down for maintenance' })
  await page.getByRole('button', { name: 'Sync all' }).click()
  const failing = page.getByRole('group').filter({ hasText: 'Failing feeds' })
  await expect(failing).toContainText('Harbour Wire')
  await expect(failing).toContainText('503')
  await expect(page.getByText(/1 feed failed/)).toBeVisible()

  feeds.routes.set('/wire.xml', { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE })
  await failing.getByRole('button', { name: 'Retry Harbour Wire' }).click()
  await expect(failing).toHaveCount(0)
  await expect(page.getByRole('status')).toContainText('Synced: 0 new items.')
})

test('a feed address that now gives a web page names its feeds, and one click follows one', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await addFeed(page, feeds.url('/wire.xml'))
  // The site moved its feed and the old address now serves the home page.
  feeds.routes.set('/wire.xml', feeds.routes.get('/site/')!)
  await page.getByRole('button', { name: 'Sync all' }).click()
  const failing = page.getByRole('group').filter({ hasText: 'Failing feeds' })
  await expect(failing).toContainText(
    `This is a web page, not a feed. It offers 2 feeds: Wire stories (${feeds.url('/wire.xml')}); Lab notes (${feeds.url('/lab.xml')}).`,
  )

  await page.getByRole('button', { name: 'Settings for Harbour Wire' }).click()
  const dialog = page.getByRole('dialog', { name: /Feed settings/ })
  await expect(dialog).toContainText('Feeds on that page')
  // Its own address is among them (followed already); the other can be followed from here.
  await expect(dialog).toContainText('(already followed)')
  await dialog.getByRole('button', { name: 'Subscribe to Lab notes' }).click()
  await expect(feedRow(page, 'Field Notes Lab')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Subscribe to Lab notes' })).toHaveCount(0)
})
