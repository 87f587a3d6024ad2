import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { removeTempDirs, tempDir } from '../../../tests/helpers/temp-dir'
import type { Citation } from '../../../shared/domain'
import { cachedCitation, cachedCitationEntries } from '../../../shared/export/cached-citation'
import {
  citationCacheFile,
  citationRendererId,
  KeptCitations,
  loadCitationCache,
  saveCitationCache,
} from './citation-cache-file'

afterAll(removeTempDirs)

const citation = (title: string): Citation => ({
  title,
  authors: ['Ana Ruiz'],
  publisher: 'Harbour Daily',
  published: '2026-03-02',
  url: `https://harbour.example/${encodeURIComponent(title)}`,
  accessed: '2026-03-03T10:00:00.000Z',
  language: 'en',
  type: 'webpage',
})

/** A file as another run of this renderer left it, with one made-up text for `c`. */
async function keptFile(
  dataDir: string,
  c: Citation,
  text: string,
  renderer = citationRendererId(),
) {
  const file = citationCacheFile(dataDir)
  await mkdir(dirname(file), { recursive: true })
  await writeFile(
    file,
    JSON.stringify({ renderer, entries: [[`apa|bibliography|${JSON.stringify(c)}`, text]] }),
  )
}

describe('rendered citations kept on disk', () => {
  it('gives back what an earlier run of the same renderer kept, without rendering it again', async () => {
    const dataDir = await tempDir()
    const kept = citation('Kept from an earlier run')
    await keptFile(dataDir, kept, 'KEPT TEXT')
    expect(await loadCitationCache(dataDir)).toBe(1)
    // citeproc would never write this: the text came from the file.
    expect(cachedCitation(kept, 'apa', 'bibliography')).toBe('KEPT TEXT')
  })

  it('ignores a file from another renderer, a damaged one and a missing one', async () => {
    const dataDir = await tempDir()
    const other = citation('From an older citeproc')
    await keptFile(dataDir, other, 'OLD TEXT', 'another-renderer')
    expect(await loadCitationCache(dataDir)).toBe(0)
    expect(cachedCitation(other, 'apa', 'bibliography')).toMatch(/^Ruiz, A\. \(2026, March 2\)/)
    await writeFile(citationCacheFile(dataDir), '{"renderer": "cut sh')
    expect(await loadCitationCache(dataDir)).toBe(0)
    expect(await loadCitationCache(await tempDir())).toBe(0)
  })

  it('writes every cached text with the renderer that made them, and reads them back', async () => {
    const dataDir = await tempDir()
    const text = cachedCitation(citation('Written and read back'), 'apa', 'bibliography')
    await saveCitationCache(dataDir)
    const file = JSON.parse(await readFile(citationCacheFile(dataDir), 'utf8')) as {
      renderer: string
      entries: [string, string][]
    }
    expect(file.renderer).toBe(citationRendererId())
    expect(file.entries).toEqual(cachedCitationEntries())
    expect(file.entries.map(([, t]) => t)).toContain(text)
    expect(await loadCitationCache(dataDir)).toBe(file.entries.length)
  })

  it('KeptCitations writes only after something new was cached, and never before reading', async () => {
    const dataDir = await tempDir()
    const kept = new KeptCitations(dataDir)
    await kept.flush()
    await expect(readFile(citationCacheFile(dataDir))).rejects.toThrow()
    await kept.ready()
    await kept.flush()
    // Nothing rendered since it was read: nothing to write.
    await expect(readFile(citationCacheFile(dataDir))).rejects.toThrow()
    cachedCitation(citation('Rendered after reading'), 'mla', 'bibliography')
    await kept.flush()
    expect(await readFile(citationCacheFile(dataDir), 'utf8')).toContain('Rendered after reading')
  })
})
