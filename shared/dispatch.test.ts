// dispatch is the server side of every transport (IPC, HTTP, CLI): it rejects unknown methods and
// bad payloads before the core sees them, and turns a thrown bug into an 'internal' error value.
import { describe, expect, it } from 'vitest'
import { methodNames, type MethodName, type ReaderApi } from './contract'
import { dispatch } from './dispatch'
import type { Annotation, Article, Feed, ItemSummary, SyncSummary } from './domain'
import { fail, ok } from './result'
import { DEFAULT_SETTINGS } from './settings/settings'

const FEED_ID = 'f-0123456789ab'
const ITEM_ID = 'i-0123456789abcdef'

const FEED: Feed = {
  id: FEED_ID,
  url: 'https://courier.example/feed.xml',
  title: 'The Riverside Courier',
  siteUrl: 'https://courier.example/',
  description: '',
  folder: [],
  retention: { mode: 'all' },
  alwaysFullText: false,
  addedAt: '2026-01-01T00:00:00.000Z',
  lastSuccessAt: null,
  lastError: null,
  nextCheckAt: null,
  gone: false,
  warnings: [],
  itemCount: 1,
  unreadCount: 1,
  annotationCount: 0,
}

const ITEM: ItemSummary = {
  id: ITEM_ID,
  feedId: FEED_ID,
  feedTitle: FEED.title,
  title: 'Council delays transit levy',
  link: 'https://courier.example/levy',
  author: null,
  published: null,
  firstSeenAt: '2026-01-23T11:00:00.000Z',
  snippet: '',
  read: false,
  starred: false,
  annotationCount: 0,
  alsoIn: [],
}

const ARTICLE: Article = {
  ...ITEM,
  contentHtml: '<p>Hi</p>',
  feedUrl: FEED.url,
  feedSiteUrl: FEED.siteUrl,
  fetchedAt: '2026-01-23T11:00:00.000Z',
  citation: {
    title: ITEM.title,
    authors: [],
    publisher: FEED.title,
    published: null,
    url: ITEM.link,
    accessed: '2026-01-23T11:00:00.000Z',
    language: null,
    type: 'webpage',
  },
  citationEdits: {},
  versions: [{ index: 0, title: ITEM.title, fetchedAt: '2026-01-23T11:00:00.000Z', current: true }],
  summaryOnly: true,
  wantsFullText: true,
  fullText: { status: 'none' },
}

const ANNOTATION: Annotation = {
  id: 'a-1',
  itemId: ITEM_ID,
  feedId: FEED_ID,
  kind: 'quote',
  note: '',
  tags: [],
  color: 'yellow',
  target: {
    position: { type: 'TextPositionSelector', start: 0, end: 2 },
    quote: { type: 'TextQuoteSelector', exact: 'Hi', prefix: '', suffix: '' },
  },
  speaker: null,
  claim: null,
  evidence: [],
  madeOn: null,
  createdAt: '2026-01-23T11:00:00.000Z',
  updatedAt: '2026-01-23T11:00:00.000Z',
}

const SUMMARY: SyncSummary = { feeds: 1, failed: 0, skipped: 0, newItems: 0, errors: [] }

interface Call {
  method: MethodName
  args: unknown
}

/** A fake core that records every call and answers with fixed values. */
function fakeApi(overrides: Partial<ReaderApi> = {}): { api: ReaderApi; calls: Call[] } {
  const calls: Call[] = []
  const record = (method: MethodName, args: unknown) => calls.push({ method, args })
  const api: ReaderApi = {
    getAppInfo: async (args) => {
      record('getAppInfo', args)
      return ok({
        name: 'Research Reader',
        version: '0.1.0',
        dataDir: '/tmp/x',
        shell: 'test',
        recovered: [],
      })
    },
    listFeeds: async (args) => {
      record('listFeeds', args)
      return ok([FEED])
    },
    addFeed: async (args) => {
      record('addFeed', args)
      return ok(FEED)
    },
    updateFeed: async (args) => {
      record('updateFeed', args)
      return ok(FEED)
    },
    discoverFeeds: async (args) => {
      record('discoverFeeds', args)
      return ok([])
    },
    importOpml: async (args) => {
      record('importOpml', args)
      return ok({ added: 0, alreadySubscribed: 0, skipped: 0 })
    },
    exportOpml: async (args) => {
      record('exportOpml', args)
      return ok({ fileName: 'a.opml', text: '<opml/>' })
    },
    removeFeed: async (args) => {
      record('removeFeed', args)
      return ok({ removedItems: 1, removedAnnotations: 0, keptAt: '/tmp/x/removed/f' })
    },
    getSettings: async (args) => {
      record('getSettings', args)
      return ok({ ...DEFAULT_SETTINGS })
    },
    updateSettings: async (args) => {
      record('updateSettings', args)
      return ok({ ...DEFAULT_SETTINGS, ...args })
    },
    syncAll: async (args) => {
      record('syncAll', args)
      return ok(SUMMARY)
    },
    syncFeed: async (args) => {
      record('syncFeed', args)
      return ok(SUMMARY)
    },
    listItems: async (args) => {
      record('listItems', args)
      return ok({ snapshot: 's-1', total: 1, unreadTotal: 1, offset: 0, items: [ITEM] })
    },
    locateItem: async (args) => {
      record('locateItem', args)
      return ok({ snapshot: 's-1', total: 1, index: 0, item: ITEM })
    },
    getArticle: async (args) => {
      record('getArticle', args)
      return ok(ARTICLE)
    },
    setItemState: async (args) => {
      record('setItemState', args)
      return ok({ ...ITEM, read: true })
    },
    fetchFullText: async (args) => {
      record('fetchFullText', args)
      return ok(ARTICLE)
    },
    getArticleVersion: async (args) => {
      record('getArticleVersion', args)
      return ok({
        index: 0,
        title: ITEM.title,
        fetchedAt: ARTICLE.fetchedAt,
        contentHtml: '<p>Hi</p>',
      })
    },
    diffArticleVersions: async (args) => {
      record('diffArticleVersions', args)
      return ok([{ kind: 'same' as const, text: 'Hi' }])
    },
    updateCitation: async (args) => {
      record('updateCitation', args)
      return ok(ARTICLE)
    },
    markAllRead: async (args) => {
      record('markAllRead', args)
      return ok({ itemIds: [ITEM_ID] })
    },
    markUnread: async (args) => {
      record('markUnread', args)
      return ok({ count: 1 })
    },
    listAnnotations: async (args) => {
      record('listAnnotations', args)
      return ok([])
    },
    createAnnotation: async (args) => {
      record('createAnnotation', args)
      return fail('not-found', 'No such item')
    },
    deleteAnnotation: async (args) => {
      record('deleteAnnotation', args)
      return ok({ deleted: true as const, annotation: ANNOTATION })
    },
    updateAnnotation: async (args) => {
      record('updateAnnotation', args)
      return ok(ANNOTATION)
    },
    restoreAnnotation: async (args) => {
      record('restoreAnnotation', args)
      return ok(ANNOTATION)
    },
    listAllAnnotations: async (args) => {
      record('listAllAnnotations', args)
      return ok({ total: 0, entries: [], tags: [] })
    },
    linkEvidence: async (args) => {
      record('linkEvidence', args)
      return ok(ANNOTATION)
    },
    unlinkEvidence: async (args) => {
      record('unlinkEvidence', args)
      return ok(ANNOTATION)
    },
    getClaim: async (args) => {
      record('getClaim', args)
      return fail('not-a-claim', 'That highlight is not a claim')
    },
    findQuotes: async (args) => {
      record('findQuotes', args)
      return ok({ quotes: [] })
    },
    exportArticleMarkdown: async (args) => {
      record('exportArticleMarkdown', args)
      return ok({ fileName: 'a.md', markdown: '# A\n' })
    },
    citeAnnotation: async (args) => {
      record('citeAnnotation', args)
      return ok({ markdown: '> Hi\n>\n> — Doe, J. (2026). A.\n' })
    },
    previewExport: async (args) => {
      record('previewExport', args)
      return ok({
        articles: 1,
        annotations: 2,
        fileNames: ['a.md'],
        text: '# A\n',
        truncated: false,
      })
    },
    exportCollection: async (args) => {
      record('exportCollection', args)
      return ok({
        articles: 1,
        annotations: 2,
        files: [{ fileName: 'a.md', mediaType: 'text/markdown', text: '# A\n' }],
      })
    },
    exportVault: async (args) => {
      record('exportVault', args)
      return ok({
        articles: 1,
        annotations: 2,
        folder: '/tmp/vault',
        written: ['a.md'],
        updated: [],
        unchanged: [],
        renamed: [],
      })
    },
    search: async (args) => {
      record('search', args)
      return ok({ total: 0, hits: [], problems: [], indexing: null, tookMs: 0 })
    },
    ...overrides,
  }
  return { api, calls }
}

describe('dispatch: method names', () => {
  it.each([
    'noSuchMethod',
    'ListFeeds',
    '',
    'toString',
    'constructor',
    '__proto__',
    'hasOwnProperty',
  ])('answers "%s" with unknown-method and calls nothing', async (name) => {
    const { api, calls } = fakeApi()
    const result = await dispatch(api, name, {})
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('unknown-method')
    expect(calls).toEqual([])
  })

  it('names the unknown method in the message, cut to 80 characters', async () => {
    const { api } = fakeApi()
    const short = await dispatch(api, 'frobnicate', {})
    expect(!short.ok && short.error.message).toBe('No such method: frobnicate')
    const long = await dispatch(api, 'x'.repeat(10_000), {})
    expect(!long.ok && long.error.message).toBe(`No such method: ${'x'.repeat(80)}`)
  })

  it('routes every contract method to the core method of the same name', async () => {
    const { api, calls } = fakeApi()
    const argsFor: Partial<Record<MethodName, unknown>> = {
      addFeed: { url: 'https://courier.example/feed.xml' },
      updateFeed: { feedId: FEED_ID, retention: { mode: 'items', count: 10 } },
      discoverFeeds: { url: 'https://courier.example/' },
      importOpml: { text: '<opml/>' },
      removeFeed: { feedId: FEED_ID },
      updateSettings: { theme: 'dark' },
      syncFeed: { feedId: FEED_ID },
      locateItem: { find: { kind: 'item', itemId: ITEM_ID } },
      getArticle: { itemId: ITEM_ID },
      setItemState: { itemId: ITEM_ID, read: true },
      fetchFullText: { itemId: ITEM_ID },
      getArticleVersion: { itemId: ITEM_ID, version: 0 },
      diffArticleVersions: { itemId: ITEM_ID, from: 0, to: 0 },
      updateCitation: { itemId: ITEM_ID, edits: { authors: ['Jane Doe'] } },
      markAllRead: { feedId: FEED_ID },
      markUnread: { itemIds: [ITEM_ID] },
      listAnnotations: { itemId: ITEM_ID },
      createAnnotation: {
        itemId: ITEM_ID,
        kind: 'quote',
        note: '',
        tags: [],
        target: {
          position: { type: 'TextPositionSelector', start: 0, end: 2 },
          quote: { type: 'TextQuoteSelector', exact: 'Hi', prefix: '', suffix: '' },
        },
      },
      deleteAnnotation: { annotationId: 'a-1' },
      updateAnnotation: { annotationId: 'a-1', note: 'n' },
      restoreAnnotation: { annotation: ANNOTATION },
      linkEvidence: { claimId: 'a-1', evidenceId: 'a-2', stance: 'supports' },
      unlinkEvidence: { claimId: 'a-1', evidenceId: 'a-2' },
      getClaim: { annotationId: 'a-1' },
      findQuotes: { itemId: ITEM_ID },
      exportArticleMarkdown: { itemId: ITEM_ID, style: 'mla' },
      citeAnnotation: { annotationId: 'a-1', style: 'chicago-nb' },
      previewExport: { selection: { tag: 'border' }, format: 'md' },
      exportCollection: { selection: { kind: 'claim' }, pandoc: true, sidecar: 'bibtex' },
      exportVault: { folder: '/tmp/vault', selection: { itemIds: [ITEM_ID] } },
      search: { query: 'harbour tag:claim', limit: 10 },
    }
    for (const name of methodNames) await dispatch(api, name, argsFor[name] ?? {})
    expect(calls.map((c) => c.method)).toEqual(methodNames)
  })
})

describe('dispatch: argument validation', () => {
  it.each([
    ['addFeed', { url: 42 }],
    ['addFeed', {}],
    ['addFeed', { url: '' }],
    ['addFeed', { url: `https://x.example/${'a'.repeat(2048)}` }],
    ['syncFeed', { feedId: 'Not An Id!' }],
    ['getArticle', { itemId: '../../etc/passwd' }],
    ['setItemState', { itemId: ITEM_ID, read: 'yes' }],
    ['listItems', { unreadOnly: 1 }],
    ['listItems', { limit: 501 }],
    ['listItems', { offset: -1 }],
    ['listItems', { folder: [''] }],
    ['locateItem', { find: { kind: 'next-unread', after: -2 } }],
    ['locateItem', { find: { kind: 'item' } }],
    ['createAnnotation', { itemId: ITEM_ID, kind: 'rant', note: '', tags: [], target: {} }],
    ['citeAnnotation', { annotationId: 'a-1', style: 'harvard' }],
    ['citeAnnotation', {}],
    ['listFeeds', 'a string'],
    ['listFeeds', 42],
    ['listFeeds', ['array']],
  ] as const)('rejects %s(%j) with invalid-args without calling the core', async (name, args) => {
    const { api, calls } = fakeApi()
    const result = await dispatch(api, name, args)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-args')
      expect(result.error.message).toContain(`Invalid arguments for ${name}`)
    }
    expect(calls).toEqual([])
  })

  it.each([
    ['listFeeds', { verbose: true }],
    ['getArticle', { itemId: ITEM_ID, includeDrafts: true }],
    ['addFeed', { url: 'https://courier.example/feed.xml', force: true }],
  ] as const)('rejects unknown extra keys: %s(%j)', async (name, args) => {
    const { api, calls } = fakeApi()
    const result = await dispatch(api, name, args)
    expect(!result.ok && result.error.code).toBe('invalid-args')
    expect(calls).toEqual([])
  })

  it('rejects a JSON payload smuggling a "__proto__" key', async () => {
    const { api, calls } = fakeApi()
    const payload: unknown = JSON.parse('{"__proto__": {"polluted": true}}')
    const result = await dispatch(api, 'listFeeds', payload)
    expect(!result.ok && result.error.code).toBe('invalid-args')
    expect(calls).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('treats missing (undefined or null) arguments as {} for methods without arguments', async () => {
    const { api, calls } = fakeApi()
    expect((await dispatch(api, 'listFeeds', undefined)).ok).toBe(true)
    expect((await dispatch(api, 'syncAll', null)).ok).toBe(true)
    expect(calls).toEqual([
      { method: 'listFeeds', args: {} },
      { method: 'syncAll', args: {} },
    ])
  })

  it('still rejects missing arguments for a method that needs them', async () => {
    const { api, calls } = fakeApi()
    const result = await dispatch(api, 'getArticle', undefined)
    expect(!result.ok && result.error.code).toBe('invalid-args')
    expect(calls).toEqual([])
  })

  it('passes the validated arguments to the core', async () => {
    const { api, calls } = fakeApi()
    await dispatch(api, 'listItems', { feedId: FEED_ID, unreadOnly: true })
    expect(calls).toEqual([{ method: 'listItems', args: { feedId: FEED_ID, unreadOnly: true } }])
  })
})

describe('dispatch: results and bugs', () => {
  it('returns the core’s success result unchanged', async () => {
    const expected = ok([FEED])
    const { api } = fakeApi({ listFeeds: async () => expected })
    expect(await dispatch(api, 'listFeeds', {})).toBe(expected)
  })

  it('returns the core’s expected failure unchanged (not as internal)', async () => {
    const expected = fail('not-found' as const, 'No such item', 404)
    const { api } = fakeApi({ getArticle: async () => expected })
    const result = await dispatch(api, 'getArticle', { itemId: ITEM_ID })
    expect(result).toBe(expected)
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No such item', status: 404 },
    })
  })

  it('turns a rejected promise into "internal" and reports the error to onBug', async () => {
    const boom = new Error('database exploded: /home/user/secret/path')
    const { api } = fakeApi({
      syncAll: async () => {
        throw boom
      },
    })
    const bugs: { error: unknown; method: string }[] = []
    const result = await dispatch(api, 'syncAll', {}, (error, method) =>
      bugs.push({ error, method }),
    )
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Internal error in syncAll; see the application log.' },
    })
    // The user sees a generic message; the details go to the log only.
    expect(JSON.stringify(result)).not.toContain('secret')
    expect(bugs).toEqual([{ error: boom, method: 'syncAll' }])
  })

  it('also catches a method that throws synchronously', async () => {
    const boom = new TypeError('not a function')
    const api: ReaderApi = {
      ...fakeApi().api,
      listFeeds: (() => {
        throw boom
      }) as ReaderApi['listFeeds'],
    }
    const bugs: unknown[] = []
    const result = await dispatch(api, 'listFeeds', {}, (error) => bugs.push(error))
    expect(!result.ok && result.error.code).toBe('internal')
    expect(bugs).toEqual([boom])
  })

  it('returns "internal" without crashing when no onBug is given', async () => {
    const { api } = fakeApi({
      listFeeds: async () => {
        throw new Error('boom')
      },
    })
    const result = await dispatch(api, 'listFeeds', {})
    expect(!result.ok && result.error.code).toBe('internal')
  })

  it('does not call onBug for invalid arguments or unknown methods', async () => {
    const { api } = fakeApi()
    const bugs: unknown[] = []
    await dispatch(api, 'nope', {}, (e) => bugs.push(e))
    await dispatch(api, 'getArticle', { itemId: 5 }, (e) => bugs.push(e))
    expect(bugs).toEqual([])
  })
})
