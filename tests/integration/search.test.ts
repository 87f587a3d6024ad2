// Full-text search through the real core over real feeds: what a reader typing in the search
// box sees — ranking, snippets, phrases, filters alone and with words, highlights and notes, one
// story once — and that the index follows the library (new items, read state, annotations, a
// renamed feed) and comes back when its files are missing, damaged or of an older format.
import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MethodValue } from '../../shared/contract'
import type { Core } from '../../electron/core/create-core'
import { AnnotationTexts, runSearch } from '../../electron/core/search/run-search'
import { SearchIndex } from '../../electron/core/search/search-index'
import { LibraryStore } from '../../electron/core/store/library-store'
import { parseQuery } from '../../shared/search/parse-query'
import { terms } from '../../shared/search/tokenize'
import { htmlToPlainText } from '../../electron/core/articles/html-to-text'
import { generateLibrary } from '../bench/generate-library'
import { RSS_TYPE, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

type Found = MethodValue<'search'>

interface TestItem {
  title: string
  body: string
  link: string
  author?: string
  date: string
}

function rss(title: string, items: TestItem[]): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${title}</title><link>http://127.0.0.1/</link>
${items
  .map(
    (i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid>
${i.author ? `<dc:creator>${i.author}</dc:creator>` : ''}<pubDate>${i.date}</pubDate>
<description><![CDATA[${i.body}]]></description></item>`,
  )
  .join('\n')}</channel></rss>`
}

const PORT_NEWS: TestItem[] = [
  {
    title: 'Harbour dredging plan approved',
    body: '<p>The council approved the dredging plan for the old basin on Monday.</p>',
    link: 'http://127.0.0.1/port/dredging',
    date: 'Mon, 02 Mar 2026 10:00:00 GMT',
  },
  {
    title: 'Council budget passes',
    body: '<p>The budget passed. A line on the harbour was added late in the night, officials said.</p>',
    link: 'http://127.0.0.1/port/budget',
    date: 'Tue, 10 Feb 2026 10:00:00 GMT',
  },
  {
    title: 'Storm warning for the coast',
    body: '<p>Forecasters expect gales and heavy rain through Thursday.</p>',
    link: 'http://127.0.0.1/port/storm',
    author: 'Mira Holmqvist',
    date: 'Wed, 14 Jan 2026 10:00:00 GMT',
  },
]

const WIRE_NEWS: TestItem[] = [
  // The same story as in Port News (same link): listed once.
  { ...PORT_NEWS[0]!, title: 'Harbour dredging plan approved (wire)' },
  {
    title: 'Glacier melt doubles',
    body: '<p>Satellite altimetry shows the glacier lost ice twice as fast.</p>',
    link: 'http://127.0.0.1/wire/glacier',
    date: 'Thu, 19 Feb 2026 09:00:00 GMT',
  },
]

let server: FixtureServer
let core: Core
let portId: string
let wireId: string

async function search(query: string, limit?: number): Promise<Found> {
  await core.searchIdle()
  const result = await core.search({ query, ...(limit ? { limit } : {}) })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const titles = (found: Found): string[] => found.hits.map((hit) => hit.item.title)
const marked = (snippet: Found['hits'][number]['snippets'][number]): string[] =>
  snippet.marks.map(([start, end]) => snippet.text.slice(start, end))

/** The index built on this thread, and on the indexing worker (as the app does). */
const WORKER = { workerScript: join(__dirname, '..', 'helpers', 'search-worker-dev.cjs') }
const MODES = [
  ['in-thread', { workerScript: null }],
  ['indexing worker', WORKER],
] as const

const feedRoutes = () => ({
  '/port.xml': { body: rss('Port News', PORT_NEWS), headers: RSS_TYPE },
  '/wire.xml': { body: rss('Coastal Wire', WIRE_NEWS), headers: RSS_TYPE },
})

beforeAll(async () => {
  server = await startFixtureServer(feedRoutes())
})

afterAll(async () => {
  await server.close()
  await removeTempDirs()
})

describe.each(MODES)('search (index built %s)', (_mode, searchWorker) => {
  beforeAll(async () => {
    for (const [path, route] of Object.entries(feedRoutes())) server.routes.set(path, route)
    core = await openCore({ searchWorker })
    const port = await core.addFeed({ url: server.url('/port.xml'), folder: ['Local', 'Harbour'] })
    const wire = await core.addFeed({ url: server.url('/wire.xml'), folder: ['World'] })
    if (!port.ok || !wire.ok) throw new Error('feeds not added')
    portId = port.value.id
    wireId = wire.value.id
  })

  afterAll(async () => {
    await core?.close()
  })

  it('ranks a title hit above a body hit and marks the word in the snippets', async () => {
    const found = await search('harbour ')
    expect(titles(found)).toEqual(['Harbour dredging plan approved', 'Council budget passes'])
    expect(found.total).toBe(2)
    expect(found.hits[0]!.score).toBeGreaterThan(found.hits[1]!.score)
    const title = found.hits[0]!.snippets.find((s) => s.field === 'title')!
    expect(marked(title)).toEqual(['Harbour'])
    const body = found.hits[1]!.snippets.find((s) => s.field === 'body')!
    expect(body.text).toContain('A line on the harbour was added')
    expect(marked(body)).toEqual(['harbour'])
    expect(found.problems).toEqual([])
    expect(found.indexing).toBeNull()
  })

  it('finds a word in the body only, and every word of a query', async () => {
    expect(titles(await search('altimetry '))).toEqual(['Glacier melt doubles'])
    expect(titles(await search('council budget '))).toEqual(['Council budget passes'])
    expect((await search('council glacier ')).total).toBe(0)
  })

  it('matches a phrase only with its words in order', async () => {
    expect(titles(await search('"dredging plan"'))).toEqual(['Harbour dredging plan approved'])
    expect((await search('"plan dredging"')).total).toBe(0)
  })

  it('leaves out items with a -word', async () => {
    expect(titles(await search('harbour -dredging '))).toEqual(['Council budget passes'])
  })

  it('completes the word being typed', async () => {
    expect(titles(await search('dredg'))).toEqual(['Harbour dredging plan approved'])
    expect(titles(await search('glac'))).toEqual(['Glacier melt doubles'])
  })

  it("finds an item by its author and by its feed's title", async () => {
    const byAuthor = await search('holmqvist ')
    expect(titles(byAuthor)).toEqual(['Storm warning for the coast'])
    expect(byAuthor.hits[0]!.snippets.map((s) => s.field)).toContain('author')
    expect((await search('coastal ')).hits.map((h) => h.item.feedId)).toEqual([wireId, wireId])
  })

  it('lists one story published in two feeds once', async () => {
    const found = await search('dredging ')
    expect(found.total).toBe(1)
    expect(found.hits[0]!.item.alsoIn).toHaveLength(1)
  })

  it('filters alone list items newest first, without scores or snippets', async () => {
    const found = await search(`feed:${portId}`)
    expect(titles(found)).toEqual([
      'Harbour dredging plan approved',
      'Council budget passes',
      'Storm warning for the coast',
    ])
    expect(found.hits.every((h) => h.score === 0 && h.snippets.length === 0)).toBe(true)
    expect(titles(await search('after:2026-02 before:2026-03'))).toEqual([
      'Glacier melt doubles',
      'Council budget passes',
    ])
    expect(titles(await search('folder:harbour before:2026-02'))).toEqual([
      'Storm warning for the coast',
    ])
    expect(titles(await search('feed:"coastal wire" glacier'))).toEqual(['Glacier melt doubles'])
  })

  it('says what it did not understand and runs the rest', async () => {
    const found = await search('harbour after:2026-13-01 ')
    expect(found.problems).toEqual(['after: needs a date like 2026-01-31 (not "2026-13-01")'])
    expect(found.total).toBe(2)
  })

  it('marking an item read makes it leave is:unread results; starring puts it in is:starred', async () => {
    const before = await search('harbour is:unread ')
    expect(before.total).toBe(2)
    const budget = before.hits.find((h) => h.item.title === 'Council budget passes')!.item
    await core.setItemState({ itemId: budget.id, read: true, starred: true })
    expect(titles(await search('harbour is:unread '))).toEqual(['Harbour dredging plan approved'])
    expect(titles(await search('is:starred'))).toEqual(['Council budget passes'])
    await core.setItemState({ itemId: budget.id, read: false, starred: false })
  })

  it('finds a highlight by its quote, its note and its tag, until it is deleted', async () => {
    const storm = (await search('gales ')).hits[0]!.item
    const exact = 'heavy rain through Thursday'
    const created = await core.createAnnotation({
      itemId: storm.id,
      kind: 'claim',
      note: 'Compare with the Meteorological Institute bulletin.',
      tags: ['Weather-Check'],
      target: {
        position: { type: 'TextPositionSelector', start: 0, end: exact.length },
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      },
    })
    if (!created.ok) throw new Error(created.error.message)
    const byNote = await search('meteorological ')
    expect(titles(byNote)).toEqual(['Storm warning for the coast'])
    const note = byNote.hits[0]!.snippets.find((s) => s.field === 'note')!
    expect(marked(note)).toEqual(['Meteorological'])
    expect(titles(await search('"rain through thursday" is:annotated'))).toEqual([
      'Storm warning for the coast',
    ])
    expect(titles(await search('tag:weather-check'))).toEqual(['Storm warning for the coast'])
    expect(titles(await search('tag:claim'))).toEqual([])
    await core.deleteAnnotation({ annotationId: created.value.id })
    expect((await search('meteorological ')).total).toBe(0)
    expect((await search('tag:weather-check')).total).toBe(0)
  })

  it('finds new items after a sync, and forgets items the feed replaced', async () => {
    server.routes.set('/wire.xml', {
      body: rss('Coastal Wire', [
        ...WIRE_NEWS,
        {
          title: 'Lighthouse keeper retires',
          body: '<p>After forty years the keeper hands over the lamp.</p>',
          link: 'http://127.0.0.1/wire/lighthouse',
          date: 'Fri, 06 Mar 2026 09:00:00 GMT',
        },
      ]),
      headers: RSS_TYPE,
    })
    await core.syncFeed({ feedId: wireId })
    expect(titles(await search('lighthouse '))).toEqual(['Lighthouse keeper retires'])
    // The feed edits an item: its new text is found, its old text only as an earlier version.
    server.routes.set('/wire.xml', {
      body: rss('Coastal Wire', [
        ...WIRE_NEWS,
        {
          title: 'Lighthouse keeper retires',
          body: '<p>After four decades the keeper hands over the beacon.</p>',
          link: 'http://127.0.0.1/wire/lighthouse',
          date: 'Fri, 06 Mar 2026 09:00:00 GMT',
        },
      ]),
      headers: RSS_TYPE,
    })
    await core.syncFeed({ feedId: wireId })
    expect(titles(await search('beacon '))).toEqual(['Lighthouse keeper retires'])
    expect((await search('lamp ')).total).toBe(0)
  })

  it('follows a renamed feed in feed: filters and feed-title words', async () => {
    await core.updateFeed({ feedId: portId, title: 'Quayside Gazette' })
    expect((await search('feed:quayside storm')).total).toBe(1)
    expect((await search('feed:"port news"')).total).toBe(0)
    await core.updateFeed({ feedId: portId, title: 'Port News' })
  })
})

describe.each(MODES)('the search index on disk (built %s)', (_mode, searchWorker) => {
  async function library(): Promise<string> {
    const dataDir = await tempDir()
    const opened = await openCore({ dataDir, seedSample: true, searchWorker })
    await opened.searchIdle()
    await opened.close()
    return dataDir
  }

  async function reopen(dataDir: string): Promise<{ opened: Core; found: Found }> {
    const opened = await openCore({ dataDir, searchWorker })
    await opened.searchIdle()
    const result = await opened.search({ query: 'altimetry ' })
    if (!result.ok) throw new Error(result.error.message)
    return { opened, found: result.value }
  }

  it('is written beside the library and read back on the next start', async () => {
    const dataDir = await library()
    const files = await readdir(join(dataDir, 'search'))
    expect(files).toContain('manifest.json')
    expect(files.some((f) => f.endsWith('.post'))).toBe(true)
    const { opened, found } = await reopen(dataDir)
    expect(titles(found)).toEqual(['Glacier report finds Aurel Range ice loss doubled in a decade'])
    expect(opened.setAside).toEqual([])
    await opened.close()
  })

  it('is rebuilt when missing', async () => {
    const dataDir = await library()
    await rm(join(dataDir, 'search'), { recursive: true })
    const { opened, found } = await reopen(dataDir)
    expect(found.total).toBe(1)
    await opened.close()
  })

  it('is set aside and rebuilt when damaged', async () => {
    const dataDir = await library()
    await writeFile(join(dataDir, 'search', 'manifest.json'), '{"formatVersion": 1, "segm')
    const { opened, found } = await reopen(dataDir)
    expect(found.total).toBe(1)
    expect(opened.setAside).toHaveLength(1)
    expect(opened.setAside[0]!.movedTo).toMatch(/search\.corrupt-/)
    await opened.close()
  })

  it('is rebuilt when a segment file is missing', async () => {
    const dataDir = await library()
    const post = (await readdir(join(dataDir, 'search'))).find((f) => f.endsWith('.post'))!
    await rm(join(dataDir, 'search', post))
    const { opened, found } = await reopen(dataDir)
    expect(found.total).toBe(1)
    expect(opened.setAside).toHaveLength(1)
    await opened.close()
  })

  it('is rebuilt, not set aside, when it has an older format', async () => {
    const dataDir = await library()
    await writeFile(join(dataDir, 'search', 'manifest.json'), '{"formatVersion": 0}')
    const { opened, found } = await reopen(dataDir)
    expect(found.total).toBe(1)
    expect(opened.setAside).toEqual([])
    await opened.close()
  })
})

describe('building the index on the indexing worker', () => {
  it('answers searches meanwhile with what is indexed so far and how far it is', async () => {
    const dataDir = await tempDir()
    const lib = await generateLibrary(dataDir, {
      feeds: 4,
      itemsPerFeed: 60,
      bodyBytes: 600,
      annotations: 0,
    })
    const store = await LibraryStore.open(dataDir)
    const logged: string[] = []
    const index = new SearchIndex(store, {
      dataDir,
      worker: WORKER,
      chunkItems: 40,
      log: (message) => logged.push(message),
    })
    const query = parseQuery('the ')
    const texts = new AnnotationTexts()
    await index.ready
    // Wait (turn by turn, no timer) until some chunks are back and others still to do.
    while (index.documentCount === 0) await new Promise((resolve) => setImmediate(resolve))
    const partial = await runSearch(index, store, texts, query, 5)
    const progress = index.progress()
    expect(progress).not.toBeNull()
    expect(progress!.total).toBe(lib.itemIds.length)
    expect(partial.total).toBeGreaterThan(0)
    expect(partial.total).toBeLessThan(lib.itemIds.length)
    await index.idle()
    expect(index.progress()).toBeNull()
    expect((await runSearch(index, store, texts, query, 5)).total).toBe(lib.itemIds.length)
    // Written by the worker, read back by a fresh index that has nothing left to do.
    await index.close()
    const reopened = new SearchIndex(store, { dataDir, worker: WORKER })
    await reopened.ready
    expect(reopened.progress()).toBeNull()
    expect((await runSearch(reopened, store, texts, query, 5)).total).toBe(lib.itemIds.length)
    await reopened.close()
    expect(logged.filter((m) => /worker|failed/i.test(m))).toEqual([])
  })
})

describe('phrases over a larger library', () => {
  it('lists exactly the items with the words in order, best first; a big count is an estimate', async () => {
    const dataDir = await tempDir()
    const lib = await generateLibrary(dataDir, {
      feeds: 3,
      itemsPerFeed: 80,
      bodyBytes: 800,
      annotations: 0,
    })
    const store = await LibraryStore.open(dataDir)
    const index = new SearchIndex(store, { dataDir })
    await index.idle()
    const texts = new AnnotationTexts()
    // The most common pair of adjacent words: a phrase many items have, but not all.
    const pairs = new Map<string, Set<string>>()
    for (const feedId of lib.feedIds)
      for (const item of store.items(feedId)) {
        const body = store.bodies.getSync(item.bodyHash, item.body) ?? ''
        for (const text of [item.title, item.author ?? '', htmlToPlainText(body)]) {
          const words = terms(text)
          for (let i = 0; i + 1 < words.length; i++) {
            const key = `${words[i]} ${words[i + 1]}`
            if (!pairs.has(key)) pairs.set(key, new Set())
            pairs.get(key)!.add(item.id)
          }
        }
      }
    const [phrase, having] = [...pairs].sort((a, b) => b[1].size - a[1].size)[0]!
    expect(having.size).toBeGreaterThan(40)
    expect(having.size).toBeLessThan(240)
    const query = parseQuery(`"${phrase}" `)
    const exact = await runSearch(index, store, texts, query, 500)
    expect(exact.totalIsEstimate).toBeUndefined()
    expect(exact.total).toBe(having.size)
    expect(new Set(exact.hits.map((h) => h.item.id))).toEqual(having)
    // Checked only until a page of 10 is sure, the rest from a sample of 8: the same page.
    const quick = await runSearch(index, store, texts, query, 10, { phraseSample: 8 })
    expect(quick.hits.map((h) => h.item.id)).toEqual(exact.hits.slice(0, 10).map((h) => h.item.id))
    expect(quick.totalIsEstimate).toBe(true)
    expect(quick.total).toBeGreaterThan(0)
    await index.close()
  })
})
