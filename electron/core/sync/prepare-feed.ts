// The CPU-heavy part of a sync, as one pure function that can run in a worker thread: decode
// the bytes, parse the feed, and turn each parsed item into a stored item (stable id, story key,
// snippet, content hash) plus its raw body. No I/O and no sanitizing here: bodies are stored raw
// and sanitized when they leave the core, so sync stays fast without weakening what the user sees.
import { ok, type ReaderError } from '../../../shared/result'
import { snippetOf } from '../articles/html-to-text'
import { canonicalStoryKey } from '../feeds/canonical-url'
import { decodeFeedBytes } from '../feeds/decode-feed-bytes'
import { offeredFeeds, webPageMessage, type OfferedFeed } from '../feeds/offered-feeds'
import { parseFeed, WEB_PAGE } from '../feeds/parse-feed'
import type { FeedFormat, ParsedItem } from '../feeds/parsed-feed'
import { itemIdFor, sha256Hex } from '../ids'
import type { StoredItem } from '../store/library-store'

export interface PrepareInput {
  bytes: Uint8Array
  contentType: string | null
  /** Content-Location or the final URL after redirects: the base for relative links. */
  baseUrl: string
  feedId: string
  /** ISO time of this fetch: first-seen time for new items. */
  now: string
}

export interface PreparedItem {
  item: StoredItem
  html: string
}

export interface PreparedFeed {
  format: FeedFormat
  charset: string
  title: string
  link: string | null
  feedUrl: string | null
  description: string
  language: string | null
  items: PreparedItem[]
  warnings: string[]
}

/** Not a feed; for a web page, the feeds it offers (for the reader to subscribe to instead). */
export interface NotAFeed {
  ok: false
  error: ReaderError<'not-a-feed'> & { feeds?: OfferedFeed[] }
}

export async function prepareFeed(
  input: PrepareInput,
): Promise<{ ok: true; value: PreparedFeed } | NotAFeed> {
  const decoded = decodeFeedBytes(input.bytes, input.contentType)
  const parsed = await parseFeed(decoded.text, { baseUrl: input.baseUrl })
  if (!parsed.ok) {
    if (parsed.error.message !== WEB_PAGE) return { ok: false, error: parsed.error }
    const feeds = offeredFeeds(decoded.text, input.baseUrl)
    return { ok: false, error: { code: 'not-a-feed', message: webPageMessage(feeds), feeds } }
  }
  const feed = parsed.value
  const seen = new Set<string>()
  const items: PreparedItem[] = []
  for (const parsedItem of feed.items) {
    const prepared = prepareItem(parsedItem, input)
    // A feed that lists the same item twice keeps the first (newest) copy.
    if (seen.has(prepared.item.id)) continue
    seen.add(prepared.item.id)
    items.push(prepared)
  }
  return ok({
    format: feed.format,
    charset: decoded.charset,
    title: collapse(feed.title),
    link: feed.link,
    feedUrl: feed.feedUrl,
    description: collapse(feed.description),
    language: feed.language,
    items,
    warnings: [...decoded.warnings, ...feed.warnings],
  })
}

export function prepareItem(
  parsed: ParsedItem,
  input: Pick<PrepareInput, 'feedId' | 'now' | 'baseUrl'>,
): PreparedItem {
  const html = parsed.contentHtml || (parsed.summary ? `<p>${escapeText(parsed.summary)}</p>` : '')
  const snippet = snippetOf(
    parsed.summary && !parsed.contentHtml ? escapeText(parsed.summary) : html,
  )
  const title = collapse(parsed.title) || snippet.slice(0, 80) || 'Untitled'
  return {
    html,
    item: {
      id: itemIdFor(input.feedId, {
        guid: parsed.guid,
        link: parsed.link,
        title,
        published: parsed.published,
      }),
      guid: parsed.guid,
      title,
      link: parsed.link,
      storyKey: canonicalStoryKey(parsed.link),
      author: parsed.author ? collapse(parsed.author) : null,
      published: parsed.published,
      updated: parsed.updated,
      firstSeenAt: input.now,
      fetchedAt: input.now,
      snippet,
      summary: parsed.summary,
      baseUrl: parsed.baseUrl ?? parsed.link ?? input.baseUrl,
      enclosures: parsed.enclosures,
      thumbnail: parsed.thumbnail,
      categories: parsed.categories,
      bodyHash: sha256Hex(html),
    },
  }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
