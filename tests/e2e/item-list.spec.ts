// The item list over a generated library of thousands of items: virtualized (a screenful of
// option rows in the DOM, not thousands), pages loaded as it scrolls, j across a page boundary,
// and the feed or view, selection and scroll position back after a reload.
import { expect, test } from './shell-test'

const FEEDS = 30
const PER_FEED = 100
const TOTAL = FEEDS * PER_FEED
/** Rows in view at the test's 900 px viewport plus overscan, with room to spare. */
const MAX_ROWS_IN_DOM = 30

test.use({ generatedLibrary: { feeds: FEEDS, itemsPerFeed: PER_FEED, bodyBytes: 600, seed: 3 } })

test('a list of thousands renders a screenful, scrolls to its last item and pages with j', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  const list = page.getByRole('listbox', { name: 'Articles' })
  const options = list.getByRole('option')
  await expect(page.getByRole('region', { name: 'Items' })).toContainText(`${TOTAL} items`)
  await expect(options.first()).toHaveAttribute('aria-posinset', '1')
  await expect(options.first()).toHaveAttribute('aria-setsize', String(TOTAL))
  await expect(options.first()).not.toHaveAttribute('aria-busy', 'true')
  const count = await options.count()
  expect(count).toBeGreaterThan(5)
  expect(count).toBeLessThanOrEqual(MAX_ROWS_IN_DOM)

  // The bottom: the last item (the oldest) is there, and still only a screenful of rows.
  await page.locator('.item-list-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  const last = list.locator(`[role=option][aria-posinset="${TOTAL}"]`)
  await expect(last).toBeVisible()
  await expect(last).not.toHaveAttribute('aria-busy', 'true')
  await expect(last.locator('.item-title')).not.toHaveText('Loading…')
  expect(await options.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM)
  const lastTitle = await last.locator('.item-title').textContent()
  await last.click()
  await expect(page.locator('article.article h1')).toHaveText(lastTitle!)

  // Near the top, j walks over the first page's end (row 100) into the second page.
  const row = (n: number) => list.locator(`[role=option][aria-posinset="${n}"]`)
  await page.locator('.item-list-scroll').evaluate((el) => el.scrollTo(0, 96 * 94))
  await expect(row(98)).not.toHaveAttribute('aria-busy', 'true')
  await row(98).click()
  const heading = page.locator('article.article h1')
  await expect(heading).toHaveText((await row(98).locator('.item-title').textContent())!)
  for (const n of [99, 100, 101, 102]) {
    await page.keyboard.press('j')
    const selected = list.locator('[role=option][aria-selected=true]')
    await expect(selected).toHaveAttribute('aria-posinset', String(n))
    await expect(selected).toBeInViewport()
    await expect(heading).toHaveText((await selected.locator('.item-title').textContent())!)
  }
  await page.keyboard.press('k')
  await expect(list.locator('[role=option][aria-selected=true]')).toHaveAttribute(
    'aria-posinset',
    '101',
  )
})

test('a reload brings back the feed or view, the selected item and the scroll position', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  const list = page.getByRole('listbox', { name: 'Articles' })
  await expect(page.getByRole('region', { name: 'Items' })).toContainText(`${TOTAL} items`)
  const scroller = page.locator('.item-list-scroll')
  await scroller.evaluate((el) => el.scrollTo(0, 96 * 1234))
  const chosen = list.locator('[role=option][aria-posinset="1240"]')
  await expect(chosen).not.toHaveAttribute('aria-busy', 'true')
  const title = (await chosen.locator('.item-title').textContent())!
  await chosen.click()
  const heading = page.locator('article.article h1')
  await expect(heading).toHaveText(title)
  const scrollTop = await scroller.evaluate((el) => el.scrollTop)
  // Scroll positions are written once scrolling pauses.
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).join(' ')))
    .toContain('reader.list.place:view:all')

  await page.reload()
  await expect(heading).toHaveText(title)
  const selected = list.locator('[role=option][aria-selected=true]')
  await expect(selected).toHaveAttribute('aria-posinset', '1240')
  await expect(selected).toBeInViewport()
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(scrollTop)
})
