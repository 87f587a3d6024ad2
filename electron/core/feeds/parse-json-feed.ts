// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into ParsedFeed. The spec is
// loose about types in practice (numeric ids, 1.0's `author` in 1.1 feeds, missing titles), so
// every field is read defensively: a wrong-typed field is ignored, never a reason to throw.
// Also home to the small URL helpers parse-feed shares (absoluteHttpUrl, httpBase…).
import { fail, ok, type Result } from '../../../shared/result'
import { collapseWhitespace, htmlToPlainText, textToHtml } from '../articles/html-to-text'
import { parseFeedDate } from './parse-feed-date'
import type {
  FeedFormat,
  ParsedEnclosure,
  ParsedFeed,
  ParsedItem,
  ParseOptions,
} from './parsed-feed'

type Json = Record<string, unknown>

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/([0-9.]+)\/?$/i

export function parseJsonFeed(
  text: string,
  options: ParseOptions,
): Result<ParsedFeed, 'not-a-feed'> {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return fail('not-a-feed', `This is not valid JSON: ${firstLine(error)}`)
  }
  if (!isObject(data)) return fail('not-a-feed', 'This is JSON, but not a JSON Feed')
  const version = typeof data.version === 'string' ? VERSION.exec(data.version.trim()) : null
  if (!version) {
    return fail('not-a-feed', 'This is JSON, but not a JSON Feed (it has no jsonfeed.org version)')
  }
  const warnings: string[] = []
  let format: FeedFormat
  if (version[1] === '1' || version[1] === '1.0') format = 'json1.0'
  else if (version[1] === '1.1') format = 'json1.1'
  else {
    format = 'json1.1'
    warnings.push(`JSON Feed version ${version[1]} is not known; it was read as version 1.1.`)
  }

  const feedUrl = absoluteHttpUrl(str(data.feed_url), options.baseUrl)
  const link = absoluteHttpUrl(str(data.home_page_url), options.baseUrl ?? feedUrl)
  const base = httpBase(options.baseUrl) ?? feedUrl ?? link
  const feedAuthor = authorNames(data)

  if (!Array.isArray(data.items)) {
    warnings.push('The JSON Feed has no "items" list; it was read as empty.')
  }
  const rawItems: unknown[] = Array.isArray(data.items) ? data.items : []
  const items: ParsedItem[] = []
  const badDates: BadDate[] = []
  let skipped = 0
  for (const raw of rawItems) {
    if (!isObject(raw)) {
      skipped++
      continue
    }
    items.push(toItem(raw, base, feedAuthor, badDates))
  }
  if (skipped > 0) {
    warnings.push(`${skipped} of the JSON Feed's items were not objects and were skipped.`)
  }
  const dateWarning = describeBadDates(badDates)
  if (dateWarning) warnings.push(dateWarning)

  return ok({
    format,
    title: collapseWhitespace(str(data.title) ?? ''),
    link,
    feedUrl,
    description: collapseWhitespace(str(data.description) ?? ''),
    language: str(data.language)?.trim() || null,
    items,
    warnings,
  })
}

function toItem(
  raw: Json,
  base: string | null,
  feedAuthor: string | null,
  badDates: BadDate[],
): ParsedItem {
  const id = typeof raw.id === 'number' && Number.isFinite(raw.id) ? String(raw.id) : str(raw.id)
  const link =
    absoluteHttpUrl(str(raw.url), base) ?? absoluteHttpUrl(str(raw.external_url), base) ?? null
  const title = collapseWhitespace(str(raw.title) ?? '')
  const html = str(raw.content_html)?.trim() ?? ''
  const contentText = str(raw.content_text)?.trim() ?? ''
  const contentHtml = html || textToHtml(contentText)
  const summaryText = collapseWhitespace(str(raw.summary) ?? '')
  const bodyText = html ? htmlToPlainText(html) : collapseWhitespace(contentText)
  const label = title || id || link || 'an item'
  const published = readDate(str(raw.date_published), label, badDates)
  const updated = readDate(str(raw.date_modified), label, badDates)

  const enclosures: ParsedEnclosure[] = []
  const seen = new Set<string>()
  if (Array.isArray(raw.attachments)) {
    for (const attachment of raw.attachments) {
      if (!isObject(attachment)) continue
      const url = absoluteHttpUrl(str(attachment.url), base)
      if (!url || seen.has(url)) continue
      seen.add(url)
      enclosures.push({
        url,
        type: str(attachment.mime_type)?.trim().toLowerCase() || null,
        length: byteLength(attachment.size_in_bytes),
      })
    }
  }

  const categories: string[] = []
  if (Array.isArray(raw.tags)) {
    for (const tag of raw.tags) {
      const name = typeof tag === 'string' ? collapseWhitespace(tag) : ''
      if (name && !categories.includes(name)) categories.push(name)
    }
  }

  return {
    guid: id?.trim() || null,
    title,
    link,
    author: authorNames(raw) ?? feedAuthor,
    published: published ?? updated,
    updated,
    contentHtml,
    summary: summaryText && summaryText !== bodyText ? summaryText : '',
    baseUrl: link ?? base,
    enclosures,
    thumbnail:
      absoluteHttpUrl(str(raw.image), base) ?? absoluteHttpUrl(str(raw.banner_image), base),
    categories,
  }
}

/** 1.1's `authors` array, else 1.0's `author` object: the names, joined. */
function authorNames(owner: Json): string | null {
  const list = Array.isArray(owner.authors)
    ? owner.authors
    : isObject(owner.author)
      ? [owner.author]
      : []
  const names: string[] = []
  for (const author of list) {
    if (!isObject(author)) continue
    const name = collapseWhitespace(str(author.name) ?? '')
    if (name && !names.includes(name)) names.push(name)
  }
  return names.length > 0 ? names.join(', ') : null
}

function byteLength(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value.trim()) : value
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// ---------------------------------------------------------------------------------------------
// Shared with parse-feed.ts.

export interface BadDate {
  text: string
  /** The entry's title (or id), to say which one. */
  label: string
}

/** parseFeedDate, remembering text that was there but could not be read. */
export function readDate(
  text: string | null | undefined,
  label: string,
  badDates: BadDate[],
): string | null {
  if (!text || text.trim() === '') return null
  const iso = parseFeedDate(text)
  if (iso === null) badDates.push({ text: text.trim().slice(0, 60), label: label.slice(0, 80) })
  return iso
}

/** One warning for all the entries whose dates could not be read, or null. */
export function describeBadDates(badDates: BadDate[]): string | null {
  const [first] = badDates
  if (!first) return null
  if (badDates.length === 1) {
    return `The date "${first.text}" of "${first.label}" could not be read; the entry is shown without a date.`
  }
  return `${badDates.length} entries have dates that could not be read (the first: "${first.text}" of "${first.label}"); they are shown without a date.`
}

/** An absolute http(s) URL for `value` resolved against `base`, or null (other schemes too). */
export function absoluteHttpUrl(
  value: string | null | undefined,
  base: string | null | undefined,
): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  if (trimmed === '' || trimmed.length > 8192) return null
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    const validBase = httpBase(base)
    if (!validBase) return null
    try {
      url = new URL(trimmed, validBase)
    } catch {
      return null
    }
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
}

/** `base` itself when it is an absolute http(s) URL, else null. */
export function httpBase(base: string | null | undefined): string | null {
  if (typeof base !== 'string' || base.trim() === '') return null
  try {
    const url = new URL(base.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return (message.split('\n')[0] ?? '').trim() || 'unknown error'
}
