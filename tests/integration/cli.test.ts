// The `reader` command over a real data dir and real HTTP: add, sync, feeds, items, export,
// help, version, and clear failures with exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { readFile, writeFile } from 'node:fs/promises'
import { runCli } from '../../electron/cli/run-cli'
import {
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

// runCli finds package.json and resources/ two levels above the bundle dir, as out/main does.
const BUNDLE_DIR = join(__dirname, '..', '..', 'out', 'main')
let server: FixtureServer

async function reader(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, BUNDLE_DIR, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

beforeAll(async () => {
  server = await startFixtureServer({
    '/wire.xml': { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE },
  })
})
afterAll(async () => {
  await server.close()
  await removeTempDirs()
})

describe('reader', () => {
  it('prints help and the version', async () => {
    const help = await reader('--help')
    expect(help.code).toBe(0)
    expect(help.out).toContain('reader [--data DIR] <command>')
    const pkg = JSON.parse(await readFile(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string
    }
    expect(await reader('--version')).toMatchObject({ code: 0, out: pkg.version })
  })

  it('adds, syncs and lists feeds and items in the data dir given by --data', async () => {
    const data = await tempDir()
    const add = await reader('--data', data, 'add', server.url('/wire.xml'))
    expect(add.code).toBe(0)
    expect(add.out).toMatch(
      /^Subscribed to Harbour Wire \(f-[0-9a-f]{12}\): 2 items\n {2}http:\/\/127\.0\.0\.1:\d+\/wire\.xml$/,
    )

    const sync = await reader('--data', data, 'sync', '--json')
    expect(sync.code).toBe(0)
    expect(JSON.parse(sync.out)).toEqual({
      feeds: 1,
      failed: 0,
      skipped: 0,
      newItems: 0,
      errors: [],
    })
    expect(sync.err).toContain('sync: 1/1 feeds')

    const items = await reader('--data', data, 'items', '--json')
    const list = JSON.parse(items.out) as { title: string; id: string }[]
    expect(list.map((i) => i.title)).toEqual([
      'Envoys agree to resume border talks',
      'Port authority reports record winter traffic',
    ])

    const text = await reader('--data', data, 'items')
    expect(text.out.split('\n')[0]).toMatch(
      /^i-[0-9a-f]{16} {2}2026-01-23 {2}\* Envoys agree to resume border talks {2}— Harbour Wire$/,
    )

    const feeds = await reader('--data', data, 'feeds')
    expect(feeds.out).toContain('Harbour Wire  2/2 unread  ok')

    const exported = await reader('--data', data, 'export', list[0]!.id)
    expect(exported.out).toContain('title: "Envoys agree to resume border talks"')
    const mla = await reader('--data', data, 'export', '--item', list[0]!.id, '--style', 'mla')
    expect(mla.code).toBe(0)
    expect(mla.out).toContain('“Envoys Agree to Resume Border Talks.”')
    const bib = await reader('--data', data, 'export', '--item', list[0]!.id, '--format', 'bibtex')
    expect(bib.code).toBe(0)
    expect(bib.out).toMatch(/^@\w+\{/)
    const pandoc = await reader(
      '--data',
      data,
      'export',
      '--item',
      list[0]!.id,
      '--item',
      list[1]!.id,
      '--pandoc',
      '--out',
      '-',
    )
    expect(pandoc.code).toBe(0)
    expect(pandoc.out).toMatch(/\[@[a-z0-9]+\]/)
    const vault = await tempDir()
    const written = await reader(
      '--data',
      data,
      'export',
      '--item',
      list[0]!.id,
      '--item',
      list[1]!.id,
      '--out',
      vault,
    )
    expect(written).toMatchObject({ code: 0 })
    expect(written.out).toMatch(
      /^2 articles, 0 highlights → .*: 4 written, 0 updated, 0 unchanged$/,
    )
    const rewritten = await reader(
      '--data',
      data,
      'export',
      '--item',
      list[0]!.id,
      '--item',
      list[1]!.id,
      '--out',
      vault,
    )
    expect(rewritten.out).toMatch(/0 written, 0 updated, 4 unchanged$/)
    expect(await reader('--data', data, 'export', '--format', 'docx')).toMatchObject({ code: 2 })
    expect(await reader('--data', data, 'export', '--style', 'ieee')).toMatchObject({ code: 2 })
    expect(await reader('--data', data, 'export', '--kind', 'note')).toMatchObject({ code: 2 })
    expect(await reader('--data', data, 'export', '--format', 'ris', '--pandoc')).toMatchObject({
      code: 2,
    })
    expect(await reader('--data', data, 'export', '--tag', 'none-such')).toMatchObject({ code: 1 })

    const feedId = /^(f-[0-9a-f]{12})/.exec(feeds.out)![1]!

    const removed = await reader('--data', data, 'remove', feedId)
    expect(removed.code).toBe(0)
    expect(removed.out).toMatch(
      new RegExp(`^Removed ${feedId}: 2 items, 0 highlights; files kept in .*removed`),
    )
    expect((await reader('--data', data, 'feeds')).out).toBe('')
    expect(await reader('--data', data, 'remove', feedId)).toMatchObject({ code: 1 })
    expect(await reader('--data', data, 'remove')).toMatchObject({ code: 2 })
  })

  it('shows an article cleaned (or original) with its citation, and parses a file with --clean', async () => {
    const sample = join(__dirname, '..', '..', 'resources', 'sample', 'feed.xml')
    const parsed = await reader('parse', sample, '--clean')
    expect(parsed.code).toBe(0)
    const feed = JSON.parse(parsed.out) as {
      items: { title: string; cleanText: string; citation: { authors: string[] } }[]
    }
    const repost = feed.items.find((i) => i.title.startsWith('Envoys agree to resume Tarsk'))!
    expect(repost.citation.authors).toEqual(['Daria Kovalenko'])
    expect(repost.cleanText).not.toContain('This is the imported news bot.')
    expect(repost.cleanText.startsWith('Photo: Meridian Press Agency')).toBe(true)

    const data = await tempDir()
    await reader('--data', data, 'add', server.url('/wire.xml'))
    const items = JSON.parse((await reader('--data', data, 'items', '--json')).out) as {
      id: string
    }[]
    const shown = await reader('--data', data, 'show', items[0]!.id, '--json')
    expect(shown.code).toBe(0)
    const article = JSON.parse(shown.out) as {
      text: string
      citation: Record<string, unknown>
      versions: unknown[]
    }
    expect(Object.keys(article.citation).sort()).toEqual(
      ['accessed', 'authors', 'language', 'published', 'publisher', 'title', 'type', 'url'].sort(),
    )
    expect(article.citation).toMatchObject({
      authors: ['Daria Kovalenko'],
      publisher: 'Harbour Wire',
    })
    expect(article.text).toContain('the envoy said after the meeting')
    expect(article.versions).toHaveLength(1)
    const human = await reader('--data', data, 'show', items[0]!.id)
    expect(human.out.split('\n')[1]).toBe('Daria Kovalenko — Harbour Wire — 2026-01-23T08:40:00Z')
    expect((await reader('--data', data, 'show', 'i-0000000000000000')).code).toBe(1)
  })

  it('finds the quotes of an article or an HTML file, and annotates text by quoting it', async () => {
    const data = await tempDir()
    expect((await reader('--data', data, 'add', server.url('/wire.xml'))).code).toBe(0)
    const items = JSON.parse((await reader('--data', data, 'items', '--json')).out) as {
      id: string
      title: string
    }[]
    const talks = items.find((i) => i.title === 'Envoys agree to resume border talks')!
    const quotes = await reader('--data', data, 'quotes', talks.id, '--json')
    expect(quotes.code).toBe(0)
    const found = JSON.parse(quotes.out) as {
      text: string
      speaker: string | null
      role: string | null
      isSpeech: boolean
      start: number
      end: number
      confidence: number
    }[]
    expect(found.map((q) => [q.text, q.isSpeech]).slice(0, 2)).toEqual([
      ['We are ready to sit down again without preconditions,', true],
      ['Nothing is agreed until everything is agreed.', true],
    ])
    expect(found[0]).toMatchObject({ role: 'envoy' })
    const human = await reader('--data', data, 'quotes', talks.id)
    expect(human.out).toContain('“Nothing is agreed until everything is agreed.”')

    // A file needs no library.
    const file = join(data, 'page.html')
    await writeFile(
      file,
      '<article><p>“The bridge opens in May,” said Mayor Ana Ruiz.</p><p>Critics called it a “vanity project”.</p></article>',
    )
    const fromFile = JSON.parse((await reader('quotes', file, '--json')).out) as {
      text: string
      speaker: string | null
      isSpeech: boolean
    }[]
    expect(fromFile[0]).toMatchObject({
      text: 'The bridge opens in May,',
      speaker: 'Ana Ruiz',
      isSpeech: true,
    })

    const annotate = await reader(
      '--data',
      data,
      'annotate',
      talks.id,
      '--quote',
      'Nothing is agreed until everything is agreed.',
      '--kind',
      'quote',
      '--speaker',
      'The aide',
      '--tag',
      'talks',
      '--tag',
      'follow-up',
      '--json',
    )
    expect(annotate.code).toBe(0)
    const saved = JSON.parse(annotate.out) as {
      id: string
      speaker: unknown
      tags: string[]
      target: { quote: { exact: string; prefix: string } }
    }
    expect(saved).toMatchObject({
      speaker: { name: 'The aide', role: null },
      tags: ['talks', 'follow-up'],
      target: { quote: { exact: 'Nothing is agreed until everything is agreed.' } },
    })
    // Offsets and context count in the text the reader window sees (its textContent).
    expect(saved.target.quote.prefix).toMatch(/the meeting\.\s*The aide said: “$/)
    const claim = await reader(
      '--data',
      data,
      'annotate',
      talks.id,
      '--quote',
      'preconditions',
      '--kind',
      'claim',
      '--status',
      'disputed',
    )
    expect(claim.out).toMatch(/^Saved claim a-[a-z0-9-]+ on i-/)

    // The quote as Markdown to paste, cited in the style asked for.
    const cited = await reader('--data', data, 'cite', saved.id, '--style', 'chicago-ad')
    expect(cited.code).toBe(0)
    expect(cited.out).toMatch(
      /^> Nothing is agreed until everything is agreed\.\n>\n> — The aide, in Kovalenko, Daria\. 2026\./,
    )
    expect(cited.out).toContain('#:~:text=Nothing%20is%20agreed')
    expect((await reader('--data', data, 'cite', 'a-0000000000000000')).code).toBe(1)
    expect((await reader('--data', data, 'cite', saved.id, '--style', 'ieee')).code).toBe(2)
    expect((await reader('--data', data, 'cite')).code).toBe(2)
    expect(
      (await reader('--data', data, 'annotate', talks.id, '--quote', 'not in the text')).code,
    ).toBe(1)
    expect(
      (await reader('--data', data, 'annotate', talks.id, '--quote', 'x', '--kind', 'note')).code,
    ).toBe(2)
    expect((await reader('--data', data, 'annotate', talks.id)).code).toBe(2)
  })

  it('searches the library: ranked hits with marked snippets, or JSON; bad usage exits 2', async () => {
    const data = await tempDir()
    expect((await reader('--data', data, 'add', server.url('/wire.xml'))).code).toBe(0)
    // Commands that do not search leave the index alone; the first search indexes what they added.
    expect(existsSync(join(data, 'search'))).toBe(false)
    const human = await reader('--data', data, 'search', 'preconditions')
    expect(human.code).toBe(0)
    const lines = human.out.split('\n')
    expect(lines[0]).toMatch(/^1 hit \([\d.]+ ms\)$/)
    expect(lines[2]).toMatch(
      /^i-[0-9a-f]{16} {2}2026-01-23 {2}Envoys agree to resume border talks {2}— Harbour Wire$/,
    )
    expect(lines[3]).toContain('body: ')
    expect(lines[3]).toContain('[preconditions]')
    const json = await reader(
      '--data',
      data,
      'search',
      'port',
      'after:2026-01-01',
      '--json',
      '--limit',
      '5',
    )
    const found = JSON.parse(json.out) as { total: number; hits: { item: { title: string } }[] }
    expect(found.total).toBe(1)
    expect(found.hits[0]!.item.title).toBe('Port authority reports record winter traffic')
    const problem = await reader('--data', data, 'search', 'port after:soon')
    expect(problem.err).toBe('reader: after: needs a date like 2026-01-31 (not "soon")')
    expect((await reader('--data', data, 'search')).code).toBe(2)
    expect((await reader('--data', data, 'search', 'x', '--limit', '0')).code).toBe(2)
  })

  it('honours READER_DATA_DIR when --data is absent', async () => {
    const data = await tempDir()
    process.env.READER_DATA_DIR = data
    try {
      await reader('add', server.url('/wire.xml'))
      expect((await reader('--data', data, 'feeds', '--json')).out).toContain('Harbour Wire')
    } finally {
      delete process.env.READER_DATA_DIR
    }
  })

  it('fails with one clear line and exit 1 for a bad feed, exit 2 for bad usage', async () => {
    const data = await tempDir()
    const bad = await reader('--data', data, 'add', server.url('/missing.xml'))
    expect(bad.code).toBe(1)
    expect(bad.err).toBe('reader: The server answered 404 Not Found (http)')
    expect((await reader('--data', data, 'frobnicate')).code).toBe(2)
    expect((await reader('--data', data, 'add')).code).toBe(2)
    expect((await reader('--nope')).code).toBe(2)
  })
})
