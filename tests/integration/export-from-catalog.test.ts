// An export right after a start-up from the listing catalog (the CLI's `reader export`, a window
// exporting before its background read is done) reads only the feeds it cites — its articles' and
// their evidence's — and writes exactly what it writes once every feed is read.
import { afterAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/create-core'
import { generateLibrary } from '../bench/generate-library'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

afterAll(removeTempDirs)

async function exports(core: Core, itemIds: string[]): Promise<unknown[]> {
  const out: unknown[] = []
  const all = await core.exportCollection({ selection: {} })
  if (!all.ok) throw new Error(all.error.message)
  out.push(all.value.files.map((f) => [f.fileName, f.text]))
  const claims = await core.previewExport({ selection: { kind: 'claim' } })
  if (!claims.ok) throw new Error(claims.error.message)
  out.push(claims.value.text)
  for (const itemId of itemIds) {
    const one = await core.exportArticleMarkdown({ itemId, preview: true })
    if (!one.ok) throw new Error(one.error.message)
    out.push(one.value.markdown)
  }
  return out
}

describe('an export after a start-up from the listing catalog', () => {
  it('writes what an export writes once every feed is read, evidence from other feeds included', async () => {
    const dataDir = await tempDir()
    const lib = await generateLibrary(dataDir, {
      feeds: 8,
      itemsPerFeed: 12,
      bodyBytes: 600,
      annotations: 60,
      annotatedItems: 15,
      markup: 'news',
      seed: 3,
    })
    const first = await openCore({ dataDir, shell: 'cli' })
    await first.close() // writes the catalog
    const picked = lib.itemIds.filter((_, i) => i % 9 === 0).slice(0, 8)

    const lazy = await openCore({ dataDir, shell: 'cli' })
    const fromCatalog = await exports(lazy, picked)
    await lazy.close()

    const full = await openCore({ dataDir, shell: 'test' })
    await full.searchIdle() // every feed read
    expect(fromCatalog).toEqual(await exports(full, picked))
    // The claims cite evidence: the check covered the links to other articles.
    expect(String(fromCatalog[1])).toMatch(/support|disput/i)
  })
})
