// Turns stored rows into the contract's domain values (Feed, ItemSummary, Article). The one place
// that knows both shapes, so the store can change without the renderer noticing.
import type { Annotation, Feed, ItemSummary } from '../../shared/domain'
import { toAnnotation } from './annotations/stored-annotation'
import type { LibraryStore, StoredFeed, StoredItem } from './store/library-store'

export function toFeed(store: LibraryStore, feed: StoredFeed): Feed {
  // Counted from the catalog for a feed not loaded yet; recounted only when the feed changes.
  const itemCount = store.itemCount(feed.id)
  const unread = itemCount - store.readCount(feed.id)
  return {
    id: feed.id,
    url: feed.url,
    title: feed.title || feed.url,
    siteUrl: feed.siteUrl,
    description: feed.description,
    folder: feed.folder ?? [],
    retention: feed.retention ?? { mode: 'all' },
    alwaysFullText: Boolean(feed.alwaysFullText),
    addedAt: feed.addedAt,
    lastSuccessAt: feed.lastSuccessAt,
    lastError: feed.lastError,
    nextCheckAt: feed.nextCheckAt ?? null,
    gone: Boolean(feed.gone),
    warnings: feed.warnings ?? [],
    itemCount,
    unreadCount: unread,
    annotationCount: store.annotations(feed.id).length,
  }
}

export function annotationCounts(store: LibraryStore, feedId: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const a of store.annotations(feedId)) counts.set(a.itemId, (counts.get(a.itemId) ?? 0) + 1)
  return counts
}

export function toSummary(
  store: LibraryStore,
  feedId: string,
  item: StoredItem,
  annotationCount: number,
): ItemSummary {
  const feed = store.feed(feedId)
  const state = store.itemState(feedId, item.id)
  const alsoIn = item.storyKey
    ? store
        .storyItems(item.storyKey)
        .filter((other) => other.itemId !== item.id)
        .map((other) => ({
          itemId: other.itemId,
          feedId: other.feedId,
          feedTitle: store.feed(other.feedId)?.title ?? '',
        }))
    : []
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
    alsoIn,
  }
}

export function summaryOf(store: LibraryStore, itemId: string): ItemSummary | null {
  const found = store.findItem(itemId)
  if (!found) return null
  return toSummary(
    store,
    found.feedId,
    found.item,
    annotationCounts(store, found.feedId).get(itemId) ?? 0,
  )
}

export function sortedAnnotations(
  store: LibraryStore,
  feedId: string,
  itemId: string,
): Annotation[] {
  return store
    .annotations(feedId)
    .filter((a) => a.itemId === itemId)
    .map(toAnnotation)
    .sort((a, b) => a.target.position.start - b.target.position.start)
}
