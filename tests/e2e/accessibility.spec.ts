// Accessibility of each main view, in light and dark: an axe-core scan (WCAG 2.1 A/AA rules)
// finds no serious or critical violation, and a screenshot of each is saved to tests/artifacts/.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { REPO_ROOT } from '../helpers/browser-shell'
import { expect, test } from './shell-test'

const ARTIFACTS = join(REPO_ROOT, 'tests', 'artifacts', 'views')

interface View {
  name: string
  /** Brings the page from the freshly loaded library to the view. */
  open: (page: Page) => Promise<void>
}

/** A claim with one supporting quote from another article, made once per page (through the API). */
async function seedClaim(page: Page): Promise<void> {
  const made = await page.evaluate(async () => {
    const call = async (method: string, args: unknown) =>
      (
        await fetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(args),
        })
      ).json()
    const target = (exact: string) => ({
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    })
    const items = (await call('listItems', {})).value.items
    const claim = await call('createAnnotation', {
      itemId: items[0].id,
      kind: 'claim',
      note: 'Check the **release**.',
      tags: ['verify'],
      target: target('The talks resume next month'),
      restated: 'Talks resume in March',
    })
    const quote = await call('createAnnotation', {
      itemId: items[1].id,
      kind: 'quote',
      note: '',
      tags: [],
      target: target('A March date was confirmed'),
      speaker: { name: 'Ana Ruiz', role: 'spokeswoman' },
    })
    const linked = await call('linkEvidence', {
      claimId: claim.value.id,
      evidenceId: quote.value.id,
      stance: 'supports',
    })
    return linked.ok
  })
  expect(made).toBe(true)
}

const VIEWS: View[] = [
  {
    name: 'library',
    open: async (page) => {
      await expect(page.getByRole('option').first()).toBeVisible()
    },
  },
  {
    name: 'article',
    open: async (page) => {
      await page.getByRole('option', { name: /Envoys agree to resume Tarsk/ }).click()
      await expect(page.getByTestId('article-content')).toBeVisible()
    },
  },
  {
    name: 'article-with-highlights-and-found-quotes',
    open: async (page) => {
      await page.getByRole('option', { name: /Envoys agree to resume Tarsk/ }).click()
      const content = page.getByTestId('article-content')
      await expect(content).toBeVisible()
      // A highlight of each kind through the contract (the UI path has its own spec), then the
      // quote finder's suggestions.
      await page.evaluate(async () => {
        const text = document.querySelector('[data-testid="article-content"]')!.textContent ?? ''
        const items = await fetch('/api/call/listItems', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }).then((r) => r.json())
        const item = items.value.items.find((i: { title: string }) => i.title.startsWith('Envoys'))
        const phrases: [string, string][] = [
          ['plain', 'ending a three-month pause'],
          ['claim', 'roughly 14,000 people live'],
          ['quote', 'We have agreed to talk.'],
        ]
        for (const [kind, exact] of phrases) {
          const start = text.indexOf(exact)
          await fetch('/api/call/createAnnotation', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              itemId: item.id,
              kind,
              note: 'A **note** with [a link](https://example.org)',
              tags: ['check'],
              target: {
                position: { type: 'TextPositionSelector', start, end: start + exact.length },
                quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
              },
              ...(kind === 'quote' ? { speaker: { name: 'An aide', role: null } } : {}),
            }),
          })
        }
      })
      await page.reload()
      await page.getByRole('option', { name: /Envoys agree to resume Tarsk/ }).click()
      await expect(page.getByTestId('highlight-card')).toHaveCount(3)
      await page.getByRole('button', { name: 'Find quotes' }).click()
      await expect(page.getByRole('region', { name: 'Found quotes' })).toBeVisible()
      await expect(content.locator('mark.found-quote').first()).toBeVisible()
    },
  },
  {
    name: 'search',
    open: async (page) => {
      await page.getByRole('searchbox', { name: 'Search' }).fill('talks')
      await page.getByRole('button', { name: 'Filters' }).click()
      await expect(
        page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first(),
      ).toBeVisible()
    },
  },
  {
    name: 'starred-empty',
    open: async (page) => {
      await page.getByRole('button', { name: 'Starred' }).click()
      await expect(page.getByRole('option')).toHaveCount(0)
    },
  },
  {
    name: 'add-feed-dialog',
    open: async (page) => {
      await page.getByRole('button', { name: '+ Add feed' }).click()
      await expect(page.getByRole('dialog', { name: 'Add a feed' })).toBeVisible()
    },
  },
  {
    name: 'feed-settings-dialog',
    open: async (page) => {
      await page.getByRole('button', { name: /^Settings for / }).click()
      await expect(page.getByRole('dialog', { name: /Feed settings/ })).toBeVisible()
    },
  },
  {
    name: 'settings-dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'Settings', exact: true }).click()
      await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
    },
  },
  {
    name: 'export-dialog',
    open: async (page) => {
      // Back from the starred view an earlier view left selected.
      await page.getByRole('button', { name: /^All items/ }).click()
      await page.getByRole('option', { name: /Envoys agree to resume Tarsk/ }).click()
      await page.getByRole('button', { name: 'Export…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Export' })
      await dialog.getByLabel('Highlights from the whole library').check()
      await expect(dialog.getByTestId('export-summary')).toHaveText(/highlight/)
    },
  },
  {
    name: 'annotations',
    open: async (page) => {
      await seedClaim(page)
      await page.getByRole('button', { name: 'Annotations', exact: true }).click()
      // The seeded two and any highlights earlier views made: at least two are listed.
      await expect(
        page.getByRole('list', { name: 'Highlights' }).getByRole('listitem').nth(1),
      ).toBeVisible()
    },
  },
  {
    name: 'claims-board',
    open: async (page) => {
      await page.getByRole('button', { name: 'Claims', exact: true }).click()
      await expect(page.getByRole('region', { name: /^Unverified/ })).toContainText(
        'Evidence: 1 supporting',
      )
    },
  },
  {
    name: 'claim-page',
    open: async (page) => {
      await page.getByRole('button', { name: 'Claims', exact: true }).click()
      await page.getByRole('button', { name: 'Talks resume in March' }).click()
      await expect(page.getByRole('region', { name: /^Supports/ })).toContainText('A March date')
    },
  },
  {
    name: 'evidence-picker',
    open: async (page) => {
      await page.getByRole('button', { name: 'Claims', exact: true }).click()
      await page.getByRole('button', { name: 'Talks resume in March' }).click()
      await page.getByRole('button', { name: 'Add evidence' }).click()
      await expect(page.getByRole('dialog', { name: 'Add evidence' })).toBeVisible()
    },
  },
  {
    name: 'keyboard-help',
    open: async (page) => {
      await page.keyboard.press('?')
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    },
  },
]

for (const scheme of ['light', 'dark'] as const) {
  test(`every main view passes axe in the ${scheme} theme`, async ({ page, shell }) => {
    // A dozen views, each loaded fresh and scanned: minutes on a busy 2-core machine.
    test.setTimeout(300_000)
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
    await mkdir(ARTIFACTS, { recursive: true })
    const report: string[] = []
    for (const view of VIEWS) {
      await page.goto(shell.url)
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
      await view.open(page)
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze()
      for (const violation of results.violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue
        for (const node of violation.nodes)
          report.push(
            `${view.name}: ${violation.id} (${violation.impact}) ${node.target.join(' ')}: ${node.failureSummary}`,
          )
      }
      await page.screenshot({ path: join(ARTIFACTS, `${view.name}-${scheme}.png`) })
    }
    expect(report).toEqual([])
  })
}
