// Syncs one feed through the real path: fetch (conditional, redirects, Retry-After) → on a
// worker: skip if the bytes are unchanged, else decode, parse, prepare items and write bodies →
// store the item list → record the outcome on the feed. Never throws for the feed's own
// failures: they are recorded on the feed (code, message, time, next check) and returned, so
// other feeds go on syncing.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  fetchFeed,
  type FetchedBody,
  type FetchOptions,
  type FetchResult,
} from '../feeds/fetch-feed'
import type { LibraryStore, StoredFeed } from '../store/library-store'
import type { PreparePool, PrepareResult } from './prepare-pool'
import type { FeedJob, PreparedFeedItems } from './process-feed-job'

/** URLs of this scheme name files bundled in resources/sample (the first-start library). */
export const SAMPLE_SCHEME = 'reader-sample:'

/** When a 429/503 gives no Retry-After, wait this long before asking again. */
export const DEFAULT_RETRY_AFTER_S = 3600
/** Never honour a Retry-After longer than this (a misconfigured server must not mute a feed). */
export const MAX_RETRY_AFTER_S = 7 * 24 * 3600
/** Scheduled syncs check a feed at most this often, whatever its server says... */
export const MIN_CHECK_INTERVAL_S = 15 * 60
/** ...and at least this often (NetNewsWire caps Cache-Control at 5 h the same way). */
export const MAX_CHECK_INTERVAL_S = 5 * 3600
/** When the server says nothing about freshness. */
export const DEFAULT_CHECK_INTERVAL_S = 30 * 60

/** A feed that keeps failing is checked less and less often, but at least once a day. */
export const MAX_FAILURE_BACKOFF_S = 24 * 3600

/**
 * When a scheduled sync tries a failing feed again: the usual interval after its first failure,
 * doubled for each failure in a row after that (30 min, 1 h, 2 h… up to a day), so a server
 * that answers 500 for days is not asked every half hour, and a brief outage costs little.
 */
export function backoffSeconds(failuresInARow: number): number {
  const doublings = Math.max(0, Math.min(failuresInARow - 1, 16))
  return Math.min(MAX_FAILURE_BACKOFF_S, DEFAULT_CHECK_INTERVAL_S * 2 ** doublings)
}

/** The next scheduled check: the server's max-age, kept between the polite bounds. */
export function nextCheckAfter(now: Date, maxAgeSeconds: number | null): string {
  const seconds = Math.min(
    MAX_CHECK_INTERVAL_S,
    Math.max(MIN_CHECK_INTERVAL_S, maxAgeSeconds ?? DEFAULT_CHECK_INTERVAL_S),
  )
  return new Date(now.getTime() + seconds * 1000).toISOString()
}

export interface SyncDeps {
  store: LibraryStore
  resourcesDir: string
  fetchOptions: FetchOptions
  pool: PreparePool
  now: () => Date
}

/** What a failed sync records: the words, and for a web page the feeds it offers instead. */
export interface FeedErrorDetail {
  code: string
  message: string
  feeds?: { url: string; title: string | null }[]
}

export interface FeedSyncOutcome {
  newItems: number
  error: FeedErrorDetail | null
  /** Skipped because the server asked us to wait, or the feed is gone. */
  skipped?: boolean
}

export async function loadFeed(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  deps: Pick<SyncDeps, 'resourcesDir' | 'fetchOptions'>,
): Promise<FetchResult> {
  if (url.startsWith(SAMPLE_SCHEME)) {
    const name = url.slice(SAMPLE_SCHEME.length)
    if (!/^[\w.-]+$/.test(name))
      return { ok: false, error: { code: 'invalid-url', message: `Bad sample name ${name}` } }
    const bytes = await readFile(join(deps.resourcesDir, 'sample', name))
    return {
      ok: true,
      value: {
        kind: 'body',
        bytes,
        contentType: null,
        contentLocation: null,
        etag: null,
        lastModified: null,
        finalUrl: url,
        movedTo: null,
        maxAgeSeconds: null,
      },
    }
  }
  return fetchFeed(url, validators, deps.fetchOptions)
}

/** The job for the parser pool: the fetched bytes plus where bodies go. */
function jobFor(
  body: FetchedBody,
  feedId: string,
  previousBodyHash: string | null,
  deps: Pick<SyncDeps, 'store' | 'now'>,
): FeedJob {
  return {
    input: {
      bytes: body.bytes,
      contentType: body.contentType,
      baseUrl: body.contentLocation ?? body.finalUrl,
      feedId,
      now: deps.now().toISOString(),
    },
    bodiesDir: deps.store.bodies.dir,
    previousBodyHash,
    // What this feed already stored, minus what was found missing or damaged since.
    storedBodies: deps.store.feed(feedId)
      ? deps.store
          .items(feedId)
          .map((item) => item.bodyHash)
          .filter((hash) => !deps.store.bodies.missing.has(hash))
      : [],
  }
}

export interface Subscription {
  prepared: PreparedFeedItems
  etag: string | null
  lastModified: string | null
  bodyHash: string
  /** Where the feed really lives (after permanent redirects). */
  url: string
}

/** Fetches and prepares a feed that is not stored yet (subscribing); its bodies are written. */
export async function fetchAndPrepare(
  url: string,
  feedId: string,
  deps: Pick<SyncDeps, 'resourcesDir' | 'fetchOptions' | 'pool' | 'now' | 'store'>,
): Promise<
  | { ok: true; value: Subscription }
  | { ok: false; error: { code: string; message: string; status?: number } }
> {
  const fetched = await loadFeed(url, { etag: null, lastModified: null }, deps)
  if (!fetched.ok) return fetched
  const body = fetched.value
  if (body.kind !== 'body') {
    return { ok: false, error: { code: 'http', message: 'The server sent no feed body' } }
  }
  const { etag, lastModified, movedTo } = body
  const result = await deps.pool.run(jobFor(body, feedId, null, deps))
  if (!result.ok) return result
  if (result.value.unchanged) throw new Error('A feed without a previous hash cannot be unchanged')
  return {
    ok: true,
    value: {
      prepared: result.value.feed,
      etag,
      lastModified,
      bodyHash: result.value.bodyHash,
      url: movedTo ?? url,
    },
  }
}

/**
 * Whether to leave this feed alone now: it is gone, or its server asked us to wait — or, for a
 * scheduled sync (dueOnly), its next check has not come yet. A sync the user asks for fetches
 * everything else; a retry of this one feed (force) fetches it whatever its state: one request
 * a person asked for is polite enough, and a feed that came back clears its "gone".
 */
export function isDeferred(feed: StoredFeed, now: Date, dueOnly = false, force = false): boolean {
  if (force) return false
  if (feed.gone) return true
  const later = (iso: string | null | undefined): boolean =>
    Boolean(iso && Date.parse(iso) > now.getTime())
  return later(feed.retryNotBefore) || (dueOnly && later(feed.nextCheckAt))
}

export async function syncFeed(
  feed: StoredFeed,
  deps: SyncDeps,
  { dueOnly = false, force = false }: { dueOnly?: boolean; force?: boolean } = {},
): Promise<FeedSyncOutcome> {
  const { store } = deps
  const now = deps.now()
  const at = now.toISOString()
  if (isDeferred(feed, now, dueOnly, force)) return { newItems: 0, error: null, skipped: true }

  const recordError = async (
    error: { code: string; message: string; feeds?: FeedErrorDetail['feeds'] },
    extra: Partial<StoredFeed> = {},
  ): Promise<FeedSyncOutcome> => {
    // Read from the store, not the snapshot the sync started with: counts must not go back.
    const failures = (store.feed(feed.id)?.failures ?? feed.failures ?? 0) + 1
    const { code, message } = error
    const feeds = error.feeds?.length ? { feeds: error.feeds } : {}
    await store.updateFeed(feed.id, {
      lastError: { code, message, at, ...feeds },
      failures,
      nextCheckAt: new Date(now.getTime() + backoffSeconds(failures) * 1000).toISOString(),
      ...extra,
    })
    return { newItems: 0, error: { code, message, ...feeds } }
  }

  const fetched = await loadFeed(feed.url, feed.http, deps)
  if (!fetched.ok) {
    const { code, message, retryAfterSeconds } = fetched.error
    if (code === 'gone') return recordError({ code, message }, { gone: true })
    if (code === 'rate-limited') {
      // The server said when: that, not our backoff, decides the next attempt.
      const wait = Math.min(MAX_RETRY_AFTER_S, retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S)
      const until = new Date(now.getTime() + wait * 1000).toISOString()
      return recordError({ code, message }, { retryNotBefore: until, nextCheckAt: until })
    }
    return recordError({ code, message })
  }
  const outcome = fetched.value
  const next = nextCheckAfter(now, outcome.maxAgeSeconds)
  // A permanent redirect: remember the new address (the user's subscription, so durably).
  if (outcome.movedTo && outcome.movedTo !== feed.url) {
    await store.updateFeed(feed.id, { url: outcome.movedTo }, { durable: true })
  }
  if (outcome.kind === 'not-modified') {
    await store.updateFeed(feed.id, {
      lastSuccessAt: at,
      lastError: null,
      failures: 0,
      retryNotBefore: null,
      gone: false,
      nextCheckAt: next,
    })
    return { newItems: 0, error: null }
  }
  const { etag, lastModified } = outcome
  // New bytes: the job needs what the feed already stored (opened from the listing catalog, the
  // store may not have read it yet — a 304 above needed none of it).
  await store.loadFeeds([feed.id])
  const result: PrepareResult = await deps.pool.run(
    jobFor(outcome, feed.id, feed.http.bodyHash, deps),
  )
  if (!result.ok) return recordError(result.error)
  const http = { etag, lastModified, bodyHash: result.value.bodyHash }
  if (result.value.unchanged) {
    // Same bytes as last time (a server without validators): nothing was parsed.
    await store.updateFeed(feed.id, {
      http,
      lastSuccessAt: at,
      lastError: null,
      failures: 0,
      retryNotBefore: null,
      gone: false,
      nextCheckAt: next,
    })
    return { newItems: 0, error: null }
  }
  const prepared = result.value.feed
  const newItems = await store.upsertItems(feed.id, prepared.items)
  await store.applyRetention(feed.id, now)
  for (const item of prepared.items) if (item.body) store.bodies.missing.delete(item.bodyHash)
  await store.updateFeed(feed.id, {
    http,
    title: feed.title || prepared.title,
    siteUrl: feed.siteUrl ?? prepared.link,
    language: prepared.language ?? feed.language ?? null,
    lastSuccessAt: at,
    lastError: null,
    failures: 0,
    retryNotBefore: null,
    gone: false,
    nextCheckAt: next,
    warnings: prepared.warnings,
  })
  return { newItems, error: null }
}
