// Subscription actions the dialogs use (add via discovery, OPML, feed settings, removal). Each
// goes through the contract, then reloads the lists; failures come back as words for the dialog
// that asked, rather than the app-wide message line.
import type { MethodArgs } from '../../../shared/contract'
import type { Feed } from '../../../shared/domain'
import { reader } from '../api/reader'
import { downloadText } from '../ui/download'
import { describeError } from './describe-error'
import { useReader } from './reader-store'

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string }

export interface FoundFeed {
  url: string
  title: string | null
  type: string
}

/** What an address offers: itself when it is a feed, else the feeds its page links to. */
export async function discover(url: string): Promise<Outcome<FoundFeed[]>> {
  const result = await reader.discoverFeeds({ url })
  if (!result.ok) return { ok: false, error: describeError(result.error) }
  return { ok: true, value: result.value }
}

export async function subscribe(url: string, folder: string[]): Promise<Outcome<Feed>> {
  const result = await reader.addFeed({ url, ...(folder.length ? { folder } : {}) })
  if (!result.ok) return { ok: false, error: describeError(result.error) }
  const feed = result.value
  useReader.setState({
    message: { kind: 'info', text: `Subscribed to ${feed.title} (${feed.itemCount} items).` },
  })
  await useReader.getState().refreshLists()
  return { ok: true, value: feed }
}

export async function importOpml(text: string): Promise<Outcome<string>> {
  const result = await reader.importOpml({ text })
  if (!result.ok) return { ok: false, error: describeError(result.error) }
  const { added, alreadySubscribed, skipped } = result.value
  const parts = [`Imported ${added} feed${added === 1 ? '' : 's'}`]
  if (alreadySubscribed) parts.push(`${alreadySubscribed} already followed`)
  if (skipped) parts.push(`${skipped} skipped (no usable address)`)
  await useReader.getState().refreshLists()
  // New subscriptions have never been fetched: fetch them now.
  if (added) void useReader.getState().syncAll({ dueOnly: true })
  return { ok: true, value: `${parts.join(', ')}.` }
}

export async function exportOpml(): Promise<Outcome<string>> {
  const result = await reader.exportOpml({})
  if (!result.ok) return { ok: false, error: describeError(result.error) }
  downloadText(result.value.fileName, result.value.text, 'text/x-opml;charset=utf-8')
  return { ok: true, value: result.value.fileName }
}

export async function updateFeed(patch: MethodArgs<'updateFeed'>): Promise<Outcome<Feed>> {
  const result = await reader.updateFeed(patch)
  if (!result.ok) return { ok: false, error: describeError(result.error) }
  await useReader.getState().refreshLists()
  return { ok: true, value: result.value }
}

export async function removeFeed(feed: Feed): Promise<Outcome<string>> {
  const result = await reader.removeFeed({ feedId: feed.id })
  if (!result.ok) return { ok: false, error: describeError(result.error) }
  const { removedItems, removedAnnotations } = result.value
  const state = useReader.getState()
  if (state.selectedFeedId === feed.id) await state.selectView('all')
  else await state.refreshLists()
  const text =
    `Removed ${feed.title} and its ${removedItems} article${removedItems === 1 ? '' : 's'}` +
    (removedAnnotations
      ? `; its ${removedAnnotations} highlight${removedAnnotations === 1 ? ' is' : 's are'} kept in the data folder (removed/).`
      : '.')
  useReader.setState({ message: { kind: 'info', text } })
  return { ok: true, value: text }
}
