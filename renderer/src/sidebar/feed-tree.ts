// Groups subscriptions into their folders for the sidebar: a tree of folders (sorted by name)
// with the feeds directly inside each, and the unread and failing counts of everything below.
import type { Feed } from '../../../shared/domain'

export interface FolderNode {
  name: string
  /** The folder's path from the top, e.g. ['World', 'Europe']; [] for the top level. */
  path: string[]
  folders: FolderNode[]
  feeds: Feed[]
  unread: number
  failing: number
}

export function buildFeedTree(feeds: readonly Feed[]): FolderNode {
  const root: FolderNode = { name: '', path: [], folders: [], feeds: [], unread: 0, failing: 0 }
  for (const feed of feeds) {
    let node = root
    node.unread += feed.unreadCount
    if (feed.lastError) node.failing++
    for (const name of feed.folder) {
      let child = node.folders.find((folder) => folder.name === name)
      if (!child) {
        child = { name, path: [...node.path, name], folders: [], feeds: [], unread: 0, failing: 0 }
        node.folders.push(child)
      }
      node = child
      node.unread += feed.unreadCount
      if (feed.lastError) node.failing++
    }
    node.feeds.push(feed)
  }
  sortTree(root)
  return root
}

/**
 * `next` with every folder that did not change replaced by the same folder of `previous` (same
 * object), so memoized rows skip it: marking one item read changes one feed and the counts of its
 * folders, and only those should render again — not the other hundreds of folders.
 */
export function shareUnchanged(next: FolderNode, previous: FolderNode | null): FolderNode {
  if (!previous) return next
  const folders = next.folders.map((folder) =>
    shareUnchanged(folder, previous.folders.find((old) => old.name === folder.name) ?? null),
  )
  const same =
    next.name === previous.name &&
    next.unread === previous.unread &&
    next.failing === previous.failing &&
    sameItems(folders, previous.folders) &&
    sameItems(next.feeds, previous.feeds)
  return same ? previous : { ...next, folders }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i])
}

function sortTree(node: FolderNode): void {
  node.folders.sort((a, b) => a.name.localeCompare(b.name))
  node.feeds.sort((a, b) => a.title.localeCompare(b.title))
  node.folders.forEach(sortTree)
}

/** Every folder path in the library, for pickers: "World/Europe" style, sorted. */
export function folderPaths(feeds: readonly Feed[]): string[] {
  const paths = new Set<string>()
  for (const feed of feeds) {
    for (let depth = 1; depth <= feed.folder.length; depth++)
      paths.add(feed.folder.slice(0, depth).join(FOLDER_SEPARATOR))
  }
  return [...paths].sort((a, b) => a.localeCompare(b))
}

export const FOLDER_SEPARATOR = '/'

/** "World / Europe " → ['World', 'Europe']; blank parts dropped. */
export function parseFolderPath(text: string): string[] {
  return text
    .split(FOLDER_SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** A stable key for a folder path (remembering which folders are collapsed). */
export function folderKey(path: readonly string[]): string {
  return path.join('\u001f')
}
