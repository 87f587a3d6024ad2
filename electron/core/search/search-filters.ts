// The search's filters (feed:, folder:, is:, tag:, after:, before:) as one predicate over an
// item as the store has it now, or null when the query has none. The cheap tests run first.
import { terms as termsOf } from '../../../shared/search/tokenize'
import type { SearchFilters } from '../../../shared/search/parse-query'
import type { ItemState, LibraryStore, StoredItem } from '../store/library-store'

export interface ItemRef {
  feedId: string
  item: StoredItem
}

function feedMatches(store: LibraryStore, wanted: string[]): Set<string> | null {
  if (wanted.length === 0) return null
  let allowed: Set<string> | undefined
  for (const value of wanted) {
    const words = termsOf(value)
    const ids = new Set<string>()
    for (const feed of store.feeds()) {
      const title = termsOf(feed.title || feed.url)
      if (feed.id === value || (words.length > 0 && words.every((w) => title.includes(w))))
        ids.add(feed.id)
    }
    allowed = allowed ? new Set([...allowed].filter((id) => ids.has(id))) : ids
  }
  return allowed ?? null
}

function folderMatches(store: LibraryStore, wanted: string[]): Set<string> | null {
  if (wanted.length === 0) return null
  const ids = new Set<string>()
  for (const feed of store.feeds()) {
    const folder = (feed.folder ?? []).map((name) => name.toLowerCase())
    const path = folder.join('/')
    const ok = wanted.every((value) => {
      const v = value.toLowerCase().replace(/^\/+|\/+$/g, '')
      return folder.includes(v) || path === v || path.startsWith(`${v}/`)
    })
    if (ok) ids.add(feed.id)
  }
  return ids
}

/** A predicate for the filters, over the store's state as it is now. */
/** An item's read/starred state; `doc` lets a caller cache it by document. */
export type StateOf = (ref: ItemRef, doc?: number) => ItemState

export function filterOf(
  store: LibraryStore,
  filters: SearchFilters,
  stateOf: StateOf = (ref) => store.itemState(ref.feedId, ref.item.id),
): ((ref: ItemRef, doc?: number) => boolean) | null {
  const feeds = feedMatches(store, filters.feeds)
  const folders = folderMatches(store, filters.folders)
  const needsAnnotations = filters.is.includes('annotated') || filters.tags.length > 0
  const annotated = new Map<string, Set<string>>()
  if (needsAnnotations) {
    for (const feed of store.feeds())
      for (const a of store.annotations(feed.id)) {
        let tags = annotated.get(a.itemId)
        if (!tags) annotated.set(a.itemId, (tags = new Set()))
        for (const tag of a.tags) tags.add(tag.toLowerCase())
      }
  }
  const after = filters.after
  const before = filters.before
  if (!feeds && !folders && !filters.is.length && !filters.tags.length && !after && !before)
    return null
  return (ref, doc) => {
    const { feedId, item } = ref
    if (feeds && !feeds.has(feedId)) return false
    if (folders && !folders.has(feedId)) return false
    if (after || before) {
      // Stored dates are ISO 8601 UTC (toISOString), so they compare as strings.
      const date = item.published ?? item.firstSeenAt
      if (after && date < after) return false
      if (before && date >= before) return false
    }
    if (filters.is.length) {
      const state = stateOf(ref, doc)
      for (const is of filters.is) {
        if (is === 'unread' && state.read) return false
        if (is === 'read' && !state.read) return false
        if (is === 'starred' && !state.starred) return false
        if (is === 'annotated' && !annotated.has(item.id)) return false
      }
    }
    if (filters.tags.length) {
      const tags = annotated.get(item.id)
      if (!tags || !filters.tags.every((tag) => tags.has(tag))) return false
    }
    return true
  }
}
