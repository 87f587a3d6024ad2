// Library-level sync: subscribing to a new feed, and syncing many feeds at once with global and
// per-host limits, progress events and a summary. One sync at a time per core; the feeds' own
// failures are in the summary, never thrown.
import type { MethodErrorCode, MethodResult } from '../../../shared/contract'
import type { SyncSummary } from '../../../shared/domain'
import { fail, ok, type Result } from '../../../shared/result'
import type { EventHub } from '../event-hub'
import { feedIdFor } from '../ids'
import type { StoredFeed } from '../store/library-store'
import { fetchAndPrepare, nextCheckAfter, syncFeed, type SyncDeps } from './sync-feed'
import { DEFAULT_LIMITS, hostOf, runPerHost, type SchedulerLimits } from './sync-scheduler'

export type SubscribeResult = Result<StoredFeed, MethodErrorCode<'addFeed'>>

export interface Syncer {
  subscribe(url: string, folder?: string[]): Promise<SubscribeResult>
  sync(
    feeds: readonly StoredFeed[],
    options?: { limits?: Partial<SchedulerLimits>; dueOnly?: boolean; force?: boolean },
  ): Promise<MethodResult<'syncAll'>>
  /** A sync is running (removing a feed waits for it, or its items would come back). */
  isSyncing(): boolean
}

export function createSyncer(deps: SyncDeps, hub: EventHub): Syncer {
  const { store } = deps
  let syncing = false

  return {
    isSyncing: () => syncing,

    async subscribe(url, folder = []) {
      if (store.feeds().some((feed) => feed.url === url)) {
        return fail('already-subscribed', 'You are already subscribed to this feed')
      }
      let id = feedIdFor(url)
      // A feed that moved (301) keeps its old id; a new subscription to that old URL needs another.
      for (let n = 2; store.feed(id); n++) id = feedIdFor(`${url}#${n}`)
      const fetched = await fetchAndPrepare(url, id, deps)
      if (!fetched.ok) {
        const { code, message, status } = fetched.error
        return fail(code as MethodErrorCode<'addFeed'>, message, status)
      }
      const { prepared } = fetched.value
      if (
        fetched.value.url !== url &&
        store.feeds().some((feed) => feed.url === fetched.value.url)
      ) {
        return fail(
          'already-subscribed',
          `This feed moved to ${fetched.value.url}, which you already follow`,
        )
      }
      const at = deps.now().toISOString()
      const feed: StoredFeed = {
        id,
        url: fetched.value.url,
        title: prepared.title,
        siteUrl: prepared.link,
        description: prepared.description,
        language: prepared.language,
        folder,
        addedAt: at,
        lastSuccessAt: at,
        lastError: null,
        nextCheckAt: nextCheckAfter(deps.now(), null),
        warnings: prepared.warnings,
        http: {
          etag: fetched.value.etag,
          lastModified: fetched.value.lastModified,
          bodyHash: fetched.value.bodyHash,
        },
      }
      await store.addFeed(feed)
      await store.upsertItems(feed.id, prepared.items)
      hub.emit('libraryChanged', { reason: 'feed-added' })
      return ok(feed)
    },

    async sync(feeds, { limits = {}, dueOnly = false, force = false } = {}) {
      if (syncing) return fail('busy', 'A sync is already running')
      syncing = true
      try {
        const summary: SyncSummary = {
          feeds: feeds.length,
          failed: 0,
          skipped: 0,
          newItems: 0,
          errors: [],
        }
        let done = 0
        hub.emit('syncProgress', { done, total: feeds.length, newItems: 0, feedId: null })
        await runPerHost(
          feeds.map((feed) => ({
            host: hostOf(feed.url),
            run: async () => {
              const outcome = await syncFeed(feed, deps, { dueOnly, force })
              summary.newItems += outcome.newItems
              if (outcome.skipped) summary.skipped++
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
            },
          })),
          { ...DEFAULT_LIMITS, ...limits },
        )
        await store.flush()
        hub.emit('libraryChanged', { reason: 'sync' })
        return ok(summary)
      } finally {
        syncing = false
      }
    },
  }
}
