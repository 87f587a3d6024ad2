// Search in the browser shell: one box over titles, text, authors, feeds, highlights and notes;
// ranked hits with marked snippets; filters as query words (typed or set by the controls); the
// keyboard reaches it all.
import { expect, test } from './shell-test'
import { callApi } from './ui-actions'

test('finds articles by their words with marked snippets, and opens them from the keyboard', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await expect(page.getByRole('option').first()).toBeVisible()
  await page.keyboard.press('/')
  const box = page.getByRole('searchbox', { name: 'Search' })
  await expect(box).toBeFocused()
  await box.pressSequentially('ice loss')
  const results = page.getByRole('listbox', { name: 'Search results' })
  const hits = results.getByRole('option')
  await expect(hits.first()).toContainText('Glacier report finds Aurel Range ice loss doubled')
  await expect(page.getByRole('region', { name: 'Search results' }).getByRole('status')).toHaveText(
    /^\d+ results?$/,
  )
  await expect(hits.first().locator('mark').first()).toHaveText(/ice|loss/i)

  // Enter opens the first hit; j and k walk the hits.
  await box.press('Enter')
  await expect(page.locator('article.article h1')).toHaveText(/Glacier report finds/)
  await expect(hits.first()).toHaveAttribute('aria-selected', 'true')

  // Typing in the box is typing, not navigating.
  await box.focus()
  await box.press('End')
  await box.press('j')
  await expect(box).toHaveValue('ice lossj')
  await box.press('Backspace')

  // Escape clears the query and brings the list back.
  await box.press('Escape')
  await expect(box).toHaveValue('')
  await expect(page.getByRole('listbox', { name: 'Articles' })).toBeVisible()
})

test('filters narrow the results as query words, and highlights and notes are searched', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await expect(page.getByRole('option').first()).toBeVisible()
  const listed = await callApi<{ value: { items: { id: string; title: string }[] } }>(
    page,
    'listItems',
    {},
  )
  const talks = listed.value.items.find((item) => item.title.startsWith('Envoys agree'))!
  const created = await callApi<{ ok: boolean }>(page, 'createAnnotation', {
    itemId: talks.id,
    kind: 'claim',
    note: 'Check the zeppelin figure against the ministry release.',
    tags: ['verify'],
    target: {
      position: { type: 'TextPositionSelector', start: 0, end: 7 },
      quote: { type: 'TextQuoteSelector', exact: 'VELGRAD', prefix: '', suffix: '' },
    },
  })
  expect(created.ok).toBe(true)

  const box = page.getByRole('searchbox', { name: 'Search' })
  await box.fill('zeppelin')
  const hits = page.getByRole('listbox', { name: 'Search results' }).getByRole('option')
  await expect(hits).toHaveCount(1)
  await expect(hits.first()).toContainText('Envoys agree to resume Tarsk border talks')
  await expect(hits.first()).toContainText('Note:')
  await expect(hits.first().locator('mark')).toHaveText('zeppelin')

  // Tags are query words.
  await box.fill('tag:verify')
  await expect(hits).toHaveCount(1)

  // The controls write query words into the box.
  await box.fill('talks')
  await expect(hits.first()).toBeVisible()
  const before = await hits.count()
  await page.getByRole('button', { name: 'Filters' }).click()
  await page.getByRole('checkbox', { name: 'Highlighted' }).check()
  await expect(box).toHaveValue('talks is:annotated')
  await expect(hits).toHaveCount(1)
  await page.getByRole('checkbox', { name: 'Highlighted' }).uncheck()
  await expect(hits).toHaveCount(before)
  await page.getByLabel('From').fill('2026-03-01')
  await expect(box).toHaveValue('talks after:2026-03-01')
  await expect(hits).toHaveCount(1) // only the tariff talks of 10 March
  await expect(hits.first()).toContainText('Talks on Valdoria')

  // A word the search cannot read is said, and the rest still runs.
  await box.fill('talks after:2026-13-45')
  await expect(page.getByText(/after: needs a date/i)).toBeVisible()
  await expect(hits.first()).toBeVisible()
})
