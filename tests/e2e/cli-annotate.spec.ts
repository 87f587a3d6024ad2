// A highlight made with `reader annotate` next to the running app lands where the same words are
// in the window — anchored like one made with the mouse — and `reader quotes` reads the same text.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/browser-shell'
import { expect, test } from './shell-test'
import { callApi } from './ui-actions'

test('a quote annotated from the command line shows in the open app after a reload', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  const info = await callApi<{ value: { dataDir: string } }>(page, 'getAppInfo', {})
  const option = page.getByRole('option', { name: /Envoys agree to resume Tarsk/ })
  await option.click()
  const listed = await callApi<{ value: { items: { id: string; title: string }[] } }>(
    page,
    'listItems',
    {},
  )
  const itemId = listed.value.items.find((item) => item.title.startsWith('Envoys agree'))!.id
  const reader = (...args: string[]): string =>
    execFileSync(
      process.execPath,
      [join(REPO_ROOT, 'electron', 'cli', 'bin.cjs'), '--data', info.value.dataDir, ...args],
      { encoding: 'utf8' },
    )
  const quotes = JSON.parse(reader('quotes', itemId, '--json')) as {
    text: string
    speaker: string | null
  }[]
  const hauke = quotes.find((q) => q.speaker === 'Miroslav Hauke')!
  expect(hauke.text).toBe('We have agreed to talk. We have not agreed to anything else.')
  expect(
    reader(
      'annotate',
      itemId,
      '--quote',
      hauke.text,
      '--kind',
      'quote',
      '--speaker',
      hauke.speaker!,
      '--note',
      'From the CLI',
    ),
  ).toMatch(/^Saved quote a-/)

  await page.reload()
  await page.getByRole('option', { name: /Envoys agree to resume Tarsk/ }).click()
  const content = page.getByTestId('article-content')
  await expect(content.locator('mark.highlight-quote')).toHaveText(hauke.text)
  await expect(page.getByTestId('highlight-card')).toContainText('From the CLI')
})
