// A damaged settings file at start-up, in the window: the app starts, a notice says the settings
// were restored from their backup and where the damaged file is kept, and the restored settings
// apply. The notice stays until dismissed.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startBrowserShell } from '../helpers/browser-shell'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

test.afterEach(async () => {
  await removeTempDirs()
})

test('a corrupt settings file is restored from its backup and the user is told', async ({
  page,
}) => {
  const dataDir = await tempDir()
  const settings = join(dataDir, 'settings.json')
  writeFileSync(settings, '{"schemaVersion":1,"values":{"theme":"da')
  writeFileSync(
    `${settings}.bak`,
    JSON.stringify({ schemaVersion: 1, values: { theme: 'dark' } }, null, 2),
  )
  const shell = await startBrowserShell(dataDir)
  try {
    await page.goto(shell.url)
    const notice = page.getByRole('alert').filter({ hasText: 'Your settings' })
    await expect(notice).toContainText('could not be read: the file is not valid JSON')
    await expect(notice).toContainText('restored from the backup made')
    await expect(notice).toContainText(`${settings}.corrupt-`)
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await expect(notice).toBeHidden()
  } finally {
    await shell.stop()
  }
})
