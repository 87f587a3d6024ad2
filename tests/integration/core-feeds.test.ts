// The core against real HTTP on loopback: subscribe to RSS and Atom, sync politely, and keep
// failures with their feed while the others sync.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ATOM_TYPE,
  fixture,
  RSS_TYPE,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

let server: FixtureServer

beforeEach(async () => {
  server = await startFixtureServer({
    '/wire.xml': { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE },
    '/lab.xml': { body: fixture('feeds/lab-atom.xml'), headers: ATOM_TYPE },
    '/vesti.xml': {
      body: fixture('feeds/cp1251-rss.xml'),
      headers: { 'content-type': 'text/xml' },
    },
    '/page.html': {
      body: '<!doctype html><html><head><title>Hi</title></head><body>Hello</body></html>',
      headers: { 'content-type': 'text/html' },
    },
    '/slow.xml': { body: fixture('feeds/wire-rss.xml'), headers: RSS_TYPE, delayMs: 5000 },
  })
})

afterEach(async () => {
  await server.close()
  await removeTempDirs()
})

describe('subscribing', () => {
  it('reads an RSS 2.0 feed with content:encoded, authors, dates and absolute links', async () => {
    const core = await openCore()
    const added = await core.addFeed({ url: server.url('/wire.xml') })
    expect(added.ok).toBe(true)
    if (!added.ok) return
    expect(added.value).toMatchObject({
      title: 'Harbour Wire',
      itemCount: 2,
      unreadCount: 2,
      lastError: null,
    })

    const items = await core.listItems({ feedId: added.value.id })
    if (!items.ok) throw new Error('list failed')
    expect(items.value.items.map((i) => i.title)).toEqual([
      'Envoys agree to resume border talks',
      'Port authority reports record winter traffic',
    ])
    const first = items.value.items[0]!
    expect(first.author).toBe('Daria Kovalenko')
    expect(first.published).toBe('2026-01-23T08:40:00.000Z')
    expect(first.link).toBe(`${server.origin}/harbour/2026/01/envoys-resume-talks`)

    const article = await core.getArticle({ itemId: first.id })
    if (!article.ok) throw new Error('article failed')
    const html = article.value.contentHtml
    expect(html).toContain('“We are ready to sit down again without preconditions,” the envoy said')
    expect(html).toContain(`href="${server.origin}/harbour/background"`)
    expect(html).toContain(`src="${server.origin}/harbour/img/talks.jpg"`)
    expect(html).not.toMatch(/<script|onerror|javascript:|__pwned/i)
  })

  it('reads an Atom 1.0 feed with escaped HTML content', async () => {
    const core = await openCore()
    const added = await core.addFeed({ url: server.url('/lab.xml') })
    if (!added.ok) throw new Error(added.error.message)
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    expect(items.value.items).toHaveLength(1)
    expect(items.value.items[0]).toMatchObject({
      title: 'Glacier survey finds ice loss doubled',
      author: 'Ines Marlow',
      published: '2026-02-19T08:30:00.000Z',
    })
    const article = await core.getArticle({ itemId: items.value.items[0]!.id })
    expect(article.ok && article.value.contentHtml).toContain('<em>twice</em>')
  })

  it('decodes a windows-1251 feed declared only in its XML declaration', async () => {
    const core = await openCore()
    const added = await core.addFeed({ url: server.url('/vesti.xml') })
    if (!added.ok) throw new Error(added.error.message)
    expect(added.value.title).toBe('Вечерние новости')
    const items = await core.listItems({})
    expect(items.ok && items.value.items[0]?.title).toBe('Переговоры возобновятся в пятницу')
  })

  it('refuses a web page with not-a-feed and subscribes to nothing', async () => {
    const core = await openCore()
    const added = await core.addFeed({ url: server.url('/page.html') })
    expect(added).toMatchObject({ ok: false, error: { code: 'not-a-feed' } })
    expect(await core.listFeeds({})).toEqual({ ok: true, value: [] })
  })

  it('reports a 404 as an http error with the status', async () => {
    const core = await openCore()
    const added = await core.addFeed({ url: server.url('/missing.xml') })
    expect(added).toMatchObject({ ok: false, error: { code: 'http', status: 404 } })
  })

  it('refuses non-web URLs and duplicate subscriptions', async () => {
    const core = await openCore()
    expect(await core.addFeed({ url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-url' },
    })
    expect(await core.addFeed({ url: 'not a url' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-url' },
    })
    await core.addFeed({ url: server.url('/wire.xml') })
    expect(await core.addFeed({ url: server.url('/wire.xml') })).toMatchObject({
      ok: false,
      error: { code: 'already-subscribed' },
    })
  })

  it('gives up on a server that does not answer within the timeout', async () => {
    const core = await openCore({ fetchOptions: { timeoutMs: 300 } })
    const added = await core.addFeed({ url: server.url('/slow.xml') })
    expect(added).toMatchObject({ ok: false, error: { code: 'timeout' } })
  })
})

describe('syncing', () => {
  it('sends validators on the next sync and gets 304 without re-adding items', async () => {
    const core = await openCore()
    await core.addFeed({ url: server.url('/wire.xml') })
    server.requests.length = 0
    const sync = await core.syncAll({})
    expect(sync).toEqual({
      ok: true,
      value: { feeds: 1, failed: 0, skipped: 0, newItems: 0, errors: [] },
    })
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]!.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/)
    expect(server.requests[0]!.headers['if-modified-since']).toBe('Fri, 23 Jan 2026 09:00:00 GMT')
    expect(server.requests[0]!.headers['user-agent']).toMatch(/ResearchReader/)
  })

  it('adds new items that appear in the feed and reports progress', async () => {
    const core = await openCore()
    await core.addFeed({ url: server.url('/lab.xml') })
    const atom = fixture('feeds/lab-atom.xml').toString('utf8')
    const extra = atom.replace(
      '<entry>',
      '<entry><title>Second survey</title><id>urn:uuid:second</id><updated>2026-02-20T09:00:00Z</updated><content type="html">More.</content></entry><entry>',
    )
    server.routes.set('/lab.xml', { body: extra, headers: ATOM_TYPE })
    const progress: number[] = []
    core.on('syncProgress', (p) => progress.push(p.done))
    const sync = await core.syncAll({})
    expect(sync).toMatchObject({ ok: true, value: { newItems: 1, failed: 0 } })
    expect(progress).toEqual([0, 1])
    const items = await core.listItems({})
    expect(items.ok && items.value.items.map((i) => i.title)).toEqual([
      'Second survey',
      'Glacier survey finds ice loss doubled',
    ])
  })

  it('marks a broken feed with its reason while every other feed still syncs', async () => {
    const core = await openCore()
    const wire = await core.addFeed({ url: server.url('/wire.xml') })
    const lab = await core.addFeed({ url: server.url('/lab.xml') })
    if (!wire.ok || !lab.ok) throw new Error('setup failed')
    server.routes.set('/wire.xml', { body: '<rss><channel><title>Broken', headers: RSS_TYPE })
    server.routes.set('/lab.xml', {
      body: fixture('feeds/lab-atom.xml')
        .toString('utf8')
        .replace(
          '<entry>',
          '<entry><title>New</title><id>n1</id><updated>2026-03-01T00:00:00Z</updated></entry><entry>',
        ),
      headers: ATOM_TYPE,
    })
    const sync = await core.syncAll({})
    expect(sync).toMatchObject({ ok: true, value: { feeds: 2, failed: 1, newItems: 1 } })
    const feeds = await core.listFeeds({})
    if (!feeds.ok) throw new Error('list failed')
    const broken = feeds.value.find((f) => f.id === wire.value.id)!
    expect(broken.lastError).toMatchObject({ code: 'not-a-feed' })
    expect(broken.lastError!.message).toMatch(/could not be read/)
    expect(broken.itemCount).toBe(2) // nothing lost
    expect(feeds.value.find((f) => f.id === lab.value.id)!.lastError).toBeNull()
  })
})

describe('smart views', () => {
  it('lists starred items and items with highlights', async () => {
    const core = await openCore()
    await core.addFeed({ url: server.url('/wire.xml') })
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    const [first, second] = items.value.items
    await core.setItemState({ itemId: first!.id, starred: true })
    await core.createAnnotation({
      itemId: second!.id,
      kind: 'plain',
      note: '',
      tags: [],
      target: {
        position: { type: 'TextPositionSelector', start: 0, end: 9 },
        quote: { type: 'TextQuoteSelector', exact: 'Container', prefix: '', suffix: '' },
      },
    })
    const starred = await core.listItems({ view: 'starred' })
    expect(starred.ok && starred.value.items.map((i) => i.id)).toEqual([first!.id])
    const annotated = await core.listItems({ view: 'annotated' })
    expect(annotated.ok && annotated.value.items.map((i) => i.id)).toEqual([second!.id])
    const unread = await core.listItems({ unreadOnly: true, view: 'starred' })
    expect(unread.ok && unread.value.items.map((i) => i.id)).toEqual([first!.id])
  })
})

describe('the library on disk', () => {
  it('keeps items, read state and annotations across a restart', async () => {
    const dataDir = await tempDir()
    const core = await openCore({ dataDir })
    await core.addFeed({ url: server.url('/wire.xml') })
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    const item = items.value.items[0]!
    await core.setItemState({ itemId: item.id, read: true, starred: true })
    const created = await core.createAnnotation({
      itemId: item.id,
      kind: 'quote',
      note: 'Key line',
      tags: ['diplomacy'],
      target: {
        position: { type: 'TextPositionSelector', start: 10, end: 20 },
        quote: {
          type: 'TextQuoteSelector',
          exact: 'from both',
          prefix: 'Envoys ',
          suffix: ' capitals',
        },
      },
    })
    expect(created.ok).toBe(true)

    const reopened = await openCore({ dataDir })
    const again = await reopened.listItems({})
    expect(again.ok && again.value.items.find((i) => i.id === item.id)).toMatchObject({
      read: true,
      starred: true,
      annotationCount: 1,
    })
    const annotations = await reopened.listAnnotations({ itemId: item.id })
    expect(annotations.ok && annotations.value[0]).toMatchObject({
      kind: 'quote',
      note: 'Key line',
      tags: ['diplomacy'],
    })
  })

  it('writes only the feed state file when an item is marked read', async () => {
    const dataDir = await tempDir()
    const core = await openCore({ dataDir })
    const feed = await core.addFeed({ url: server.url('/wire.xml') })
    if (!feed.ok) throw new Error('add failed')
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    const before = await readFile(join(dataDir, 'library.json'), 'utf8')
    const itemsBefore = await readFile(join(dataDir, 'feeds', feed.value.id, 'items.json'), 'utf8')
    await core.setItemState({ itemId: items.value.items[0]!.id, read: true })
    expect(await readFile(join(dataDir, 'library.json'), 'utf8')).toBe(before)
    expect(await readFile(join(dataDir, 'feeds', feed.value.id, 'items.json'), 'utf8')).toBe(
      itemsBefore,
    )
    const state = JSON.parse(
      await readFile(join(dataDir, 'feeds', feed.value.id, 'state.json'), 'utf8'),
    )
    expect(state).toEqual({
      schemaVersion: 1,
      feedId: feed.value.id,
      items: { [items.value.items[0]!.id]: { read: true } },
    })
  })

  it('loads the bundled sample library on first start, offline, and never again', async () => {
    const dataDir = await tempDir()
    const core = await openCore({ dataDir, seedSample: true })
    const feeds = await core.listFeeds({})
    if (!feeds.ok) throw new Error('list failed')
    expect(feeds.value).toHaveLength(1)
    expect(feeds.value[0]!.itemCount).toBeGreaterThanOrEqual(5)
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    const bot = items.value.items.find((i) => i.author === 'NewsRelay Bot')
    expect(bot).toBeDefined()
    const article = await core.getArticle({ itemId: bot!.id })
    expect(article.ok && article.value.contentHtml).toContain('This is the imported news bot.')
    // The sample feed syncs offline from the bundled file.
    expect(await core.syncAll({})).toMatchObject({ ok: true, value: { failed: 0 } })
    // A user who removed it does not get it back: the library exists now.
    const reopened = await openCore({ dataDir, seedSample: true })
    expect((await reopened.listFeeds({})).ok).toBe(true)
  })
})

describe('citations', () => {
  it('cites a bot repost to its real byline and dateline, never to the bot', async () => {
    const core = await openCore({ seedSample: true })
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    const repost = items.value.items.find((i) => i.author === 'NewsRelay Bot')!
    const article = await core.getArticle({ itemId: repost.id })
    if (!article.ok) throw new Error('article failed')
    expect(article.value.citation).toMatchObject({
      authors: ['Daria Kovalenko'],
      published: '2026-01-23T10:40',
      publisher: 'Research Reader — Sample Newsroom',
    })
    const note = await core.exportArticleMarkdown({ itemId: repost.id })
    if (!note.ok) throw new Error('export failed')
    expect(note.value.markdown).toContain('author: "Daria Kovalenko"')
    expect(note.value.markdown).toContain('Kovalenko, D. (2026, January 23).')
    expect(note.value.markdown).not.toMatch(/NewsRelay Bot/)
  })

  it("keeps the user's citation corrections across restarts and syncs that change the item", async () => {
    const dataDir = await tempDir()
    const core = await openCore({ dataDir })
    await core.addFeed({ url: server.url('/lab.xml') })
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    const itemId = items.value.items[0]!.id
    const edited = await core.updateCitation({
      itemId,
      edits: { authors: ['Ines Marlow', 'Tomas Rieck'], publisher: null, type: 'newspaperArticle' },
    })
    expect(edited.ok && edited.value.citation).toMatchObject({
      authors: ['Ines Marlow', 'Tomas Rieck'],
      publisher: null,
      type: 'newspaperArticle',
    })
    // The feed changes the item's text; the corrections stay.
    server.routes.set('/lab.xml', {
      body: fixture('feeds/lab-atom.xml').toString('utf8').replace('twice', 'two times'),
      headers: ATOM_TYPE,
    })
    await core.syncAll({})
    const reopened = await openCore({ dataDir })
    const article = await reopened.getArticle({ itemId })
    if (!article.ok) throw new Error('article failed')
    expect(article.value.contentHtml).toContain('two times')
    expect(article.value.citation.authors).toEqual(['Ines Marlow', 'Tomas Rieck'])
    const note = await reopened.exportArticleMarkdown({ itemId })
    expect(note.ok && note.value.markdown).toContain('author: "Ines Marlow; Tomas Rieck"')
    // {} clears the corrections: the sources speak again.
    const cleared = await reopened.updateCitation({ itemId, edits: {} })
    expect(cleared.ok && cleared.value.citation.authors).toEqual(['Ines Marlow'])
  })

  it('cites an ordinary item to its feed fields', async () => {
    const core = await openCore()
    await core.addFeed({ url: server.url('/lab.xml') })
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    const article = await core.getArticle({ itemId: items.value.items[0]!.id })
    expect(article.ok && article.value.citation).toMatchObject({
      title: 'Glacier survey finds ice loss doubled',
      authors: ['Ines Marlow'],
      published: '2026-02-19T08:30:00Z',
      publisher: 'Field Notes Lab',
    })
  })
})

describe('retention', () => {
  it('removes old items the feed no longer lists, but never starred, annotated or exported ones', async () => {
    const core = await openCore()
    const feed = await core.addFeed({ url: server.url('/lab.xml') })
    if (!feed.ok) throw new Error('add failed')
    // The feed publishes five more stories over time, each replacing the last in the feed.
    const atom = fixture('feeds/lab-atom.xml').toString('utf8')
    const entry = (n: number): string =>
      `<entry><title>Story ${n}</title><id>urn:story:${n}</id><updated>2026-03-0${n}T09:00:00Z</updated><content type="html">Text ${n}.</content></entry>`
    const ids: Record<string, string> = {}
    for (let n = 1; n <= 5; n++) {
      server.routes.set('/lab.xml', {
        body: atom.replace(/<entry>[\s\S]*<\/entry>/, entry(n)),
        headers: ATOM_TYPE,
      })
      await core.syncAll({})
    }
    const all = await core.listItems({})
    if (!all.ok) throw new Error('list failed')
    for (const item of all.value.items) ids[item.title] = item.id
    expect(all.value.items).toHaveLength(6)
    await core.setItemState({ itemId: ids['Story 1']!, starred: true })
    await core.createAnnotation({
      itemId: ids['Story 2']!,
      kind: 'claim',
      note: '',
      tags: [],
      target: {
        position: { type: 'TextPositionSelector', start: 0, end: 4 },
        quote: { type: 'TextQuoteSelector', exact: 'Text', prefix: '', suffix: '' },
      },
    })
    await core.exportArticleMarkdown({ itemId: ids['Story 3']! })
    // Earlier versions marked an exported item in its feed's state.json: still honoured.
    const stateFile = join(core.dataDir, 'feeds', feed.value.id, 'state.json')
    const state = JSON.parse(await readFile(stateFile, 'utf8')) as {
      items: Record<string, object>
    }
    state.items[ids['Story 4']!] = { exported: true }
    await writeFile(stateFile, JSON.stringify(state))

    const updated = await core.updateFeed({
      feedId: feed.value.id,
      retention: { mode: 'items', count: 1 },
    })
    expect(updated.ok && updated.value.retention).toEqual({ mode: 'items', count: 1 })
    const kept = await core.listItems({})
    expect(kept.ok && kept.value.items.map((i) => i.title).sort()).toEqual([
      'Story 1',
      'Story 2',
      'Story 3',
      'Story 4',
      'Story 5',
    ])
  })
})

describe('versions', () => {
  it('keeps every content of an item as a version, shows the latest and diffs any two', async () => {
    const core = await openCore()
    await core.addFeed({ url: server.url('/lab.xml') })
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    const itemId = items.value.items[0]!.id
    const atom = fixture('feeds/lab-atom.xml').toString('utf8')
    server.routes.set('/lab.xml', {
      body: atom.replace('twice', 'three times'),
      headers: ATOM_TYPE,
    })
    await core.syncAll({})
    server.routes.set('/lab.xml', {
      body: atom.replace('twice', 'three times').replace('unambiguous', 'clear'),
      headers: ATOM_TYPE,
    })
    await core.syncAll({})
    expect((await core.listItems({})).ok && (await core.listItems({}))).toMatchObject({
      value: { items: [{ id: itemId }] },
    })

    const article = await core.getArticle({ itemId })
    if (!article.ok) throw new Error('article failed')
    expect(article.value.versions.map((v) => [v.index, v.current])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ])
    expect(article.value.contentHtml).toContain('three times')
    const first = await core.getArticleVersion({ itemId, version: 0 })
    expect(first.ok && first.value.contentHtml).toContain('<em>twice</em>')
    const diff = await core.diffArticleVersions({ itemId, from: 0, to: 2 })
    if (!diff.ok) throw new Error('diff failed')
    expect(diff.value.filter((d) => d.kind === 'removed').map((d) => d.text.trim())).toEqual([
      'twice',
      'unambiguous',
    ])
    expect(diff.value.filter((d) => d.kind === 'added').map((d) => d.text.trim())).toEqual([
      'three times',
      'clear',
    ])
    expect(await core.getArticleVersion({ itemId, version: 3 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })
})

describe('a damaged library', () => {
  it('moves an unreadable file aside, keeps it, and opens with what is intact', async () => {
    const { writeFile, readdir } = await import('node:fs/promises')
    const dataDir = await tempDir()
    const core = await openCore({ dataDir })
    const feed = await core.addFeed({ url: server.url('/wire.xml') })
    if (!feed.ok) throw new Error('add failed')
    const stateFile = join(dataDir, 'feeds', feed.value.id, 'state.json')
    await writeFile(stateFile, '{"schemaVersion":1,"feedId":"x","items":{"i-1":{"re') // torn write

    const reopened = await openCore({ dataDir })
    expect(reopened.setAside).toHaveLength(1)
    expect(reopened.setAside[0]!.reason).toMatch(/not valid JSON/)
    const kept = (await readdir(join(dataDir, 'feeds', feed.value.id))).filter((n) =>
      n.startsWith('state.json.corrupt-'),
    )
    expect(kept).toHaveLength(1)
    expect(await readFile(join(dataDir, 'feeds', feed.value.id, kept[0]!), 'utf8')).toContain('"re')
    const items = await reopened.listItems({})
    expect(items.ok && items.value.items).toHaveLength(2) // items survive; only read flags were lost
  })

  it('shows a damaged article body as missing, then restores it at the next sync', async () => {
    const { readdir, truncate } = await import('node:fs/promises')
    const dataDir = await tempDir()
    const core = await openCore({ dataDir })
    await core.addFeed({ url: server.url('/wire.xml') })
    const items = await core.listItems({})
    if (!items.ok) throw new Error('list failed')
    const itemId = items.value.items[0]!.id
    const packs = await readdir(join(dataDir, 'bodies', 'packs'))
    expect(packs).toHaveLength(1)
    await truncate(join(dataDir, 'bodies', 'packs', packs[0]!), 10) // a torn write

    const damaged = await core.getArticle({ itemId })
    expect(damaged.ok && damaged.value.contentHtml).toContain('missing from the library')
    expect(await core.syncAll({})).toMatchObject({ ok: true, value: { failed: 0 } })
    const restored = await core.getArticle({ itemId })
    expect(restored.ok && restored.value.contentHtml).toContain('the envoy said after the meeting')
  })

  it('refuses a file written by a newer version instead of overwriting it', async () => {
    const { writeFile } = await import('node:fs/promises')
    const dataDir = await tempDir()
    await writeFile(join(dataDir, 'library.json'), JSON.stringify({ schemaVersion: 99, feeds: [] }))
    await expect(openCore({ dataDir })).rejects.toThrow(/schema version 99/)
    expect(JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'))).toEqual({
      schemaVersion: 99,
      feeds: [],
    })
  })
})
