// The search box's language, parsed without throwing: free words, "quoted phrases", -negated
// words or phrases, and filters — tag:X, feed:X, folder:X, is:unread|read|starred|annotated,
// after:DATE, before:DATE (DATE is YYYY, YYYY-MM or YYYY-MM-DD, in UTC). A value may be quoted
// (feed:"Harbour Wire"). An unknown `word:thing` stays free text. What cannot be understood is
// reported in `problems` and left out; the rest of the query still runs.
import { terms } from './tokenize'

export const IS_VALUES = ['unread', 'read', 'starred', 'annotated'] as const
export type IsValue = (typeof IS_VALUES)[number]

export interface SearchFilters {
  /** Items with an annotation carrying each of these tags (lower case). */
  tags: string[]
  /** Each: a feed id, or words all found in a feed's title. */
  feeds: string[]
  /** Each: a folder name (any level) or path (A/B), case-insensitive. */
  folders: string[]
  is: IsValue[]
  /** ISO timestamps: published at or after `after`, strictly before `before`. */
  after: string | null
  before: string | null
}

export interface ParsedQuery {
  /** Words every hit contains, normalized (see tokenize). */
  terms: string[]
  /** The word still being typed (no space after it yet): matches words starting with it. */
  prefix: string | null
  /** Word sequences every hit contains in this order. */
  phrases: string[][]
  /** Words or phrases no hit contains. */
  excluded: string[][]
  filters: SearchFilters
  problems: string[]
}

const FILTER_KEYS = new Set(['tag', 'feed', 'folder', 'is', 'after', 'before'])
/** key:value, key:"quoted value", -word, -"phrase", "phrase", word. */
const PART = /(-?)(?:([A-Za-z]+):(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+))/g

/**
 * A date word as the start of the period it names, in UTC, or null when it is not a real date:
 * after:2026-03 keeps items from 1 March 2026 on, before:2026-03 items until the end of February.
 */
export function parseDateWord(value: string): string | null {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const month = match[2] ? Number(match[2]) : 1
  const day = match[3] ? Number(match[3]) : 1
  const date = new Date(Date.UTC(year, month - 1, day))
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null
  return date.toISOString()
}

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = {
    terms: [],
    prefix: null,
    phrases: [],
    excluded: [],
    filters: { tags: [], feeds: [], folders: [], is: [], after: null, before: null },
    problems: [],
  }
  const typing = query.length > 0 && !/\s$/.test(query)
  let lastFreeWord: { index: number; raw: string } | null = null
  for (const match of query.matchAll(PART)) {
    const [whole, minus, key, quotedValue, value, phrase, word] = match
    const negated = minus === '-'
    const atEnd = match.index + whole.length === query.length
    if (key !== undefined && FILTER_KEYS.has(key.toLowerCase())) {
      const name = key.toLowerCase()
      const text = (quotedValue ?? value ?? '').trim()
      if (negated) parsed.problems.push(`-${name}: is not supported; leave out the minus`)
      else applyFilter(parsed, name, text)
      continue
    }
    // Anything else is text: an unknown key:value keeps its words.
    const raw = key !== undefined ? whole.slice(negated ? 1 : 0) : (phrase ?? word ?? '')
    const words = terms(
      key !== undefined && quotedValue !== undefined ? `${key} ${quotedValue}` : raw,
    )
    if (words.length === 0) continue
    const isPhrase = phrase !== undefined || words.length > 1
    if (negated) parsed.excluded.push(words)
    else if (isPhrase) parsed.phrases.push(words)
    else {
      parsed.terms.push(words[0]!)
      lastFreeWord = atEnd && word !== undefined ? { index: parsed.terms.length - 1, raw } : null
    }
  }
  if (typing && lastFreeWord) {
    parsed.prefix = parsed.terms.splice(lastFreeWord.index, 1)[0] ?? null
  }
  return parsed
}

function applyFilter(parsed: ParsedQuery, name: string, value: string): void {
  const filters = parsed.filters
  if (!value) {
    parsed.problems.push(`${name}: needs a value`)
    return
  }
  switch (name) {
    case 'tag':
      filters.tags.push(value.toLowerCase())
      return
    case 'feed':
      filters.feeds.push(value)
      return
    case 'folder':
      filters.folders.push(value)
      return
    case 'is': {
      const wanted = value.toLowerCase()
      if ((IS_VALUES as readonly string[]).includes(wanted)) filters.is.push(wanted as IsValue)
      else parsed.problems.push(`is: takes ${IS_VALUES.join(', ')} (not "${value}")`)
      return
    }
    case 'after':
    case 'before': {
      const date = parseDateWord(value)
      if (!date) parsed.problems.push(`${name}: needs a date like 2026-01-31 (not "${value}")`)
      else filters[name] = date
      return
    }
  }
}

/** True when the query asks for words (not only filters): hits are then ranked by relevance. */
export function hasText(query: ParsedQuery): boolean {
  return query.terms.length > 0 || query.phrases.length > 0 || query.prefix !== null
}
