// The UI state (zustand): what is listed, what is selected, what is open, sync progress and the
// last error. Every action goes through the contract bridge; nothing here touches the network.
import { create } from 'zustand'
import type {
  Annotation,
  CitationEdits,
  AnnotationKind,
  AnnotationTarget,
  Article,
  Feed,
  ItemSummary,
} from '../../../shared/domain'
import type { ReaderError } from '../../../shared/result'
import { reader } from '../api/reader'
import { describeError } from './describe-error'
import { useSettings } from './settings-store'

export type SmartView = 'all' | 'unread' | 'starred' | 'annotated'

export interface SyncProgress {
  done: number
  total: number
  newItems: number
}

interface ReaderState {
  feeds: Feed[]
  items: ItemSummary[]
  selectedFeedId: string | null
  /** The smart view shown when no feed is selected. */
  view: SmartView
  unreadOnly: boolean
  selectedItemId: string | null
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
  selectFeed(feedId: string | null): Promise<void>
  selectView(view: SmartView): Promise<void>
  toggleStar(itemId: string): Promise<void>
  /** Open the item `delta` places down (j) or up (k) the list. */
  moveSelection(delta: 1 | -1): Promise<void>
  /** Open the next unread item below the current one (n). */
  openNextUnread(): Promise<void>
  /** Mark every unread item of the current feed or view read, with an undo. */
  markAllRead(): Promise<void>
  setUnreadOnly(value: boolean): Promise<void>
  openItem(itemId: string): Promise<void>
  toggleRead(itemId: string, read: boolean): Promise<void>
  addFeed(url: string): Promise<boolean>
  /** Sync every feed, only the due ones (background), or one feed. */
  syncAll(options?: { dueOnly?: boolean; feedId?: string }): Promise<void>
  createAnnotation(input: {
    kind: AnnotationKind
    note: string
    tags: string[]
    target: AnnotationTarget
  }): Promise<boolean>
  deleteAnnotation(annotationId: string): Promise<void>
  exportMarkdown(): Promise<{ fileName: string; markdown: string } | null>
  updateCitation(edits: CitationEdits): Promise<boolean>
  fetchFullText(): Promise<void>
  setProgress(progress: SyncProgress | null): void
  dismissMessage(): void
}

export const useReader = create<ReaderState>((set, get) => {
  const showError = (error: ReaderError): void =>
    set({ message: { kind: 'error', text: describeError(error) } })

  return {
    feeds: [],
    items: [],
    selectedFeedId: null,
    view: 'all',
    unreadOnly: false,
    selectedItemId: null,
    article: null,
    annotations: [],
    sync: null,
    lastSync: null,
    message: null,
    loading: true,

    async load() {
      await get().refreshLists()
      set({ loading: false })
    },

    async refreshLists() {
      const { selectedFeedId, unreadOnly, view } = get()
      const [feeds, items] = await Promise.all([
        reader.listFeeds({}),
        reader.listItems({
          feedId: selectedFeedId ?? undefined,
          unreadOnly: unreadOnly || (selectedFeedId === null && view === 'unread'),
          ...(selectedFeedId === null && (view === 'starred' || view === 'annotated')
            ? { view }
            : {}),
        }),
      ])
      if (feeds.ok) set({ feeds: feeds.value })
      else showError(feeds.error)
      if (items.ok) set({ items: items.value })
      else showError(items.error)
    },

    async selectView(view) {
      set({ selectedFeedId: null, view })
      await get().refreshLists()
    },

    async toggleStar(itemId) {
      const item = get().items.find((candidate) => candidate.id === itemId)
      const starred = !(item?.starred ?? get().article?.starred ?? false)
      const result = await reader.setItemState({ itemId, starred })
      if (!result.ok) return showError(result.error)
      const summary = result.value
      set((state) => ({
        items: state.items.map((candidate) => (candidate.id === itemId ? summary : candidate)),
        article:
          state.article?.id === itemId
            ? { ...state.article, starred: summary.starred }
            : state.article,
      }))
    },

    async moveSelection(delta) {
      const { items, selectedItemId } = get()
      if (items.length === 0) return
      const index = items.findIndex((item) => item.id === selectedItemId)
      const next = index === -1 ? (delta > 0 ? 0 : items.length - 1) : index + delta
      const target = items[Math.max(0, Math.min(items.length - 1, next))]
      if (target && target.id !== selectedItemId) await get().openItem(target.id)
    },

    async markAllRead() {
      const { selectedFeedId, view } = get()
      const result = await reader.markAllRead({
        ...(selectedFeedId ? { feedId: selectedFeedId } : {}),
        ...(selectedFeedId === null && (view === 'starred' || view === 'annotated')
          ? { view }
          : {}),
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
      const { items, selectedItemId } = get()
      const index = items.findIndex((item) => item.id === selectedItemId)
      const target = [...items.slice(index + 1), ...items.slice(0, Math.max(0, index))].find(
        (item) => !item.read,
      )
      if (target) await get().openItem(target.id)
    },

    async selectFeed(feedId) {
      set({ selectedFeedId: feedId })
      await get().refreshLists()
    },

    async setUnreadOnly(value) {
      set({ unreadOnly: value })
      await get().refreshLists()
    },

    async openItem(itemId) {
      set({ selectedItemId: itemId })
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
      set((state) => ({
        items: state.items.map((item) => (item.id === itemId ? summary : item)),
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
      const feedIds = options.feedId ? [options.feedId] : null
      set({ sync: { done: 0, total: feedIds ? 1 : get().feeds.length, newItems: 0 } })
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
      await get().refreshLists()
    },

    async createAnnotation(input) {
      const itemId = get().selectedItemId
      if (!itemId) return false
      const result = await reader.createAnnotation({ itemId, ...input })
      if (!result.ok) {
        showError(result.error)
        return false
      }
      set((state) => ({
        annotations: [...state.annotations, result.value].sort(
          (a, b) => a.target.position.start - b.target.position.start,
        ),
      }))
      return true
    },

    async deleteAnnotation(annotationId) {
      const result = await reader.deleteAnnotation({ annotationId })
      if (!result.ok) return showError(result.error)
      set((state) => ({ annotations: state.annotations.filter((a) => a.id !== annotationId) }))
    },

    async exportMarkdown() {
      const itemId = get().selectedItemId
      if (!itemId) return null
      const result = await reader.exportArticleMarkdown({ itemId })
      if (!result.ok) {
        showError(result.error)
        return null
      }
      return result.value
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
