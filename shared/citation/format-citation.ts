// A one-line citation in the shape of APA 7 for a news or web article:
//   Author, A. (2026, January 23). Title. Publisher. URL
// Deliberately small: full CSL styles (APA, MLA, Chicago) arrive with the cited-notes issue.
// Dates are formatted in UTC so the same input always gives the same line.

export interface CitationFields {
  title: string
  author: string | null
  publisher: string | null
  published: string | null
  url: string | null
  accessed: string | null
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

export function formatCitation(fields: CitationFields): string {
  const date = parseDate(fields.published)
  const dateText = date
    ? `${date.getUTCFullYear()}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`
    : 'n.d.'
  const title = ensureFinalPeriod(fields.title.trim() || 'Untitled')
  const parts: string[] = []
  // APA puts the title first when there is no author.
  if (fields.author)
    parts.push(`${ensureFinalPeriod(fields.author.trim())} (${dateText}).`, `*${title}*`)
  else parts.push(`*${title}*`, `(${dateText}).`)
  if (fields.publisher && fields.publisher !== fields.author) {
    parts.push(ensureFinalPeriod(fields.publisher.trim()))
  }
  if (fields.url) parts.push(fields.url)
  const accessed = parseDate(fields.accessed)
  if (accessed) parts.push(`(accessed ${accessed.toISOString().slice(0, 10)})`)
  return parts.join(' ')
}

function parseDate(value: string | null): Date | null {
  if (!value) return null
  // A date-time without a zone (an in-body dateline) is a wall-clock time: read it as UTC so
  // the UTC getters give back the day it names, whatever the machine's time zone.
  const wallClock = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(value)
  const date = new Date(wallClock ? `${value}Z` : value)
  return Number.isNaN(date.getTime()) ? null : date
}

function ensureFinalPeriod(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}
