// The library-wide highlight views in the browser shell: the annotations list with its filters,
// the claims board, and a claim's page — evidence added through the picker from two other
// articles, its status changed with the history shown, evidence unlinked — kept across a reload.
import type { Page } from '@playwright/test'
import { expect, test } from './shell-test'
import { callApi, quoteTarget } from './ui-actions'

const CLAIM = 'The talks will resume within a month'
const RESTATED = 'Tarsk talks resume by March'
const SUPPORT = 'Ministers confirmed a March date for the next round'
const DISPUTE = 'No date has been agreed, the delegation said'

/** A claim in one sample article and two highlights in two others, made through the API. */
async function seed(page: Page): Promise<{ titles: string[] }> {
  const listed = await callApi<{ value: { items: { id: string; title: string }[] } }>(
    page,
    'listItems',
    {},
  )
  const [a, b, c] = listed.value.items
  const made = await Promise.all([
    callApi<{ ok: boolean }>(page, 'createAnnotation', {
      itemId: a!.id,
      kind: 'claim',
      note: 'Check against the ministry release.',
      tags: ['verify'],
      target: quoteTarget(CLAIM),
      restated: RESTATED,
    }),
    callApi<{ ok: boolean }>(page, 'createAnnotation', {
      itemId: b!.id,
      kind: 'quote',
      note: '',
      tags: ['energy'],
      target: quoteTarget(SUPPORT),
      speaker: { name: 'Ana Ruiz', role: 'spokeswoman' },
    }),
    callApi<{ ok: boolean }>(page, 'createAnnotation', {
      itemId: c!.id,
      kind: 'plain',
      note: 'Contradicts the claim.',
      tags: ['verify'],
      target: quoteTarget(DISPUTE),
    }),
  ])
  expect(made.map((m) => m.ok)).toEqual([true, true, true])
  return { titles: [a!.title, b!.title, c!.title] }
}

test('the annotations view lists every highlight and filters by kind, tag and status', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await expect(page.getByRole('option').first()).toBeVisible()
  const { titles } = await seed(page)

  await page.getByRole('button', { name: 'Annotations', exact: true }).click()
  const heading = page.getByRole('heading', { level: 1, name: 'Annotations' })
  await expect(heading).toBeFocused()
  const entries = page.getByRole('list', { name: 'Highlights' }).getByRole('listitem')
  await expect(entries).toHaveCount(3)
  await expect(page.getByText('3 highlights')).toBeVisible()
  await expect(entries.filter({ hasText: SUPPORT })).toContainText('Ana Ruiz, spokeswoman')
  await expect(entries.filter({ hasText: SUPPORT })).toContainText(titles[1]!)
  await expect(entries.filter({ hasText: CLAIM })).toContainText('Unverified')
  await expect(entries.filter({ hasText: CLAIM })).toContainText(RESTATED)

  const filters = page.getByRole('form', { name: 'Filter highlights' })
  await filters.getByLabel('Kind').selectOption('claim')
  await expect(entries).toHaveCount(1)
  await expect(entries.first()).toContainText(CLAIM)
  await filters.getByLabel('Kind').selectOption('')
  await filters.getByLabel('Tag').fill('verify')
  await expect(entries).toHaveCount(2)
  await expect(entries.filter({ hasText: SUPPORT })).toHaveCount(0)
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(entries).toHaveCount(3)
  await filters.getByLabel('Claim status').selectOption('unverified')
  await expect(entries).toHaveCount(1)
  await filters.getByLabel('Claim status').selectOption('supported')
  await expect(entries).toHaveCount(0)
  await expect(page.getByText('0 highlights')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(entries).toHaveCount(3)

  // A highlight opens its article, back in the reading view.
  await entries
    .filter({ hasText: DISPUTE })
    .getByRole('button', { name: /open the article/ })
    .click()
  await expect(page.locator('article.article h1')).toHaveText(titles[2]!)
  await expect(page.getByRole('list', { name: 'Highlights' })).toHaveCount(0)

  // g then n comes back; a claim opens its page.
  await page.locator('body').press('g')
  await page.locator('body').press('n')
  await expect(heading).toBeFocused()
  await entries
    .filter({ hasText: CLAIM })
    .getByRole('button', { name: /open the claim/ })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: RESTATED })).toBeFocused()
  await page.getByRole('button', { name: '← Back to Annotations' }).click()
  await expect(heading).toBeFocused()
})

test('the claims board and a claim page: evidence from other articles, status history, unlink, kept after reload', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await expect(page.getByRole('option').first()).toBeVisible()
  const { titles } = await seed(page)

  await page.getByRole('button', { name: 'Claims', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Claims' })).toBeFocused()
  const unverified = page.getByRole('region', { name: /^Unverified/ })
  await expect(unverified.getByRole('listitem')).toHaveCount(1)
  await expect(unverified).toContainText(RESTATED)
  await expect(unverified).toContainText(titles[0]!)
  await expect(unverified).toContainText('Evidence: 0 supporting · 0 disputing')
  await expect(page.getByRole('region', { name: /^Supported/ })).toContainText('None')

  // Grouped by tag, the claim sits under #verify.
  await page.getByRole('radio', { name: 'Tag' }).check()
  await expect(page.getByRole('region', { name: /^#verify/ })).toContainText(RESTATED)
  await page.getByRole('radio', { name: 'Status' }).check()

  await unverified.getByRole('button', { name: RESTATED }).click()
  await expect(page.getByRole('heading', { level: 1, name: RESTATED })).toBeFocused()
  await expect(page.locator('.claim-quote')).toContainText(CLAIM)
  await expect(page.locator('.claim-source')).toContainText(titles[0]!)

  // Add both highlights through the picker: one supports, one disputes.
  const supports = page.getByRole('region', { name: /^Supports/ })
  const disputes = page.getByRole('region', { name: /^Disputes/ })
  await page.getByRole('button', { name: 'Add evidence' }).click()
  let picker = page.getByRole('dialog', { name: 'Add evidence' })
  await expect(picker.getByRole('listitem')).toHaveCount(2)
  await picker.getByLabel('Search highlights').fill('march ministers')
  await expect(picker.getByRole('listitem')).toHaveCount(1)
  await picker.getByRole('button', { name: 'Supports' }).click()
  await expect(picker).toHaveCount(0)
  await expect(supports.getByRole('listitem')).toHaveCount(1)
  await expect(supports).toContainText(SUPPORT)
  await expect(supports).toContainText('Ana Ruiz')
  await expect(supports).toContainText(titles[1]!)

  await page.getByRole('button', { name: 'Add evidence' }).click()
  picker = page.getByRole('dialog', { name: 'Add evidence' })
  // Already linked: only the other highlight is offered.
  await expect(picker.getByRole('listitem')).toHaveCount(1)
  await picker.getByLabel('Tag').fill('verify')
  await expect(picker.getByRole('listitem')).toContainText(DISPUTE)
  await picker.getByRole('button', { name: 'Disputes' }).click()
  await expect(disputes.getByRole('listitem')).toHaveCount(1)
  await expect(disputes).toContainText(DISPUTE)

  // Status changed twice: the history lists each with its time.
  const status = page.getByLabel('Status of this claim')
  await status.selectOption('supported')
  const history = page.getByRole('list', { name: 'Status history' }).getByRole('listitem')
  await expect(history).toHaveCount(2)
  await status.selectOption('disputed')
  await expect(history).toHaveCount(3)
  await expect(history.nth(0)).toContainText('Unverified')
  await expect(history.nth(1)).toContainText('Supported')
  await expect(history.nth(2)).toContainText('Disputed')
  for (let i = 0; i < 3; i++)
    await expect(history.nth(i).locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/)

  // Switch a stance, then unlink.
  await supports.getByRole('button', { name: 'Move to Disputes' }).click()
  await expect(disputes.getByRole('listitem')).toHaveCount(2)
  await expect(supports.getByRole('listitem')).toHaveCount(0)
  await disputes
    .getByRole('listitem')
    .filter({ hasText: SUPPORT })
    .getByRole('button', { name: 'Move to Supports' })
    .click()
  await expect(supports.getByRole('listitem')).toHaveCount(1)
  await disputes.getByRole('button', { name: 'Unlink' }).click()
  await expect(disputes.getByRole('listitem')).toHaveCount(0)
  await expect(disputes).toContainText('Nothing linked yet.')

  // After a reload the claim page comes back as it was left.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: RESTATED })).toBeVisible()
  await expect(supports.getByRole('listitem')).toHaveCount(1)
  await expect(supports).toContainText(SUPPORT)
  await expect(disputes.getByRole('listitem')).toHaveCount(0)
  await expect(page.getByLabel('Status of this claim')).toHaveValue('disputed')
  await expect(history).toHaveCount(3)

  // The board shows it under its new status, with its evidence counted; its status changes there.
  await page.getByRole('button', { name: '← Back to Claims' }).click()
  const disputed = page.getByRole('region', { name: /^Disputed/ })
  await expect(disputed).toContainText(RESTATED)
  await expect(disputed).toContainText('Evidence: 1 supporting · 0 disputing')
  await disputed.getByLabel(/^Status of/).selectOption('refuted')
  await expect(page.getByRole('region', { name: /^Refuted/ })).toContainText(RESTATED)
  await expect(disputed).toContainText('None')

  // Open article from the claim page goes back to reading.
  await page
    .getByRole('region', { name: /^Refuted/ })
    .getByRole('button', { name: RESTATED })
    .click()
  await page.getByRole('button', { name: 'Open article' }).first().click()
  await expect(page.locator('article.article h1')).toHaveText(titles[0]!)
})

test('a highlight links to a claim as evidence from its article card', async ({ page, shell }) => {
  await page.goto(shell.url)
  await expect(page.getByRole('option').first()).toBeVisible()
  const { titles } = await seed(page)
  await page.getByRole('option', { name: new RegExp(titles[1]!.slice(0, 20)) }).click()
  const card = page.getByTestId('highlight-card').filter({ hasText: SUPPORT })
  await card.getByRole('button', { name: 'Link as evidence' }).click()
  const picker = page.getByRole('dialog', { name: 'Link as evidence to a claim' })
  await expect(picker.getByRole('listitem')).toHaveCount(1)
  await expect(picker).toContainText(RESTATED)
  await picker.getByRole('button', { name: 'Disputes' }).click()
  await expect(picker).toHaveCount(0)

  await page.getByRole('button', { name: 'Claims', exact: true }).click()
  await page.getByRole('button', { name: RESTATED }).click()
  const disputes = page.getByRole('region', { name: /^Disputes/ })
  await expect(disputes).toContainText(SUPPORT)
  await expect(disputes).toContainText('Ana Ruiz')
})
