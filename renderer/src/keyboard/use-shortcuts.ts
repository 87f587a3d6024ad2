// Wires the keyboard map to the store: one keydown listener on the window.
import { useEffect, useRef } from 'react'
import { useAnnotationsView } from '../state/annotations-view-store'
import { useReader, type SmartView } from '../state/reader-store'
import { useSearch } from '../state/search-store'
import { useUi } from '../state/ui-store'
import { isTyping } from './shortcuts'

const VIEW_KEYS: Record<string, SmartView> = { a: 'all', u: 'unread', s: 'starred', h: 'annotated' }
/** g then n / c: the library-wide highlight views. */
const LIBRARY_KEYS = { n: 'annotations', c: 'claims' } as const

/**
 * e: the export dialog, on what is on screen — the Annotations view's filters, the claims, the
 * open article, or (nothing open) the whole library's highlights.
 */
export function openExport(): void {
  const library = useAnnotationsView.getState()
  const article = useReader.getState().article
  const open = useUi.getState().open
  if (library.view?.kind === 'annotations')
    open({ kind: 'export', article: null, filters: library.filters })
  else if (library.view) open({ kind: 'export', article: null, filters: { kind: 'claim' } })
  else
    open({
      kind: 'export',
      article: article ? { id: article.id, title: article.title } : null,
      filters: null,
    })
}

function toggleHelp(): void {
  const ui = useUi.getState()
  if (ui.dialog?.kind === 'help') ui.close()
  else ui.open({ kind: 'help' })
}

export function useShortcuts(): void {
  const pendingG = useRef(false)
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTyping(event.target)) return
      // A dialog has the keyboard (its own Escape, Tab and Enter); only ? toggles the help.
      if (
        useUi.getState().dialog &&
        !(event.key === '?' && useUi.getState().dialog?.kind === 'help')
      )
        return
      const state = useReader.getState()
      const key = event.key
      if (pendingG.current) {
        pendingG.current = false
        const view = VIEW_KEYS[key]
        const library = LIBRARY_KEYS[key as keyof typeof LIBRARY_KEYS]
        if (view) {
          event.preventDefault()
          useAnnotationsView.getState().close()
          void state.selectView(view)
        } else if (library) {
          event.preventDefault()
          void useAnnotationsView.getState().show({ kind: library })
        }
        return
      }
      // In the library views the item keys have no list to act on: only g, e, / and ? answer.
      if (useAnnotationsView.getState().view && !['g', 'e', '?'].includes(key)) return
      const article = state.article
      const searching = useSearch.getState().query.trim() !== ''
      const pane = document.querySelector('.reader-pane')
      switch (key) {
        case 'j':
          if (searching) void useSearch.getState().move(1)
          else void state.moveSelection(1)
          break
        case 'k':
          if (searching) void useSearch.getState().move(-1)
          else void state.moveSelection(-1)
          break
        case '/':
          document.getElementById('search-box')?.focus()
          break
        case 'n':
          void state.openNextUnread()
          break
        case 'm':
          if (article) void state.toggleRead(article.id, !article.read)
          break
        case 's':
          if (article) void state.toggleStar(article.id)
          break
        case 'o':
        case 'Enter':
          // Enter on a focused control keeps its own meaning.
          if (!article?.link || (key === 'Enter' && event.target !== document.body)) return
          window.open(article.link, '_blank', 'noopener,noreferrer')
          break
        case 'r':
          // The feed on screen, or everything.
          void state.syncAll(state.selectedFeedId ? { feedId: state.selectedFeedId } : {})
          break
        case 'g':
          pendingG.current = true
          break
        case 'e':
          openExport()
          break
        case '?':
          toggleHelp()
          break
        case ' ':
          if (!pane) return
          pane.scrollBy({ top: (event.shiftKey ? -0.9 : 0.9) * pane.clientHeight })
          break
        default:
          return
      }
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
