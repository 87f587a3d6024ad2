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

/**
 * Drags the real mouse from the first character of `from` to the last of `to` (default: the end
 * of `from`), each inside one text node of the article — so a drag may cross paragraphs.
 */
export async function selectWithMouse(page: Page, from: string, to = from): Promise<void> {
  const box = await page.evaluate(
    ([start, end]) => {
      const root = document.querySelector('[data-testid="article-content"]')!
      const rectOf = (text: string, last: boolean) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(text)
          if (at === -1) continue
          const i = last ? at + text.length - 1 : at
          const range = document.createRange()
          range.setStart(node, i)
          range.setEnd(node, i + 1)
          const rect = range.getBoundingClientRect()
          return { x: last ? rect.right - 1 : rect.left + 1, y: rect.top + rect.height / 2 }
        }
        throw new Error(`Phrase not found: ${text}`)
      }
      ;(root as HTMLElement).scrollIntoView()
      return { a: rectOf(start, false), b: rectOf(end, true) }
    },
    [from, to] as const,
  )
  await page.mouse.move(box.a.x, box.a.y)
  await page.mouse.down()
  await page.mouse.move((box.a.x + box.b.x) / 2, (box.a.y + box.b.y) / 2, { steps: 5 })
  await page.mouse.move(box.b.x, box.b.y, { steps: 5 })
  await page.mouse.up()
}
