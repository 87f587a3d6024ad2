// The application core: implements every method of the contract over a data dir, with the
// network, clock and resource folder injected. Plain Node — it never imports 'electron' — so the
// CLI, the browser shell, the Electron main process and the tests all run this same object.
import {
  LIST_PAGE_DEFAULT,
  type MediaResult,
  type MethodResult,
  type ReaderApi,
  type ReaderBridge,
} from '../../shared/contract'
import type { Article, Citation, ItemSummary } from '../../shared/domain'
import { fail, ok } from '../../shared/result'
import { readSettings } from '../../shared/settings/settings'
import { createAnnotationService } from './annotations/annotation-service'
import { articleBlocks } from './articles/article-blocks'
import { readerText } from './articles/reader-text'
import { fetchImage } from './articles/fetch-image'
import { extractFullText, looksSummaryOnly } from './articles/full-text'
import { extractPageMetadata } from './articles/page-metadata'
import { plainBodyBlocks } from './articles/plain-blocks'
import { PreparedBodies, type PreparedBody } from './articles/prepared-bodies'
import { readBlocks } from './articles/read-article'
import { wordDiff } from './articles/word-diff'
import { Sanitizer, sanitizeWorkerBeside, type SanitizerOptions } from './articles/sanitizer'
import { EventHub } from './event-hub'
import { QuietGate } from './quiet-gate'
import { createCiteAnnotation } from './export/cite-annotation'
import { KeptCitations } from './export/citation-cache-file'
import {
  CitationRenderer,
  citationWorkerBeside,
  type CitationWorkerOptions,
} from './export/citation-renderer'
import { createExportService } from './export/export-service'
import { decodeFeedBytes } from './feeds/decode-feed-bytes'
import {
  discoverFeedLinks,
  guessFeedUrls,
  looksLikeFeed,
  type DiscoveredFeed,
} from './feeds/discover-feeds'
import { DEFAULT_FETCH_OPTIONS, fetchFeed, type FetchOptions } from './feeds/fetch-feed'
import { buildOpml, normalizeFeedUrl, parseOpml } from './feeds/opml'
import { feedIdFor, sha256Hex } from './ids'
import { ItemListing, type ListFilter } from './item-listing'
import { sortedAnnotations, summaryOf, toFeed } from './library-views'
import { StoreWriteError } from './store/durable-write'
import type { SetAsideNotice } from './store/json-document'
import {
  LibraryStore,
  type ItemVersion,
  type StoredFeed,
  type StoredItem,
} from './store/library-store'
import { parseQuery } from '../../shared/search/parse-query'
import { AnnotationTexts, runSearch } from './search/run-search'
import { searchWorkerBeside, type IndexWorkerOptions } from './search/index-worker'
import { SearchIndex } from './search/search-index'
import { createPreparePool, type PreparePoolOptions } from './sync/prepare-pool'
import { SAMPLE_SCHEME, type SyncDeps } from './sync/sync-feed'
import { createSyncer } from './sync/sync-library'
import type { SchedulerLimits } from './sync/sync-scheduler'

export interface CoreOptions {
  dataDir: string
  resourcesDir: string
  shell: 'electron' | 'browser' | 'cli' | 'test'
  version?: string
  fetchOptions?: Partial<FetchOptions>
  now?: () => Date
  /** Feeds fetched at once by syncAll, overall and per host. */
  limits?: Partial<SchedulerLimits>
  /** Where feeds are parsed: worker threads (the built prepare-worker script) or this thread. */
  parser?: PreparePoolOptions
  /**
   * Where the search index is built: a worker thread (the built search-worker script) or this
   * thread. Default: search-worker.js beside the parser's built worker script, when there.
   */
  searchWorker?: IndexWorkerOptions
  /**
   * Where article HTML is sanitized: a worker thread (the built sanitize-worker script) or this
   * thread. Default: sanitize-worker.js beside the parser's built worker script, when there.
   */
  sanitizer?: SanitizerOptions
  /**
   * Where citations are rendered: a worker thread (the built citation-worker script) or this
   * thread. Default: citation-worker.js beside the parser's built worker script, when there.
   */
  citationWorker?: CitationWorkerOptions
  /** Load the bundled sample library when the data dir is new (default true). */
  seedSample?: boolean
  log?: (message: string) => void
}

export interface Core extends ReaderBridge {
  readonly dataDir: string
  /** An article image from the offline cache, fetched (politely, capped) the first time. */
  media(url: string): Promise<MediaResult>
  /**
   * The text the reader's highlight offsets count in for an item (its full text when read from
   * the page), or null for an unknown item — for highlights made outside the window.
   */
  readerText(itemId: string): Promise<string | null>
  /** Files found corrupt at open and moved aside (the user is told). */
  readonly setAside: readonly SetAsideNotice[]
  /** Resolves once the search index has caught up with the library (tests, CLI, benchmark). */
  searchIdle(): Promise<void>
  /**
   * Renders (on the citation worker) and keeps the citations of every highlighted article not
   * rendered yet, in the export style of the settings; resolves when they are on disk. A window
   * does it at start when nothing is kept yet (tests, benchmark).
   */
  prerenderCitations(): Promise<void>
  /** Resolves once the citations of highlights made so far are rendered and kept (tests). */
  citationsIdle(): Promise<void>
  /** Writes what is pending and stops the parser workers. */
  close(): Promise<void>
}

/** When a window has not asked for its list by then, the search index loads anyway. */
const SEARCH_LOAD_FALLBACK_MS = 5_000
/**
 * Background work at start (search index load, citeproc's engine on its worker) begins at the
 * first pause this long in the window's calls after the first list page, or this late at most.
 */
const QUIET_MS = 600
const BACKGROUND_START_MAX_MS = 8_000
/**
 * Calls answered before the store has read every feed (see LibraryStore): what a window asks at
 * start. Each reads the feeds it needs first (a list page's, an article's); the rest wait.
 */
const READY_FROM_CATALOG = new Set<keyof ReaderApi>([
  'getAppInfo',
  'getSettings',
  'updateSettings',
  'listFeeds',
  'listItems',
  'locateItem',
  'getArticle',
  'setItemState',
  'listAnnotations',
  // A sync reads a feed only when it has something to merge (upsertItems, applyRetention load
  // it): a re-sync where most feeds answer 304 no longer reads the 1,000 feeds first.
  'syncAll',
  'syncFeed',
  // An export reads the feeds it cites (export-service's loadCited); one with a search query
  // waits for the index, which reads every feed.
  'exportArticleMarkdown',
  'previewExport',
  'exportCollection',
  'exportVault',
])

/** Rows prepared around an opened article, in this order (see prepareNear). */
const PREPARE_STEPS = [1, 2, -1, 3, 4, -2, 5, -3, 6, -4]

export const SAMPLE_FEED_URL = `${SAMPLE_SCHEME}feed.xml`

export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date())
  const log = options.log ?? (() => {})
  const setAside: SetAsideNotice[] = []
  const warmsUp = options.shell === 'browser' || options.shell === 'electron'
  const sanitizer = new Sanitizer(
    options.sanitizer ?? sanitizeWorkerBeside(options.parser?.workerScript ?? null),
  )
  // A window opens articles within a second of its first list: the worker loads jsdom (a second
  // of work) on the other core while this thread opens the library — started first, so that it
  // is ready by the first open more often.
  if (warmsUp) sanitizer.warm()
  let store: LibraryStore
  try {
    store = await LibraryStore.open(
      options.dataDir,
      (notice) => {
        setAside.push(notice)
        const restored = notice.restoredFrom
          ? `restored from ${notice.restoredFrom} (saved ${notice.backupSavedAt})`
          : 'no usable backup: it starts empty'
        log(
          `Moved unreadable ${notice.file} aside to ${notice.movedTo} (${notice.reason}); ${restored}`,
        )
      },
      { useCatalog: true, log },
    )
  } catch (error) {
    await sanitizer.close()
    throw error
  }
  // In a window, the search index loads once the first list page has been sent (or after a few
  // seconds without one): the list is what the reader waits for at start, not search.
  let firstListSent: () => void = () => {}
  const listSent = warmsUp
    ? new Promise<void>((resolve) => {
        firstListSent = resolve
        setTimeout(resolve, SEARCH_LOAD_FALLBACK_MS).unref()
      })
    : Promise.resolve()
  // Then it waits for a pause in the window's calls (a reader walking through articles with j
  // is not held up by its load), unless somebody searches first.
  const activity = new QuietGate()
  let searchWanted: () => void = () => {}
  const searchAsked = new Promise<void>((resolve) => (searchWanted = resolve))
  // A CLI command loads the index only when it searches: `reader sync` or `reader items` would
  // otherwise read the 7 MB manifest and check every feed against it for nothing. What a CLI
  // sync adds is indexed by the next process that loads the index (it checks every feed).
  const searchStart = warmsUp
    ? listSent.then(() =>
        Promise.race([activity.whenQuiet(QUIET_MS, BACKGROUND_START_MAX_MS), searchAsked]),
      )
    : options.shell === 'cli'
      ? searchAsked
      : listSent
  const searchIndex = new SearchIndex(store, {
    startAfter: searchStart,
    dataDir: options.dataDir,
    log,
    now,
    onSetAside: (notice) => setAside.push(notice),
    worker: options.searchWorker ?? searchWorkerBeside(options.parser?.workerScript ?? null),
  })
  store.onItemsChanged((feedId) => searchIndex.feedChanged(feedId))
  const annotationTexts = new AnnotationTexts()
  const hub = new EventHub()
  const pool = createPreparePool(options.parser ?? { workerScript: null })
  const deps: SyncDeps = {
    store,
    resourcesDir: options.resourcesDir,
    fetchOptions: { ...DEFAULT_FETCH_OPTIONS, ...options.fetchOptions },
    pool,
    now,
  }
  const syncer = createSyncer(deps, hub)
  const listing = new ItemListing(store)
  let articlesWarm = false
  /** A listing of a filter (the snapshot asked for while it is kept) with its operations bound. */
  const listingOf = (filter: ListFilter, snapshotId?: string) => {
    const snapshot = listing.snapshot(filter, snapshotId)
    return {
      snapshot,
      page: (offset: number, limit: number) => listing.page(snapshot, offset, limit),
      unreadTotal: () => listing.unreadTotal(snapshot),
      indexOf: (itemId: string) => listing.indexOf(snapshot, itemId),
      nextUnread: (after: number) => listing.nextUnread(snapshot, after),
      summaryAt: (index: number) => listing.summaryAt(snapshot, index),
      /** Reads the feeds of rows [offset, offset + limit) if the store has not yet. */
      loadPage: (offset: number, limit: number) =>
        store.loadFeeds(listing.feedsOfPage(snapshot, offset, limit)),
    }
  }

  /** The listing of the window's last page of items: the order prepareNear follows. */
  let lastListing: ReturnType<typeof listingOf> | null = null
  const prepared = new PreparedBodies()
  /** Which prepareNear runs (an earlier one stops at its next step). */
  let preparing = 0

  /** Every content of an item, oldest first: its earlier versions, then the current one. */
  const versionsOf = (item: StoredItem): ItemVersion[] => [
    ...(item.versions ?? []),
    {
      bodyHash: item.bodyHash,
      ...(item.body ? { body: item.body } : {}),
      title: item.title,
      fetchedAt: item.fetchedAt,
    },
  ]

  /** A version's body, sanitized — bodies are stored as the feed sent them. */
  const htmlOf = async (feedId: string, item: StoredItem, version: ItemVersion): Promise<string> =>
    sanitizedBody(feedId, item, await store.bodies.get(version.bodyHash, version.body))

  /** The URL an item's relative links resolve against (none for the sample library's). */
  const baseOf = (feedId: string, item: StoredItem): string | null => {
    const base = item.baseUrl ?? item.link ?? store.feed(feedId)?.url ?? null
    return base?.startsWith(SAMPLE_SCHEME) ? null : base
  }

  /** A body as read from the store (null: lost), sanitized. */
  const sanitizedBody = async (
    feedId: string,
    item: StoredItem,
    body: string | null,
  ): Promise<string> => {
    let raw = body
    if (raw === null) {
      // Lost (a crash tore it): have the next sync read the feed again in full to restore it.
      await store.updateFeed(feedId, { http: { etag: null, lastModified: null, bodyHash: null } })
      raw = `<p><em>This article's text is missing from the library; it will be restored at the next sync.</em></p>`
    }
    return (await sanitizer.sanitize(raw, baseOf(feedId, item))).html
  }

  const readyBody = (html: string): PreparedBody => ({
    html,
    blocks: articleBlocks(html),
    summaryOnly: looksSummaryOnly(html),
  })

  /**
   * A version's body ready to show, kept for the next opens (PreparedBodies). A lost body is not
   * kept: the next sync restores it under the same hash.
   */
  const preparedBody = async (
    feedId: string,
    item: StoredItem,
    version: ItemVersion,
  ): Promise<PreparedBody> => {
    const base = baseOf(feedId, item)
    const key = PreparedBodies.key(version.bodyHash, base)
    const kept = prepared.kept(key)
    if (kept) return kept
    const raw = await store.bodies.get(version.bodyHash, version.body)
    if (raw === null) return readyBody(await sanitizedBody(feedId, item, null))
    return prepared.get(key, async () => readyBody((await sanitizer.sanitize(raw, base)).html))
  }

  /**
   * After an article is opened, the ones around it in the list the window showed last are made
   * ready while the reader reads — the next ones first (j), then those before (k), as far as a
   * screenful of rows (a click on a row in view): those opens then find their article prepared.
   * One at a time, each body once; best effort; only for windows.
   */
  const prepareNear = (itemId: string): void => {
    const shown = lastListing
    if (!warmsUp || !shown) return
    const at = shown.indexOf(itemId)
    if (at === null) return
    // A newer open takes over: walking fast with j leaves one preparation running, not many.
    const generation = ++preparing
    const prepare = async (): Promise<void> => {
      for (const step of PREPARE_STEPS) {
        if (generation !== preparing) return
        const index = at + step
        if (index < 0 || index >= shown.snapshot.entries.length) continue
        await shown.loadPage(index, 1)
        const row = shown.page(index, 1)?.[0]
        const found = row ? store.findItem(row.id) : null
        if (!found) continue
        const versions = versionsOf(found.item)
        await preparedBody(found.feedId, found.item, versions[versions.length - 1]!)
      }
    }
    setImmediate(() => {
      prepare().catch((error: unknown) => log(`Preparing articles: ${String(error)}`))
    })
  }

  /** An item's citation, resolved from its current body's blocks and everything else known. */
  const citationFrom = (
    blocks: string[],
    found: { feedId: string; item: StoredItem },
    summary: ItemSummary,
  ): Citation =>
    readBlocks(blocks, {
      title: summary.title,
      author: summary.author,
      published: summary.published,
      link: summary.link,
      feedTitle: summary.feedTitle,
      language: store.feed(found.feedId)?.language ?? null,
      accessed: found.item.fetchedAt,
      edits: store.itemState(found.feedId, found.item.id).citation ?? {},
      page: found.item.page ?? null,
    }).citation

  const articleOf = async (itemId: string) => {
    await store.loadItemFeed(itemId)
    const found = store.findItem(itemId)
    const summary = summaryOf(store, itemId)
    if (!found || !summary) return null
    const feed = store.feed(found.feedId)
    const versions = versionsOf(found.item)
    const body = await preparedBody(found.feedId, found.item, versions[versions.length - 1]!)
    const contentHtml = body.html
    const edits = store.itemState(found.feedId, itemId).citation ?? {}
    const full = found.item.fullText
    let fullText: Article['fullText'] = { status: 'none' }
    if (full?.status === 'failed') fullText = { status: 'failed', reason: full.reason }
    if (full?.status === 'available') {
      const html = await store.bodies.get(full.bodyHash, full.body)
      // Extracted text is stored sanitized; it is sanitized again like every body on its way out.
      fullText = html
        ? {
            status: 'available',
            contentHtml: (await sanitizer.sanitize(html, full.pageUrl)).html,
            fetchedAt: full.fetchedAt,
          }
        : {
            status: 'failed',
            reason: 'The extracted text is missing from the library; fetch it again.',
          }
    }
    return {
      ...summary,
      contentHtml,
      summaryOnly: body.summaryOnly,
      wantsFullText: body.summaryOnly || Boolean(feed?.alwaysFullText),
      fullText,
      feedUrl: feed?.url ?? '',
      feedSiteUrl: feed?.siteUrl ?? null,
      fetchedAt: found.item.fetchedAt,
      citation: citationFrom(body.blocks, found, summary),
      citationEdits: edits,
      versions: versions.map((version, index) => ({
        index,
        title: version.title,
        fetchedAt: version.fetchedAt,
        current: index === versions.length - 1,
      })),
    }
  }

  /**
   * What a URL offers: itself when it is a feed, else the feeds its page declares or links, else
   * the common feed paths of its site that answer with a feed.
   */
  const discover = async (url: string): Promise<MethodResult<'discoverFeeds'>> => {
    const fetched = await fetchFeed(url, { etag: null, lastModified: null }, deps.fetchOptions)
    if (!fetched.ok) return fail(fetched.error.code, fetched.error.message, fetched.error.status)
    if (fetched.value.kind !== 'body') return ok([])
    const { text } = decodeFeedBytes(fetched.value.bytes, fetched.value.contentType)
    const kind = looksLikeFeed(text)
    if (kind)
      return ok([
        { url: fetched.value.finalUrl, title: null, type: kind, source: 'direct' as const },
      ])
    const found: DiscoveredFeed[] = discoverFeedLinks(text, fetched.value.finalUrl)
    if (found.length > 0) return ok(found)
    const guesses: DiscoveredFeed[] = []
    for (const guess of guessFeedUrls(fetched.value.finalUrl)) {
      const probe = await fetchFeed(guess, { etag: null, lastModified: null }, deps.fetchOptions)
      if (!probe.ok || probe.value.kind !== 'body') continue
      const guessedKind = looksLikeFeed(
        decodeFeedBytes(probe.value.bytes, probe.value.contentType).text,
      )
      if (guessedKind)
        guesses.push({ url: probe.value.finalUrl, title: null, type: guessedKind, source: 'guess' })
      if (guesses.length > 0) break
    }
    return ok(guesses)
  }

  const citationRenderer = new CitationRenderer(
    options.citationWorker ?? citationWorkerBeside(options.parser?.workerScript ?? null),
  )
  const keptCitations = new KeptCitations(options.dataDir, log)
  const exporter = createExportService({
    store,
    renderer: citationRenderer,
    now,
    kept: keptCitations,
    // What getArticle cites, without the rest of the article (full text, versions). The body
    // is read on this thread (an export reads hundreds in a row: a positioned read of a pack
    // costs microseconds, a trip through the thread pool far more) and, when it is plain
    // enough that sanitizing cannot change its blocks, not sanitized (jsdom: ~5 ms a body).
    citationOf: async (itemId) => {
      const found = store.findItem(itemId)
      const summary = summaryOf(store, itemId)
      if (!found || !summary) return null
      const { item } = found
      const raw = store.bodies.getSync(item.bodyHash, item.body)
      const blocks =
        (raw === null ? null : plainBodyBlocks(raw)) ??
        articleBlocks(await sanitizedBody(found.feedId, item, raw))
      return { title: summary.title, citation: citationFrom(blocks, found, summary) }
    },
    searchItems: async (query) => {
      searchWanted()
      await searchIndex.ready
      const found = await runSearch(searchIndex, store, annotationTexts, parseQuery(query), 500)
      return found.hits.map((hit) => hit.item.id)
    },
  })

  const citeAnnotation = createCiteAnnotation({ store, articleOf })

  // A highlight makes its article exportable: a window renders its citation in the export style
  // at the next pause in its calls, on the citation worker, and keeps it, so the first export
  // after a restart renders nothing (2,000 highlights over 400 articles: ~1 s of citeproc).
  const waitingCitations = new Set<string>()
  let prerendering: Promise<void> | null = null
  let closing = false
  const prerenderSoon = (itemIds: Iterable<string>): Promise<void> => {
    for (const itemId of itemIds) waitingCitations.add(itemId)
    prerendering ??= (async () => {
      while (waitingCitations.size > 0 && !closing) {
        await activity.whenQuiet(QUIET_MS, BACKGROUND_START_MAX_MS)
        const itemIds = [...waitingCitations]
        waitingCitations.clear()
        await exporter.prerender(itemIds, readSettings(store.settings.data.values).exportStyle)
      }
    })()
      .catch((error: unknown) => log(`Citations not rendered ahead: ${String(error)}`))
      .finally(() => (prerendering = null))
    return prerendering
  }
  const highlightedItems = (): Set<string> =>
    new Set(store.feeds().flatMap((feed) => store.annotations(feed.id).map((a) => a.itemId)))

  const annotations = createAnnotationService({
    store,
    now,
    changed: () => hub.emit('libraryChanged', { reason: 'annotation' }),
    // The text the reader shows: the full text read from the page when there is one.
    articleText: async (itemId) => {
      const article = await articleOf(itemId)
      if (!article) return null
      const html =
        article.fullText.status === 'available' ? article.fullText.contentHtml : article.contentHtml
      return articleBlocks(html).join('\n\n')
    },
  })

  const api: ReaderApi = {
    getAppInfo: async () =>
      ok({
        name: 'Research Reader',
        version: options.version ?? '0.0.0',
        dataDir: options.dataDir,
        shell: options.shell,
        // The library's documents; a search index set aside is rebuilt from them (nothing lost).
        recovered: setAside
          .filter((notice) => notice.restoredFrom !== undefined)
          .map((notice) => ({
            file: notice.file,
            movedTo: notice.movedTo,
            reason: notice.reason,
            restoredFrom: notice.restoredFrom ?? null,
            backupSavedAt: notice.backupSavedAt ?? null,
          })),
      }),

    listFeeds: async () =>
      ok(
        store
          .feeds()
          .map((feed) => toFeed(store, feed))
          .sort((a, b) => a.title.localeCompare(b.title)),
      ),

    addFeed: async ({ url, folder }) => {
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
      const result = await syncer.subscribe(parsedUrl.href, folder)
      if (result.ok) return ok(toFeed(store, result.value))
      if (result.error.code !== 'not-a-feed') return result
      // A web page rather than a feed: subscribe to the feed it declares, if it declares one.
      const found = await discover(parsedUrl.href)
      const best = found.ok
        ? found.value.find((feed) => feed.source !== 'guess' || found.value.length === 1)
        : undefined
      if (!best) return result
      const viaPage = await syncer.subscribe(best.url, folder)
      return viaPage.ok ? ok(toFeed(store, viaPage.value)) : viaPage
    },

    updateFeed: async ({ feedId, title, folder, retention, alwaysFullText }) => {
      if (!store.feed(feedId)) return fail('not-found', 'No such feed')
      const patch = {
        ...(title !== undefined ? { title } : {}),
        ...(folder !== undefined ? { folder } : {}),
        ...(retention !== undefined ? { retention } : {}),
        ...(alwaysFullText !== undefined ? { alwaysFullText } : {}),
      }
      const feed = await store.updateFeed(feedId, patch, { durable: true })
      if (retention) await store.applyRetention(feedId, now())
      hub.emit('libraryChanged', { reason: 'feed-updated' })
      return ok(toFeed(store, feed))
    },

    removeFeed: async ({ feedId }) => {
      if (!store.feed(feedId)) return fail('not-found', 'No such feed')
      if (syncer.isSyncing())
        return fail('busy', 'The feed is being synced; remove it when the sync has finished.')
      const removedItems = store.items(feedId).length
      const removedAnnotations = store.annotations(feedId).length
      const keptAt = await store.removeFeed(feedId, now())
      log(`Removed feed ${feedId}; its files are kept at ${keptAt}`)
      hub.emit('libraryChanged', { reason: 'feed-removed' })
      return ok({ removedItems, removedAnnotations, keptAt })
    },

    discoverFeeds: async ({ url }) => {
      try {
        new URL(url)
      } catch {
        return fail('invalid-url', `Not a URL: ${url}`)
      }
      return discover(url)
    },

    importOpml: async ({ text }) => {
      const parsed = parseOpml(text)
      if (!parsed.ok) return parsed
      const known = new Set(store.feeds().map((feed) => normalizeFeedUrl(feed.url) ?? feed.url))
      const at = now().toISOString()
      const added: StoredFeed[] = []
      let alreadySubscribed = 0
      for (const entry of parsed.value.feeds) {
        const key = normalizeFeedUrl(entry.url) ?? entry.url
        if (known.has(key)) {
          alreadySubscribed++
          continue
        }
        known.add(key)
        let id = feedIdFor(entry.url)
        for (let n = 2; store.feed(id) || added.some((f) => f.id === id); n++)
          id = feedIdFor(`${entry.url}#${n}`)
        added.push({
          id,
          url: entry.url,
          title: entry.title ?? '',
          siteUrl: entry.siteUrl,
          description: '',
          folder: entry.folder,
          addedAt: at,
          lastSuccessAt: null,
          lastError: null,
          nextCheckAt: null,
          http: { etag: null, lastModified: null, bodyHash: null },
        })
      }
      await store.addFeeds(added)
      if (added.length) hub.emit('libraryChanged', { reason: 'feed-added' })
      return ok({ added: added.length, alreadySubscribed, skipped: parsed.value.skipped })
    },

    exportOpml: async () =>
      ok({
        fileName: `research-reader-subscriptions-${now().toISOString().slice(0, 10)}.opml`,
        text: buildOpml({
          title: 'Research Reader subscriptions',
          dateCreated: now().toUTCString(),
          feeds: store
            .feeds()
            .filter((feed) => !feed.url.startsWith(SAMPLE_SCHEME))
            .map((feed) => ({
              url: feed.url,
              title: feed.title || null,
              siteUrl: feed.siteUrl,
              folder: feed.folder ?? [],
            })),
        }),
      }),

    getSettings: async () => ok(readSettings(store.settings.data.values)),

    updateSettings: async (patch) => {
      const values = await store.settings.update((data) => {
        data.values = { ...readSettings(data.values), ...patch }
        return data.values
      })
      hub.emit('libraryChanged', { reason: 'settings' })
      return ok(readSettings(values))
    },

    syncAll: async ({ dueOnly }) =>
      syncer.sync(store.feeds(), {
        ...(options.limits ? { limits: options.limits } : {}),
        dueOnly: Boolean(dueOnly),
      }),

    syncFeed: async ({ feedId }) => {
      const feed = store.feed(feedId)
      if (!feed) return fail('not-found', 'No such feed')
      // The user asked for this feed: fetched even if gone or its server asked us to wait.
      return syncer.sync([feed], {
        ...(options.limits ? { limits: options.limits } : {}),
        force: true,
      })
    },

    listItems: async ({ offset = 0, limit = LIST_PAGE_DEFAULT, snapshot, ...filter }) => {
      if (warmsUp && !articlesWarm) {
        articlesWarm = true
        setTimeout(() => {
          firstListSent()
          const warm = async (): Promise<void> => {
            const top = listingOf({})
            await top.loadPage(0, 1)
            const item = top.page(0, 1)?.[0]
            if (item) await articleOf(item.id)
            if (item) prepareNear(item.id)
          }
          warm().catch((error: unknown) => log(`Warm-up: ${String(error)}`))
        }, 0)
      }
      if (filter.feedId && !store.feed(filter.feedId)) return fail('not-found', 'No such feed')
      let listing = listingOf(filter, snapshot)
      await listing.loadPage(offset, limit)
      let items = listing.page(offset, limit)
      // A row of the snapshot left the library (retention): list afresh.
      if (!items) {
        listing = listingOf(filter)
        await listing.loadPage(offset, limit)
        items = listing.page(offset, limit) ?? []
      }
      lastListing = listing
      return ok({
        snapshot: listing.snapshot.id,
        total: listing.snapshot.entries.length,
        unreadTotal: listing.unreadTotal(),
        offset,
        items,
      })
    },

    locateItem: async ({ find, snapshot, ...filter }) => {
      if (filter.feedId && !store.feed(filter.feedId)) return fail('not-found', 'No such feed')
      const listing = listingOf(filter, snapshot)
      const index =
        find.kind === 'item' ? listing.indexOf(find.itemId) : listing.nextUnread(find.after)
      if (index !== null) await listing.loadPage(index, 1)
      return ok({
        snapshot: listing.snapshot.id,
        total: listing.snapshot.entries.length,
        index,
        item: index === null ? null : listing.summaryAt(index),
      })
    },

    getArticle: async ({ itemId }) => {
      const article = await articleOf(itemId)
      if (article) prepareNear(itemId)
      return article ? ok(article) : fail('not-found', 'No such item')
    },

    setItemState: async ({ itemId, read, starred }) => {
      await store.loadItemFeed(itemId)
      const found = store.findItem(itemId)
      if (!found) return fail('not-found', 'No such item')
      await store.setItemState(found.feedId, itemId, { read, starred })
      hub.emit('libraryChanged', { reason: 'item-state' })
      const summary = summaryOf(store, itemId)
      return summary ? ok(summary) : fail('not-found', 'No such item')
    },

    fetchFullText: async ({ itemId }) => {
      const found = store.findItem(itemId)
      if (!found) return fail('not-found', 'No such item')
      const at = now().toISOString()
      const link = found.item.link
      const failWith = async (reason: string) => {
        await store.setFullText(found.feedId, itemId, { status: 'failed', reason, at })
        const article = await articleOf(itemId)
        return article ? ok(article) : fail('not-found', 'No such item')
      }
      if (!link) return failWith('The item has no web page to read it from.')
      const fetched = await fetchFeed(link, { etag: null, lastModified: null }, deps.fetchOptions)
      if (!fetched.ok) return failWith(fetched.error.message)
      if (fetched.value.kind !== 'body') return failWith('The page sent no content.')
      const pageUrl = fetched.value.finalUrl
      const page = decodeFeedBytes(fetched.value.bytes, fetched.value.contentType).text
      const extracted = extractFullText(page, pageUrl)
      if (!extracted.ok) return failWith(extracted.error.message)
      const bodyHash = sha256Hex(extracted.value.contentHtml)
      const refs = store.bodies.writePack([{ hash: bodyHash, html: extracted.value.contentHtml }])
      await store.setFullText(
        found.feedId,
        itemId,
        { status: 'available', bodyHash, body: refs.get(bodyHash)!, fetchedAt: at, pageUrl },
        extractPageMetadata(page, pageUrl),
      )
      hub.emit('libraryChanged', { reason: 'full-text' })
      const article = await articleOf(itemId)
      return article ? ok(article) : fail('not-found', 'No such item')
    },

    getArticleVersion: async ({ itemId, version }) => {
      const found = store.findItem(itemId)
      const chosen = found ? versionsOf(found.item)[version] : undefined
      if (!found || !chosen) return fail('not-found', 'No such item or version')
      return ok({
        index: version,
        title: chosen.title,
        fetchedAt: chosen.fetchedAt,
        contentHtml: await htmlOf(found.feedId, found.item, chosen),
      })
    },

    diffArticleVersions: async ({ itemId, from, to }) => {
      const found = store.findItem(itemId)
      const versions = found ? versionsOf(found.item) : []
      const before = versions[from]
      const after = versions[to]
      if (!found || !before || !after) return fail('not-found', 'No such item or version')
      const textOf = async (version: ItemVersion): Promise<string> =>
        `${version.title}\n\n${articleBlocks(await htmlOf(found.feedId, found.item, version)).join('\n\n')}`
      return ok(wordDiff(await textOf(before), await textOf(after)))
    },

    updateCitation: async ({ itemId, edits }) => {
      const found = store.findItem(itemId)
      if (!found) return fail('not-found', 'No such item')
      await store.setItemState(found.feedId, itemId, { citation: edits })
      exporter.forget(itemId)
      hub.emit('libraryChanged', { reason: 'citation' })
      const article = await articleOf(itemId)
      return article ? ok(article) : fail('not-found', 'No such item')
    },

    markAllRead: async ({ feedId, folder, view }) => {
      if (feedId && !store.feed(feedId)) return fail('not-found', 'No such feed')
      const unread = listing.snapshot({
        ...(feedId ? { feedId } : {}),
        ...(folder ? { folder } : {}),
        ...(view ? { view } : {}),
        unreadOnly: true,
      })
      const byFeed = new Map<string, string[]>()
      for (const row of unread.entries) {
        const ids = byFeed.get(row.feedId)
        if (ids) ids.push(row.id)
        else byFeed.set(row.feedId, [row.id])
      }
      for (const [id, itemIds] of byFeed) await store.setItemsRead(id, itemIds, true)
      hub.emit('libraryChanged', { reason: 'item-state' })
      return ok({ itemIds: unread.entries.map((row) => row.id) })
    },

    markUnread: async ({ itemIds }) => {
      const byFeed = new Map<string, string[]>()
      for (const itemId of itemIds) {
        const found = store.findItem(itemId)
        if (found) byFeed.set(found.feedId, [...(byFeed.get(found.feedId) ?? []), itemId])
      }
      let count = 0
      for (const [id, ids] of byFeed) {
        await store.setItemsRead(id, ids, false)
        count += ids.length
      }
      hub.emit('libraryChanged', { reason: 'item-state' })
      return ok({ count })
    },

    listAnnotations: async ({ itemId }) => {
      await store.loadItemFeed(itemId)
      const found = store.findItem(itemId)
      if (!found) return fail('not-found', 'No such item')
      return ok(sortedAnnotations(store, found.feedId, itemId))
    },

    createAnnotation: async (args) => {
      const created = await annotations.create(args)
      if (created.ok && warmsUp) void prerenderSoon([created.value.itemId])
      return created
    },
    updateAnnotation: (args) => annotations.update(args),
    deleteAnnotation: ({ annotationId }) => annotations.remove(annotationId),
    restoreAnnotation: ({ annotation }) => annotations.restore(annotation),
    listAllAnnotations: async (args) => annotations.listAll(args),
    linkEvidence: (args) => annotations.link(args),
    unlinkEvidence: (args) => annotations.unlink(args),
    getClaim: async ({ annotationId }) => annotations.getClaim(annotationId),
    findQuotes: ({ itemId }) => annotations.quotes(itemId),

    search: async ({ query, limit }) => {
      const started = performance.now()
      const parsed = parseQuery(query)
      // Loading the index from disk takes a moment after opening; building it takes longer and
      // is not waited for: `indexing` says how far it is.
      searchWanted()
      await searchIndex.ready
      const found = await runSearch(searchIndex, store, annotationTexts, parsed, limit)
      return ok({
        ...found,
        problems: parsed.problems,
        indexing: searchIndex.progress(),
        tookMs: Math.round((performance.now() - started) * 10) / 10,
      })
    },

    exportArticleMarkdown: (args) => exporter.articleMarkdown(args),
    citeAnnotation,
    previewExport: (args) => exporter.preview(args),
    exportCollection: (args) => exporter.collection(args),
    exportVault: (args) => exporter.vault(args),
  }

  if (store.isNew && options.seedSample !== false) {
    const result = await syncer.subscribe(SAMPLE_FEED_URL)
    if (!result.ok) log(`Could not load the sample library: ${result.error.message}`)
  }

  // A window is about to ask for the list: build the ordering now, in idle time, not on its
  // first request. (The sanitizer worker is already loading jsdom on the other core; once the
  // first page is out, the first article is read once so the rest of its path is warm too.)
  if (warmsUp) void listing.warm()
  // citeproc builds a style's engine on first use (~0.2–2 s): in a window, have its worker do
  // that once the list is out, so the first export finds it ready. Without a worker the first
  // export builds it (this thread is not held up for an export that may never come).
  if (warmsUp && citationRenderer.usesWorker)
    void searchStart
      .then(() => activity.whenQuiet(QUIET_MS, BACKGROUND_START_MAX_MS))
      .then(() => citationRenderer.warm('apa'))
      // A library whose rendered citations are not kept yet (made before they were, or the
      // renderer changed): render its highlighted articles' now, in idle time.
      .then(() => keptCitations.ready())
      .then(() => {
        if (keptCitations.found === 0) prerenderSoon(highlightedItems())
      })
      .catch((error: unknown) => log(`Citation warm-up: ${String(error)}`))

  // Before each call, pick up what another process (the CLI beside the app) wrote meanwhile.
  // Opened from the listing catalog, the store reads its feeds after the first list page (or when
  // asked): the calls a window makes at start read only the feeds they need, every other call
  // waits until all are read.
  const fresh = Object.fromEntries(
    Object.entries(api).map(([name, method]) => [
      name,
      async (args: unknown) => {
        activity.touch()
        await store.refresh()
        if (!store.fullyLoaded && !READY_FROM_CATALOG.has(name as keyof ReaderApi))
          await store.loadAll()
        try {
          return await (method as (a: unknown) => Promise<unknown>)(args)
        } catch (error) {
          // The disk refused a write (full, read-only): the caller is told so in words, and the
          // file is as it was (see durable-write). Anything else is a bug.
          if (error instanceof StoreWriteError) return fail('storage', error.message)
          throw error
        }
      },
    ]),
  ) as unknown as ReaderApi

  const media = async (url: string): Promise<MediaResult> => {
    await store.refresh()
    const known = store.media.lookup(url)
    if (known?.pixel) return { ok: false, status: 204, message: 'A tracking pixel' }
    if (known) {
      const bytes = await store.media.read(known)
      if (bytes) return { ok: true, bytes, type: known.type }
    }
    const fetched = await fetchImage(url, deps.fetchOptions)
    if (!fetched.ok) return fetched
    await store.media.put(url, fetched.bytes, fetched.type, now().toISOString(), fetched.pixel)
    if (fetched.pixel) return { ok: false, status: 204, message: 'A tracking pixel' }
    return { ok: true, bytes: fetched.bytes, type: fetched.type }
  }

  return {
    ...fresh,
    media,
    on: (event, listener) => hub.on(event, listener),
    dataDir: options.dataDir,
    setAside,
    prerenderCitations: async () => {
      await prerenderSoon(highlightedItems())
      await keptCitations.flush()
    },
    citationsIdle: async () => {
      while (prerendering) await prerendering
      await keptCitations.flush()
    },
    searchIdle: () => {
      searchWanted()
      return searchIndex.idle()
    },
    readerText: async (itemId) => {
      const article = await articleOf(itemId)
      if (!article) return null
      return readerText(
        article.fullText.status === 'available'
          ? article.fullText.contentHtml
          : article.contentHtml,
      )
    },
    close: async () => {
      await store.flush()
      await searchIndex.close()
      await pool.close()
      await sanitizer.close()
      // A pre-rendering under way stops at its next batch; what is rendered is kept.
      closing = true
      await prerendering
      await keptCitations.flush()
      await citationRenderer.close()
      // Last: the listing catalog is written (when worth it) from what is read by then.
      await store.close()
    },
  }
}
