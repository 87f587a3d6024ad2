// One feed's CPU and body-writing work, as a job for a worker thread: hash the fetched bytes
// (unchanged since the last sync → done), prepare the feed (decode, parse, items), write the new
// bodies content-addressed, and hand back only the item metadata. Keeping bodies on the worker
// spares the thread that serves the UI both the copying and the 50k file writes of a cold sync.
import { ok, type Result } from '../../../shared/result'
import { sha256Hex } from '../ids'
import { BodyStore } from '../store/body-store'
import type { StoredItem } from '../store/library-store'
import { prepareFeed, type PrepareInput, type PreparedFeed } from './prepare-feed'

export interface FeedJob {
  input: PrepareInput
  /** The library's bodies/ folder. */
  bodiesDir: string
  /** Hash of the bytes parsed last time: the same bytes again need no parsing. */
  previousBodyHash: string | null
}

export type PreparedFeedItems = Omit<PreparedFeed, 'items'> & { items: StoredItem[] }

export type FeedJobValue =
  | { unchanged: true; bodyHash: string }
  | { unchanged: false; bodyHash: string; feed: PreparedFeedItems }

export type FeedJobResult = Result<FeedJobValue, 'not-a-feed' | 'timeout' | 'internal'>

/** Bodies written at once by one job (the libuv pool has four threads; more only queue). */
const BODY_WRITES_IN_FLIGHT = 8

const bodyStores = new Map<string, BodyStore>()

export async function processFeedJob(job: FeedJob): Promise<FeedJobResult> {
  const bodyHash = sha256Hex(job.input.bytes)
  if (bodyHash === job.previousBodyHash) return ok({ unchanged: true, bodyHash })
  const prepared = await prepareFeed(job.input)
  if (!prepared.ok) return prepared
  let bodies = bodyStores.get(job.bodiesDir)
  if (!bodies) bodyStores.set(job.bodiesDir, (bodies = new BodyStore(job.bodiesDir)))
  const store = bodies
  const queue = [...prepared.value.items]
  await Promise.all(
    Array.from({ length: BODY_WRITES_IN_FLIGHT }, async () => {
      // Every body is offered: an existing one costs one failed exclusive create, and one lost
      // in a crash is written again.
      for (let next = queue.shift(); next; next = queue.shift())
        await store.putHashed(next.item.bodyHash, next.html)
    }),
  )
  return ok({
    unchanged: false,
    bodyHash,
    feed: { ...prepared.value, items: prepared.value.items.map((p) => p.item) },
  })
}
