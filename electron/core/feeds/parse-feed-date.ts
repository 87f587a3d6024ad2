// Reads the dates feeds carry into ISO 8601 UTC strings. Two families cover real feeds:
//   - ISO 8601 / W3C-DTF (Atom, dc:date, JSON Feed): 2026-01-23T10:40:00+01:00 and its subsets.
//   - RFC 822 / RFC 2822 (RSS pubDate) and what publishers actually write in its place: no weekday
//     or a wrong one, two-digit years, missing seconds, full month names, RFC 850 and asctime
//     orders, JavaScript's Date#toString ("GMT+0100 (Central European Time)"), stray commas/dots.
// The host time zone is never used: a date without a zone is read as UTC (see below), and there
// is deliberately no fallback to `new Date(text)`, whose reading of non-ISO text is
// implementation-defined and uses the host zone for zone-less input, so the same feed would sort
// differently on two machines. Text this module cannot read gives null, and the caller shows the
// entry undated rather than misdated.

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}

const WEEKDAYS = new Set([
  'mon',
  'monday',
  'tue',
  'tues',
  'tuesday',
  'wed',
  'weds',
  'wednesday',
  'thu',
  'thur',
  'thurs',
  'thursday',
  'fri',
  'friday',
  'sat',
  'saturday',
  'sun',
  'sunday',
])

/**
 * Named zones, as minutes east of UTC. RFC 822 defines UT, GMT and the four US zones; the rest are
 * common in feeds and mean one thing only. Deliberately absent because they are ambiguous:
 * BST (British Summer / Bangladesh), IST (India / Ireland / Israel), AST (Atlantic / Arabia),
 * CST beyond its RFC 822 meaning (China), ECT, SST. An unknown zone name is read as UTC (below).
 */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -5 * 60,
  edt: -4 * 60,
  cst: -6 * 60,
  cdt: -5 * 60,
  mst: -7 * 60,
  mdt: -6 * 60,
  pst: -8 * 60,
  pdt: -7 * 60,
  // Unambiguous extras seen in feeds.
  wet: 0,
  west: 60,
  cet: 60,
  cest: 2 * 60,
  met: 60,
  mest: 2 * 60,
  eet: 2 * 60,
  eest: 3 * 60,
  msk: 3 * 60,
  jst: 9 * 60,
  kst: 9 * 60,
  hkt: 8 * 60,
  sgt: 8 * 60,
  aest: 10 * 60,
  aedt: 11 * 60,
  acst: 9 * 60 + 30,
  acdt: 10 * 60 + 30,
  awst: 8 * 60,
  nzst: 12 * 60,
  nzdt: 13 * 60,
  akst: -9 * 60,
  akdt: -8 * 60,
  hst: -10 * 60,
  nst: -(3 * 60 + 30),
  ndt: -(2 * 60 + 30),
}

/** Longer text than this is not a date; refusing it early keeps every step cheap. */
const MAX_DATE_CHARS = 200

// Anchored, with no nested quantifiers: each match is linear in the input.
const ISO_DATE =
  /^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2})(?:(?:[Tt]|\s+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?\s*(Z|z|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?)?)?)?$/
const SLASH_DATE =
  /^([0-9]{4})\/([0-9]{1,2})\/([0-9]{1,2})(?:(?:[Tt]|\s+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?\s*(Z|UTC|GMT|[+-][0-9]{2}:?[0-9]{2})?$/
const TIME = /^([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?$/
const TIME_WITH_SUFFIX = /^([0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)([a-z+-].*)$/
const NUMERIC_ZONE = /^([+-])([0-9]{2}):?([0-9]{2})$/
const HOUR_ZONE = /^([+-])([0-9]{1,2})$/
const NAMED_OFFSET_ZONE = /^(gmt|utc|ut)([+-][0-9]{1,2}(?::?[0-9]{2})?)$/
const DAY = /^([0-9]{1,2})(?:st|nd|rd|th)?$/
const HYPHEN_DATE = /^([0-9]{1,2})-([a-z]+)-([0-9]{2,4})$/

interface Parts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  /** Minutes east of UTC. */
  offset: number
}

export function parseFeedDate(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.length > MAX_DATE_CHARS) return null
  const parts = parseIso(trimmed) ?? parseRfc822(trimmed)
  return parts ? toIso(parts) : null
}

function parseIso(text: string): Parts | null {
  const iso = ISO_DATE.exec(text)
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction, zone] = iso
    const offset = zone === undefined ? 0 : zoneOffset(zone.toLowerCase())
    if (offset === null) return null
    return {
      year: Number(year),
      month: month === undefined ? 1 : Number(month),
      day: day === undefined ? 1 : Number(day),
      hour: hour === undefined ? 0 : Number(hour),
      minute: minute === undefined ? 0 : Number(minute),
      second: second === undefined ? 0 : Number(second),
      millisecond: fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')),
      // No zone: W3C-DTF requires one with a time, so a zone-less time is a publisher's slip;
      // the publisher's zone is unknowable, and UTC (unlike the reader's own zone) gives every
      // machine the same answer and is what most feed-generating servers run in.
      offset,
    }
  }
  const slash = SLASH_DATE.exec(text)
  if (slash) {
    // 2026/01/23 10:40:00: year first, so unambiguous (unlike 01/02/2026, which is refused).
    const [, year, month, day, hour, minute, second, zone] = slash
    const offset = zone === undefined ? 0 : zoneOffset(zone.toLowerCase())
    if (offset === null) return null
    return {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: hour === undefined ? 0 : Number(hour),
      minute: minute === undefined ? 0 : Number(minute),
      second: second === undefined ? 0 : Number(second),
      millisecond: 0,
      offset,
    }
  }
  return null
}

/**
 * RFC 822/2822 and friends, read token by token in any order: a month name, a day, a year, a
 * time and a zone, ignoring weekdays (often wrong in real feeds) and parenthesised comments.
 */
function parseRfc822(text: string): Parts | null {
  const tokens = tokenize(text)
  let month: number | null = null
  let day: number | null = null
  let year: number | null = null
  let time: { hour: number; minute: number; second: number; millisecond: number } | null = null
  let offset: number | null = null
  let meridiem: 'am' | 'pm' | null = null

  for (const token of tokens) {
    if (WEEKDAYS.has(token) || token === 'at' || token === 'on' || token === 'the') continue
    const monthNumber = MONTHS[token]
    if (monthNumber !== undefined && month === null) {
      month = monthNumber
      continue
    }
    const timeMatch = TIME.exec(token)
    if (timeMatch && time === null) {
      const [, h, m, s, fraction] = timeMatch
      time = {
        hour: Number(h),
        minute: Number(m),
        second: s === undefined ? 0 : Number(s),
        millisecond: fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')),
      }
      continue
    }
    if ((token === 'am' || token === 'pm') && time !== null && meridiem === null) {
      meridiem = token
      continue
    }
    const hyphen = HYPHEN_DATE.exec(token)
    if (hyphen && day === null && month === null && year === null) {
      // RFC 850: 23-Jan-26
      const [, d, m, y] = hyphen
      const namedMonth = MONTHS[m ?? '']
      if (namedMonth === undefined) return null
      day = Number(d)
      month = namedMonth
      year = expandYear(y ?? '')
      continue
    }
    if (/^[0-9]+$/.test(token)) {
      if (token.length === 4 && year === null) year = Number(token)
      else if (token.length <= 2 && day === null) day = Number(token)
      else if (token.length <= 3 && year === null) year = expandYear(token)
      else return null
      continue
    }
    const dayMatch = DAY.exec(token)
    if (dayMatch && day === null) {
      day = Number(dayMatch[1])
      continue
    }
    if (offset === null && time !== null) {
      const zone = zoneOffset(token)
      if (zone !== null) {
        offset = zone
        continue
      }
      // An unknown alphabetic zone name after the time (a typo, or one left out of ZONES for
      // being ambiguous): the clock time is still right to within a day, so read it as UTC
      // rather than drop the date.
      if (/^[a-z]{1,5}$/.test(token)) {
        offset = 0
        continue
      }
    }
    return null
  }

  if (month === null || day === null || year === null) return null
  const clock = time ?? { hour: 0, minute: 0, second: 0, millisecond: 0 }
  if (meridiem !== null) {
    if (clock.hour < 1 || clock.hour > 12) return null
    clock.hour = (clock.hour % 12) + (meridiem === 'pm' ? 12 : 0)
  }
  return { year, month, day, ...clock, offset: offset ?? 0 }
}

function tokenize(text: string): string[] {
  const withoutComments = text.toLowerCase().replace(/\([^()]*\)/g, ' ')
  const tokens: string[] = []
  for (const raw of withoutComments.split(/[\s,]+/)) {
    // "Jan." "Fri." "2026." — a trailing dot is punctuation, not part of the token.
    const token = raw.replace(/\.+$/, '')
    if (token === '') continue
    // "10:40:00GMT", "10:40:00+0100", "10:40:00Z": split the zone from the time.
    const suffixed = TIME_WITH_SUFFIX.exec(token)
    if (suffixed && suffixed[1] !== undefined && suffixed[2] !== undefined) {
      tokens.push(suffixed[1], suffixed[2])
    } else {
      tokens.push(token)
    }
  }
  return tokens
}

/** Minutes east of UTC for a lower-case zone token, or null when it is not a zone. */
function zoneOffset(token: string): number | null {
  const named = ZONES[token]
  if (named !== undefined) return named
  // RFC 822's military zones: RFC 2822 (section 4.3) notes their signs were defined backwards
  // and says to treat them all as UTC (-0000) for want of other information. J is not a zone.
  if (/^[a-ik-y]$/.test(token)) return 0
  const numeric = NUMERIC_ZONE.exec(token)
  if (numeric) {
    const [, sign, hours, minutes] = numeric
    return signedOffset(sign, Number(hours), Number(minutes))
  }
  const hourOnly = HOUR_ZONE.exec(token)
  if (hourOnly) {
    const [, sign, hours] = hourOnly
    return signedOffset(sign, Number(hours), 0)
  }
  const namedOffset = NAMED_OFFSET_ZONE.exec(token)
  if (namedOffset && namedOffset[2] !== undefined) return zoneOffset(namedOffset[2])
  return null
}

function signedOffset(sign: string | undefined, hours: number, minutes: number): number | null {
  if (hours > 23 || minutes > 59) return null
  const magnitude = hours * 60 + minutes
  return sign === '-' ? -magnitude : magnitude
}

/** RFC 2822 section 4.3: 00-49 are 2000-2049, 50-99 are 1950-1999; three digits add 1900. */
function expandYear(digits: string): number | null {
  const value = Number(digits)
  if (!/^[0-9]{2,4}$/.test(digits) || Number.isNaN(value)) return null
  if (digits.length === 2) return value < 50 ? 2000 + value : 1900 + value
  if (digits.length === 3) return 1900 + value
  return value
}

function toIso(parts: Parts): string | null {
  const { year, month, day, hour, minute, millisecond, offset } = parts
  // Years before 1000 are placeholders ("0001-01-01") or typos, not publication dates.
  if (year < 1000 || year > 9999) return null
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 23 || minute > 59 || parts.second > 60) return null
  // A leap second (:60) is real but Date cannot hold it; the second before is close enough.
  const second = Math.min(parts.second, 59)
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset * 60_000
  const date = new Date(utc)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    return leap ? 29 : 28
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}
