// Highlights in the reader, driven by a real mouse in Chromium: the three kinds (a quote with its
// speaker, a claim with its status, a coloured highlight with a Markdown note and a tag picked
// from autocomplete), a claim's status history, delete with Undo, highlights back after a reload,
// the quote finder's suggestions saved as a quote, and a highlight whose text is not in the
// article listed as not found — never hidden.
import type { Page } from '@playwright/test'
import { expect, test } from './shell-test'
import { callApi, selectWithMouse } from './ui-actions'

const TALKS = /Envoys agree to resume Tarsk border talks/

async function openTalks(page: Page): Promise<void> {
  await page.getByRole('option', { name: TALKS }).click()
  await expect(page.getByTestId('article-content')).toContainText('VELGRAD')
}

test('create each kind, edit a claim twice, delete with Undo, and find them after a reload', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await openTalks(page)
  const content = page.getByTestId('article-content')
  const composer = page.getByRole('region', { name: 'New highlight' })
  const cards = page.getByTestId('highlight-card')

  // Escape cancels the composer.
  await selectWithMouse(page, 'Observers noted that')
  await expect(composer).toBeVisible()
  await composer.getByLabel('Note').press('Escape')
  await expect(composer).toBeHidden()

  // A quote with its speaker and role.
  const aide = 'We have agreed to talk. We have not agreed to anything else.'
  await selectWithMouse(page, aide)
  await expect(composer).toContainText(aide)
  await composer.getByLabel('Quote', { exact: true }).check()
  await composer.getByLabel('Speaker').fill('Miroslav Hauke')
  await composer.getByLabel('Role (optional)').fill('aide to the regional president')
  await composer.getByLabel('Tags').fill('diplomacy')
  await composer.getByRole('button', { name: 'Save highlight' }).click()
  await expect(composer).toBeHidden()
  await expect(content.locator('mark.highlight-quote')).toHaveText(aide)
  await expect(cards.filter({ hasText: aide })).toContainText(
    'Miroslav Hauke, aide to the regional president',
  )

  // A claim with its status and a restatement.
  const claim = 'roughly 14,000 people live in villages along the 90-kilometre disputed stretch'
  await selectWithMouse(page, claim)
  await composer.getByLabel('Claim', { exact: true }).check()
  await expect(composer.getByLabel('Claim status')).toHaveValue('unverified')
  await composer.getByLabel('Claim status').selectOption('disputed')
  await composer.getByLabel('Restated (optional)').fill('About 14k people live on the border')
  await composer.getByRole('button', { name: 'Save highlight' }).click()
  await expect(composer).toBeHidden()
  await expect(content.locator('mark.highlight-claim')).toHaveText(claim)
  const claimCard = cards.filter({ hasText: claim })
  await expect(claimCard).toContainText('disputed')
  await expect(claimCard).toContainText('About 14k people live on the border')

  // A plain highlight across two paragraphs, purple, with a Markdown note and a tag picked from
  // the autocomplete (the tag the quote brought).
  await selectWithMouse(page, 'Both sides called the talks', 'The process will run under')
  await composer.getByLabel('Highlight', { exact: true }).check()
  await composer.getByLabel('Purple').check()
  await composer
    .getByLabel('Note')
    .fill(
      '**Key** timeline, see [the ministry](https://example.org/velgrad) <b>raw</b>\n\n- first\n- second',
    )
  await composer.getByLabel('Tags').fill('dipl')
  await composer
    .getByRole('group', { name: 'Tag suggestions' })
    .getByRole('button', { name: '#diplomacy' })
    .click()
  await expect(composer.getByLabel('Tags')).toHaveValue('diplomacy, ')
  await composer.getByRole('button', { name: 'Save highlight' }).click()
  await expect(composer).toBeHidden()
  const plainMarks = content.locator('mark.highlight-plain.color-purple')
  await expect(plainMarks.first()).toContainText('Both sides called the talks')
  await expect(plainMarks.last()).toHaveText('The process will run under')
  const plainCard = cards.filter({ hasText: 'Both sides called the talks' })
  await expect(plainCard.locator('.note strong')).toHaveText('Key')
  const link = plainCard.getByRole('link', { name: 'the ministry' })
  await expect(link).toHaveAttribute('href', 'https://example.org/velgrad')
  await expect(link).toHaveAttribute('rel', /noopener/)
  await expect(plainCard.locator('.note')).toContainText('<b>raw</b>')
  await expect(plainCard.locator('.note b')).toHaveCount(0)
  await expect(plainCard.locator('.note li')).toHaveCount(2)
  await expect(plainCard).toContainText('#diplomacy')

  // Document order.
  await expect(cards).toHaveCount(3)
  const order = [aide, 'Both sides called the talks', claim]
  for (const [i, text] of order.entries()) await expect(cards.nth(i)).toContainText(text)

  // Edit the claim's status twice: the history shows each with its time.
  for (const status of ['supported', 'refuted']) {
    await claimCard.getByRole('button', { name: 'Edit' }).click()
    const editor = claimCard.getByRole('region', { name: 'Edit highlight' })
    await editor.getByLabel('Claim status').selectOption(status)
    await editor.getByRole('button', { name: 'Save changes' }).click()
    await expect(editor).toBeHidden()
    await expect(claimCard.locator('.card-head .status')).toHaveText(status)
  }
  const history = claimCard.getByRole('list', { name: 'Status history' })
  await expect(history.getByRole('listitem')).toHaveCount(3)
  await expect(history.getByRole('listitem').nth(0)).toContainText('disputed')
  await expect(history.getByRole('listitem').nth(2)).toContainText('refuted')
  await expect(history.locator('time')).toHaveCount(3)

  // Clicking a card shows its highlight in the article.
  await claimCard.getByRole('button', { name: 'Show in the article' }).click()
  await expect(content.locator('mark.highlight-claim.flash')).toHaveCount(1)

  // Delete, then Undo: it comes back in the same place.
  await claimCard.getByRole('button', { name: 'Delete' }).click()
  await expect(cards).toHaveCount(2)
  await expect(content.locator('mark.highlight-claim')).toHaveCount(0)
  const status = page.getByRole('status').filter({ hasText: 'Highlight deleted.' })
  await status.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('status')).toContainText('Highlight restored.')
  await expect(cards).toHaveCount(3)
  for (const [i, text] of order.entries()) await expect(cards.nth(i)).toContainText(text)
  await expect(content.locator('mark.highlight-claim')).toHaveText(claim)

  // The original view shows more text: the highlights re-anchor in it, and back.
  await page.getByRole('button', { name: /Show original/ }).click()
  await expect(content.locator('mark.highlight-claim')).toHaveText(claim)
  await expect(content.locator('mark.highlight-quote')).toHaveText(aide)
  await page.getByRole('button', { name: 'Show cleaned' }).click()
  await expect(content.locator('mark.highlight-claim')).toHaveText(claim)

  // On disk: a reload brings all three back in the same places.
  await page.reload()
  await openTalks(page)
  const again = page.getByTestId('article-content')
  await expect(again.locator('mark.highlight-quote')).toHaveText(aide)
  await expect(again.locator('mark.highlight-claim')).toHaveText(claim)
  await expect(again.locator('mark.highlight-plain.color-purple').last()).toHaveText(
    'The process will run under',
  )
  await expect(page.getByTestId('highlight-card')).toHaveCount(3)
  await expect(
    page.getByTestId('highlight-card').filter({ hasText: claim }).locator('.card-head .status'),
  ).toHaveText('refuted')
})

test('Find quotes shows the speech quotes; Save as quote makes a quote with its speaker', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await openTalks(page)
  const content = page.getByTestId('article-content')
  // A selection that is a found quote opens the composer as a quote with its speaker.
  await selectWithMouse(page, 'the alternative is worse for everyone')
  const composer = page.getByRole('region', { name: 'New highlight' })
  await expect(composer.getByLabel('Quote', { exact: true })).toBeChecked()
  await expect(composer.getByLabel('Speaker')).toHaveValue('Anatol Brenner')
  await composer.getByRole('button', { name: 'Cancel' }).click()
  await expect(composer).toBeHidden()

  await page.getByRole('button', { name: 'Find quotes' }).click()
  const found = page.getByRole('region', { name: 'Found quotes' })
  const brenner = found.getByTestId('found-quote').filter({ hasText: 'Anatol Brenner' })
  await expect(brenner).toContainText('We are returning to the table')
  await expect(brenner).toContainText(/confidence \d+%/)
  await expect(content.locator('mark.found-quote').first()).toBeVisible()
  await expect(content.locator('mark.found-quote')).toContainText([/We are returning to the table/])

  await brenner.getByRole('button', { name: 'Save as quote' }).click()
  const card = page
    .getByTestId('highlight-card')
    .filter({ hasText: 'We are returning to the table' })
  await expect(card).toContainText('Quote')
  await expect(card.locator('.speaker')).toContainText('Anatol Brenner')
  await expect(content.locator('mark.highlight-quote')).toContainText(
    'We are returning to the table',
  )
  // Saved, it is no longer a suggestion.
  await expect(brenner).toHaveCount(0)

  await page.getByRole('button', { name: 'Hide quotes' }).first().click()
  await expect(found).toBeHidden()
  await expect(content.locator('mark.found-quote')).toHaveCount(0)
  await expect(content.locator('mark.highlight-quote')).toContainText(
    'We are returning to the table',
  )
})

test('a highlight whose text is not in the article is listed as not found, with its text', async ({
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
  const talks = listed.value.items.find((item) => TALKS.test(item.title))!
  const missing = 'The envoys signed a final peace treaty in the Velgrad cathedral at dawn.'
  const created = await callApi<{ ok: boolean }>(page, 'createAnnotation', {
    itemId: talks.id,
    kind: 'plain',
    note: 'From an earlier version.',
    tags: [],
    target: {
      position: { type: 'TextPositionSelector', start: 10, end: 10 + missing.length },
      quote: { type: 'TextQuoteSelector', exact: missing, prefix: '', suffix: '' },
    },
  })
  expect(created.ok).toBe(true)
  await openTalks(page)
  const orphans = page.getByRole('region', { name: 'Not found in this version' })
  await expect(orphans).toContainText(missing)
  await expect(orphans.getByTestId('highlight-card')).toContainText('not found in this version')
  await expect(page.getByTestId('article-content').locator('mark.highlight')).toHaveCount(0)
})
