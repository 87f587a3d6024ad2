// Runs a parsed query: ranks documents of the full-text index with BM25 (title words weigh more,
// see FIELD_WEIGHTS), adds what matches in the item's highlights, notes, tags and feed title
// (read live from the store: small and often changed), checks phrases by word positions, drops
// excluded words, applies the filters on the store's current state, lists one story once across
// feeds, and makes snippets for the hits returned. A query of filters alone lists items newest
// first. Everything here reads; nothing writes.
import type { ItemSummary } from '../../../shared/domain'
import { hasText, type ParsedQuery, type SearchFilters } from '../../../shared/search/parse-query'
import { terms as termsOf } from '../../../shared/search/tokenize'
import { htmlToPlainText } from '../articles/html-to-text'
import { annotationCounts, toSummary } from '../library-views'
import type { LibraryStore, StoredItem } from '../store/library-store'
import { makeSnippet, type HitWords } from './make-snippet'
import { decodePositions, decodePostings, type PostingsSource } from './postings'
import type { SearchIndex } from './search-index'

export const DEFAULT_LIMIT = 50
const K1 = 1.2
const B = 0.75
/** A word in a highlight, note or tag counts like this many in the title-weighted body. */
const ANNOTATION_WEIGHT = 6
const FEED_TITLE_WEIGHT = 2
/** Words a prefix expands to, the most frequent first. */
const PREFIX_EXPANSIONS = 48
const MAX_CLAUSES = 32

export type SnippetField = 'title' | 'body' | 'author' | 'feed' | 'highlight' | 'note'
export interface SearchHit {
  item: ItemSummary
  score: number
  snippets: { field: SnippetField; text: string; marks: [number, number][] }[]
}
export interface SearchOutcome {
  total: number
  hits: SearchHit[]
}

interface SideText {
  itemId: string
  feedId: string
  field: 'highlight' | 'note' | 'tag'
  text: string
  terms: string[]
}

/** Words of highlights, notes and tags, per feed, re-read only when a feed's list changed. */
export class AnnotationTexts {
  private readonly byFeed = new Map<
    string,
    { list: readonly unknown[]; size: number; texts: SideText[] }
  >()

  private readonly titleTerms = new Map<string, string[]>()

  /** Each feed's title words (cached by title: a rename is seen at once). */
  feedTerms(store: LibraryStore): Map<string, string[]> {
    const out = new Map<string, string[]>()
    for (const feed of store.feeds()) {
      const title = feed.title || feed.url
      let words = this.titleTerms.get(title)
      if (!words) this.titleTerms.set(title, (words = termsOf(title)))
      out.set(feed.id, words)
    }
    return out
  }

  texts(store: LibraryStore): SideText[] {
    const out: SideText[] = []
    for (const feed of store.feeds()) {
      const list = store.annotations(feed.id)
      let cached = this.byFeed.get(feed.id)
      if (!cached || cached.list !== list || cached.size !== list.length) {
        const texts: SideText[] = []
        for (const a of list) {
          const add = (field: SideText['field'], text: string): void => {
            if (text)
              texts.push({ itemId: a.itemId, feedId: a.feedId, field, text, terms: termsOf(text) })
          }
          add('highlight', a.target.quote.exact)
          add('note', a.note)
          for (const tag of a.tags) add('tag', tag)
        }
        this.byFeed.set(feed.id, (cached = { list, size: list.length, texts }))
      }
      out.push(...cached.texts)
    }
    return out
  }
}

interface Context {
  index: SearchIndex
  store: LibraryStore
  sources: PostingsSource[]
  side: SideText[]
  feedTerms: Map<string, string[]>
  scores: Float64Array
  matched: Uint32Array
}

function idf(context: Context, df: number): number {
  const n = Math.max(context.index.documentCount, df)
  return Math.log(1 + (n - df + 0.5) / (df + 0.5))
}

function documentFrequency(context: Context, term: string): number {
  let df = 0
  for (const source of context.sources) {
    const i = source.find(term)
    if (i >= 0) df += source.documentFrequency(i)
  }
  return df
}

/** Adds one word's BM25 score to every document that has it, marking clause `bit` matched. */
function scoreTerm(
  context: Context,
  term: string,
  bit: number,
  factor = 1,
  /** Keep the larger score instead of adding (a prefix's completions). */
  max = false,
): void {
  const { index, scores, matched } = context
  const put = max
    ? (doc: number, score: number) => {
        if (score > scores[doc]!) scores[doc] = score
      }
    : (doc: number, score: number) => {
        scores[doc]! += score
      }
  const weight = idf(context, documentFrequency(context, term)) * factor
  const average = index.averageLength
  for (const source of context.sources) {
    const i = source.find(term)
    if (i < 0) continue
    const { docs, weights } = decodePostings(source.postings(i))
    for (let k = 0; k < docs.length; k++) {
      const doc = docs[k]!
      if (index.itemOf(doc) === null) continue
      const tf = weights[k]!
      const norm = K1 * (1 - B + (B * index.lengthOf(doc)) / average)
      put(doc, (weight * tf * (K1 + 1)) / (tf + norm))
      matched[doc]! |= bit
    }
  }
  for (const side of context.side) {
    if (!side.terms.includes(term)) continue
    const doc = index.docOf(side.itemId)
    if (doc === undefined) continue
    put(doc, weight * ANNOTATION_WEIGHT * 0.5)
    matched[doc]! |= bit
  }
  for (const [feedId, words] of context.feedTerms) {
    if (!words.includes(term)) continue
    for (const doc of index.docsOf(feedId)) {
      put(doc, weight * FEED_TITLE_WEIGHT * 0.25)
      matched[doc]! |= bit
    }
  }
}

/** The words a prefix stands for: its most frequent completions anywhere. */
function expandPrefix(context: Context, prefix: string): string[] {
  const found = new Map<string, number>()
  for (const source of context.sources) {
    const [from, to] = source.prefixRange(prefix)
    for (let i = from; i < to; i++) {
      const term = source.term(i)
      found.set(term, (found.get(term) ?? 0) + source.documentFrequency(i))
    }
  }
  for (const side of context.side)
    for (const term of side.terms)
      if (term.startsWith(prefix)) found.set(term, found.get(term) ?? 1)
  for (const words of context.feedTerms.values())
    for (const term of words) if (term.startsWith(prefix)) found.set(term, found.get(term) ?? 1)
  return [...found.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, PREFIX_EXPANSIONS)
    .map(([term]) => term)
}

function containsSequence(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer
    return true
  }
  return false
}

/** Of `candidates` (flags by document), the documents where the phrase's words stand in order. */
function withPhrase(context: Context, phrase: string[], candidates: Uint8Array): Uint8Array {
  const { index } = context
  const found = new Uint8Array(candidates.length)
  for (const source of context.sources) {
    const lists = phrase.map((term) => {
      const i = source.find(term)
      if (i < 0) return null
      return { postings: decodePostings(source.postings(i)), bytes: null as Uint8Array | null, i }
    })
    if (lists.some((list) => list === null)) continue
    // Walk the rarest word's documents; look the others up by binary search.
    const rarest = lists.reduce((a, b) =>
      b!.postings.docs.length < a!.postings.docs.length ? b : a,
    )!
    for (const doc of rarest.postings.docs) {
      if (!candidates[doc] || found[doc]) continue
      const positions: number[][] = []
      for (const list of lists) {
        const at = binarySearch(list!.postings.docs, doc)
        if (at < 0) break
        list!.bytes ??= source.positions(list!.i)
        positions.push(decodePositions(list!.bytes, list!.postings.positionStarts[at]!))
      }
      if (positions.length !== phrase.length) continue
      const inOrder = positions[0]!.some((p) =>
        positions.every((later, n) => n === 0 || sortedHas(later, p + n)),
      )
      if (inOrder) found[doc] = 1
    }
  }
  for (const side of context.side) {
    const doc = index.docOf(side.itemId)
    if (doc !== undefined && candidates[doc] && containsSequence(side.terms, phrase)) found[doc] = 1
  }
  for (const [feedId, words] of context.feedTerms) {
    if (!containsSequence(words, phrase)) continue
    for (const doc of index.docsOf(feedId)) if (candidates[doc]) found[doc] = 1
  }
  return found
}

function sortedHas(values: readonly number[], value: number): boolean {
  let lo = 0
  let hi = values.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = values[mid]!
    if (v === value) return true
    if (v < value) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

function binarySearch(values: Uint32Array, value: number): number {
  let lo = 0
  let hi = values.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = values[mid]!
    if (v === value) return mid
    if (v < value) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** Documents (flags) that have every word of `words` (in this order when there are several). */
function documentsWith(context: Context, words: string[]): Uint8Array {
  const distinct = [...new Set(words)]
  const counts = new Uint8Array(context.matched.length)
  for (const term of distinct) {
    context.matched.fill(0)
    scoreTerm(context, term, 1)
    for (let doc = 0; doc < counts.length; doc++) if (context.matched[doc]) counts[doc]!++
  }
  const all = new Uint8Array(counts.length)
  for (let doc = 0; doc < counts.length; doc++) if (counts[doc] === distinct.length) all[doc] = 1
  return words.length > 1 ? withPhrase(context, words, all) : all
}

// ---- filters ----

interface ItemRef {
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
function filterOf(store: LibraryStore, filters: SearchFilters): (ref: ItemRef) => boolean {
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
  return ({ feedId, item }) => {
    if (feeds && !feeds.has(feedId)) return false
    if (folders && !folders.has(feedId)) return false
    if (filters.is.length) {
      const state = store.itemState(feedId, item.id)
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
    if (after || before) {
      // Stored dates are ISO 8601 UTC (toISOString), so they compare as strings.
      const date = item.published ?? item.firstSeenAt
      if (after && date < after) return false
      if (before && date >= before) return false
    }
    return true
  }
}

// ---- the search ----

export async function runSearch(
  index: SearchIndex,
  store: LibraryStore,
  annotations: AnnotationTexts,
  query: ParsedQuery,
  limit = DEFAULT_LIMIT,
): Promise<SearchOutcome> {
  const keep = filterOf(store, query.filters)
  const ranked: Ranked[] = []
  const feedTerms = annotations.feedTerms(store)
  const side = annotations.texts(store)
  const size = index.documentLimit
  const context: Context = {
    index,
    store,
    sources: index.sources(),
    side,
    feedTerms,
    scores: new Float64Array(size),
    matched: new Uint32Array(size),
  }

  if (hasText(query)) {
    const clauses: { bit: number; run: (bit: number) => void }[] = []
    for (const term of new Set(query.terms))
      clauses.push({ bit: 0, run: (bit) => scoreTerm(context, term, bit) })
    for (const phrase of query.phrases)
      for (const term of new Set(phrase))
        clauses.push({ bit: 0, run: (bit) => scoreTerm(context, term, bit) })
    if (query.prefix !== null) {
      const prefix = query.prefix
      const expansions = prefix.length >= 2 ? expandPrefix(context, prefix) : [prefix]
      clauses.push({
        bit: 0,
        run: (bit) => {
          // A document counts the best completion it has, not the sum of all of them.
          const total = context.scores
          const best = (context.scores = new Float64Array(size))
          for (const term of expansions)
            scoreTerm(context, term, bit, term === prefix ? 1 : 0.9, true)
          context.scores = total
          for (let d = 0; d < size; d++) total[d]! += best[d]!
        },
      })
    }
    const used = clauses.slice(0, MAX_CLAUSES)
    used.forEach((clause, i) => clause.run((clause.bit = 2 ** i) >>> 0))
    const all = used.length === 32 ? 0xffffffff : 2 ** used.length - 1
    let candidates: Uint8Array = new Uint8Array(size)
    for (let doc = 0; doc < size; doc++) if (context.matched[doc] === all) candidates[doc] = 1
    for (const phrase of query.phrases) {
      if (phrase.length > 1) candidates = withPhrase(context, phrase, candidates)
    }
    const scores = context.scores
    for (const words of query.excluded) {
      const saved = { scores: context.scores, matched: context.matched }
      context.scores = new Float64Array(size)
      context.matched = new Uint32Array(size)
      const excluded = documentsWith(context, words)
      for (let doc = 0; doc < size; doc++) if (excluded[doc]) candidates[doc] = 0
      Object.assign(context, saved)
    }
    for (let doc = 0; doc < size; doc++) {
      if (!candidates[doc]) continue
      const ref = index.refOf(doc)
      if (ref && keep(ref)) ranked.push({ ref, score: scores[doc]! })
    }
  } else {
    const excluded = new Uint8Array(size)
    for (const words of query.excluded) {
      const found = documentsWith(context, words)
      for (let doc = 0; doc < size; doc++) if (found[doc]) excluded[doc] = 1
    }
    for (const feed of store.feeds()) {
      for (const item of store.items(feed.id)) {
        const ref = { feedId: feed.id, item }
        if (!keep(ref)) continue
        const doc = index.docOf(item.id)
        if (doc !== undefined && excluded[doc]) continue
        ranked.push({ ref, score: 0 })
      }
    }
  }

  // One story (the same canonical URL in several feeds) is one hit: its best-ranked copy.
  const better = (a: Ranked, b: Ranked): boolean =>
    a.score !== b.score ? a.score > b.score : dateOf(a.ref) > dateOf(b.ref)
  const bestOfStory = new Map<string, Ranked>()
  const unique: Ranked[] = []
  for (const entry of ranked) {
    const key = entry.ref.item.storyKey
    if (!key || store.storyItems(key).length < 2) unique.push(entry)
    else {
      const known = bestOfStory.get(key)
      if (!known || better(entry, known)) bestOfStory.set(key, entry)
    }
  }
  unique.push(...bestOfStory.values())
  const top = topK(unique, limit, better)
  const words: HitWords = {
    terms: new Set([...query.terms, ...query.phrases.flat()]),
    prefix: query.prefix,
  }
  const counts = new Map<string, Map<string, number>>()
  const hits: SearchHit[] = []
  for (const { ref, score } of top) {
    let feedCounts = counts.get(ref.feedId)
    if (!feedCounts) counts.set(ref.feedId, (feedCounts = annotationCounts(store, ref.feedId)))
    hits.push({
      item: toSummary(store, ref.feedId, ref.item, feedCounts.get(ref.item.id) ?? 0),
      score: Math.round(score * 1000) / 1000,
      snippets: hasText(query) ? snippetsOf(store, ref, words) : [],
    })
  }
  return { total: unique.length, hits }
}

interface Ranked {
  ref: ItemRef
  score: number
}

/** The best `k` of `entries`, best first, without sorting them all (100k hits, 50 shown). */
export function topK<T>(entries: readonly T[], k: number, better: (a: T, b: T) => boolean): T[] {
  // A min-heap of the best so far: its root is the worst of them.
  const heap: T[] = []
  const worse = (i: number, j: number): boolean => better(heap[j]!, heap[i]!)
  const swap = (i: number, j: number): void => {
    const t = heap[i]!
    heap[i] = heap[j]!
    heap[j] = t
  }
  for (const entry of entries) {
    if (heap.length < k) {
      heap.push(entry)
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1)
        swap(i, (i - 1) >> 1)
    } else if (k > 0 && better(entry, heap[0]!)) {
      heap[0] = entry
      for (let i = 0; ;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < heap.length && worse(l, m)) m = l
        if (r < heap.length && worse(r, m)) m = r
        if (m === i) break
        swap(i, m)
        i = m
      }
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
}

function dateOf(ref: ItemRef): string {
  return ref.item.published ?? ref.item.firstSeenAt
}

function snippetsOf(store: LibraryStore, ref: ItemRef, words: HitWords): SearchHit['snippets'] {
  const out: SearchHit['snippets'] = []
  const add = (field: SnippetField, text: string | null): boolean => {
    const snippet = text ? makeSnippet(text, words) : null
    if (snippet) out.push({ field, ...snippet })
    return snippet !== null
  }
  const { item } = ref
  add('title', item.title)
  add('author', item.author)
  const full = item.fullText
  let inBody = false
  if (full?.status === 'available') {
    const html = store.bodies.getSync(full.bodyHash, full.body)
    inBody = add('body', html ? htmlToPlainText(html) : null)
  }
  if (!inBody) {
    const html = store.bodies.getSync(item.bodyHash, item.body)
    add('body', html ? htmlToPlainText(html) : item.snippet)
  }
  for (const a of store.annotations(ref.feedId)) {
    if (a.itemId !== item.id) continue
    add('highlight', a.target.quote.exact)
    add('note', a.note)
    if (out.length >= 6) break
  }
  const feed = store.feed(ref.feedId)
  add('feed', feed ? feed.title || feed.url : null)
  return out
}
