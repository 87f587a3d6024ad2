// Correcting a citation by hand in the reader: the correction shows at once, survives a reload
// and is what the exported note cites.
import { expect, test } from './shell-test'

test('a corrected citation is shown, kept and exported', async ({ page, shell }) => {
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
  await page.getByRole('button', { name: 'Export…' }).click()
  const preview = page.getByRole('dialog', { name: 'Export' }).getByTestId('export-preview')
  await expect(preview).toHaveValue(/^---\n/)
  const markdown = await preview.inputValue()
  expect(markdown).toContain('authors: ["Mira Solberg", "Jon Aas"]')
  expect(markdown).toContain('publisher: "Aurel Climate Desk"')
})
