// One feed's CPU and body-writing work, as a job for a worker thread: hash the fetched bytes
// (unchanged since the last sync → done), prepare the feed (decode, parse, items), write the
// bodies not already stored as one pack, and hand back only the item metadata (with where each
// new body is). Keeping bodies on the worker spares the thread that serves the UI both the
// copying and the writing.
import { ok, type ReaderError } from '../../../shared/result'
import { sha256Hex } from '../ids'
import { BodyStore } from '../store/body-store'
import type { StoredItem } from '../store/library-store'
import { prepareFeed, type NotAFeed, type PrepareInput, type PreparedFeed } from './prepare-feed'

export interface FeedJob {
  input: PrepareInput
  /** The library's bodies/ folder. */
  bodiesDir: string
  /** Hash of the bytes parsed last time: the same bytes again need no parsing. */
  previousBodyHash: string | null
  /** Bodies this feed already has on disk (by hash): not written again. */
  storedBodies: string[]
}

export type PreparedFeedItems = Omit<PreparedFeed, 'items'> & { items: StoredItem[] }

export type FeedJobValue =
  | { unchanged: true; bodyHash: string }
  | { unchanged: false; bodyHash: string; feed: PreparedFeedItems }

export type FeedJobResult =
  | { ok: true; value: FeedJobValue }
  | NotAFeed
  | { ok: false; error: ReaderError<'timeout' | 'internal'> }

const bodyStores = new Map<string, BodyStore>()

export async function processFeedJob(job: FeedJob): Promise<FeedJobResult> {
  const bodyHash = sha256Hex(job.input.bytes)
  if (bodyHash === job.previousBodyHash) return ok({ unchanged: true, bodyHash })
  const prepared = await prepareFeed(job.input)
  if (!prepared.ok) return prepared
  let bodies = bodyStores.get(job.bodiesDir)
  if (!bodies) bodyStores.set(job.bodiesDir, (bodies = new BodyStore(job.bodiesDir)))
  const stored = new Set(job.storedBodies)
  const fresh = prepared.value.items
    .filter(({ item }) => !stored.has(item.bodyHash))
    .map(({ item, html }) => ({ hash: item.bodyHash, html }))
  const refs = bodies.writePack(fresh)
  return ok({
    unchanged: false,
    bodyHash,
    feed: {
      ...prepared.value,
      items: prepared.value.items.map(({ item }) => {
        const body = refs.get(item.bodyHash)
        return body ? { ...item, body } : item
      }),
    },
  })
}
