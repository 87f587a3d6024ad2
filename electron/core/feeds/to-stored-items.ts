// Converts the parser's items into stored items: sanitized body (saved content-addressed),
// stable id, a plain-text snippet. The one place where feed output becomes library data.
import type { ParsedItem } from './parse-feed'
import type { StoredItem } from '../store/library-store'
import { itemIdFor } from '../ids'
import { sanitizeHtml } from '../articles/sanitize-html'

export const SNIPPET_CHARS = 240

export interface PreparedItem {
  item: StoredItem
  html: string
}

export function toStoredItem(
  parsed: ParsedItem,
  feedId: string,
  feedUrl: string,
  now: Date,
  hashBody: (html: string) => string,
): PreparedItem {
  const base = absoluteOrNull(parsed.link, feedUrl) ?? feedUrl
  const clean = sanitizeHtml(parsed.contentHtml || escapeText(parsed.summary), base)
  const link = absoluteOrNull(parsed.link, feedUrl)
  const title = collapse(parsed.title) || collapse(clean.text).slice(0, 80) || 'Untitled'
  const seen = now.toISOString()
  return {
    html: clean.html,
    item: {
      id: itemIdFor(feedId, { guid: parsed.guid, link, title, published: parsed.published }),
      guid: parsed.guid,
      title,
      link,
      author: parsed.author ? collapse(parsed.author) : null,
      published: parsed.published,
      firstSeenAt: seen,
      fetchedAt: seen,
      snippet: collapse(clean.text || parsed.summary).slice(0, SNIPPET_CHARS),
      bodyHash: hashBody(clean.html),
    },
  }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function absoluteOrNull(link: string | null, base: string): string | null {
  if (!link) return null
  try {
    const url = new URL(link, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
