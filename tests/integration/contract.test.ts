// One contract suite, two transports: the same calls against the core directly and through the
// browser shell's HTTP API must give the same, schema-valid results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../shared/client'
import { contract, methodNames, type ReaderBridge } from '../../shared/contract'
import { dispatch } from '../../shared/dispatch'
import type { Core } from '../../electron/core/create-core'
import { startWebServer, type WebServer } from '../../electron/web/web-server'
import {
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { createNodeHttpBridge } from '../helpers/http-bridge'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

let feeds: FixtureServer
let web: WebServer | null = null

beforeAll(async () => {
  feeds = await startFixtureServer({
    '/wire.xml': { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE },
  })
})

afterAll(async () => {
  await web?.close()
  await feeds.close()
  await removeTempDirs()
})

const transports: [string, (core: Core) => Promise<ReaderBridge>][] = [
  // In process, through the same dispatch the Electron IPC handlers use.
  [
    'core',
    async (core) => ({ ...createClient((name, args) => dispatch(core, name, args)), on: core.on }),
  ],
  [
    'http',
    async (core) => {
      await web?.close()
      web = await startWebServer({ core, rendererDir: '/nonexistent' })
      return createNodeHttpBridge(`http://127.0.0.1:${web.port}`, web.token)
    },
  ],
]

describe.each(transports)('the contract over %s', (_name, connect) => {
  let api: ReaderBridge

  beforeAll(async () => {
    api = await connect(await openCore({ seedSample: true }))
  })

  it('answers every method with schema-valid values (the slice: subscribe → sync → read → highlight → export)', async () => {
    const seen = new Set<string>()
    const check = <T>(name: keyof typeof contract, result: { ok: boolean; value?: T }): T => {
      expect(result.ok, `${name} failed: ${JSON.stringify(result)}`).toBe(true)
      contract[name].result.parse(result.value)
      seen.add(name)
      return result.value as T
    }
    const info = check('getAppInfo', await api.getAppInfo({}))
    expect(info).toMatchObject({ name: 'Research Reader', shell: 'test' })
    const feed = check('addFeed', await api.addFeed({ url: feeds.url('/wire.xml') }))
    check('listFeeds', await api.listFeeds({}))
    const renamed = check(
      'updateFeed',
      await api.updateFeed({ feedId: feed.id, title: 'Harbour Wire (wires)' }),
    )
    expect(renamed.title).toBe('Harbour Wire (wires)')
    check('updateFeed', await api.updateFeed({ feedId: feed.id, title: 'Harbour Wire' }))
    const discovered = check(
      'discoverFeeds',
      await api.discoverFeeds({ url: feeds.url('/wire.xml') }),
    )
    expect(discovered).toEqual([
      { url: feeds.url('/wire.xml'), title: null, type: 'rss', source: 'direct' },
    ])
    const opml = check('exportOpml', await api.exportOpml({}))
    expect(opml.text).toContain(`xmlUrl="${feeds.url('/wire.xml')}"`)
    expect(check('importOpml', await api.importOpml({ text: opml.text }))).toEqual({
      added: 0,
      alreadySubscribed: 1,
      skipped: 0,
    })
    check('syncAll', await api.syncAll({}))
    check('syncFeed', await api.syncFeed({ feedId: feed.id }))
    const { items } = check('listItems', await api.listItems({ feedId: feed.id }))
    const item = items[0]!
    const article = check('getArticle', await api.getArticle({ itemId: item.id }))
    expect(article.contentHtml).toContain('the envoy said')
    check('setItemState', await api.setItemState({ itemId: item.id, read: true }))
    // Mark all read, then undo: exactly the items that were unread come back.
    const marked = check('markAllRead', await api.markAllRead({ feedId: feed.id }))
    expect(marked.itemIds).toEqual([items[1]!.id])
    expect(check('markUnread', await api.markUnread({ itemIds: marked.itemIds }))).toEqual({
      count: 1,
    })
    const after = await api.listItems({ feedId: feed.id, unreadOnly: true })
    expect(after.ok && after.value.items.map((i) => i.id)).toEqual([items[1]!.id])
    const located = check(
      'locateItem',
      await api.locateItem({ feedId: feed.id, find: { kind: 'next-unread', after: 0 } }),
    )
    expect(located).toMatchObject({ index: 1, item: { id: items[1]!.id } })
    // The item's page is not served here: the failure is kept as a reason, the article stays.
    const full = check('fetchFullText', await api.fetchFullText({ itemId: item.id }))
    expect(full.fullText).toMatchObject({ status: 'failed' })
    expect(
      check('getArticleVersion', await api.getArticleVersion({ itemId: item.id, version: 0 }))
        .contentHtml,
    ).toContain('the envoy said')
    expect(
      check(
        'diffArticleVersions',
        await api.diffArticleVersions({ itemId: item.id, from: 0, to: 0 }),
      ),
    ).toHaveLength(1)
    const corrected = check(
      'updateCitation',
      await api.updateCitation({ itemId: item.id, edits: { publisher: 'Harbour Wire Service' } }),
    )
    expect(corrected.citation.publisher).toBe('Harbour Wire Service')
    expect(corrected.citationEdits).toEqual({ publisher: 'Harbour Wire Service' })
    const exact = '“We are ready to sit down again without preconditions,”'
    const annotation = check(
      'createAnnotation',
      await api.createAnnotation({
        itemId: item.id,
        kind: 'quote',
        note: 'The envoy sets the tone.',
        tags: ['talks'],
        target: {
          position: { type: 'TextPositionSelector', start: 91, end: 91 + exact.length },
          quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: ' the envoy said' },
        },
      }),
    )
    expect(check('listAnnotations', await api.listAnnotations({ itemId: item.id }))).toHaveLength(1)
    const note = check(
      'exportArticleMarkdown',
      await api.exportArticleMarkdown({ itemId: item.id }),
    )
    expect(note.markdown).toContain(`> ${exact}`)
    expect(note.markdown).toContain('author: "Daria Kovalenko"')
    const cited = check(
      'citeAnnotation',
      await api.citeAnnotation({ annotationId: annotation.id, style: 'mla' }),
    )
    expect(cited.markdown).toContain(`> ${exact}\n>\n> — Kovalenko, Daria.`)
    expect(cited.markdown).toContain('#:~:text=')
    const selection = { itemIds: [item.id] }
    const preview = check('previewExport', await api.previewExport({ selection }))
    expect(preview).toMatchObject({ articles: 1, annotations: 1, truncated: false })
    const collection = check(
      'exportCollection',
      await api.exportCollection({ selection, pandoc: true, style: 'mla' }),
    )
    expect(collection.files.map((f) => f.mediaType)).toEqual([
      'text/markdown',
      'application/vnd.citationstyles.csl+json',
    ])
    const vault = check(
      'exportVault',
      await api.exportVault({ folder: await tempDir(), selection }),
    )
    expect(vault.written).toHaveLength(3)
    const found = check('search', await api.search({ query: 'is:annotated' }))
    expect(found.hits.map((hit) => hit.item.id)).toContain(item.id)
    // Annotations: a claim with a status history and evidence, found quotes, delete and undo.
    const claim = check(
      'updateAnnotation',
      await api.updateAnnotation({
        annotationId: annotation.id,
        kind: 'claim',
        status: 'disputed',
      }),
    )
    expect(claim.claim?.history.map((h) => h.status)).toEqual(['unverified', 'disputed'])
    const quotes = check('findQuotes', await api.findQuotes({ itemId: item.id }))
    expect(quotes.quotes.some((q) => q.isSpeech)).toBe(true)
    const speech = quotes.quotes.find((q) => q.isSpeech)!
    const evidence = check(
      'createAnnotation',
      await api.createAnnotation({
        itemId: item.id,
        kind: 'quote',
        note: '',
        tags: [],
        target: speech.target,
        speaker: speech.speaker ? { name: speech.speaker, role: speech.role } : null,
      }),
    )
    check(
      'linkEvidence',
      await api.linkEvidence({ claimId: claim.id, evidenceId: evidence.id, stance: 'supports' }),
    )
    const board = check('getClaim', await api.getClaim({ annotationId: claim.id }))
    expect(board.evidence.map((e) => e.entry.annotation.id)).toEqual([evidence.id])
    check(
      'unlinkEvidence',
      await api.unlinkEvidence({ claimId: claim.id, evidenceId: evidence.id }),
    )
    expect(check('listAllAnnotations', await api.listAllAnnotations({ kind: 'claim' })).total).toBe(
      1,
    )
    const removed = check(
      'deleteAnnotation',
      await api.deleteAnnotation({ annotationId: annotation.id }),
    )
    check('restoreAnnotation', await api.restoreAnnotation({ annotation: removed.annotation }))
    check('deleteAnnotation', await api.deleteAnnotation({ annotationId: annotation.id }))
    expect(check('getSettings', await api.getSettings({})).theme).toBe('system')
    expect(check('updateSettings', await api.updateSettings({ theme: 'sepia' })).theme).toBe(
      'sepia',
    )
    expect(check('removeFeed', await api.removeFeed({ feedId: feed.id }))).toMatchObject({
      removedItems: items.length,
    })
    expect(check('listFeeds', await api.listFeeds({})).map((f) => f.id)).not.toContain(feed.id)
    expect([...seen].sort()).toEqual([...methodNames].sort())
  })

  it('rejects malformed arguments with invalid-args before reaching the core', async () => {
    const call = api.getArticle as unknown as (args: unknown) => Promise<unknown>
    expect(await call({ itemId: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    })
    expect(await call({ itemId: 'i-1', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    })
  })

  it('returns not-found as a value for unknown ids', async () => {
    const result = await api.getArticle({ itemId: 'i-0000000000000000' })
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('pushes sync progress events', async () => {
    const events: number[] = []
    const off = api.on('syncProgress', (p) => events.push(p.done))
    await new Promise((resolve) => setTimeout(resolve, 100)) // let an HTTP event stream connect
    await api.syncAll({})
    await expect.poll(() => events.length).toBeGreaterThanOrEqual(2)
    off()
  })
})
