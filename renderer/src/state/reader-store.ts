// The UI state (zustand): what is listed, what is selected, what is open, sync progress and the
// last error. Every action goes through the contract bridge; nothing here touches the network.
import { create } from 'zustand'
import type { Annotation, CitationEdits, Article, Feed, ItemSummary } from '../../../shared/domain'
import type { ReaderError } from '../../../shared/result'
import { reader } from '../api/reader'
import { describeError } from './describe-error'
import {
  listKeyOf,
  rememberChoice,
  rememberPlace,
  rememberedChoice,
  rememberedPlace,
} from './list-memory'
import { useSettings } from './settings-store'

export type SmartView = 'all' | 'unread' | 'starred' | 'annotated'

/** Rows fetched per listItems call while scrolling. */
export const PAGE_SIZE = 100

/**
 * The item list as far as it is loaded: one listing of the core (its snapshot) with its totals and
 * a sparse cache of pages, so 100k items cost only the pages that were looked at.
 */
export interface ItemRows {
  /** Bumps whenever another listing replaces the rows (new filter, refresh, expired snapshot). */
  generation: number
  /** The feed or view these rows belong to (list-memory's key). */
  key: string
  snapshot: string | null
  total: number
  unreadTotal: number
  /** Page number → its rows (PAGE_SIZE each, the last one shorter). */
  pages: ReadonlyMap<number, readonly ItemSummary[]>
}

/** The row at `index`, if its page is loaded. */
export function rowAt(rows: ItemRows, index: number): ItemSummary | undefined {
  return rows.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE]
}

export interface SyncProgress {
  done: number
  total: number
  newItems: number
}

interface ReaderState {
  feeds: Feed[]
  rows: ItemRows
  selectedFeedId: string | null
  /** A folder whose feeds' items are listed (when no feed is selected). */
  selectedFolder: string[] | null
  /** The smart view shown when no feed is selected. */
  view: SmartView
  unreadOnly: boolean
  selectedItemId: string | null
  /** Where the selected item stands in the rows; null while unknown or when it is not listed. */
  selectedIndex: number | null
  article: Article | null
  annotations: Annotation[]
  /** Progress of the sync this window started; null when none runs. */
  sync: SyncProgress | null
  /** How the last sync of this window ended: the new-items count shown in the sidebar. */
  lastSync: { at: string; newItems: number; failed: number } | null
  /** One line for errors and confirmations; `undo` offers to take the change back. */
  message: { kind: 'error' | 'info'; text: string; undo?: () => Promise<void> } | null
  loading: boolean

  load(): Promise<void>
  refreshLists(): Promise<void>
  /** Reloads the feeds (counts, errors) but not the item list. */
  refreshFeeds(): Promise<void>
  selectFeed(feedId: string | null): Promise<void>
  selectFolder(folder: string[] | null): Promise<void>
  selectView(view: SmartView): Promise<void>
  /** Make sure rows [first, last] are loaded (the list calls it for what is in view). */
  loadRange(first: number, last: number): Promise<void>
  /** The row at `index`, loading its page when needed. */
  fetchRow(index: number): Promise<ItemSummary | undefined>
  toggleStar(itemId: string): Promise<void>
  /** Open the item `delta` places down (j) or up (k) the list. */
  moveSelection(delta: 1 | -1): Promise<void>
  /** Open the next unread item below the current one (n). */
  openNextUnread(): Promise<void>
  /** Mark every unread item of the current feed or view read, with an undo. */
  markAllRead(): Promise<void>
  setUnreadOnly(value: boolean): Promise<void>
  /** Open an item; `index` is its row when known (else it is looked up). */
  openItem(itemId: string, index?: number): Promise<void>
  toggleRead(itemId: string, read: boolean): Promise<void>
  addFeed(url: string): Promise<boolean>
  /** Sync every feed, only the due ones (background), or one feed. */
  syncAll(options?: { dueOnly?: boolean; feedId?: string }): Promise<void>
  updateCitation(edits: CitationEdits): Promise<boolean>
  fetchFullText(): Promise<void>
  setProgress(progress: SyncProgress | null): void
  dismissMessage(): void
}

export const useReader = create<ReaderState>((set, get) => {
  const showError = (error: ReaderError): void =>
    set({ message: { kind: 'error', text: describeError(error) } })

  /** The listing the current feed, folder or view asks for. */
  const filterOf = (state: ReaderState) => {
    const smart = state.selectedFeedId === null && state.selectedFolder === null
    return {
      ...(state.selectedFeedId ? { feedId: state.selectedFeedId } : {}),
      ...(state.selectedFeedId === null && state.selectedFolder
        ? { folder: state.selectedFolder }
        : {}),
      unreadOnly: state.unreadOnly || (smart && state.view === 'unread'),
      ...(smart && (state.view === 'starred' || state.view === 'annotated')
        ? { view: state.view }
        : {}),
    }
  }
  const choiceOf = (state: ReaderState) => ({
    feedId: state.selectedFeedId,
    folder: state.selectedFolder,
    view: state.view,
    unreadOnly: state.unreadOnly,
  })
  const keyOf = (state: ReaderState): string => listKeyOf(choiceOf(state))

  /** Rows the list shows (kept up to date by the list), reloaded first on a refresh. */
  let inView: [number, number] = [0, 0]
  /** Pages being fetched, by snapshot and page number: each is asked for once. */
  const fetching = new Map<string, Promise<void>>()
  /** Only the newest refresh may replace the rows. */
  let refreshes = 0

  const fetchPage = (page: number): Promise<void> => {
    const rows = get().rows
    const id = `${rows.snapshot}:${page}`
    const pending = fetching.get(id)
    if (pending) return pending
    const run = (async () => {
      const result = await reader.listItems({
        ...filterOf(get()),
        ...(rows.snapshot ? { snapshot: rows.snapshot } : {}),
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      })
      if (!result.ok) return showError(result.error)
      const now = get().rows
      if (now.generation !== rows.generation) return // another listing replaced these rows
      const { snapshot, total, unreadTotal, items } = result.value
      if (snapshot !== now.snapshot) {
        // The core let our listing go (or an item in it left the library): start over.
        set({
          rows: {
            ...now,
            generation: now.generation + 1,
            snapshot,
            total,
            unreadTotal,
            pages: new Map([[page, items]]),
          },
          selectedIndex: null,
        })
        void locateSelection()
        return
      }
      set({ rows: { ...now, total, unreadTotal, pages: new Map(now.pages).set(page, items) } })
    })().finally(() => fetching.delete(id))
    fetching.set(id, run)
    return run
  }

  /** Finds the selected item's row in the current listing. */
  const locateSelection = async (): Promise<void> => {
    const { selectedItemId: itemId, rows } = get()
    if (!itemId || !rows.snapshot) return
    for (const [page, items] of rows.pages) {
      const at = items.findIndex((item) => item.id === itemId)
      if (at !== -1) return set({ selectedIndex: page * PAGE_SIZE + at })
    }
    const result = await reader.locateItem({
      ...filterOf(get()),
      snapshot: rows.snapshot,
      find: { kind: 'item', itemId },
    })
    if (!result.ok) return showError(result.error)
    const now = get()
    if (now.selectedItemId !== itemId || now.rows.snapshot !== result.value.snapshot) return
    set({ selectedIndex: result.value.index })
  }

  /** Puts a changed summary into the loaded rows, keeping the unread count in step. */
  const updateRow = (summary: ItemSummary): void =>
    set((state) => {
      let unreadDelta = 0
      let changed = false
      const pages = new Map(state.rows.pages)
      for (const [page, items] of pages) {
        const at = items.findIndex((item) => item.id === summary.id)
        if (at === -1) continue
        unreadDelta += Number(items[at]!.read) - Number(summary.read)
        pages.set(
          page,
          items.map((item, i) => (i === at ? summary : item)),
        )
        changed = true
      }
      if (!changed) return {}
      const unreadTotal = Math.max(0, state.rows.unreadTotal + unreadDelta)
      return { rows: { ...state.rows, pages, unreadTotal } }
    })

  return {
    feeds: [],
    rows: { generation: 0, key: '', snapshot: null, total: 0, unreadTotal: 0, pages: new Map() },
    selectedFeedId: null,
    selectedFolder: null,
    view: 'all',
    unreadOnly: false,
    selectedItemId: null,
    selectedIndex: null,
    article: null,
    annotations: [],
    sync: null,
    lastSync: null,
    message: null,
    loading: true,

    async load() {
      // Back where the reader left: the same feed or view, and (below) the same item.
      const choice = rememberedChoice()
      if (choice) {
        set({
          selectedFeedId: choice.feedId,
          selectedFolder: choice.folder,
          view: choice.view,
          unreadOnly: choice.unreadOnly,
        })
      }
      await get().refreshLists()
      set({ loading: false })
      const { selectedItemId } = rememberedPlace(keyOf(get()))
      if (selectedItemId && !get().selectedItemId) await get().openItem(selectedItemId)
    },

    async refreshFeeds() {
      const feeds = await reader.listFeeds({})
      if (feeds.ok) set({ feeds: feeds.value })
      else showError(feeds.error)
    },

    async refreshLists() {
      const request = ++refreshes
      const state = get()
      const key = keyOf(state)
      const filter = filterOf(state)
      // The same list again (after a sync, mark all read): reload what is in view, not the top.
      const sameList = key === state.rows.key
      const firstPage = sameList ? Math.floor(inView[0] / PAGE_SIZE) : 0
      const lastPage = sameList ? Math.floor(inView[1] / PAGE_SIZE) : 0
      const [feeds, first] = await Promise.all([
        reader.listFeeds({}),
        reader.listItems({ ...filter, offset: firstPage * PAGE_SIZE, limit: PAGE_SIZE }),
      ])
      if (feeds.ok) set({ feeds: feeds.value })
      else showError(feeds.error)
      if (!first.ok) return showError(first.error)
      const { snapshot, total, unreadTotal } = first.value
      const pages = new Map([[firstPage, first.value.items]])
      const more = await Promise.all(
        Array.from({ length: lastPage - firstPage }, (_, i) =>
          reader.listItems({
            ...filter,
            snapshot,
            offset: (firstPage + 1 + i) * PAGE_SIZE,
            limit: PAGE_SIZE,
          }),
        ),
      )
      more.forEach((page, i) => {
        if (page.ok && page.value.snapshot === snapshot)
          pages.set(firstPage + 1 + i, page.value.items)
      })
      if (request !== refreshes) return // a newer refresh is under way
      set((now) => ({
        rows: { generation: now.rows.generation + 1, key, snapshot, total, unreadTotal, pages },
        selectedIndex: null,
      }))
      await locateSelection()
    },

    async loadRange(first, last) {
      const { rows } = get()
      if (!rows.snapshot || rows.total === 0) return
      inView = [first, last]
      const from = Math.max(0, Math.floor(first / PAGE_SIZE))
      const to = Math.min(Math.floor((rows.total - 1) / PAGE_SIZE), Math.floor(last / PAGE_SIZE))
      const missing: number[] = []
      for (let page = from; page <= to; page++) if (!rows.pages.has(page)) missing.push(page)
      await Promise.all(missing.map(fetchPage))
    },

    async fetchRow(index) {
      const known = rowAt(get().rows, index)
      if (known) return known
      await fetchPage(Math.floor(index / PAGE_SIZE))
      return rowAt(get().rows, index)
    },

    async selectView(view) {
      set({ selectedFeedId: null, selectedFolder: null, view })
      rememberChoice(choiceOf(get()))
      await get().refreshLists()
    },

    async toggleStar(itemId) {
      const { rows, selectedIndex, article } = get()
      const row = selectedIndex === null ? undefined : rowAt(rows, selectedIndex)
      const item = row?.id === itemId ? row : undefined
      const starred = !(item?.starred ?? (article?.id === itemId ? article.starred : false))
      const result = await reader.setItemState({ itemId, starred })
      if (!result.ok) return showError(result.error)
      const summary = result.value
      updateRow(summary)
      set((state) => ({
        article:
          state.article?.id === itemId
            ? { ...state.article, starred: summary.starred }
            : state.article,
      }))
    },

    async moveSelection(delta) {
      const { rows, selectedIndex } = get()
      if (rows.total === 0) return
      const from = selectedIndex ?? (delta > 0 ? -1 : rows.total)
      const next = Math.max(0, Math.min(rows.total - 1, from + delta))
      if (next === selectedIndex) return
      // Selected at once, so a quick j j j walks on while a page is still loading.
      set({ selectedIndex: next })
      const target = await get().fetchRow(next)
      if (target && get().selectedIndex === next) await get().openItem(target.id, next)
    },

    async markAllRead() {
      const state = get()
      const filter = filterOf(state)
      const result = await reader.markAllRead({
        ...(filter.feedId ? { feedId: filter.feedId } : {}),
        ...(filter.folder ? { folder: filter.folder } : {}),
        ...(filter.view ? { view: filter.view } : {}),
      })
      if (!result.ok) return showError(result.error)
      const { itemIds } = result.value
      await get().refreshLists()
      set({
        message: {
          kind: 'info',
          text: `Marked ${itemIds.length} item${itemIds.length === 1 ? '' : 's'} read.`,
          undo: async () => {
            const undone = await reader.markUnread({ itemIds })
            if (!undone.ok) return showError(undone.error)
            set({ message: { kind: 'info', text: `${undone.value.count} marked unread again.` } })
            await get().refreshLists()
          },
        },
      })
    },

    async openNextUnread() {
      const { rows, selectedIndex } = get()
      if (!rows.snapshot) return
      const result = await reader.locateItem({
        ...filterOf(get()),
        snapshot: rows.snapshot,
        find: { kind: 'next-unread', after: selectedIndex ?? -1 },
      })
      if (!result.ok) return showError(result.error)
      const { item, index } = result.value
      if (!item || index === null) return
      if (result.value.snapshot === get().rows.snapshot) await get().openItem(item.id, index)
      else await get().openItem(item.id) // the listing changed meanwhile: look it up again
    },

    async selectFeed(feedId) {
      set({ selectedFeedId: feedId, selectedFolder: null })
      rememberChoice(choiceOf(get()))
      await get().refreshLists()
    },

    async selectFolder(folder) {
      set({ selectedFeedId: null, selectedFolder: folder })
      rememberChoice(choiceOf(get()))
      await get().refreshLists()
    },

    async setUnreadOnly(value) {
      set({ unreadOnly: value })
      rememberChoice(choiceOf(get()))
      await get().refreshLists()
    },

    async openItem(itemId, index) {
      set({ selectedItemId: itemId, selectedIndex: index ?? null })
      rememberPlace(get().rows.key, { selectedItemId: itemId })
      if (index === undefined) void locateSelection()
      const [article, annotations] = await Promise.all([
        reader.getArticle({ itemId }),
        reader.listAnnotations({ itemId }),
      ])
      if (get().selectedItemId !== itemId) return
      if (!article.ok) return showError(article.error)
      set({ article: article.value, annotations: annotations.ok ? annotations.value : [] })
      // A teaser (or any item of a feed set to full text) is read in full automatically, once:
      // a failure is shown and not retried.
      const { wantsFullText, fullText, link } = article.value
      if (wantsFullText && fullText.status === 'none' && link) void get().fetchFullText()
      if (!article.value.read && useSettings.getState().settings.markReadOnOpen)
        await get().toggleRead(itemId, true)
    },

    async toggleRead(itemId, read) {
      const result = await reader.setItemState({ itemId, read })
      if (!result.ok) return showError(result.error)
      const summary = result.value
      updateRow(summary)
      set((state) => ({
        article:
          state.article?.id === itemId ? { ...state.article, read: summary.read } : state.article,
        feeds: state.feeds.map((feed) =>
          feed.id === summary.feedId
            ? { ...feed, unreadCount: feed.unreadCount + (read ? -1 : 1) }
            : feed,
        ),
      }))
    },

    async addFeed(url) {
      const result = await reader.addFeed({ url })
      if (!result.ok) {
        showError(result.error)
        return false
      }
      set({
        message: {
          kind: 'info',
          text: `Subscribed to ${result.value.title} (${result.value.itemCount} items).`,
        },
      })
      await get().refreshLists()
      return true
    },

    async syncAll(options = {}) {
      set({ sync: { done: 0, total: options.feedId ? 1 : get().feeds.length, newItems: 0 } })
      const result = options.feedId
        ? await reader.syncFeed({ feedId: options.feedId })
        : await reader.syncAll({ dueOnly: Boolean(options.dueOnly) })
      set({ sync: null })
      if (!result.ok) {
        // A background sync meeting the user's own sync is not worth a message.
        if (!(options.dueOnly && result.error.code === 'busy')) showError(result.error)
        return
      }
      const { newItems, failed } = result.value
      set({ lastSync: { at: new Date().toISOString(), newItems, failed } })
      // A background sync speaks only when it brought something.
      if (!options.dueOnly || newItems > 0 || failed > 0) {
        const what = `${newItems} new item${newItems === 1 ? '' : 's'}`
        const failures = failed
          ? `, ${failed} feed${failed === 1 ? '' : 's'} failed (see Failing feeds in the sidebar)`
          : ''
        set({ message: { kind: failed ? 'error' : 'info', text: `Synced: ${what}${failures}.` } })
      }
      // No feed read (all failed, waited or were not due): only badges and schedules changed.
      // Reloading the list too would re-render every row in view while the reader may be opening
      // an article — at 100k items that made an open wait a third of a second.
      const { feeds: fetched, skipped } = result.value
      if (newItems === 0 && failed + skipped >= fetched) await get().refreshFeeds()
      else await get().refreshLists()
    },

    async fetchFullText() {
      const itemId = get().selectedItemId
      if (!itemId) return
      const result = await reader.fetchFullText({ itemId })
      if (!result.ok) return showError(result.error)
      if (get().selectedItemId === itemId) set({ article: result.value })
    },

    async updateCitation(edits) {
      const itemId = get().selectedItemId
      if (!itemId) return false
      const result = await reader.updateCitation({ itemId, edits })
      if (!result.ok) {
        showError(result.error)
        return false
      }
      if (get().selectedItemId === itemId) set({ article: result.value })
      return true
    },

    setProgress(progress) {
      // Events and the call's answer travel separately: a late event must not reopen the bar.
      if (get().sync && progress) set({ sync: progress })
    },

    dismissMessage() {
      set({ message: null })
    },
  }
})
