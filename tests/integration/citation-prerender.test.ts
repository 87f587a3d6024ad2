// Citations rendered ahead and kept: a window renders a new highlight's citation (in the export
// style of the settings) at the next pause, on the citation worker, and keeps it in
// cache/citations.json; a library with highlights and nothing kept has them all rendered. What
// is kept is exactly what an export prints; reading it back is citation-cache-file's test.
import { readFile } from 'node:fs/promises'
import { afterAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/create-core'
import { citationCacheFile } from '../../electron/core/export/citation-cache-file'
import { describeTextRange } from '../../shared/anchoring/describe-text-range'
import type { ItemSummary } from '../../shared/domain'
import { formatCitation, type CitationStyle } from '../../shared/export/formats/styles'
import { openCore } from '../helpers/open-core'
import { removeTempDirs } from '../helpers/temp-dir'

afterAll(removeTempDirs)

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

async function highlight(core: Core, item: ItemSummary): Promise<void> {
  const text = (await core.readerText(item.id))!
  const exact = text.split(' ').slice(0, 4).join(' ')
  must(
    await core.createAnnotation({
      itemId: item.id,
      kind: 'quote',
      note: '',
      tags: [],
      target: describeTextRange(text, 0, exact.length),
    }),
  )
}

/** The texts kept in the library, by key. */
async function kept(core: Core): Promise<Map<string, string>> {
  const file = JSON.parse(await readFile(citationCacheFile(core.dataDir), 'utf8')) as {
    entries: [string, string][]
  }
  return new Map(file.entries)
}

/** What an export prints for this item's article in `style` (its bibliography entry). */
async function printed(core: Core, item: ItemSummary, style: CitationStyle) {
  const { citation } = must(await core.getArticle({ itemId: item.id }))
  return {
    key: `${style}|bibliography|${JSON.stringify(citation)}`,
    text: formatCitation(citation, style, 'bibliography'),
  }
}

describe('citations rendered ahead', () => {
  it('a window renders a new highlight’s citation in the export style and keeps it', async () => {
    const core = await openCore({ seedSample: true, shell: 'browser' })
    must(await core.updateSettings({ exportStyle: 'mla' }))
    const [item] = must(await core.listItems({})).items
    await highlight(core, item!)
    await core.citationsIdle()
    const expected = await printed(core, item!, 'mla')
    expect((await kept(core)).get(expected.key)).toBe(expected.text)
    await core.close()
  })

  it('renders every highlighted article of a library that keeps none yet', async () => {
    // Highlights made where nothing renders ahead (a core without a window: the CLI).
    const core = await openCore({ seedSample: true })
    const items = must(await core.listItems({})).items.slice(0, 3)
    for (const item of items) await highlight(core, item)
    await expect(readFile(citationCacheFile(core.dataDir))).rejects.toThrow()
    await core.prerenderCitations()
    const texts = await kept(core)
    for (const item of items) {
      const expected = await printed(core, item, 'apa')
      expect(texts.get(expected.key)).toBe(expected.text)
    }
    await core.close()
  })
})
