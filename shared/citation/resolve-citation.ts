// Decides what an article is cited as: title, authors, publisher, date, URL, language and item type,
// from three layers of evidence, best first:
//   1. the page's own metadata (citation_* > JSON-LD > article:/og: > Dublin Core / plain meta),
//   2. the byline and dateline found in the article body (the reposted original's author and date),
//   3. the feed item's fields.
// User edits win over all of them. A feed author that is a relay or import bot ("NewsRelay Bot")
// is never cited: a real byline replaces it, and with nothing better the article has no author.
// Pure: no I/O, no clock (the access date is passed in). Also the small normalisers (dates, author
// names, language tags) the page-metadata extractor shares.
import {
  SOURCE_RANK,
  type CitationItemType,
  type Field,
  type MetadataSource,
  type PageMetadata,
} from './page-metadata-types'

export interface CitationRecord {
  title: string
  authors: string[]
  publisher: string | null
  published: string | null
  url: string | null
  accessed: string
  language: string | null
  type: CitationItemType
  /** Which source won each field: 'edit', 'page:<source>', 'byline', 'feed', 'publisher' (type
   *  inferred from a news publisher), 'default' or 'none'. */
  sources: Record<string, string>
}

export interface CitationInput {
  page: PageMetadata | null
  /** The original byline and dateline found in the body; `source` is the original outlet's name
   *  when the body names it (e.g. the "Some News" of "Some NewsRead More"). */
  byline: { author: string | null; date: string | null; source?: string | null } | null
  feed: {
    title: string
    author: string | null
    published: string | null
    link: string | null
    feedTitle: string
    language: string | null
  }
  accessed: string
  edits?: Partial<CitationRecord>
}

interface Candidate<T> {
  value: T
  source: string
}

// Per-field order of page sources (lower first). Canonical URLs trust <link rel=canonical> most;
// languages trust <html lang> over og:locale, which plugins often leave at en_US.
const URL_RANK: Partial<Record<MetadataSource, number>> = { link: 0, citation: 1, jsonld: 2, og: 3 }
const LANGUAGE_RANK: Partial<Record<MetadataSource, number>> = {
  citation: 0,
  jsonld: 1,
  html: 2,
  dc: 3,
  meta: 4,
  og: 5,
}

export function resolveCitation(input: CitationInput): CitationRecord {
  const { page, byline, feed } = input
  const edits = input.edits ?? {}
  const sources: Record<string, string> = {}

  function pick<T>(
    field: string,
    edited: T | undefined,
    candidates: Candidate<T | null>[],
    fallback: Candidate<T>,
  ): T {
    if (edited !== undefined) {
      sources[field] = 'edit'
      return edited
    }
    for (const candidate of candidates) {
      if (candidate.value !== null) {
        sources[field] = candidate.source
        return candidate.value
      }
    }
    sources[field] = fallback.source
    return fallback.value
  }

  const pageTitles = ranked(page?.title ?? [])
  const title = pick(
    'title',
    edits.title?.trim() || undefined,
    [
      ...pageTitles
        .filter((f) => f.source !== 'html')
        .map((f) => ({ value: nonEmpty(f.value), source: `page:${f.source}` })),
      { value: nonEmpty(feed.title), source: 'feed' },
      ...pageTitles
        .filter((f) => f.source === 'html')
        .map((f) => ({ value: nonEmpty(f.value), source: `page:${f.source}` })),
    ],
    { value: '', source: 'none' },
  )

  const authors = pick<string[]>(
    'authors',
    edits.authors?.map((a) => a.trim()).filter((a) => a !== ''),
    [
      ...ranked(page?.authors ?? []).map((f) => ({
        value: citableAuthors(f.value),
        source: `page:${f.source}`,
      })),
      { value: citableAuthors(byline?.author ? [byline.author] : []), source: 'byline' },
      { value: citableAuthors(feed.author ? [feed.author] : []), source: 'feed' },
    ],
    { value: [], source: 'none' },
  )

  const publisher = pick<string | null>(
    'publisher',
    edits.publisher === undefined ? undefined : edits.publisher?.trim() || null,
    [
      ...ranked(page?.publisher ?? []).map((f) => ({
        value: citablePublisher(f.value),
        source: `page:${f.source}`,
      })),
      { value: citablePublisher(byline?.source ?? null), source: 'byline' },
      { value: citablePublisher(feed.feedTitle), source: 'feed' },
    ],
    { value: null, source: 'none' },
  )

  const published = pick<string | null>(
    'published',
    edits.published === undefined
      ? undefined
      : edits.published && (toIsoDate(edits.published) ?? edits.published.trim()),
    [
      ...ranked(page?.published ?? []).map((f) => ({
        value: toIsoDate(f.value),
        source: `page:${f.source}`,
      })),
      { value: toIsoDate(byline?.date ?? null), source: 'byline' },
      { value: toIsoDate(feed.published), source: 'feed' },
    ],
    { value: null, source: 'none' },
  )

  const url = pick<string | null>(
    'url',
    edits.url === undefined ? undefined : edits.url?.trim() || null,
    [
      ...ranked(page?.canonicalUrl ?? [], URL_RANK).map((f) => ({
        value: httpUrl(f.value),
        source: `page:${f.source}`,
      })),
      { value: httpUrl(feed.link), source: 'feed' },
    ],
    { value: null, source: 'none' },
  )

  const language = pick<string | null>(
    'language',
    edits.language === undefined ? undefined : edits.language?.trim() || null,
    [
      ...ranked(page?.language ?? [], LANGUAGE_RANK).map((f) => ({
        value: normalizeLanguage(f.value),
        source: `page:${f.source}`,
      })),
      { value: normalizeLanguage(feed.language), source: 'feed' },
    ],
    { value: null, source: 'none' },
  )

  // A specific type (news, blog post) from any page source beats a generic "webpage".
  const pageTypes = ranked(page?.type ?? [])
  const specific = pageTypes.filter((f) => f.value !== 'webpage')
  const type = pick<CitationItemType>(
    'type',
    edits.type,
    [
      ...[...specific, ...pageTypes.filter((f) => f.value === 'webpage')].map((f) => ({
        value: f.value,
        source: `page:${f.source}`,
      })),
      {
        value: publisher && looksLikeNewsPublisher(publisher) ? 'newspaperArticle' : null,
        source: 'publisher',
      },
    ],
    { value: 'webpage', source: 'default' },
  )

  const accessed = pick('accessed', edits.accessed?.trim() || undefined, [], {
    value: input.accessed,
    source: 'accessed',
  })

  return { title, authors, publisher, published, url, accessed, language, type, sources }
}

function ranked<T>(
  fields: Field<T>[],
  rank: Partial<Record<MetadataSource, number>> = SOURCE_RANK,
): Field<T>[] {
  const order = (f: Field<T>) => rank[f.source] ?? 100
  return fields
    .map((field, index) => ({ field, index }))
    .sort((a, b) => order(a.field) - order(b.field) || a.index - b.index)
    .map(({ field }) => field)
}

function nonEmpty(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim()
  return text ? text : null
}

/** Cleaned, de-duplicated person names without bots; null when none is left. */
function citableAuthors(raw: string[]): string[] | null {
  const names: string[] = []
  const seen = new Set<string>()
  for (const value of raw) {
    for (const name of cleanAuthorNames(value)) {
      const key = name.toLowerCase()
      if (looksLikeBot(name) || seen.has(key)) continue
      seen.add(key)
      names.push(name)
    }
  }
  return names.length > 0 ? names : null
}

function citablePublisher(raw: string | null): string | null {
  const name = nonEmpty(raw)
  return name && !looksLikeBot(name) ? name : null
}

function httpUrl(raw: string | null): string | null {
  const text = raw?.trim()
  if (!text) return null
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

// ---------------------------------------------------------------------------------------------
// Bots and publishers

const BOT_WORDS = new Set([
  'bot',
  'bots',
  'relay',
  'imported',
  'importer',
  'admin',
  'administrator',
  'rss',
  'feed',
  'feeds',
  'noreply',
  'autopost',
  'aggregator',
])

/** True for names of relays and import bots: "NewsRelay Bot", "rss-importer", "admin", "Feed
 *  Relay", "NewsBot". Surnames that merely end in "bot" (Talbot, Abbot) are people. */
export function looksLikeBot(name: string): boolean {
  const text = name.trim()
  if (text === '') return false
  // "…Bot" as its own word or a CamelCase suffix: "NewsRelay Bot", "NewsBot", "news_bot".
  if (/(?:^|[^\p{L}])bot$/iu.test(text) || /\p{Ll}Bot$/u.test(text)) return true
  if (/^(?:news|feed|rss|auto|import)bot$/i.test(text)) return true
  // Words, with CamelCase split: "NewsRelay" → news relay.
  const words = text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
  return words.some((word) => BOT_WORDS.has(word))
}

const NEWS_WORDS =
  /(?<![\p{L}])(?:news|times|post|herald|gazette|tribune|journal|daily|press|telegraph|chronicle|observer|guardian|independent|agency|wire|reuters|bloomberg|bbc|cnn|npr|afp|ap|dpa|tass|interfax|ukrinform|meduza|новости|известия|ведомости|коммерсантъ?|тасс|риа|интерфакс|газета|правда)(?![\p{L}])/iu

/** True when a publisher's name marks it as news: "Reuters", "Kyiv Post", "РИА Новости". */
export function looksLikeNewsPublisher(name: string): boolean {
  return NEWS_WORDS.test(name)
}

// ---------------------------------------------------------------------------------------------
// Author names

const BY_PREFIX =
  /^(?:(?:written|posted|reported|story|text|words)\s+by|by|von|par|por|автор(?:ы)?|текст|author(?:s)?)\s*[:\-–—]?\s+/iu

/** Person names from one author value: "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"];
 *  "Doe, Jane" → ["Jane Doe"]; URLs, e-mail addresses and empty values → []. */
export function cleanAuthorNames(raw: string): string[] {
  if (raw.length > 1000) return [] // a bio or a blob, not a byline; also bounds the regexes
  let text = raw
    .replace(/\s+/g, ' ')
    .replace(/\(\s*[^()\s]+@[^()\s]+\s*\)/g, ' ') // "(jane@example.com)"
    .trim()
  text = text.replace(BY_PREFIX, '').trim()
  if (text === '' || isUrlOrEmail(text)) return []
  const names: string[] = []
  for (const part of text.split(/\s*(?:;|&|\s(?:and|und|et|y|и)\s)\s*/iu)) {
    const commaParts = part.split(/\s*,\s*/).filter((p) => p !== '')
    if (commaParts.length === 2 && wordCount(commaParts[0]!) === 1 && !/\band\b/i.test(part)) {
      // "Doe, Jane A." → "Jane A. Doe"
      names.push(`${commaParts[1]} ${commaParts[0]}`)
    } else if (commaParts.length > 1 && commaParts.every((p) => wordCount(p) >= 2)) {
      names.push(...commaParts)
    } else {
      names.push(part)
    }
  }
  return names
    .map((name) => name.replace(BY_PREFIX, '').replace(/^[\s,.;:]+|[\s,;:]+$/g, ''))
    .filter((name) => name !== '' && name.length <= 100 && /\p{L}/u.test(name))
    .filter((name) => !isUrlOrEmail(name))
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length
}

function isUrlOrEmail(text: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ||
    /^www\./i.test(text) ||
    /^[^\s/]+\.[a-z]{2,}\/\S*$/i.test(text) || // facebook.com/jane.doe
    /^\S+@\S+\.\S+$/.test(text)
  )
}

// ---------------------------------------------------------------------------------------------
// Language tags

/** A BCP 47-looking tag: "en_US" → "en-US", "RU" → "ru"; anything else → null. */
export function normalizeLanguage(raw: string | null | undefined): string | null {
  const text = raw?.trim().replace(/_/g, '-')
  if (!text || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(text)) return null
  const [primary, ...rest] = text.split('-')
  return [
    primary!.toLowerCase(),
    ...rest.map((sub) => (sub.length === 2 ? sub.toUpperCase() : sub)),
  ].join('-')
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTH_PREFIXES: [string, number][] = [
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['may', 5],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
  ['янв', 1],
  ['фев', 2],
  ['мар', 3],
  ['апр', 4],
  ['мая', 5],
  ['май', 5],
  ['июн', 6],
  ['июл', 7],
  ['авг', 8],
  ['сен', 9],
  ['окт', 10],
  ['ноя', 11],
  ['дек', 12],
]

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase()
  if (lower.length < 3) return null
  for (const [prefix, month] of MONTH_PREFIXES) if (lower.startsWith(prefix)) return month
  return null
}

// Time after a date: "10:40", "– 10:40", ", 10:40:05", "at 10:40 pm", "в 10:40".
const TIME = String.raw`(?:\s*(?:[,–—-]|at|в)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([ap]\.?\s?m\.?)?)?`
const WEEKDAY = String.raw`(?:\p{L}+\.?,?\s+)?`
const ISO = new RegExp(
  String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(.*)$`,
  'u',
)
const YEAR_FIRST = /^(\d{4})(?:[/.](\d{1,2})(?:[/.](\d{1,2}))?)?$|^(\d{4})-(\d{2})$|^(\d{4})$/
const NUMERIC = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})([/.])(\d{1,2})\2(\d{4})${TIME}(.*)$`,
  'iu',
)
const DAY_MONTH = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})\.?\s+(\p{L}+)\.?,?\s+(\d{4})(?:\s*г\.?)?${TIME}(.*)$`,
  'iu',
)
const MONTH_DAY = new RegExp(
  String.raw`^${WEEKDAY}(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}(.*)$`,
  'iu',
)

/** ISO 8601 from the date shapes pages, bylines and feeds use, keeping only the precision stated:
 *  "2026-01-23T10:40:00Z" → same; "2026/01/23" → "2026-01-23"; "Fri, 01/23/2026 – 10:40" →
 *  "2026-01-23T10:40"; "23 января 2026, 10:40" → "2026-01-23T10:40"; RFC 822 → with its offset.
 *  Null when the text is not a date. */
export function toIsoDate(raw: string | null | undefined): string | null {
  const text = raw?.replace(/\s+/g, ' ').trim()
  if (!text || text.length > 120) return null

  let m = ISO.exec(text)
  if (m) {
    const zone = parseZone(m[7]!)
    if (zone === undefined) return null
    return build(+m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6], undefined, zone)
  }
  m = YEAR_FIRST.exec(text)
  if (m) {
    const year = +(m[1] ?? m[4] ?? m[6])!
    const month = m[2] ?? m[5]
    if (year < 1000) return null
    if (month === undefined) return String(year)
    if (+month < 1 || +month > 12) return null
    if (m[3] === undefined) return `${year}-${pad(+month)}`
    return build(year, +month, +m[3], undefined, undefined, undefined, undefined, '')
  }
  m = NUMERIC.exec(text)
  if (m) {
    const zone = parseZone(m[9]!)
    if (zone === undefined) return null
    let first = +m[1]!
    let second = +m[3]!
    // Dotted dates are day-first (23.01.2026); slashed ones month-first unless that is impossible.
    if (m[2] === '.' || first > 12) [first, second] = [second, first]
    return build(+m[4]!, first, second, m[5], m[6], m[7], m[8], zone)
  }
  m = DAY_MONTH.exec(text)
  if (m && monthNumber(m[2]!)) {
    const zone = parseZone(m[8]!)
    if (zone !== undefined)
      return build(+m[3]!, monthNumber(m[2]!)!, +m[1]!, m[4], m[5], m[6], m[7], zone)
  }
  m = MONTH_DAY.exec(text)
  if (m && monthNumber(m[1]!)) {
    const zone = parseZone(m[8]!)
    if (zone !== undefined)
      return build(+m[3]!, monthNumber(m[1]!)!, +m[2]!, m[4], m[5], m[6], m[7], zone)
  }
  // Last resort for other shapes with an explicit zone, which Date parses unambiguously.
  if (/(?:\b(?:GMT|UTC)\b|Z$|[+-]\d{2}:?\d{2}$)/.test(text)) {
    const time = Date.parse(text)
    if (!Number.isNaN(time)) return new Date(time).toISOString().replace('.000Z', 'Z')
  }
  return null
}

/** '' for no zone, 'Z' or '+hh:mm' for a zone, undefined when the rest is not a zone. */
function parseZone(rest: string): string | undefined {
  const text = rest.trim()
  if (text === '' || /^\([^)]*\)$/.test(text)) return ''
  if (/^(?:Z|UTC|GMT|UT)$/i.test(text)) return 'Z'
  const m = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(text)
  if (!m) return undefined
  const hours = +m[2]!
  const minutes = +(m[3] ?? 0)
  if (hours > 14 || minutes > 59) return undefined
  if (hours === 0 && minutes === 0) return 'Z'
  return `${m[1]}${pad(hours)}:${pad(minutes)}`
}

function build(
  year: number,
  month: number,
  day: number,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  meridiem: string | undefined,
  zone: string,
): string | null {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return null
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null
  const date = `${year}-${pad(month)}-${pad(day)}`
  if (hour === undefined || minute === undefined) return date
  let h = +hour
  if (meridiem) {
    if (h < 1 || h > 12) return null
    const pm = meridiem.toLowerCase().startsWith('p')
    h = (h % 12) + (pm ? 12 : 0)
  }
  if (h > 23 || +minute > 59 || (second !== undefined && +second > 59)) return null
  return `${date}T${pad(h)}:${minute}${second !== undefined ? `:${second}` : ''}${zone}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
