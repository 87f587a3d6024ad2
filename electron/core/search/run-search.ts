// Runs a parsed query: ranks documents of the full-text index with BM25 (score-terms; title words
// weigh more, see FIELD_WEIGHTS), counting what matches in the item's highlights, notes, tags and
// feed title (read live from the store: small and often changed), drops excluded words, applies
// the filters on the store's current state, lists one story once across feeds, and makes
// snippets for the hits returned. Phrases are checked by word positions in ranking order, only
// until the hits shown are certain; the rest is counted from a sample (totalIsEstimate). A query
// of filters alone lists items newest first. Everything here reads; nothing writes.
import type { ItemSummary } from '../../../shared/domain'
import { hasText, type ParsedQuery } from '../../../shared/search/parse-query'
import { terms as termsOf } from '../../../shared/search/tokenize'
import { htmlToPlainText } from '../articles/html-to-text'
import { annotationCounts, toSummary } from '../library-views'
import type { ItemState, LibraryStore } from '../store/library-store'
import { makeSnippet, type HitWords } from './make-snippet'
import { bestOf, bestWithPhrases, PhraseCheck } from './rank-candidates'
import { Scorer, Scratch, type PositionsRecord, type SideText } from './score-terms'
import { filterOf, type ItemRef, type StateOf } from './search-filters'
import type { SearchIndex } from './search-index'

export const DEFAULT_LIMIT = 50
/** Words a prefix expands to, the most frequent first. */
const PREFIX_EXPANSIONS = 48
const MAX_CLAUSES = 32
/**
 * Phrase candidates left after the hits shown that are checked to count the rest: all of them
 * when they are this few, else this many spread over them, and the total is then an estimate.
 */
export const PHRASE_SAMPLE = 256

export type SnippetField = 'title' | 'body' | 'author' | 'feed' | 'highlight' | 'note'
export interface SearchHit {
  item: ItemSummary
  score: number
  snippets: { field: SnippetField; text: string; marks: [number, number][] }[]
}
export interface SearchOutcome {
  total: number
  /** Set when `total` is estimated (a phrase counted from a sample). */
  totalIsEstimate?: true
  hits: SearchHit[]
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

  private flat: { key: string; texts: SideText[] } | null = null

  texts(store: LibraryStore): SideText[] {
    // Unchanged annotations and feeds: the same list as last time, without walking 1,000 feeds.
    const key = `${store.revisions.annotations}:${store.revisions.feeds}`
    if (this.flat?.key === key) return this.flat.texts
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
    this.flat = { key, texts: out }
    return out
  }
}

/** Buffers reused by every query (runSearch runs to its end without yielding). */
const scratch = new Scratch()

/**
 * Per document: its story group when its story has several items, else −1 — found when first
 * asked and kept until the store's items change (story keys change only with them), so a
 * search during a build does not go over 100k documents again for each new chunk.
 */
const storyCache = new WeakMap<
  SearchIndex,
  { revision: number; groups: Int32Array; ids: Map<string, number> }
>()
const UNKNOWN = -2

function storyGroupsOf(index: SearchIndex, store: LibraryStore): (doc: number) => number {
  const revision = store.revisions.items
  let cache = storyCache.get(index)
  if (!cache || cache.revision !== revision) {
    cache = { revision, groups: new Int32Array(0), ids: new Map() }
    storyCache.set(index, cache)
  }
  if (cache.groups.length < index.documentLimit) {
    const groups = new Int32Array(
      Math.max(index.documentLimit, Math.ceil(cache.groups.length * 1.5)),
    )
    groups.fill(UNKNOWN).set(cache.groups)
    cache.groups = groups
  }
  const { groups, ids } = cache
  return (doc) => {
    const known = groups[doc]
    if (known !== UNKNOWN && known !== undefined) return known
    const ref = index.refOf(doc)
    if (!ref) return -1
    const key = ref.item.storyKey
    let group = -1
    if (key && store.storyItems(key).length >= 2) {
      group = ids.get(key) ?? ids.size
      ids.set(key, group)
    }
    groups[doc] = group
    return group
  }
}

/** Items' read/starred state by document, until any state changes (is: over 20k hits). */
const stateCache = new WeakMap<SearchIndex, { revision: number; states: ItemState[] }>()

function cachedStateOf(index: SearchIndex, store: LibraryStore): StateOf {
  const revision = store.revisions.state
  let cache = stateCache.get(index)
  if (!cache || cache.revision !== revision)
    stateCache.set(index, (cache = { revision, states: [] }))
  const states = cache.states
  return (ref, doc) => {
    if (doc === undefined) return store.itemState(ref.feedId, ref.item.id)
    return (states[doc] ??= store.itemState(ref.feedId, ref.item.id))
  }
}

/** Plain text of recently shown bodies, by body hash (typing re-runs a search many times). */
const plainTexts = new Map<string, string | null>()
const PLAIN_TEXTS_KEPT = 256

function plainTextOf(
  store: LibraryStore,
  hash: string,
  ref: Parameters<LibraryStore['bodies']['getSync']>[1],
): string | null {
  let text = plainTexts.get(hash)
  if (text !== undefined) {
    plainTexts.delete(hash)
  } else {
    const html = store.bodies.getSync(hash, ref)
    text = html ? htmlToPlainText(html) : null
    // A missing body is not kept: the next sync may bring it back.
    if (text === null) return null
  }
  plainTexts.set(hash, text)
  if (plainTexts.size > PLAIN_TEXTS_KEPT) plainTexts.delete(plainTexts.keys().next().value!)
  return text
}

/** The words a prefix stands for: its most frequent completions anywhere. */
function expandPrefix(scorer: Scorer, prefix: string): string[] {
  const found = new Map<string, number>()
  for (const source of scorer.sources) {
    const [from, to] = source.prefixRange(prefix)
    for (let i = from; i < to; i++) {
      const term = source.term(i)
      found.set(term, (found.get(term) ?? 0) + source.documentFrequency(i))
    }
  }
  for (const side of scorer.side)
    for (const term of side.terms)
      if (term.startsWith(prefix)) found.set(term, found.get(term) ?? 1)
  for (const words of scorer.feedTerms.values())
    for (const term of words) if (term.startsWith(prefix)) found.set(term, found.get(term) ?? 1)
  return [...found.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, PREFIX_EXPANSIONS)
    .map(([term]) => term)
}

/**
 * Flags (in scratch.flags) the documents with any of the excluded words or phrases, looking
 * at phrases only in `candidates` (null: every document).
 */
function excludedFlags(
  scorer: Scorer,
  excluded: readonly string[][],
  candidates: Int32Array | null,
  count: number,
  /** The first positions record free for these phrases' words. */
  firstSlot: number,
): Uint8Array {
  const flags = scratch.flags
  flags.fill(0, 0, scorer.size)
  let recordSlot = firstSlot
  for (const words of excluded) {
    if (words.length === 1) {
      scorer.mark(words[0]!, flags)
      continue
    }
    const records = words.map((word) => {
      const record = scratch.record(recordSlot++, scorer.size, scorer.sources.length)
      scorer.mark(word, null, record)
      return record
    })
    const phrase = new PhraseCheck(scorer, words, records)
    if (candidates) {
      for (let k = 0; k < count; k++) if (phrase.has(candidates[k]!)) flags[candidates[k]!] = 1
    } else {
      for (let doc = 0; doc < scorer.size; doc++) if (phrase.has(doc)) flags[doc] = 1
    }
  }
  return flags
}

export interface SearchOptions {
  /** See PHRASE_SAMPLE (tests lower it). */
  phraseSample?: number
}

export async function runSearch(
  index: SearchIndex,
  store: LibraryStore,
  annotations: AnnotationTexts,
  query: ParsedQuery,
  limit = DEFAULT_LIMIT,
  options: SearchOptions = {},
): Promise<SearchOutcome> {
  const keep = filterOf(store, query.filters, cachedStateOf(index, store))
  const scorer = new Scorer(
    index,
    index.sources(),
    annotations.texts(store),
    annotations.feedTerms(store),
    scratch,
  )
  const size = scorer.size
  if (!hasText(query)) return listFiltered(index, store, scorer, query, keep, limit)

  // Score every clause (a word, a phrase's word, the prefix), noting which documents have each.
  let recordSlot = 0
  const records = new Map<string, PositionsRecord>()
  const phraseWords = new Set(query.phrases.filter((p) => p.length > 1).flat())
  const recordOf = (term: string): PositionsRecord | undefined => {
    if (!phraseWords.has(term)) return undefined
    let record = records.get(term)
    if (!record) {
      record = scratch.record(recordSlot++, size, scorer.sources.length)
      records.set(term, record)
    }
    return record
  }
  const clauses: ((bit: number) => void)[] = []
  for (const term of new Set(query.terms)) clauses.push((bit) => scorer.term(term, bit))
  for (const phrase of query.phrases)
    for (const term of new Set(phrase))
      clauses.push((bit) => scorer.term(term, bit, 1, false, recordOf(term)))
  if (query.prefix !== null) {
    const prefix = query.prefix
    const expansions = prefix.length >= 2 ? expandPrefix(scorer, prefix) : [prefix]
    clauses.push((bit) => scorer.prefix(expansions, prefix, bit))
  }
  const used = clauses.slice(0, MAX_CLAUSES)
  used.forEach((run, i) => run((2 ** i) >>> 0))
  const all = used.length === 32 ? 0xffffffff : 2 ** used.length - 1

  // Documents with every clause, minus excluded ones, that pass the filters.
  const { matched, scores } = scorer
  const live = index.liveView()
  const candidates = scratch.candidates
  let count = 0
  for (let doc = 0; doc < size; doc++)
    if (matched[doc] === all && live[doc] === 1) candidates[count++] = doc
  const excluded = query.excluded.length
    ? excludedFlags(scorer, query.excluded, candidates, count, recordSlot)
    : null
  let kept = 0
  for (let k = 0; k < count; k++) {
    const doc = candidates[k]!
    if (excluded && excluded[doc]) continue
    const ref = index.refOf(doc)
    if (!ref || (keep && !keep(ref, doc))) continue
    candidates[kept++] = doc
  }

  const dateOf = (doc: number): string => {
    const item = index.refOf(doc)!.item
    return item.published ?? item.firstSeenAt
  }
  const better = (a: number, b: number): boolean =>
    scores[a] !== scores[b] ? scores[a]! > scores[b]! : dateOf(a) > dateOf(b)
  const groupOf = storyGroupsOf(index, store)
  const phrases = query.phrases
    .filter((p) => p.length > 1)
    .map(
      (p) =>
        new PhraseCheck(
          scorer,
          p,
          p.map((term) => records.get(term)!),
        ),
    )
  const ranking = phrases.length
    ? bestWithPhrases(
        candidates,
        kept,
        limit,
        groupOf,
        better,
        phrases,
        options.phraseSample ?? PHRASE_SAMPLE,
      )
    : bestOf(candidates, kept, limit, groupOf, better)

  const words: HitWords = {
    terms: new Set([...query.terms, ...query.phrases.flat()]),
    prefix: query.prefix,
  }
  const hits = hitsOf(
    store,
    ranking.top.map((doc) => ({ ref: index.refOf(doc)!, score: scores[doc]! })),
    words,
  )
  return {
    total: ranking.total,
    ...(ranking.estimate ? { totalIsEstimate: true as const } : {}),
    hits,
  }
}

/** A query of filters (and -words) alone: matching items newest first. */
function listFiltered(
  index: SearchIndex,
  store: LibraryStore,
  scorer: Scorer,
  query: ParsedQuery,
  keep: ((ref: ItemRef, doc?: number) => boolean) | null,
  limit: number,
): SearchOutcome {
  const excluded = query.excluded.length ? excludedFlags(scorer, query.excluded, null, 0, 0) : null
  const ranked: Ranked[] = []
  for (const feed of store.feeds()) {
    for (const item of store.items(feed.id)) {
      const ref = { feedId: feed.id, item }
      if (keep && !keep(ref)) continue
      const doc = index.docOf(item.id)
      if (excluded && doc !== undefined && excluded[doc]) continue
      ranked.push({ ref, score: 0 })
    }
  }
  // One story (the same canonical URL in several feeds) is one hit: its newest copy.
  const better = (a: Ranked, b: Ranked): boolean => dateOf(a.ref) > dateOf(b.ref)
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
  return { total: unique.length, hits: hitsOf(store, top, null) }
}

interface Ranked {
  ref: ItemRef
  score: number
}

function hitsOf(store: LibraryStore, top: readonly Ranked[], words: HitWords | null): SearchHit[] {
  const counts = new Map<string, Map<string, number>>()
  return top.map(({ ref, score }) => {
    let feedCounts = counts.get(ref.feedId)
    if (!feedCounts) counts.set(ref.feedId, (feedCounts = annotationCounts(store, ref.feedId)))
    return {
      item: toSummary(store, ref.feedId, ref.item, feedCounts.get(ref.item.id) ?? 0),
      score: Math.round(score * 1000) / 1000,
      snippets: words ? snippetsOf(store, ref, words) : [],
    }
  })
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
  if (full?.status === 'available')
    inBody = add('body', plainTextOf(store, full.bodyHash, full.body))
  if (!inBody) add('body', plainTextOf(store, item.bodyHash, item.body) ?? item.snippet)
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
