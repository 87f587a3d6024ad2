// Syncs one feed through the real path: fetch (conditional) → skip if the body is unchanged →
// decode → parse → sanitize → store. Never throws for the feed's own failures: they are
// recorded on the feed (code, message, time) and returned, so other feeds go on syncing.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fail, ok, type Result } from '../../../shared/result'
import { decodeFeedBytes } from '../feeds/decode-feed-bytes'
import {
  fetchFeed,
  type FeedFetchErrorCode,
  type FetchOptions,
  type FetchOutcome,
} from '../feeds/fetch-feed'
import { parseFeed, type ParsedFeed } from '../feeds/parse-feed'
import { toStoredItem } from '../feeds/to-stored-items'
import { sha256Hex } from '../ids'
import type { LibraryStore, StoredFeed } from '../store/library-store'

/** URLs of this scheme name files bundled in resources/sample (the first-start library). */
export const SAMPLE_SCHEME = 'reader-sample:'

export interface SyncDeps {
  store: LibraryStore
  resourcesDir: string
  fetchOptions: FetchOptions
  now: () => Date
}

export interface FeedSyncOutcome {
  newItems: number
  error: { code: string; message: string } | null
}

export async function loadFeed(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  deps: Pick<SyncDeps, 'resourcesDir' | 'fetchOptions'>,
): Promise<Result<FetchOutcome, FeedFetchErrorCode>> {
  if (url.startsWith(SAMPLE_SCHEME)) {
    const name = url.slice(SAMPLE_SCHEME.length)
    if (!/^[\w.-]+$/.test(name)) return fail('invalid-url', `Bad sample name ${name}`)
    const bytes = await readFile(join(deps.resourcesDir, 'sample', name))
    return ok({
      kind: 'body',
      bytes,
      contentType: null,
      etag: null,
      lastModified: null,
      finalUrl: url,
    })
  }
  return fetchFeed(url, validators, deps.fetchOptions)
}

export async function readFeedText(
  outcome: Extract<FetchOutcome, { kind: 'body' }>,
): Promise<Result<ParsedFeed, 'not-a-feed'>> {
  return parseFeed(decodeFeedBytes(outcome.bytes, outcome.contentType).text)
}

/** Stores the parsed items of a feed; returns how many were new. */
export async function storeParsedItems(
  feed: StoredFeed,
  parsed: ParsedFeed,
  deps: Pick<SyncDeps, 'store' | 'now'>,
): Promise<number> {
  const now = deps.now()
  const prepared = parsed.items.map((item) => toStoredItem(item, feed.id, feed.url, now, sha256Hex))
  for (const { html } of prepared) await deps.store.bodies.put(html)
  return deps.store.upsertItems(
    feed.id,
    prepared.map((p) => p.item),
  )
}

export async function syncFeed(feed: StoredFeed, deps: SyncDeps): Promise<FeedSyncOutcome> {
  const { store } = deps
  const at = deps.now().toISOString()
  const recordError = async (code: string, message: string): Promise<FeedSyncOutcome> => {
    await store.updateFeed(feed.id, { lastError: { code, message, at } })
    return { newItems: 0, error: { code, message } }
  }
  const fetched = await loadFeed(feed.url, feed.http, deps)
  if (!fetched.ok) return recordError(fetched.error.code, fetched.error.message)
  const outcome = fetched.value
  if (outcome.kind === 'not-modified') {
    await store.updateFeed(feed.id, { lastSuccessAt: at, lastError: null })
    return { newItems: 0, error: null }
  }
  const bodyHash = sha256Hex(outcome.bytes)
  const http = { etag: outcome.etag, lastModified: outcome.lastModified, bodyHash }
  if (bodyHash === feed.http.bodyHash) {
    // Same bytes as last time (a server without validators): nothing to parse.
    await store.updateFeed(feed.id, { http, lastSuccessAt: at, lastError: null })
    return { newItems: 0, error: null }
  }
  const parsed = await readFeedText(outcome)
  if (!parsed.ok) return recordError(parsed.error.code, parsed.error.message)
  const newItems = await storeParsedItems(feed, parsed.value, deps)
  await store.updateFeed(feed.id, {
    http,
    title: feed.title || parsed.value.title,
    siteUrl: feed.siteUrl ?? parsed.value.link,
    lastSuccessAt: at,
    lastError: null,
  })
  return { newItems, error: null }
}
