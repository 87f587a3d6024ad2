// Highlights of the open article: create, edit, delete with an undo, copy one as a cited quote,
// the tags in use (for autocomplete) and the quote finder's suggestions. The article's annotation list itself lives in
// the reader store (it is loaded with the article); every change here lands there once the core
// has answered — a highlight is shown as saved only when it is on disk.
import { create } from 'zustand'
import type { z } from 'zod'
import type { FoundQuoteSchema } from '../../../shared/contract'
import type {
  Annotation,
  AnnotationKind,
  AnnotationTarget,
  ClaimStatus,
  HighlightColor,
  MadeOn,
  Speaker,
} from '../../../shared/domain'
import { reader } from '../api/reader'
import { copyText } from '../ui/clipboard'
import { describeError } from './describe-error'
import { useReader } from './reader-store'
import { useSettings } from './settings-store'

/** What the composer produces, for a new highlight or an edit. */
export interface AnnotationDraft {
  kind: AnnotationKind
  color: HighlightColor
  note: string
  tags: string[]
  speaker: Speaker | null
  status: ClaimStatus
  restated: string | null
}

/** A direct quotation the core's quote finder found in the article. */
export type FoundQuote = z.infer<typeof FoundQuoteSchema>

export const DEFAULT_COLOR: Record<AnnotationKind, HighlightColor> = {
  plain: 'green',
  quote: 'yellow',
  claim: 'blue',
}

interface AnnotationState {
  /** Tags in use across the library, most used first. */
  tags: string[]
  /** The quote finder's answer per item (asked once per item while the window is open). */
  found: Record<string, FoundQuote[]>
  /** The item whose found quotes are shown in the article. */
  showingQuotesFor: string | null

  loadTags(): Promise<void>
  create(input: {
    draft: AnnotationDraft
    target: AnnotationTarget
    madeOn?: MadeOn
  }): Promise<Annotation | null>
  update(annotation: Annotation, draft: AnnotationDraft): Promise<boolean>
  remove(annotation: Annotation): Promise<void>
  /**
   * Puts a highlight on the clipboard as Markdown — a blockquote with its speaker and its
   * article's citation (in the export style last chosen) — and says so in the message line.
   */
  copyCitedQuote(annotationId: string): Promise<void>
  /** The item's found quotes (cached). */
  quotesOf(itemId: string): Promise<FoundQuote[]>
  showQuotes(itemId: string): Promise<void>
  hideQuotes(): void
}

const byPosition = (a: Annotation, b: Annotation): number =>
  a.target.position.start - b.target.position.start

const showError = (error: Parameters<typeof describeError>[0]): void =>
  useReader.setState({ message: { kind: 'error', text: describeError(error) } })

/** Puts an annotation into the open article's list, in document order. */
function putInList(annotation: Annotation): void {
  const { article, annotations } = useReader.getState()
  if (article?.id !== annotation.itemId) return
  useReader.setState({
    annotations: [...annotations.filter((a) => a.id !== annotation.id), annotation].sort(
      byPosition,
    ),
  })
}

export const useAnnotations = create<AnnotationState>((set, get) => ({
  tags: [],
  found: {},
  showingQuotesFor: null,

  async loadTags() {
    const result = await reader.listAllAnnotations({ limit: 1 })
    if (result.ok) set({ tags: result.value.tags.map((t) => t.tag) })
  },

  async create({ draft, target, madeOn }) {
    const itemId = useReader.getState().selectedItemId
    if (!itemId) return null
    const result = await reader.createAnnotation({
      itemId,
      kind: draft.kind,
      note: draft.note,
      tags: draft.tags,
      target,
      color: draft.color,
      ...(draft.kind === 'quote' ? { speaker: draft.speaker } : {}),
      ...(draft.kind === 'claim' ? { status: draft.status, restated: draft.restated } : {}),
      ...(madeOn ? { madeOn } : {}),
    })
    if (!result.ok) {
      showError(result.error)
      return null
    }
    putInList(result.value)
    void get().loadTags()
    return result.value
  },

  async update(annotation, draft) {
    const changes: Parameters<typeof reader.updateAnnotation>[0] = { annotationId: annotation.id }
    if (draft.kind !== annotation.kind) changes.kind = draft.kind
    if (draft.note !== annotation.note) changes.note = draft.note
    if (draft.tags.join('\n') !== annotation.tags.join('\n')) changes.tags = draft.tags
    if (draft.color !== annotation.color) changes.color = draft.color
    if (
      draft.kind === 'quote' &&
      JSON.stringify(draft.speaker) !== JSON.stringify(annotation.speaker)
    )
      changes.speaker = draft.speaker
    if (draft.kind === 'claim') {
      if (draft.status !== annotation.claim?.status) changes.status = draft.status
      if (draft.restated !== (annotation.claim?.restated ?? null)) changes.restated = draft.restated
    }
    if (Object.keys(changes).length === 1) return true
    const result = await reader.updateAnnotation(changes)
    if (!result.ok) {
      showError(result.error)
      return false
    }
    putInList(result.value)
    void get().loadTags()
    return true
  },

  async remove(annotation) {
    const result = await reader.deleteAnnotation({ annotationId: annotation.id })
    if (!result.ok) return showError(result.error)
    const deleted = result.value.annotation
    useReader.setState((state) => ({
      annotations: state.annotations.filter((a) => a.id !== annotation.id),
      message: {
        kind: 'info',
        text: 'Highlight deleted.',
        undo: async () => {
          const restored = await reader.restoreAnnotation({ annotation: deleted })
          if (!restored.ok) return showError(restored.error)
          putInList(restored.value)
          useReader.setState({ message: { kind: 'info', text: 'Highlight restored.' } })
          void get().loadTags()
        },
      },
    }))
    void get().loadTags()
  },

  async copyCitedQuote(annotationId) {
    const style = useSettings.getState().settings.exportStyle
    const result = await reader.citeAnnotation({ annotationId, style })
    if (!result.ok) return showError(result.error)
    try {
      await copyText(result.value.markdown)
    } catch (error) {
      return useReader.setState({
        message: { kind: 'error', text: `Could not copy to the clipboard: ${String(error)}` },
      })
    }
    useReader.setState({ message: { kind: 'info', text: 'Copied cited quote.' } })
  },

  async quotesOf(itemId) {
    const known = get().found[itemId]
    if (known) return known
    const result = await reader.findQuotes({ itemId })
    if (!result.ok) {
      showError(result.error)
      return []
    }
    set((state) => ({ found: { ...state.found, [itemId]: result.value.quotes } }))
    return result.value.quotes
  },

  async showQuotes(itemId) {
    await get().quotesOf(itemId)
    set({ showingQuotesFor: itemId })
  },

  hideQuotes() {
    set({ showingQuotesFor: null })
  },
}))
