// Stable identifiers. Feed and item ids are derived from what identifies them in the outside
// world (the feed URL; the item's guid, else link, else title+date), so re-syncing or re-adding
// gives the same ids and annotations stay attached.
import { createHash, randomUUID } from 'node:crypto'

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

export function feedIdFor(url: string): string {
  return `f-${sha256Hex(url).slice(0, 12)}`
}

export function itemIdFor(
  feedId: string,
  item: { guid: string | null; link: string | null; title: string; published: string | null },
): string {
  const key = item.guid || item.link || `${item.title}\n${item.published ?? ''}`
  return `i-${sha256Hex(`${feedId}\n${key}`).slice(0, 16)}`
}

export function newAnnotationId(): string {
  return `a-${randomUUID()}`
}
