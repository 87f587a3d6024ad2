// The application core: implements every method of the contract over a data dir, with the
// network, clock and resource folder injected. Plain Node — it never imports 'electron' — so the
// CLI, the browser shell, the Electron main process and the tests all run this same object.
import type { MethodResult, ReaderApi, ReaderBridge } from '../../shared/contract'
import type { Annotation, Article, Feed, ItemSummary } from '../../shared/domain'
import { buildMarkdownNote } from '../../shared/export/markdown-note'
import { fail, ok } from '../../shared/result'
import { EventHub } from './event-hub'
import { DEFAULT_FETCH_OPTIONS, type FetchOptions } from './feeds/fetch-feed'
import { feedIdFor, newAnnotationId } from './ids'
import { LibraryStore, type StoredFeed, type StoredItem } from './store/library-store'
import type { SetAsideNotice } from './store/json-document'
import {
  loadFeed,
  readFeedText,
  SAMPLE_SCHEME,
  storeParsedItems,
  syncFeed,
  type SyncDeps,
} from './sync/sync-feed'

export interface CoreOptions {
  dataDir: string
  resourcesDir: string
  shell: 'electron' | 'browser' | 'cli' | 'test'
  version?: string
  fetchOptions?: Partial<FetchOptions>
  now?: () => Date
  /** Feeds synced at once by syncAll. */
  concurrency?: number
  /** Load the bundled sample library when the data dir is new (default true). */
  seedSample?: boolean
  log?: (message: string) => void
}

export interface Core extends ReaderBridge {
  readonly dataDir: string
  /** Files found corrupt at open and moved aside (the user is told). */
  readonly setAside: readonly SetAsideNotice[]
}

export const SAMPLE_FEED_URL = `${SAMPLE_SCHEME}feed.xml`

export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date())
  const log = options.log ?? (() => {})
  const setAside: SetAsideNotice[] = []
  const store = await LibraryStore.open(options.dataDir, (notice) => {
    setAside.push(notice)
    log(`Moved unreadable ${notice.file} aside to ${notice.movedTo}: ${notice.reason}`)
  })
  const hub = new EventHub()
  const deps: SyncDeps = {
    store,
    resourcesDir: options.resourcesDir,
    fetchOptions: { ...DEFAULT_FETCH_OPTIONS, ...options.fetchOptions },
    now,
  }
  let syncing = false

  const toFeed = (feed: StoredFeed): Feed => {
    const items = store.items(feed.id)
    let unread = 0
    for (const item of items) if (!store.itemState(feed.id, item.id).read) unread++
    return {
      id: feed.id,
      url: feed.url,
      title: feed.title || feed.url,
      siteUrl: feed.siteUrl,
      description: feed.description,
      addedAt: feed.addedAt,
      lastSuccessAt: feed.lastSuccessAt,
      lastError: feed.lastError,
      itemCount: items.length,
      unreadCount: unread,
    }
  }

  const toSummary = (feedId: string, item: StoredItem, annotationCount: number): ItemSummary => {
    const feed = store.feed(feedId)
    const state = store.itemState(feedId, item.id)
    return {
      id: item.id,
      feedId,
      feedTitle: feed?.title || feed?.url || '',
      title: item.title,
      link: item.link,
      author: item.author,
      published: item.published,
      firstSeenAt: item.firstSeenAt,
      snippet: item.snippet,
      read: Boolean(state.read),
      starred: Boolean(state.starred),
      annotationCount,
    }
  }

  const annotationCounts = (feedId: string): Map<string, number> => {
    const counts = new Map<string, number>()
    for (const a of store.annotations(feedId)) counts.set(a.itemId, (counts.get(a.itemId) ?? 0) + 1)
    return counts
  }

  const summaryOf = (itemId: string): ItemSummary | null => {
    const found = store.findItem(itemId)
    if (!found) return null
    return toSummary(found.feedId, found.item, annotationCounts(found.feedId).get(itemId) ?? 0)
  }

  const sortedAnnotations = (itemId: string, feedId: string): Annotation[] =>
    store
      .annotations(feedId)
      .filter((a) => a.itemId === itemId)
      .sort((a, b) => a.target.position.start - b.target.position.start)

  const articleOf = async (itemId: string): Promise<Article | null> => {
    const found = store.findItem(itemId)
    const summary = summaryOf(itemId)
    if (!found || !summary) return null
    const feed = store.feed(found.feedId)
    const html = await store.bodies.get(found.item.bodyHash)
    return {
      ...summary,
      contentHtml: html ?? '',
      feedUrl: feed?.url ?? '',
      feedSiteUrl: feed?.siteUrl ?? null,
      fetchedAt: found.item.fetchedAt,
    }
  }

  const subscribe = async (url: string): Promise<MethodResult<'addFeed'>> => {
    const id = feedIdFor(url)
    if (store.feed(id)) return fail('already-subscribed', 'You are already subscribed to this feed')
    const fetched = await loadFeed(url, { etag: null, lastModified: null }, deps)
    if (!fetched.ok) return fetched
    if (fetched.value.kind !== 'body') return fail('http', 'The server sent no feed body')
    const parsed = await readFeedText(fetched.value)
    if (!parsed.ok) return parsed
    const at = now().toISOString()
    const feed: StoredFeed = {
      id,
      url,
      title: parsed.value.title,
      siteUrl: parsed.value.link,
      description: parsed.value.description,
      addedAt: at,
      lastSuccessAt: at,
      lastError: null,
      http: { etag: fetched.value.etag, lastModified: fetched.value.lastModified, bodyHash: null },
    }
    await store.addFeed(feed)
    await storeParsedItems(feed, parsed.value, deps)
    hub.emit('libraryChanged', { reason: 'feed-added' })
    return ok(toFeed(feed))
  }

  const runSync = async (feeds: readonly StoredFeed[]): Promise<MethodResult<'syncAll'>> => {
    if (syncing) return fail('busy', 'A sync is already running')
    syncing = true
    try {
      const summary = {
        feeds: feeds.length,
        failed: 0,
        newItems: 0,
        errors: [] as { feedId: string; code: string; message: string }[],
      }
      let done = 0
      hub.emit('syncProgress', { done, total: feeds.length, newItems: 0, feedId: null })
      const queue = [...feeds]
      const worker = async (): Promise<void> => {
        for (let feed = queue.shift(); feed; feed = queue.shift()) {
          const outcome = await syncFeed(feed, deps)
          summary.newItems += outcome.newItems
          if (outcome.error) {
            summary.failed++
            summary.errors.push({ feedId: feed.id, ...outcome.error })
          }
          done++
          hub.emit('syncProgress', {
            done,
            total: feeds.length,
            newItems: summary.newItems,
            feedId: feed.id,
          })
        }
      }
      const lanes = Math.max(1, Math.min(options.concurrency ?? 6, feeds.length))
      await Promise.all(Array.from({ length: lanes }, worker))
      hub.emit('libraryChanged', { reason: 'sync' })
      return ok(summary)
    } finally {
      syncing = false
    }
  }

  const api: ReaderApi = {
    getAppInfo: async () =>
      ok({
        name: 'Research Reader',
        version: options.version ?? '0.0.0',
        dataDir: options.dataDir,
        shell: options.shell,
      }),

    listFeeds: async () =>
      ok(
        store
          .feeds()
          .map(toFeed)
          .sort((a, b) => a.title.localeCompare(b.title)),
      ),

    addFeed: async ({ url }) => {
      const trimmed = url.trim()
      let parsedUrl: URL
      try {
        parsedUrl = new URL(trimmed)
      } catch {
        return fail('invalid-url', `Not a URL: ${trimmed}`)
      }
      if (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:') {
        return fail('invalid-url', 'Feed URLs must start with http:// or https://')
      }
      return subscribe(parsedUrl.href)
    },

    syncAll: async () => runSync(store.feeds()),

    syncFeed: async ({ feedId }) => {
      const feed = store.feed(feedId)
      if (!feed) return fail('not-found', 'No such feed')
      return runSync([feed])
    },

    listItems: async ({ feedId, unreadOnly }) => {
      if (feedId && !store.feed(feedId)) return fail('not-found', 'No such feed')
      const feedIds = feedId ? [feedId] : store.feeds().map((f) => f.id)
      const result: ItemSummary[] = []
      for (const id of feedIds) {
        const counts = annotationCounts(id)
        for (const item of store.items(id)) {
          const summary = toSummary(id, item, counts.get(item.id) ?? 0)
          if (!unreadOnly || !summary.read) result.push(summary)
        }
      }
      const key = (s: ItemSummary): string => s.published ?? s.firstSeenAt
      result.sort((a, b) => key(b).localeCompare(key(a)) || a.title.localeCompare(b.title))
      return ok(result)
    },

    getArticle: async ({ itemId }) => {
      const article = await articleOf(itemId)
      return article ? ok(article) : fail('not-found', 'No such item')
    },

    setItemState: async ({ itemId, read, starred }) => {
      const found = store.findItem(itemId)
      if (!found) return fail('not-found', 'No such item')
      await store.setItemState(found.feedId, itemId, { read, starred })
      hub.emit('libraryChanged', { reason: 'item-state' })
      const summary = summaryOf(itemId)
      return summary ? ok(summary) : fail('not-found', 'No such item')
    },

    listAnnotations: async ({ itemId }) => {
      const found = store.findItem(itemId)
      if (!found) return fail('not-found', 'No such item')
      return ok(sortedAnnotations(itemId, found.feedId))
    },

    createAnnotation: async ({ itemId, kind, note, tags, target }) => {
      const found = store.findItem(itemId)
      if (!found) return fail('not-found', 'No such item')
      const at = now().toISOString()
      const annotation: Annotation = {
        id: newAnnotationId(),
        itemId,
        feedId: found.feedId,
        kind,
        note,
        tags: [...new Set(tags.map((t) => t.trim()).filter(Boolean))],
        target,
        createdAt: at,
        updatedAt: at,
      }
      await store.addAnnotation(annotation)
      hub.emit('libraryChanged', { reason: 'annotation' })
      return ok(annotation)
    },

    deleteAnnotation: async ({ annotationId }) => {
      const deleted = await store.deleteAnnotation(annotationId)
      if (!deleted) return fail('not-found', 'No such annotation')
      hub.emit('libraryChanged', { reason: 'annotation' })
      return ok({ deleted: true as const })
    },

    exportArticleMarkdown: async ({ itemId }) => {
      const article = await articleOf(itemId)
      const found = store.findItem(itemId)
      if (!article || !found) return fail('not-found', 'No such item')
      return ok(buildMarkdownNote(article, sortedAnnotations(itemId, found.feedId)))
    },
  }

  if (store.isNew && options.seedSample !== false) await seedSampleLibrary()

  async function seedSampleLibrary(): Promise<void> {
    const result = await subscribe(SAMPLE_FEED_URL)
    if (!result.ok) log(`Could not load the sample library: ${result.error.message}`)
  }

  return {
    ...api,
    on: (event, listener) => hub.on(event, listener),
    dataDir: options.dataDir,
    setAside,
  }
}
