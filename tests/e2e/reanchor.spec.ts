// A highlight made with the mouse survives the feed editing its article: after a sync brings a
// new version (words inserted before it) it is painted over the same words; one whose words the edit removed is listed as not found, with its text.
import { expect, test } from './shell-test'
import { fixture, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { addFeed } from './ui-actions'

const ATOM_TYPE = { 'content-type': 'application/atom+xml' }
let feeds: FixtureServer

test.beforeEach(async () => {
  feeds = await startFixtureServer({
    '/lab.xml': { body: fixture('feeds/lab-atom.xml'), headers: ATOM_TYPE },
  })
})

test.afterEach(async () => {
  await feeds.close()
})

test('highlights re-anchor after the feed edits the article, and a lost one is shown as an orphan', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await addFeed(page, feeds.url('/lab.xml'))
  await page.getByRole('option', { name: /Glacier survey finds ice loss doubled/ }).click()
  const content = page.getByTestId('article-content')
  await expect(content).toContainText('The trend is unambiguous')

  // Select with the real mouse, as a reader does, and save two highlights.
  const select = async (phrase: string): Promise<void> => {
    const box = await content.evaluate((root, text) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(text)
        if (at === -1) continue
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + text.length)
        const rects = range.getClientRects()
        const first = rects[0]!
        const last = rects[rects.length - 1]!
        return {
          a: { x: first.left + 1, y: first.top + first.height / 2 },
          b: { x: last.right - 1, y: last.top + last.height / 2 },
        }
      }
      throw new Error(`not found: ${text}`)
    }, phrase)
    await page.mouse.move(box.a.x, box.a.y)
    await page.mouse.down()
    await page.mouse.move(box.b.x, box.b.y, { steps: 5 })
    await page.mouse.up()
  }
  const composer = page.getByRole('region', { name: 'New highlight' })
  const quote = 'The trend is unambiguous,'
  await select(quote)
  await composer.getByRole('button', { name: 'Save highlight' }).click()
  await expect(composer).toBeHidden()
  const measured = 'measured 1.9 metres of ice loss per year'
  await select(measured)
  await composer.getByRole('button', { name: 'Save highlight' }).click()
  await expect(content.locator('mark.highlight')).toHaveCount(2)

  // The feed edits the article: a sentence inserted before the quote (its offsets move), and the
  // measurement sentence rewritten (its words are gone).
  const atom = fixture('feeds/lab-atom.xml').toString('utf8')
  feeds.routes.set('/lab.xml', {
    body: atom
      .replace(
        'The survey measured 1.9 metres of ice loss per year',
        'Ice loss reached 1.9 metres a year',
      )
      .replace('“The trend is unambiguous,”', 'Scientists were blunt. “The trend is unambiguous,”'),
    headers: ATOM_TYPE,
  })
  await page.getByRole('button', { name: 'Sync all' }).click()
  await expect(page.getByRole('status')).toContainText('Synced: 0 new items')
  await page.reload()
  await page.getByRole('option', { name: /Glacier survey finds ice loss doubled/ }).click()
  await expect(page.getByTestId('article-content')).toContainText('Scientists were blunt.')
  await expect(page.getByRole('button', { name: 'Versions (2)' })).toBeVisible()
  await expect(page.getByTestId('article-content').locator('mark.highlight')).toHaveText([quote])
  const orphans = page.getByRole('region', { name: /Not found in this version/ })
  await expect(orphans).toContainText(measured)
})
