// Correcting a citation by hand in the reader: the correction shows at once, survives a reload
// and is what the exported note cites.
import { expect, test } from '@playwright/test'
import {
  reportShellOnFailure,
  startBrowserShell,
  type RunningShell,
} from '../helpers/browser-shell'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

let shell: RunningShell

test.beforeEach(async () => {
  shell = await startBrowserShell(await tempDir())
})

// eslint-disable-next-line no-empty-pattern -- Playwright needs the pattern to pass testInfo
test.afterEach(async ({}, testInfo) => {
  await reportShellOnFailure(shell, testInfo)
  await shell.stop()
  await removeTempDirs()
})

test('a corrected citation is shown, kept and exported', async ({ page }) => {
  await page.goto(shell.url)
  const open = async (): Promise<void> => {
    await page
      .getByRole('option', { name: /Glacier report finds Aurel Range ice loss doubled/ })
      .click()
  }
  await open()
  await page.getByRole('button', { name: 'Edit citation' }).click()
  const editor = page.getByRole('form', { name: 'Edit citation' })
  await editor.getByLabel('Authors (separated by ;)').fill('Mira Solberg; Jon Aas')
  await editor.getByLabel('Publisher').fill('Aurel Climate Desk')
  await editor.getByRole('button', { name: 'Save citation' }).click()
  await expect(editor).toBeHidden()
  const citation = page.getByLabel('Citation')
  await expect(citation).toContainText('By Mira Solberg, Jon Aas')
  await expect(citation).toContainText('Aurel Climate Desk')

  await page.reload()
  await open()
  await expect(page.getByLabel('Citation')).toContainText('By Mira Solberg, Jon Aas')
  await page.getByRole('button', { name: 'Export Markdown' }).click()
  const markdown = await page.getByTestId('markdown-preview').inputValue()
  expect(markdown).toContain('author: "Mira Solberg; Jon Aas"')
  expect(markdown).toContain('source: "Aurel Climate Desk"')
})
