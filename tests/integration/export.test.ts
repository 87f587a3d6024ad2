// Cited exports over the bundled sample library: an article's note (frontmatter, quotes with
// their speaker, claims with status and evidence, block ids), collections with footnotes or
// Pandoc cites matching their sidecar, and a vault that leaves a user's own files alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Core } from '../../electron/core/create-core'
import type { Annotation, ItemSummary } from '../../shared/domain'
import { blockIdOf } from '../../shared/export/cited-note'
import { formatCitation } from '../../shared/export/formats/styles'
import { describeTextRange } from '../../shared/anchoring/describe-text-range'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

let core: Core
let repost: ItemSummary
let other: ItemSummary
let third: ItemSummary
let quote: Annotation
let claim: Annotation
let outside: Annotation
let speaker: { name: string; role: string | null }

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

async function highlight(
  item: ItemSummary,
  words: number,
  extra: Partial<Parameters<Core['createAnnotation']>[0]> = {},
): Promise<Annotation> {
  const text = (await core.readerText(item.id))!
  const paragraph = text.split('\n\n').find((p) => p.split(' ').length > words + 2)!
  const exact = paragraph.split(' ').slice(0, words).join(' ')
  const start = text.indexOf(exact)
  return must(
    await core.createAnnotation({
      itemId: item.id,
      kind: 'plain',
      note: '',
      tags: [],
      target: describeTextRange(text, start, start + exact.length),
      ...extra,
    }),
  )
}

beforeAll(async () => {
  core = await openCore({ seedSample: true })
  const items = must(await core.listItems({})).items
  repost = items.find((i) => i.author === 'NewsRelay Bot')!
  const rest = items.filter((i) => i.id !== repost.id)
  other = rest[0]!
  third = rest[1]!
  const found = must(await core.findQuotes({ itemId: repost.id })).quotes.find(
    (q) => q.isSpeech && q.speaker,
  )!
  speaker = { name: found.speaker!, role: found.role }
  quote = must(
    await core.createAnnotation({
      itemId: repost.id,
      kind: 'quote',
      note: 'Sets the **tone** for the talks.',
      tags: ['border talks', 'envoys'],
      target: found.target,
      speaker,
    }),
  )
  claim = await highlight(other, 6, {
    kind: 'claim',
    status: 'disputed',
    restated: 'Traffic rose because of the talks',
    tags: ['border talks'],
  })
  outside = await highlight(third, 5, { tags: ['elsewhere'] })
  must(await core.linkEvidence({ claimId: claim.id, evidenceId: quote.id, stance: 'supports' }))
  must(await core.linkEvidence({ claimId: claim.id, evidenceId: outside.id, stance: 'disputes' }))
  claim = must(await core.listAnnotations({ itemId: other.id })).find((a) => a.id === claim.id)!
})
afterAll(async () => {
  await core.close()
  await removeTempDirs()
})

describe('an article note', () => {
  it('has frontmatter with the resolved citation (the real byline, never the bot), citekey and version', async () => {
    const note = must(await core.exportArticleMarkdown({ itemId: repost.id }))
    const head = note.markdown.split('\n---\n')[0]!
    expect(head).toContain(`id: "${repost.id}"`)
    expect(head).toContain('authors: ["Daria Kovalenko"]')
    expect(head).toMatch(/^citekey: "kovalenko2026[a-z]+"$/m)
    expect(head).toMatch(/^item_type: "(newspaperArticle|webpage|blogPost)"$/m)
    expect(head).toMatch(/^version: "[0-9a-f]{12}"$/m)
    expect(head).toMatch(/^accessed: "\d{4}-\d{2}-\d{2}"$/m)
    expect(head).toContain('tags: ["border-talks", "envoys"]')
    expect(head).toContain('exported_by: "research-reader"')
    expect(note.markdown).not.toMatch(/NewsRelay Bot/)
    expect(note.markdown).toContain('Kovalenko, D. (2026, January 23).')
    expect(note.fileName).toMatch(/^envoys-agree-to-resume-[a-z0-9-]+--i-[0-9a-f]{4}\.md$/)
  })

  it('attributes a quote to its speaker, with its note below, #tags and a stable block id', async () => {
    const { markdown } = must(await core.exportArticleMarkdown({ itemId: repost.id }))
    const role = speaker.role ? `, ${speaker.role}` : ''
    const line = markdown.split('\n').find((l) => l.includes(`” — ${speaker.name}${role}`))!
    expect(line).toMatch(/^> “/)
    expect(line.endsWith(` ^${blockIdOf(quote.id)}`)).toBe(true)
    expect(line).toContain('#:~:text=') // a link back to the words on the original page
    expect(markdown).toContain('*Quote* #border-talks #envoys\n\nSets the **tone** for the talks.')
    expect(blockIdOf(quote.id)).toBe(blockIdOf(quote.id))
  })

  it('cites in the style asked for', async () => {
    const { markdown } = must(await core.exportArticleMarkdown({ itemId: repost.id, style: 'mla' }))
    expect(markdown).toContain('Kovalenko, Daria. “Envoys Agree')
  })

  it('gives a claim its status, restatement and evidence: the source URL and quote when not exported with it', async () => {
    const { markdown } = must(await core.exportArticleMarkdown({ itemId: other.id }))
    expect(markdown).toContain('**Claim** (disputed) #border-talks')
    expect(markdown).toContain('Restated: Traffic rose because of the talks')
    expect(markdown).toContain(`- supports: [“${quote.target.quote.exact.slice(0, 20)}`)
    expect(markdown).toContain(`](${repost.link})`)
    expect(markdown).toMatch(/- disputes: \[“/)
  })
})

describe('a collection', () => {
  it('cites every highlight with a footnote per article and ends with a bibliography', async () => {
    const result = must(await core.exportCollection({ selection: { tag: 'border talks' } }))
    expect(result).toMatchObject({ articles: 2, annotations: 2 })
    const [doc] = result.files
    expect(doc!.text).toContain('[^1]')
    expect(doc!.text).toContain('[^2]')
    expect(doc!.text).toMatch(/^\[\^1\]: .+/m)
    expect(doc!.text).toContain('## Bibliography')
    // The claim's evidence is in the same document: a link to its block.
    expect(doc!.text).toContain(`- supports: [[#^${blockIdOf(quote.id)}]]`)
    expect(doc!.text).toContain(`^${blockIdOf(quote.id)}`)
  })

  it('uses Pandoc cites whose keys are those of the CSL-JSON or BibTeX sidecar', async () => {
    const csl = must(
      await core.exportCollection({ selection: { tag: 'border talks' }, pandoc: true }),
    )
    expect(csl.files.map((f) => f.fileName.split('.').pop())).toEqual(['md', 'json'])
    const cited = [...csl.files[0]!.text.matchAll(/\[@([^\]]+)\]/g)].map((m) => m[1]!)
    const ids = (JSON.parse(csl.files[1]!.text) as { id: string }[]).map((i) => i.id)
    expect(new Set(cited)).toEqual(new Set(ids))
    expect(csl.files[0]!.text).toContain(`bibliography: "${csl.files[1]!.fileName}"`)
    const bib = must(
      await core.exportCollection({
        selection: { tag: 'border talks' },
        pandoc: true,
        sidecar: 'bibtex',
      }),
    )
    const bibKeys = [...bib.files[1]!.text.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]!)
    expect(new Set(bibKeys)).toEqual(new Set(ids))
  })

  it('selects by kind, status, feed, query or items, and exports other formats', async () => {
    const claims = must(await core.exportCollection({ selection: { kind: 'claim' } }))
    expect(claims.annotations).toBe(1)
    const disputed = must(await core.exportCollection({ selection: { status: 'disputed' } }))
    expect(disputed.articles).toBe(1)
    const byItem = must(
      await core.exportCollection({ selection: { itemIds: [third.id] }, format: 'ris' }),
    )
    expect(byItem.files[0]!.text).toMatch(/^TY {2}- /)
    const w3c = must(
      await core.exportCollection({ selection: { feedId: repost.feedId }, format: 'w3c' }),
    )
    expect(JSON.parse(w3c.files[0]!.text)).toMatchObject({ type: 'AnnotationCollection', total: 3 })
    await core.searchIdle()
    const searched = must(
      await core.exportCollection({ selection: { query: 'tag:envoys' }, format: 'csl-json' }),
    )
    expect(searched.articles).toBe(1)
    const none = await core.exportCollection({ selection: { tag: 'no-such-tag' } })
    expect(!none.ok && none.error.code).toBe('nothing-selected')
  })

  it('previews the first articles cheaply, with the counts of the whole export', async () => {
    const preview = must(await core.previewExport({ selection: {} }))
    expect(preview).toMatchObject({ articles: 3, annotations: 3, truncated: false })
    expect(preview.fileNames[0]).toMatch(/\.md$/)
  })
})

describe('a vault', () => {
  it('writes a note per article, a sidecar and an index; a re-export leaves a user file and unchanged files alone', async () => {
    const folder = await tempDir()
    const mine = '# My own thoughts\n'
    await writeFile(join(folder, 'my-notes.md'), mine)
    const names = must(await core.exportArticleMarkdown({ itemId: repost.id }))
    // A user's file with the very name our note would take: written beside it, never over it.
    await writeFile(join(folder, names.fileName), mine)
    const first = must(await core.exportVault({ folder, selection: {} }))
    expect(first).toMatchObject({ articles: 3, annotations: 3 })
    expect(first.written).toHaveLength(5)
    expect(first.renamed).toEqual([
      { wanted: names.fileName, wroteAs: names.fileName.replace(/\.md$/, '-2.md') },
    ])
    expect(await readFile(join(folder, 'my-notes.md'), 'utf8')).toBe(mine)
    expect(await readFile(join(folder, names.fileName), 'utf8')).toBe(mine)
    const claimFile = first.written.find(
      (f) => f.includes('--i-') && !f.endsWith('-2.md') && f !== names.fileName,
    )
    expect(claimFile).toBeDefined()
    // Evidence exported with the claim links to its block in its own note.
    const files = await readdir(folder)
    const texts = await Promise.all(
      files.filter((f) => f.endsWith('.md')).map((f) => readFile(join(folder, f), 'utf8')),
    )
    const quoteFile = names.fileName.replace(/\.md$/, '-2')
    expect(texts.join('\n')).toContain(`- supports: [[${quoteFile}#^${blockIdOf(quote.id)}]]`)

    const again = must(await core.exportVault({ folder, selection: {} }))
    expect(again.written).toEqual([])
    expect(again.updated).toEqual([])
    expect(again.unchanged).toHaveLength(5)

    must(await core.updateAnnotation({ annotationId: outside.id, note: 'Checked.' }))
    const changed = must(await core.exportVault({ folder, selection: {} }))
    expect(changed.updated).toHaveLength(1)
    expect(changed.unchanged).toHaveLength(4)
    expect(await readFile(join(folder, 'my-notes.md'), 'utf8')).toBe(mine)
  })

  it('refuses a relative, missing or non-folder path', async () => {
    const relative = await core.exportVault({ folder: 'notes', selection: {} })
    expect(!relative.ok && relative.error.code).toBe('not-absolute')
    const missing = await core.exportVault({ folder: '/no/such/folder/x', selection: {} })
    expect(!missing.ok && missing.error.code).toBe('not-found')
    const folder = await tempDir()
    await writeFile(join(folder, 'f.txt'), 'x')
    const file = await core.exportVault({ folder: join(folder, 'f.txt'), selection: {} })
    expect(!file.ok && file.error.code).toBe('not-a-folder')
  })
})

describe('a cited quote (copy as cited quote)', () => {
  it('quotes the words with the speaker, cites the real author (never the bot) and links to the passage', async () => {
    const { markdown } = must(await core.citeAnnotation({ annotationId: quote.id }))
    const lines = markdown.trimEnd().split('\n')
    expect(lines.every((line) => line.startsWith('>'))).toBe(true)
    const role = speaker.role ? `, ${speaker.role}` : ''
    const attribution = lines[lines.length - 1]!
    expect(attribution).toContain(
      `> — ${speaker.name}${role}, in Kovalenko, D. (2026, January 23).`,
    )
    expect(attribution).not.toContain('NewsRelay Bot')
    expect(attribution).toContain(`](${repost.link!.split('#')[0]}#:~:text=`)
    expect(markdown).toContain(quote.target.quote.exact.split(/\s+/).slice(0, 3).join(' '))
  })

  it('cites in the style asked for, and says when the highlight is gone', async () => {
    const { markdown } = must(await core.citeAnnotation({ annotationId: claim.id, style: 'mla' }))
    expect(markdown).toMatch(/\n> — [^\n]+“/) // MLA puts the title in quotation marks
    const missing = await core.citeAnnotation({ annotationId: 'a-00000000000000000000' })
    expect(!missing.ok && missing.error.code).toBe('not-found')
  })
})

describe('the citations of an export', () => {
  it('are those getArticle resolves, for every article (the export reads bodies its own way)', async () => {
    for (const item of must(await core.listItems({})).items) {
      const { citation } = must(await core.getArticle({ itemId: item.id }))
      const head = must(await core.exportArticleMarkdown({ itemId: item.id })).markdown.split(
        '\n---\n',
      )[0]!
      const yaml = (value: string | null): string =>
        value === null ? 'null' : JSON.stringify(value)
      expect(head).toContain(`\ntitle: ${yaml(citation.title)}\n`)
      expect(head).toContain(`\nauthors: [${citation.authors.map(yaml).join(', ')}]\n`)
      expect(head).toContain(`\npublisher: ${yaml(citation.publisher)}\n`)
      expect(head).toContain(`\npublished: ${yaml(citation.published)}\n`)
      expect(head).toContain(`\nurl: ${yaml(citation.url)}\n`)
    }
  })

  it('follow a corrected citation at once: notes, collections and vault index', async () => {
    const selection = { itemIds: [third.id] }
    const before = must(await core.exportCollection({ selection })).files[0]!.text
    expect(before).not.toContain('Corrected, Z.')
    must(await core.updateCitation({ itemId: third.id, edits: { authors: ['Zelda Corrected'] } }))
    try {
      const after = must(await core.exportCollection({ selection })).files[0]!.text
      expect(after).toContain('Corrected, Z.')
      const note = must(await core.exportArticleMarkdown({ itemId: third.id, style: 'mla' }))
      expect(note.markdown).toContain('Corrected, Zelda.')
      const folder = await tempDir()
      must(await core.exportVault({ folder, selection, style: 'chicago-ad' }))
      const index = await readFile(join(folder, 'research-reader-index.md'), 'utf8')
      expect(index).toContain('Corrected, Zelda.')
    } finally {
      must(await core.updateCitation({ itemId: third.id, edits: {} }))
    }
    expect(must(await core.exportCollection({ selection })).files[0]!.text).toBe(before)
  })

  it('are the same strings when rendered on the citation worker', async () => {
    const onWorker = await openCore({
      dataDir: core.dataDir,
      citationWorker: { workerScript: join(__dirname, '..', 'helpers', 'citation-worker-dev.cjs') },
    })
    // A style no other test of this file uses: nothing of it is cached in this process yet.
    const doc = must(await onWorker.exportCollection({ selection: {}, style: 'chicago-nb' }))
    const text = doc.files[0]!.text
    for (const item of must(await onWorker.listItems({})).items) {
      if (!item.annotationCount) continue
      const { citation } = must(await onWorker.getArticle({ itemId: item.id }))
      expect(text).toContain(`\n${formatCitation(citation, 'chicago-nb', 'bibliography')}\n`)
      expect(text).toMatch(
        new RegExp(
          `^\\[\\^\\d+\\]: ${escape(formatCitation(citation, 'chicago-nb', 'note'))}$`,
          'm',
        ),
      )
    }
    await onWorker.close()
  })

  it('marks an article exported when its note is taken, not when it is only previewed', async () => {
    const fresh = await openCore({ seedSample: true })
    const item = must(await fresh.listItems({})).items[0]!
    const exported = async (): Promise<boolean> =>
      (await exportsFile(fresh.dataDir))[item.id] !== undefined
    const preview = must(await fresh.exportArticleMarkdown({ itemId: item.id, preview: true }))
    await fresh.close()
    const reopened = await openCore({ dataDir: fresh.dataDir })
    expect(await exported()).toBe(false)
    const taken = must(await reopened.exportArticleMarkdown({ itemId: item.id }))
    expect(taken.markdown).toBe(preview.markdown)
    await reopened.close()
    expect(await exported()).toBe(true)
  })

  it('marks every article of a vault export exported (retention keeps them), in one file', async () => {
    const folder = await tempDir()
    const feeds = must(await core.listFeeds({}))
    const stateFiles = feeds.map((feed) => join(core.dataDir, 'feeds', feed.id, 'state.json'))
    const before = await Promise.all(
      stateFiles.map((file) => readFile(file, 'utf8').catch(() => null)),
    )
    must(await core.exportVault({ folder, selection: {} }))
    const listed = must(await core.listItems({ view: 'annotated' })).items
    expect(listed.length).toBeGreaterThan(1)
    const exported = await exportsFile(core.dataDir)
    for (const item of listed) expect(Date.parse(exported[item.id]!)).not.toBeNaN()
    // One write for the whole export, not one per feed (at 400 feeds, 1.6 s of fsyncs): the
    // feeds' own state files are left as they were.
    const after = await Promise.all(
      stateFiles.map((file) => readFile(file, 'utf8').catch(() => null)),
    )
    expect(after).toEqual(before)
  })
})

/** The items exports.json records as exported, with when they first were. */
async function exportsFile(dataDir: string): Promise<Record<string, string>> {
  const text = await readFile(join(dataDir, 'exports.json'), 'utf8').catch(() => '{"items":{}}')
  return (JSON.parse(text) as { items: Record<string, string> }).items
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
