// The library-wide highlight views (zustand): which one replaces the list and reader panes (the
// annotations list, the claims board or one claim's page), the annotations list's filters and
// rows, the board's claims, and the open claim with its evidence. Every change goes through the
// contract; the view on screen is remembered on this machine so a reload comes back to it.
import { create } from 'zustand'
import type { AnnotationEntry, MethodValue } from '../../../shared/contract'
import type { ClaimStatus, EvidenceStance } from '../../../shared/domain'
import type { ReaderError } from '../../../shared/result'
import { reader } from '../api/reader'
import { filterArgs, type AnnotationFilters } from './annotation-filters'
import { describeError } from './describe-error'

export { entryMatches, filterArgs, type AnnotationFilters } from './annotation-filters'

export type LibraryView =
  | { kind: 'annotations' }
  | { kind: 'claims' }
  | { kind: 'claim'; claimId: string; from: 'annotations' | 'claims' }

export type ClaimDetail = MethodValue<'getClaim'>

/** Rows fetched per listAllAnnotations call. */
export const ANNOTATIONS_PAGE = 200

const VIEW_KEY = 'reader.libraryView'

function loadView(): LibraryView | null {
  try {
    const raw = localStorage.getItem(VIEW_KEY)
    const view = raw ? (JSON.parse(raw) as LibraryView) : null
    if (view?.kind === 'annotations' || view?.kind === 'claims') return view
    if (view?.kind === 'claim' && typeof view.claimId === 'string') return view
    return null
  } catch {
    return null
  }
}

function saveView(view: LibraryView | null): void {
  try {
    if (view) localStorage.setItem(VIEW_KEY, JSON.stringify(view))
    else localStorage.removeItem(VIEW_KEY)
  } catch {
    // Not remembered this time.
  }
}

interface AnnotationsViewState {
  view: LibraryView | null
  filters: AnnotationFilters
  entries: AnnotationEntry[]
  total: number
  tags: { tag: string; count: number }[]
  loading: boolean
  /** Every claim of the library (the board). */
  claims: AnnotationEntry[]
  claim: ClaimDetail | null
  /** The last failure, shown in the view. */
  error: string | null

  show(view: LibraryView | null): Promise<void>
  close(): void
  setFilters(filters: AnnotationFilters): Promise<void>
  loadAnnotations(): Promise<void>
  loadMore(): Promise<void>
  loadClaims(): Promise<void>
  loadClaim(claimId: string): Promise<void>
  /** Reload whatever the view on screen shows (after a change elsewhere). */
  refresh(): Promise<void>
  setStatus(claimId: string, status: ClaimStatus): Promise<boolean>
  updateClaimText(
    claimId: string,
    changes: { restated?: string | null; note?: string },
  ): Promise<boolean>
  link(claimId: string, evidenceId: string, stance: EvidenceStance): Promise<boolean>
  unlink(claimId: string, evidenceId: string): Promise<boolean>
}

export const useAnnotationsView = create<AnnotationsViewState>((set, get) => {
  const fail = (error: ReaderError): false => {
    set({ error: describeError(error) })
    return false
  }
  let listRequest = 0

  /** After a change to a claim: the views that show it are loaded again. */
  const afterChange = async (): Promise<void> => {
    set({ error: null })
    await get().refresh()
  }

  return {
    view: loadView(),
    filters: {},
    entries: [],
    total: 0,
    tags: [],
    loading: false,
    claims: [],
    claim: null,
    error: null,

    async show(view) {
      saveView(view)
      set({ view, error: null, ...(view?.kind === 'claim' ? {} : { claim: null }) })
      await get().refresh()
    },

    close() {
      saveView(null)
      set({ view: null, error: null })
    },

    async setFilters(filters) {
      set({ filters })
      await get().loadAnnotations()
    },

    async loadAnnotations() {
      const request = ++listRequest
      set({ loading: true })
      const result = await reader.listAllAnnotations({
        ...filterArgs(get().filters),
        limit: ANNOTATIONS_PAGE,
      })
      if (request !== listRequest) return
      set({ loading: false })
      if (!result.ok) return void fail(result.error)
      set({ entries: result.value.entries, total: result.value.total, tags: result.value.tags })
    },

    async loadMore() {
      const request = ++listRequest
      const offset = get().entries.length
      const result = await reader.listAllAnnotations({
        ...filterArgs(get().filters),
        offset,
        limit: ANNOTATIONS_PAGE,
      })
      if (request !== listRequest) return
      if (!result.ok) return void fail(result.error)
      set((now) => ({
        entries: [...now.entries, ...result.value.entries],
        total: result.value.total,
      }))
    },

    async loadClaims() {
      set({ loading: true })
      const claims: AnnotationEntry[] = []
      let tags: { tag: string; count: number }[] = []
      // Every claim, 1000 a call.
      for (;;) {
        const result = await reader.listAllAnnotations({
          kind: 'claim',
          offset: claims.length,
          limit: 1000,
        })
        if (!result.ok) {
          set({ loading: false })
          return void fail(result.error)
        }
        claims.push(...result.value.entries)
        tags = result.value.tags
        if (result.value.entries.length === 0 || claims.length >= result.value.total) break
      }
      set({ claims, loading: false, tags: get().view?.kind === 'claims' ? tags : get().tags })
    },

    async loadClaim(claimId) {
      set({ loading: true })
      const result = await reader.getClaim({ annotationId: claimId })
      set({ loading: false })
      if (!result.ok) {
        set({ claim: null })
        return void fail(result.error)
      }
      set({ claim: result.value })
    },

    async refresh() {
      const view = get().view
      if (view?.kind === 'annotations') await get().loadAnnotations()
      else if (view?.kind === 'claims') await get().loadClaims()
      else if (view?.kind === 'claim') await get().loadClaim(view.claimId)
    },

    async setStatus(claimId, status) {
      const result = await reader.updateAnnotation({ annotationId: claimId, status })
      if (!result.ok) return fail(result.error)
      await afterChange()
      return true
    },

    async updateClaimText(claimId, changes) {
      const result = await reader.updateAnnotation({ annotationId: claimId, ...changes })
      if (!result.ok) return fail(result.error)
      await afterChange()
      return true
    },

    async link(claimId, evidenceId, stance) {
      const result = await reader.linkEvidence({ claimId, evidenceId, stance })
      if (!result.ok) return fail(result.error)
      await afterChange()
      return true
    },

    async unlink(claimId, evidenceId) {
      const result = await reader.unlinkEvidence({ claimId, evidenceId })
      if (!result.ok) return fail(result.error)
      await afterChange()
      return true
    },
  }
})
