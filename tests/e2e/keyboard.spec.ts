// Keyboard-first reading in the browser shell: j/k/n to move, s to star, m to toggle read,
// g then a/u/s/h for the smart views, ? for the help — and keys typed into a field stay text.
import { expect, test } from './shell-test'

test('the reader is usable from the keyboard alone, and mark-all-read can be undone', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  const options = page.getByRole('option')
  await expect(options).toHaveCount(5)
  const heading = page.locator('article.article h1')
  const titles = await options.locator('.item-title').allTextContents()

  await page.keyboard.press('j')
  await expect(heading).toHaveText(titles[0]!)
  await page.keyboard.press('j')
  await expect(heading).toHaveText(titles[1]!)
  await page.keyboard.press('k')
  await expect(heading).toHaveText(titles[0]!)

  // Opening marked it read; m marks it unread again, and the list shows it.
  const first = options.filter({ hasText: titles[0]! })
  await expect(first).toHaveClass(/\bread\b/)
  await page.keyboard.press('m')
  await expect(first).toHaveClass(/\bunread\b/)

  // n goes to the next unread item (the second was read by j).
  await page.keyboard.press('n')
  await expect(heading).toHaveText(titles[2]!)

  await page.keyboard.press('s')
  await expect(options.filter({ hasText: titles[2]! }).getByLabel('Starred')).toBeVisible()
  await page.keyboard.press('g')
  await page.keyboard.press('s')
  await expect(options).toHaveCount(1)
  await expect(options.first()).toContainText(titles[2]!)
  await page.keyboard.press('g')
  await page.keyboard.press('u')
  await expect(options).toHaveCount(3) // five, less the two read ones (titles[1] and titles[2])
  await page.keyboard.press('g')
  await page.keyboard.press('a')
  await expect(options).toHaveCount(5)

  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toContainText('Next / previous item')
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()

  // Mark all read, then take it back.
  await page.getByRole('button', { name: 'Mark all read' }).click()
  await expect(page.getByRole('status')).toContainText('Marked 3 items read.')
  await expect(options.filter({ hasText: titles[0]! })).toHaveClass(/\bread\b/)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('status')).toContainText('3 marked unread again.')
  await expect(options.filter({ hasText: titles[0]! })).toHaveClass(/\bunread\b/)
  await expect(
    page.getByRole('navigation', { name: 'Feeds' }).getByRole('button', { name: /All items 3/ }),
  ).toBeVisible()

  // Typing in a field is typing, not navigating.
  await page.getByRole('button', { name: '+ Add feed' }).click()
  const address = page.getByLabel('Feed or website address')
  await address.press('j')
  await expect(address).toHaveValue('j')
  await page.keyboard.press('Escape')
  await expect(heading).toHaveText(titles[2]!)
})
