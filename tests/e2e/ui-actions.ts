// What a user does often in the e2e specs, done the way a user does it.
import { expect, type Page } from '@playwright/test'

/** Subscribes through the Add feed dialog (discovery, then subscribe) and waits for it to close. */
export async function addFeed(page: Page, url: string, folder?: string): Promise<void> {
  await page.getByRole('button', { name: '+ Add feed' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a feed' })
  await dialog.getByLabel('Feed or website address').fill(url)
  if (folder) await dialog.getByLabel(/^Folder/).fill(folder)
  await dialog.getByRole('button', { name: 'Find feeds' }).click()
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await expect(dialog).toBeHidden()
}

/** A feed's row in the sidebar (its name, then its counts). */
export function feedRow(page: Page, title: string) {
  return page
    .getByRole('navigation', { name: 'Feeds' })
    .getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
}

/** Calls the contract from the page, as the renderer does (same origin, session cookie). */
export async function callApi<T>(page: Page, method: string, args: unknown): Promise<T> {
  return page.evaluate(
    async ([m, a]) => {
      const response = await fetch(`/api/call/${m}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(a),
      })
      return response.json()
    },
    [method, args] as const,
  ) as Promise<T>
}

/** Selectors for `exact` with no context: the reader anchors them by searching the text. */
export function quoteTarget(exact: string) {
  return {
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  }
}
