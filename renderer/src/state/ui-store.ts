// Which dialog is open, and the pane sizes and collapsed folders remembered on this machine
// (localStorage: they are about this window, not the library).
import { create } from 'zustand'
import type { AnnotationFilters } from './annotation-filters'

export type Dialog =
  | { kind: 'add-feed' }
  | { kind: 'settings' }
  | { kind: 'feed-settings'; feedId: string }
  | { kind: 'help' }
  /** The export dialog, on the open article and/or the Annotations view's filters. */
  | {
      kind: 'export'
      article: { id: string; title: string } | null
      filters: AnnotationFilters | null
    }

export interface PaneSizes {
  sidebar: number
  list: number
}

export const PANE_LIMITS = {
  sidebar: { min: 180, max: 480, initial: 260 },
  list: { min: 260, max: 640, initial: 360 },
} as const

const SIZES_KEY = 'reader.panes'
const COLLAPSED_KEY = 'reader.collapsedFolders'

function clamp(value: number, { min, max }: { min: number; max: number }): number {
  return Math.round(Math.min(max, Math.max(min, value)))
}

function load<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key)
    return raw ? (JSON.parse(raw) as T) : fallback
  } catch {
    return fallback
  }
}

function save(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Not remembered this time; nothing else depends on it.
  }
}

function initialSizes(): PaneSizes {
  const stored = load<Partial<PaneSizes>>(SIZES_KEY, {})
  return {
    sidebar: clamp(Number(stored.sidebar) || PANE_LIMITS.sidebar.initial, PANE_LIMITS.sidebar),
    list: clamp(Number(stored.list) || PANE_LIMITS.list.initial, PANE_LIMITS.list),
  }
}

interface UiState {
  dialog: Dialog | null
  sizes: PaneSizes
  collapsed: string[]
  open(dialog: Dialog): void
  close(): void
  resize(pane: keyof PaneSizes, width: number): void
  toggleFolder(key: string): void
}

export const useUi = create<UiState>((set, get) => ({
  dialog: null,
  sizes: initialSizes(),
  collapsed: load<string[]>(COLLAPSED_KEY, []),
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
  resize(pane, width) {
    const sizes = { ...get().sizes, [pane]: clamp(width, PANE_LIMITS[pane]) }
    set({ sizes })
    save(SIZES_KEY, sizes)
  },
  toggleFolder(key) {
    const collapsed = get().collapsed.includes(key)
      ? get().collapsed.filter((k) => k !== key)
      : [...get().collapsed, key]
    set({ collapsed })
    save(COLLAPSED_KEY, collapsed)
  },
}))
