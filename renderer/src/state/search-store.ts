// Search as the UI sees it: the one query (free words plus filter words), its results, and which
// hit is open. Typing runs the query after a short pause; an answer to an older query is dropped.
import { create } from 'zustand'
import type { MethodValue } from '../../../shared/contract'
import { reader } from '../api/reader'
import { describeError } from './describe-error'
import { useReader } from './reader-store'

type SearchResult = MethodValue<'search'>

/** Pause after the last keystroke before searching: fast typists do not query every letter. */
const TYPING_PAUSE_MS = 120
/** Hits fetched at first, and added by "More results": snippets are made for these only. */
const PAGE = 30

interface SearchState {
  query: string
  result: SearchResult | null
  error: string | null
  pending: boolean
  /** Index of the open hit in result.hits. */
  selected: number | null
  /** Hits asked for: PAGE, growing by PAGE with each "More results". */
  limit: number
  setQuery(query: string): void
  more(): Promise<void>
  run(): Promise<void>
  clear(): void
  open(index: number): Promise<void>
  move(delta: 1 | -1): Promise<void>
}

let timer: ReturnType<typeof setTimeout> | undefined
let asked = 0

export const useSearch = create<SearchState>((set, get) => ({
  query: '',
  result: null,
  error: null,
  pending: false,
  selected: null,
  limit: PAGE,

  setQuery(query) {
    set({ query, limit: PAGE })
    clearTimeout(timer)
    if (!query.trim()) return set({ result: null, error: null, pending: false, selected: null })
    set({ pending: true })
    timer = setTimeout(() => void get().run(), TYPING_PAUSE_MS)
  },

  async run() {
    const query = get().query
    if (!query.trim()) return
    const ticket = ++asked
    const result = await reader.search({ query, limit: get().limit })
    if (ticket !== asked) return
    if (!result.ok) return set({ error: describeError(result.error), pending: false })
    const openId = useReader.getState().selectedItemId
    const selected = result.value.hits.findIndex((hit) => hit.item.id === openId)
    set({
      result: result.value,
      error: null,
      pending: false,
      selected: selected === -1 ? null : selected,
    })
  },

  async more() {
    set({ limit: Math.min(500, get().limit + PAGE) })
    await get().run()
  },

  clear() {
    clearTimeout(timer)
    asked++
    set({ query: '', result: null, error: null, pending: false, selected: null })
  },

  async open(index) {
    const hit = get().result?.hits[index]
    if (!hit) return
    set({ selected: index })
    await useReader.getState().openItem(hit.item.id)
  },

  async move(delta) {
    const hits = get().result?.hits ?? []
    if (hits.length === 0) return
    const current = get().selected
    const next = current === null ? (delta > 0 ? 0 : hits.length - 1) : current + delta
    if (next < 0 || next >= hits.length || next === current) return
    await get().open(next)
  },
}))
