// The foundation slice in real Chromium through the browser shell: the sample library on first
// start; subscribe to a feed served over loopback HTTP, sync, open an item, highlight a quote
// with a real mouse selection, export the Markdown note and check it.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './shell-test'
import {
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { REPO_ROOT } from '../helpers/browser-shell'
import { addFeed, selectWithMouse } from './ui-actions'

const ARTIFACTS = join(REPO_ROOT, 'tests', 'artifacts')
let feeds: FixtureServer

test.beforeEach(async () => {
  feeds = await startFixtureServer({
    '/wire.xml': { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE },
  })
})

test.afterEach(async () => {
  await feeds.close()
})

test('a newcomer sees the bundled sample library, readable offline', async ({ page, shell }) => {
  await page.goto(shell.url)
  await expect(page.getByRole('navigation', { name: 'Feeds' })).toContainText(
    'Research Reader — Sample Newsroom',
  )
  await expect(page.getByRole('option')).toHaveCount(5)
  await page.getByRole('option', { name: /Envoys agree to resume Tarsk border talks/ }).click()
  const content = page.getByTestId('article-content')
  await expect(content).toContainText('This is the imported news bot.')
  // The bot repost is cited to its real byline and shown cleaned: no repeated headline, no footer.
  const citation = page.getByLabel('Citation')
  await expect(citation).toContainText('By Daria Kovalenko')
  await expect(citation).not.toContainText('NewsRelay Bot')
  const footer = content.getByText('This is the imported news bot.')
  await expect(footer).toBeHidden()
  const headlineRepeats = content.getByText(
    'Envoys agree to resume Tarsk border talks after three-month pause',
    { exact: true },
  )
  await expect(headlineRepeats.filter({ visible: true })).toHaveCount(0)
  await expect(content.getByText(/^Photo: /)).toBeVisible()
  await page.getByRole('button', { name: /Show original \(\d+ relay lines hidden\)/ }).click()
  await expect(footer).toBeVisible()
  await expect(headlineRepeats).toHaveCount(3)
  await page.getByRole('button', { name: 'Show cleaned' }).click()
  await expect(footer).toBeHidden()
  await mkdir(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, 'sample-library.png') })
})

test('subscribe → sync → read → highlight a quote with the mouse → export cited Markdown', async ({
  page,
  shell,
}) => {
  const ran: string[] = []
  page.on('console', (message) => ran.push(message.text()))
  await page.goto(shell.url)
  expect(new URL(page.url()).search).toBe('') // the token left the address bar

  await addFeed(page, feeds.url('/wire.xml'))
  await expect(page.getByRole('status')).toContainText('Subscribed to Harbour Wire (2 items)')
  await page.getByRole('button', { name: 'Sync all' }).click()
  await expect(page.getByRole('status')).toContainText('Synced: 0 new items')

  await page
    .getByRole('navigation', { name: 'Feeds' })
    .getByRole('button', { name: /^Harbour Wire/ })
    .click()
  await expect(page.getByRole('option')).toHaveCount(2)
  await page.getByRole('option', { name: /Envoys agree to resume border talks/ }).click()
  const content = page.getByTestId('article-content')
  await expect(content).toContainText('the envoy said after the meeting')
  // The short item counts as a teaser: its page (not served here) was tried once, and the
  // failure is told on the button without moving the article.
  await expect(page.getByRole('button', { name: 'Full text unavailable — retry' })).toHaveAttribute(
    'title',
    /The server answered 404/,
  )

  // The feed's script, onerror handler and javascript: link never ran and are gone.
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned),
  ).toBeUndefined()
  await expect(content.locator('script, [onerror], a[href^="javascript"]')).toHaveCount(0)

  const phrase = 'We are ready to sit down again without preconditions'
  await selectWithMouse(page, phrase)
  const composer = page.getByRole('region', { name: 'New highlight' })
  await expect(composer).toContainText(phrase)
  await composer.getByLabel('Quote').check()
  await composer.getByLabel('Note').fill('The envoy rules out preconditions.')
  await composer.getByLabel('Tags').fill('diplomacy, follow-up')
  await composer.getByRole('button', { name: 'Save highlight' }).click()
  await expect(composer).toBeHidden()

  await expect(content.locator('mark.highlight-quote')).toHaveText(phrase)
  await expect(page.getByTestId('highlight-card')).toContainText(
    'The envoy rules out preconditions.',
  )

  // Saved, not just shown: a reload brings the highlight back in the same place.
  await page.reload()
  await page.getByRole('option', { name: /Envoys agree to resume border talks/ }).click()
  await expect(page.getByTestId('article-content').locator('mark.highlight-quote')).toHaveText(
    phrase,
  )

  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  const preview = dialog.getByTestId('export-preview')
  await expect(preview).toHaveValue(/^---\n/)
  const markdown = await preview.inputValue()
  // Frontmatter Zotero and Obsidian users rely on: the real author (never the relay bot), the
  // publisher, the date as the source gave it, a citekey.
  expect(markdown).toMatch(
    /^---\nid: "i-[0-9a-f]{16}"\ntitle: "Envoys agree to resume border talks"\n/,
  )
  expect(markdown).toContain('author: "Daria Kovalenko"\n')
  expect(markdown).toContain('publisher: "Harbour Wire"\n')
  expect(markdown).toContain('published: "2026-01-23T08:40:00Z"\n')
  expect(markdown).toContain('citekey: "kovalenko2026envoys"\n')
  expect(markdown).toContain(
    'Kovalenko, D. (2026, January 23). Envoys agree to resume border talks. Harbour Wire.',
  )
  expect(markdown).toMatch(
    new RegExp(
      `> ${phrase} \\[⤴\\]\\([^)]+\\) \\^rr-[a-z0-9]+\\n\\n\\*Quote\\* #diplomacy #follow-up\\n\\nThe envoy rules out preconditions\\.`,
    ),
  )

  const downloadPromise = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download' }).click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toMatch(
    /^envoys-agree-to-resume-border-talks--i-[0-9a-f]{4,}\.md$/,
  )
  const file = await download.path()
  expect(await readFile(file, 'utf8')).toBe(markdown)

  await mkdir(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, 'slice-export.png') })
  expect(ran.filter((line) => /pwned/i.test(line))).toEqual([])
})
