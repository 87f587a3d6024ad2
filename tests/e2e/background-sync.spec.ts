// Background sync on the interval set in Settings, paused while offline and caught up when the
// connection comes back. The page's clock is Playwright's fake one, so minutes pass at once.
import type { Request } from '@playwright/test'
import { expect, test } from './shell-test'

test('syncs due feeds on the interval, not while offline, and catches up when back online', async ({
  page,
  context,
  shell,
}) => {
  await page.clock.install()
  const scheduled: Request[] = []
  page.on('request', (request) => {
    if (
      request.url().endsWith('/api/call/syncAll') &&
      request.postData()?.includes('"dueOnly":true')
    )
      scheduled.push(request)
  })
  await page.goto(shell.url)
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByLabel('Check feeds in the background').selectOption('15')
  await page.keyboard.press('Escape')

  // A tick while a sync still runs is skipped, so each step waits for the sync to end.
  const idle = page.getByRole('button', { name: 'Sync all' })
  await page.clock.fastForward('00:06') // the first check, soon after start
  await expect.poll(() => scheduled.length).toBe(1)
  await expect(idle).toBeEnabled()
  await page.clock.fastForward('15:00')
  await expect.poll(() => scheduled.length).toBe(2)
  await expect(idle).toBeEnabled()

  await context.setOffline(true)
  await expect(page.getByText('Offline — background sync paused')).toBeVisible()
  await page.clock.fastForward('45:00')
  await page.clock.runFor(1000)
  expect(scheduled.length).toBe(2)

  await context.setOffline(false)
  await expect(page.getByText('Offline — background sync paused')).toBeHidden()
  await page.clock.fastForward('00:06')
  await expect.poll(() => scheduled.length).toBe(3)
  await expect(idle).toBeEnabled()

  // "Never" stops it.
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await settings.getByLabel('Check feeds in the background').selectOption('0')
  await page.keyboard.press('Escape')
  await page.clock.fastForward('02:00:00')
  await page.clock.runFor(1000)
  expect(scheduled.length).toBe(3)
})
