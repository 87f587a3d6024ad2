// What the item list remembers across reloads, in localStorage: which feed or view was shown,
// and per feed/view the selected item and the list's scroll position. Storage that is full,
// disabled or holds garbage only means starting at the top.

export interface ListPlace {
  selectedItemId: string | null
  scrollTop: number
}

export interface ListChoice {
  feedId: string | null
  folder: string[] | null
  view: 'all' | 'unread' | 'starred' | 'annotated'
  unreadOnly: boolean
}

const PREFIX = 'reader.list.'

function read(key: string): unknown {
  try {
    const text = window.localStorage.getItem(PREFIX + key)
    return text ? (JSON.parse(text) as unknown) : null
  } catch {
    return null
  }
}

function write(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(value))
  } catch {
    // Full or disabled storage: nothing is remembered, nothing breaks.
  }
}

/** The storage key of a feed or view (with its unread filter). */
export function listKeyOf(choice: ListChoice): string {
  const where = choice.feedId
    ? `feed:${choice.feedId}`
    : choice.folder
      ? `folder:${choice.folder.join('/')}`
      : `view:${choice.view}`
  return `${where}${choice.unreadOnly ? ':unread' : ''}`
}

export function rememberedPlace(listKey: string): ListPlace {
  const value = read(`place:${listKey}`) as Partial<ListPlace> | null
  return {
    selectedItemId: typeof value?.selectedItemId === 'string' ? value.selectedItemId : null,
    scrollTop: typeof value?.scrollTop === 'number' && value.scrollTop >= 0 ? value.scrollTop : 0,
  }
}

export function rememberPlace(listKey: string, place: Partial<ListPlace>): void {
  write(`place:${listKey}`, { ...rememberedPlace(listKey), ...place })
}

export function rememberedChoice(): ListChoice | null {
  const value = read('choice') as Partial<ListChoice> | null
  if (!value) return null
  const views = ['all', 'unread', 'starred', 'annotated'] as const
  return {
    feedId: typeof value.feedId === 'string' ? value.feedId : null,
    folder:
      Array.isArray(value.folder) && value.folder.every((name) => typeof name === 'string')
        ? value.folder
        : null,
    view: views.find((view) => view === value.view) ?? 'all',
    unreadOnly: value.unreadOnly === true,
  }
}

export function rememberChoice(choice: ListChoice): void {
  write('choice', choice)
}
