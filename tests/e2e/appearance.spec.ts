// Settings in the browser shell: themes (following the system by default), reading font size and
// line width applied live and kept across restarts, mark-read-on-open, and pane sizes remembered.
import { expect, test } from './shell-test'

test('themes follow the system by default, and a chosen theme and text size stay after a reload', async ({
  page,
  shell,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(shell.url)
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(html).toHaveAttribute('data-theme', 'light')

  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('radio', { name: 'Sepia' }).check()
  await expect(html).toHaveAttribute('data-theme', 'sepia')
  await expect(html).toHaveCSS('background-color', 'rgb(244, 236, 216)')
  await settings.getByLabel(/Text size/).fill('22')
  await settings.getByLabel(/Line width/).fill('60')
  await settings.getByLabel('Font').selectOption('sans')
  await page.keyboard.press('Escape')
  await expect(settings).toBeHidden()

  // j moves through the list, so the list must be on screen first (CI once pressed it earlier).
  await expect(page.getByRole('option').first()).toBeVisible()
  await page.keyboard.press('j')
  const content = page.getByTestId('article-content')
  await expect(content).toHaveCSS('font-size', '22px')
  await expect(content).toHaveCSS('font-family', /Arial|Helvetica/)

  // Stored by the core: a reload (or another window) paints the same way.
  await page.reload()
  await expect(html).toHaveAttribute('data-theme', 'sepia')
  await expect(page.getByRole('option').first()).toBeVisible()
  await page.keyboard.press('j')
  await expect(page.getByTestId('article-content')).toHaveCSS('font-size', '22px')
  const article = page.locator('article.article')
  const width = await article.evaluate((el) => el.getBoundingClientRect().width)
  const fontSize = 22
  // 60ch of the reading font plus the article's padding: well under the 68ch default.
  expect(width).toBeLessThan(60 * fontSize * 0.75 + 60)
})

test('with "mark read on open" off, opening an article leaves it unread', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByLabel('Mark an article read when I open it').uncheck()
  await page.keyboard.press('Escape')
  const first = page.getByRole('option').first()
  await first.click()
  await expect(page.locator('article.article h1')).toBeVisible()
  await expect(first).toHaveClass(/\bunread\b/)
  await page.reload()
  await expect(page.getByRole('option').first()).toHaveClass(/\bunread\b/)
  // m still marks it read by hand.
  await page.getByRole('option').first().click()
  await expect(page.locator('article.article h1')).toBeVisible()
  await page.keyboard.press('m')
  await expect(page.getByRole('option').first()).toHaveClass(/\bread\b/)
})

test('panes resize with the mouse or the keyboard, and keep their size', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  const splitter = page.getByRole('separator', { name: 'Resize the feeds pane' })
  await expect(splitter).toHaveAttribute('aria-valuenow', '260')
  await splitter.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(splitter).toHaveAttribute('aria-valuenow', '292')

  const list = page.getByRole('separator', { name: 'Resize the items pane' })
  const box = (await list.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + 200)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + 200, { steps: 5 })
  await page.mouse.up()
  await expect(list).toHaveAttribute('aria-valuenow', '460')

  await page.reload()
  await expect(page.getByRole('separator', { name: 'Resize the feeds pane' })).toHaveAttribute(
    'aria-valuenow',
    '292',
  )
  const sidebar = page.getByRole('navigation', { name: 'Feeds' })
  expect((await sidebar.boundingBox())!.width).toBeCloseTo(292, 0)
  await expect(page.getByRole('separator', { name: 'Resize the items pane' })).toHaveAttribute(
    'aria-valuenow',
    '460',
  )
})
