// Syncs one feed through the real path: fetch (conditional, redirects, Retry-After) → skip if
// the bytes are unchanged → prepare on a worker (decode, parse, items) → store bodies and items →
// record the outcome on the feed. Never throws for the feed's own failures: they are recorded on
// the feed (code, message, time, next check) and returned, so other feeds go on syncing.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fetchFeed, type FetchOptions, type FetchResult } from '../feeds/fetch-feed'
import { sha256Hex } from '../ids'
import type { LibraryStore, StoredFeed } from '../store/library-store'
import type { PreparedFeed } from './prepare-feed'
import type { PreparePool, PrepareResult } from './prepare-pool'

/** URLs of this scheme name files bundled in resources/sample (the first-start library). */
export const SAMPLE_SCHEME = 'reader-sample:'

/** When a 429/503 gives no Retry-After, wait this long before asking again. */
export const DEFAULT_RETRY_AFTER_S = 3600
/** Never honour a Retry-After longer than this (a misconfigured server must not mute a feed). */
export const MAX_RETRY_AFTER_S = 7 * 24 * 3600

export interface SyncDeps {
  store: LibraryStore
  resourcesDir: string
  fetchOptions: FetchOptions
  pool: PreparePool
  now: () => Date
}

export interface FeedSyncOutcome {
  newItems: number
  error: { code: string; message: string } | null
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
      },
    }
  }
  return fetchFeed(url, validators, deps.fetchOptions)
}

/** Fetches and prepares a feed that is not stored yet (subscribing). */
export async function fetchAndPrepare(
  url: string,
  feedId: string,
  deps: Pick<SyncDeps, 'resourcesDir' | 'fetchOptions' | 'pool' | 'now'>,
): Promise<
  | {
      ok: true
      value: {
        prepared: PreparedFeed
        etag: string | null
        lastModified: string | null
        bodyHash: string
        url: string
      }
    }
  | { ok: false; error: { code: string; message: string; status?: number } }
> {
  const fetched = await loadFeed(url, { etag: null, lastModified: null }, deps)
  if (!fetched.ok) return fetched
  const body = fetched.value
  if (body.kind !== 'body')
    return { ok: false, error: { code: 'http', message: 'The server sent no feed body' } }
  const prepared = await deps.pool.run({
    bytes: body.bytes,
    contentType: body.contentType,
    baseUrl: body.contentLocation ?? body.finalUrl,
    feedId,
    now: deps.now().toISOString(),
  })
  if (!prepared.ok) return prepared
  return {
    ok: true,
    value: {
      prepared: prepared.value,
      etag: body.etag,
      lastModified: body.lastModified,
      bodyHash: sha256Hex(body.bytes),
      url: body.movedTo ?? url,
    },
  }
}

/** Stores the prepared items of a feed (bodies first, then the item list); returns how many were new. */
export async function storePrepared(
  feed: StoredFeed,
  prepared: PreparedFeed,
  store: LibraryStore,
): Promise<number> {
  const writes: Promise<void>[] = []
  for (const { item, html } of prepared.items) {
    if (store.findItem(item.id)?.item.bodyHash === item.bodyHash) continue
    writes.push(store.bodies.putHashed(item.bodyHash, html))
  }
  await Promise.all(writes)
  return store.upsertItems(
    feed.id,
    prepared.items.map((p) => p.item),
  )
}

/** Whether a scheduled sync should leave this feed alone for now. */
export function isDeferred(feed: StoredFeed, now: Date): boolean {
  if (feed.gone) return true
  return Boolean(feed.nextCheckAt && Date.parse(feed.nextCheckAt) > now.getTime())
}

export async function syncFeed(feed: StoredFeed, deps: SyncDeps): Promise<FeedSyncOutcome> {
  const { store } = deps
  const now = deps.now()
  const at = now.toISOString()
  if (isDeferred(feed, now)) return { newItems: 0, error: null, skipped: true }

  const recordError = async (
    code: string,
    message: string,
    extra: Partial<StoredFeed> = {},
  ): Promise<FeedSyncOutcome> => {
    await store.updateFeed(feed.id, { lastError: { code, message, at }, ...extra })
    return { newItems: 0, error: { code, message } }
  }

  const fetched = await loadFeed(feed.url, feed.http, deps)
  if (!fetched.ok) {
    const { code, message, retryAfterSeconds } = fetched.error
    if (code === 'gone') return recordError(code, message, { gone: true })
    if (code === 'rate-limited') {
      const wait = Math.min(MAX_RETRY_AFTER_S, retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S)
      return recordError(code, message, {
        nextCheckAt: new Date(now.getTime() + wait * 1000).toISOString(),
      })
    }
    return recordError(code, message)
  }
  const outcome = fetched.value
  // A permanent redirect: remember the new address (the user's subscription, so durably).
  if (outcome.movedTo && outcome.movedTo !== feed.url) {
    await store.updateFeed(feed.id, { url: outcome.movedTo }, { durable: true })
  }
  if (outcome.kind === 'not-modified') {
    await store.updateFeed(feed.id, { lastSuccessAt: at, lastError: null, nextCheckAt: null })
    return { newItems: 0, error: null }
  }
  const bodyHash = sha256Hex(outcome.bytes)
  const http = { etag: outcome.etag, lastModified: outcome.lastModified, bodyHash }
  if (bodyHash === feed.http.bodyHash) {
    // Same bytes as last time (a server without validators): nothing to parse.
    await store.updateFeed(feed.id, { http, lastSuccessAt: at, lastError: null, nextCheckAt: null })
    return { newItems: 0, error: null }
  }
  const prepared: PrepareResult = await deps.pool.run({
    bytes: outcome.bytes,
    contentType: outcome.contentType,
    baseUrl: outcome.contentLocation ?? outcome.finalUrl,
    feedId: feed.id,
    now: at,
  })
  if (!prepared.ok) return recordError(prepared.error.code, prepared.error.message)
  const newItems = await storePrepared(feed, prepared.value, store)
  await store.updateFeed(feed.id, {
    http,
    title: feed.title || prepared.value.title,
    siteUrl: feed.siteUrl ?? prepared.value.link,
    lastSuccessAt: at,
    lastError: null,
    nextCheckAt: null,
    warnings: prepared.value.warnings,
  })
  return { newItems, error: null }
}
