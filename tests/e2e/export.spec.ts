// The export dialog and "Copy cited quote" in Chromium through the browser shell: the preview
// follows the style, format and selection as they change (and says when nothing is selected),
// every file of a format is downloaded, the choices are remembered; a highlight goes onto the
// clipboard as a cited Markdown quote from the article and from the Annotations view; and the
// whole way from a feed to files on disk — highlight a quote with the mouse, export it to a
// folder with `e`, read the note back, re-export and find nothing changed.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Download, Page } from '@playwright/test'
import { expect, test } from './shell-test'
import {
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { tempDir } from '../helpers/temp-dir'
import { addFeed, callApi, feedRow, quoteTarget, selectWithMouse } from './ui-actions'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

const TALKS = /Envoys agree to resume Tarsk border talks/
const QUOTE = 'We have agreed to talk.'

/** A quote with its speaker in the sample's talks article, made through the API. */
async function seedQuote(page: Page): Promise<void> {
  const listed = await callApi<{ value: { items: { id: string; title: string }[] } }>(
    page,
    'listItems',
    {},
  )
  const talks = listed.value.items.find((item) => TALKS.test(item.title))!
  const made = await callApi<{ ok: boolean }>(page, 'createAnnotation', {
    itemId: talks.id,
    kind: 'quote',
    note: 'The aide keeps it narrow.',
    tags: ['talks'],
    target: quoteTarget(QUOTE),
    speaker: { name: 'Miroslav Hauke', role: 'aide' },
  })
  expect(made.ok).toBe(true)
}

async function openTalks(page: Page): Promise<void> {
  await page.getByRole('option', { name: TALKS }).click()
  await expect(page.getByTestId('highlight-card')).toHaveCount(1)
}

test('the preview follows style, format and selection live; every file downloads; choices are remembered', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await expect(page.getByRole('option').first()).toBeVisible()
  await seedQuote(page)
  await openTalks(page)

  const opener = page.getByRole('button', { name: 'Export…' })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  const preview = dialog.getByTestId('export-preview')
  const summary = dialog.getByTestId('export-summary')
  await expect(dialog.getByLabel(/^This article/)).toBeChecked()
  await expect(summary).toHaveText(
    /^1 article, 1 highlight · envoys-[a-z0-9-]+--i-[0-9a-f]{4}\.md$/,
  )
  // APA, then MLA: the citation in the note changes as the style does.
  await expect(preview).toHaveValue(/\nKovalenko, D\. \(2026, January 23\)\. Envoys agree/)
  await dialog.getByLabel('Citation style').selectOption('mla')
  await expect(preview).toHaveValue(/\nKovalenko, Daria\. “Envoys Agree/)
  await expect(preview).not.toHaveValue(/Kovalenko, D\. \(2026/)
  await expect(preview).toHaveValue(/> “We have agreed to talk\.” — Miroslav Hauke, aide/)

  // Formats: footnotes, Pandoc with its sidecar, a data format.
  const format = dialog.getByLabel('Format')
  await format.selectOption({ label: 'Markdown with footnotes and a bibliography' })
  await expect(preview).toHaveValue(/\[\^1\]: Kovalenko, Daria\./)
  await format.selectOption({ label: 'Pandoc Markdown with a bibliography file' })
  await expect(summary).toHaveText(/· [a-z0-9-]+\.md, [a-z0-9-]+\.json$/)
  await expect(preview).toHaveValue(/\[@kovalenko2026[a-z]*\]/)
  await dialog.getByLabel(/^Bibliography file/).selectOption('bibtex')
  await expect(summary).toHaveText(/· [a-z0-9-]+\.md, [a-z0-9-]+\.bib$/)

  // Download gives every file of the format: the document and its bibliography.
  const downloads: Download[] = []
  page.on('download', (download) => downloads.push(download))
  await dialog.getByRole('button', { name: 'Download' }).click()
  await expect(dialog.getByTestId('export-outcome')).toHaveText(/^Downloaded .+\.md, .+\.bib\.$/)
  await expect.poll(() => downloads.length).toBe(2)
  const [doc, bib] = downloads
  expect(doc!.suggestedFilename()).toMatch(/\.md$/)
  expect(await readFile((await doc!.path())!, 'utf8')).toContain('bibliography: "')
  expect(await readFile((await bib!.path())!, 'utf8')).toMatch(/^@\w+\{kovalenko2026/m)

  await format.selectOption({ label: 'BibTeX' })
  await expect(preview).toHaveValue(/^@\w+\{kovalenko2026/)
  await expect(dialog.getByText(/This format carries the citation data/)).toBeVisible()

  // A selection across the library: by tag, and nothing at all for an unknown tag.
  await dialog.getByLabel('Highlights from the whole library').check()
  await dialog.getByLabel('Tag').fill('talks')
  await expect(summary).toHaveText(/^1 article, 1 highlight · /)
  await dialog.getByLabel('Tag').fill('no-such-tag')
  await expect(summary).toHaveText('Nothing selected: no highlight matches these choices.')
  await expect(preview).toHaveValue('')
  await expect(dialog.getByRole('button', { name: 'Download' })).toBeDisabled()
  await expect(dialog.getByRole('button', { name: 'Export to folder' })).toBeDisabled()

  // Escape closes it and the focus goes back to the button; the choices are remembered.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
  await page.reload()
  await openTalks(page)
  await page.keyboard.press('e')
  await expect(dialog.getByLabel('Citation style')).toHaveValue('mla')
  await expect(dialog.getByLabel('Format')).toHaveValue('bibtex')
  await expect(dialog.getByLabel(/^Bibliography file/)).toHaveValue('bibtex')
})

test('Copy cited quote puts the quote, its speaker and its citation on the clipboard, from the article and the Annotations view', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url)
  await expect(page.getByRole('option').first()).toBeVisible()
  await seedQuote(page)
  await openTalks(page)
  const expected = new RegExp(
    [
      '^> We have agreed to talk\\.',
      '>',
      '> — Miroslav Hauke, aide, in Kovalenko, D\\. \\(2026, January 23\\)\\. Envoys agree to resume Tarsk border talks[^\\n]*\\. ' +
        '\\[https://sample\\.research-reader\\.invalid/2026/01/envoys-resume-tarsk-border-talks\\]' +
        '\\(https://sample\\.research-reader\\.invalid/2026/01/envoys-resume-tarsk-border-talks#:~:text=We%20have%20agreed%20to%20talk\\.\\)',
      '$',
    ].join('\\n'),
  )

  await page.getByTestId('highlight-card').getByRole('button', { name: 'Copy cited quote' }).click()
  await expect(page.getByRole('status')).toHaveText(/Copied cited quote\./)
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(expected)

  // The same from the Annotations view; the message line stays the page's one status.
  await page.evaluate(() => navigator.clipboard.writeText('something else'))
  await page.getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByRole('status')).toHaveCount(0)
  await page.locator('body').press('g')
  await page.locator('body').press('n')
  const entries = page.getByRole('list', { name: 'Highlights' }).getByRole('listitem')
  await expect(entries).toHaveCount(1)
  await entries.first().getByRole('button', { name: 'Copy cited quote' }).click()
  await expect(page.getByRole('status')).toHaveText(/Copied cited quote\./)
  await expect(page.getByRole('status')).toHaveCount(1)
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(expected)

  // Export… there starts from the view's filters (its dates are said to be left out).
  const filters = page.getByRole('form', { name: 'Filter highlights' })
  await filters.getByLabel('Kind').selectOption('quote')
  await filters.getByLabel('From').fill('2026-01-01')
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByLabel('Kind')).toHaveValue('quote')
  await expect(dialog.getByText(/date range is not part of an export/)).toBeVisible()
  await expect(dialog.getByTestId('export-summary')).toHaveText(/^1 article, 1 highlight · /)
})

test.describe('from a feed to files on disk', () => {
  let feeds: FixtureServer
  test.beforeEach(async () => {
    feeds = await startFixtureServer({
      '/wire.xml': { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE },
    })
  })
  test.afterEach(async () => {
    await feeds.close()
  })

  test('highlight a quote with its speaker, export to a folder with e, read the note back; a re-export changes nothing', async ({
    page,
    shell,
  }) => {
    await page.goto(shell.url)
    await addFeed(page, feeds.url('/wire.xml'))
    await feedRow(page, 'Harbour Wire').click()
    await page.getByRole('option', { name: /Envoys agree to resume border talks/ }).click()
    const content = page.getByTestId('article-content')
    await expect(content).toContainText('the envoy said after the meeting')

    const phrase = 'We are ready to sit down again without preconditions'
    await selectWithMouse(page, phrase)
    const composer = page.getByRole('region', { name: 'New highlight' })
    await expect(composer).toContainText(phrase)
    await composer.getByLabel('Quote', { exact: true }).check()
    await composer.getByLabel('Speaker').fill('Ivan Petrov')
    await composer.getByLabel('Role (optional)').fill('envoy')
    await composer.getByLabel('Tags').fill('talks')
    await composer.getByRole('button', { name: 'Save highlight' }).click()
    await expect(composer).toBeHidden()
    await expect(content.locator('mark.highlight-quote')).toHaveText(phrase)

    // e opens the export on the open article; the folder is typed (the browser cannot pick one).
    await page.locator('.reader-pane').focus()
    await page.keyboard.press('e')
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await expect(dialog.getByTestId('export-summary')).toHaveText(/^1 article, 1 highlight · /)
    const folder = await tempDir('reader-vault-')
    await dialog.getByLabel(/^Folder on this computer/).fill(folder)
    const exportButton = dialog.getByRole('button', { name: 'Export to folder' })
    await exportButton.click()
    const outcome = dialog.getByTestId('export-outcome')
    await expect(outcome).toHaveText(
      `Exported 1 article, 1 highlight to ${folder}: 3 written, 0 updated, 0 unchanged, 0 renamed.`,
    )

    const files = (await readdir(folder)).sort()
    const noteName = files.find((f) =>
      /^envoys-agree-to-resume-border-talks--i-[0-9a-f]{4}\.md$/.test(f),
    )
    expect(noteName).toBeDefined()
    expect(files).toEqual(
      [
        noteName!,
        'references.json',
        'research-reader-index.md',
        '.research-reader-export.json',
      ].sort(),
    )
    const note = await readFile(join(folder, noteName!), 'utf8')
    // Frontmatter with the real author, the marker that makes the file ours, a citekey.
    expect(note).toMatch(
      /^---\nid: "i-[0-9a-f]{16}"\ntitle: "Envoys agree to resume border talks"\n/,
    )
    expect(note).toContain('\nauthor: "Daria Kovalenko"\n')
    expect(note).toContain('\ncitekey: "kovalenko2026envoys"\n')
    expect(note).toContain('\nexported_by: "research-reader"\n---\n')
    // The citation, then the quote with its speaker, a link to the passage and a block id.
    expect(note).toContain(
      '\nKovalenko, D. (2026, January 23). Envoys agree to resume border talks. Harbour Wire.',
    )
    expect(note).toMatch(
      new RegExp(
        `\\n> “${phrase}” — Ivan Petrov, envoy \\[⤴\\]\\([^)]*#:~:text=[^)]+\\) \\^rr-[a-z0-9]{6}\\n\\n\\*Quote\\* #talks\\n`,
      ),
    )
    const references = JSON.parse(await readFile(join(folder, 'references.json'), 'utf8')) as {
      id: string
    }[]
    expect(references.map((r) => r.id)).toEqual(['kovalenko2026envoys'])

    // Again: nothing to rewrite.
    await exportButton.click()
    await expect(outcome).toHaveText(
      `Exported 1 article, 1 highlight to ${folder}: 0 written, 0 updated, 3 unchanged, 0 renamed.`,
    )
    expect(await readFile(join(folder, noteName!), 'utf8')).toBe(note)

    // The folder is remembered for the next export.
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await page.getByRole('button', { name: 'Export…' }).click()
    await expect(dialog.getByLabel(/^Folder on this computer/)).toHaveValue(folder)
  })
})
