// The reader's keyboard map, in one table: what each key does and how the help overlay lists
// it. Keys are ignored while typing in a field. "g" starts a two-key sequence for the views.

export interface Shortcut {
  keys: string
  does: string
}

export const SHORTCUTS: Shortcut[] = [
  { keys: 'j / k', does: 'Next / previous item (or search result)' },
  { keys: 'n', does: 'Next unread item' },
  { keys: 'space / shift+space', does: 'Scroll the article down / up' },
  { keys: 'm', does: 'Mark read / unread' },
  { keys: 's', does: 'Star / unstar' },
  { keys: 'o or Enter', does: 'Open the original in your browser' },
  { keys: '/', does: 'Search (Escape clears it; Enter or ↓ opens the first result)' },
  {
    keys: 'e',
    does: 'Export: the open article, or the Annotations view’s highlights (live preview, copy, download, folder)',
  },
  { keys: 'r', does: 'Refresh the selected feed (all feeds when none is selected)' },
  { keys: 'g then a / u / s / h', does: 'Go to All / Unread / Starred / Highlighted' },
  { keys: 'g then n / c', does: 'Go to Annotations (every highlight) / Claims board' },
  { keys: '?', does: 'Show or hide this help' },
  { keys: 'Escape', does: 'Close dialogs and panels' },
]

/** Whether a key event comes from somewhere the user is typing. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}
