// parseFeedDate turns the dates feeds really carry into ISO 8601 UTC, or null. The cases are what
// a reader would otherwise see as "no date" or, worse, a wrong one; none depends on the host zone.
import { describe, expect, it } from 'vitest'
import { parseFeedDate } from './parse-feed-date'

describe('parseFeedDate: RFC 822 / RFC 2822 (RSS pubDate)', () => {
  it.each([
    // The standard form and its zones.
    ['Fri, 23 Jan 2026 10:40:00 GMT', '2026-01-23T10:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 UT', '2026-01-23T10:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 UTC', '2026-01-23T10:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 Z', '2026-01-23T10:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 +0000', '2026-01-23T10:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 -0000', '2026-01-23T10:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 +0100', '2026-01-23T09:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 -0530', '2026-01-23T16:10:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 +05:30', '2026-01-23T05:10:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 EST', '2026-01-23T15:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 EDT', '2026-01-23T14:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 CST', '2026-01-23T16:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 CDT', '2026-01-23T15:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 MST', '2026-01-23T17:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 MDT', '2026-01-23T16:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 PST', '2026-01-23T18:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 PDT', '2026-01-23T17:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 CET', '2026-01-23T09:40:00.000Z'],
    ['Mon, 03 Aug 2026 10:40:00 CEST', '2026-08-03T08:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 JST', '2026-01-23T01:40:00.000Z'],
    // Military single letters: RFC 2822 says read them as UTC.
    ['Fri, 23 Jan 2026 10:40:00 A', '2026-01-23T10:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 Y', '2026-01-23T10:40:00.000Z'],
    // An unknown or ambiguous zone name keeps the date (read as UTC).
    ['Fri, 23 Jan 2026 10:40:00 IST', '2026-01-23T10:40:00.000Z'],
    // No zone at all: UTC, never the host's zone.
    ['Fri, 23 Jan 2026 10:40:00', '2026-01-23T10:40:00.000Z'],
    // Weekday missing, wrong, or in full; day without a leading zero.
    ['23 Jan 2026 10:40:00 GMT', '2026-01-23T10:40:00.000Z'],
    ['Mon, 23 Jan 2026 10:40:00 GMT', '2026-01-23T10:40:00.000Z'],
    ['Friday, 23 Jan 2026 10:40:00 GMT', '2026-01-23T10:40:00.000Z'],
    ['Wed, 4 Feb 2026 05:00:00 PST', '2026-02-04T13:00:00.000Z'],
    // Missing seconds; fractions of a second.
    ['Fri, 23 Jan 2026 10:40 GMT', '2026-01-23T10:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:05.250 GMT', '2026-01-23T10:40:05.250Z'],
    // Two-digit years (RFC 2822: 00-49 → 20xx, 50-99 → 19xx) and three-digit ones.
    ['Fri, 23 Jan 26 10:40:00 GMT', '2026-01-23T10:40:00.000Z'],
    ['Sun, 06 Nov 94 08:49:37 GMT', '1994-11-06T08:49:37.000Z'],
    ['Thu, 01 Jan 49 00:00:00 GMT', '2049-01-01T00:00:00.000Z'],
    ['Sun, 01 Jan 50 00:00:00 GMT', '1950-01-01T00:00:00.000Z'],
    ['Fri, 23 Jan 126 10:40:00 GMT', '2026-01-23T10:40:00.000Z'],
    // Month names in full, abbreviated with a dot, any case.
    ['Fri, 23 January 2026 10:40:00 GMT', '2026-01-23T10:40:00.000Z'],
    ['Fri, 23 JAN 2026 10:40:00 GMT', '2026-01-23T10:40:00.000Z'],
    ['Tue, 1 Sept. 2026 10:40:00 GMT', '2026-09-01T10:40:00.000Z'],
    // Extra commas, dots and spaces.
    ['Fri,, 23 Jan, 2026, 10:40:00 GMT.', '2026-01-23T10:40:00.000Z'],
    ['Fri,23 Jan 2026 10:40:00 GMT', '2026-01-23T10:40:00.000Z'],
    ['  Fri,  23  Jan  2026  10:40:00  GMT  ', '2026-01-23T10:40:00.000Z'],
    // Other orders real feeds use: RFC 850, asctime, Unix date, JavaScript's Date#toString.
    ['Friday, 23-Jan-26 10:40:00 GMT', '2026-01-23T10:40:00.000Z'],
    ['Fri Jan 23 10:40:00 2026', '2026-01-23T10:40:00.000Z'],
    ['Fri Jan 23 10:40:00 UTC 2026', '2026-01-23T10:40:00.000Z'],
    [
      'Fri Jan 23 2026 10:40:00 GMT+0100 (Central European Standard Time)',
      '2026-01-23T09:40:00.000Z',
    ],
    ['January 23, 2026 10:40 pm', '2026-01-23T22:40:00.000Z'],
    ['January 23rd, 2026', '2026-01-23T00:00:00.000Z'],
    // Time zone glued to the time.
    ['Fri, 23 Jan 2026 10:40:00GMT', '2026-01-23T10:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00+0200', '2026-01-23T08:40:00.000Z'],
    // Leap day, and a day that crosses into the previous year in UTC.
    ['Sat, 29 Feb 2020 12:00:00 GMT', '2020-02-29T12:00:00.000Z'],
    ['Thu, 01 Jan 2026 00:30:00 +0100', '2025-12-31T23:30:00.000Z'],
  ])('%j → %s', (text, iso) => {
    expect(parseFeedDate(text)).toBe(iso)
  })
})

describe('parseFeedDate: ISO 8601 / W3C-DTF (Atom, dc:date, JSON Feed)', () => {
  it.each([
    ['2026', '2026-01-01T00:00:00.000Z'],
    ['2026-02', '2026-02-01T00:00:00.000Z'],
    ['2026-02-14', '2026-02-14T00:00:00.000Z'],
    ['2026-02-14T09:30Z', '2026-02-14T09:30:00.000Z'],
    ['2026-02-14T09:30:15Z', '2026-02-14T09:30:15.000Z'],
    ['2026-02-14t09:30:15z', '2026-02-14T09:30:15.000Z'],
    ['2026-02-14T09:30:15.5Z', '2026-02-14T09:30:15.500Z'],
    ['2026-02-14T09:30:15.123456789Z', '2026-02-14T09:30:15.123Z'],
    ['2026-02-14T09:30:15+01:00', '2026-02-14T08:30:15.000Z'],
    ['2026-02-14T09:30:15-0800', '2026-02-14T17:30:15.000Z'],
    ['2026-02-14T09:30:15+05', '2026-02-14T04:30:15.000Z'],
    ['2026-02-14 09:30:15', '2026-02-14T09:30:15.000Z'],
    ['2026-02-14 09:30:15 +0000', '2026-02-14T09:30:15.000Z'],
    ['2026-02-14T09:30:15', '2026-02-14T09:30:15.000Z'],
    ['2026-2-4', '2026-02-04T00:00:00.000Z'],
    ['2026/02/14 09:30:15', '2026-02-14T09:30:15.000Z'],
    ['2026-02-14T09:30:60Z', '2026-02-14T09:30:59.000Z'],
  ])('%j → %s', (text, iso) => {
    expect(parseFeedDate(text)).toBe(iso)
  })
})

describe('parseFeedDate: what is not a date gives null', () => {
  it.each([
    ['nothing', null],
    ['undefined', undefined],
    ['empty text', ''],
    ['blank text', '   '],
    ['words', 'sometime last week'],
    ['a relative day', 'yesterday'],
    ['month 13', '2026-13-01'],
    ['February 30th', '2026-02-30'],
    ['29 February in a common year', 'Sun, 29 Feb 2026 10:00:00 GMT'],
    ['31 April', '31 Apr 2026 10:00:00 GMT'],
    ['hour 25', '2026-02-14T25:00:00Z'],
    ['minute 61', 'Fri, 23 Jan 2026 10:61:00 GMT'],
    ['a zone offset of 99 hours', 'Fri, 23 Jan 2026 10:40:00 +9900'],
    ['no month', 'Fri, 23 2026 10:40:00 GMT'],
    ['no year', 'Fri, 23 Jan 10:40:00 GMT'],
    ['a numeric date of unknown order', '01/02/2026'],
    ['a placeholder year', '0001-01-01T00:00:00Z'],
    ['a unix timestamp', '1769165000'],
    ['trailing words', 'Fri, 23 Jan 2026 10:40:00 GMT and then some'],
    ['a very long string', `Fri, 23 Jan 2026 10:40:00 GMT${' '.repeat(300)}x`],
  ])('%s', (_label, text) => {
    expect(parseFeedDate(text as string | null | undefined)).toBeNull()
  })
})

describe('parseFeedDate: does not depend on the host', () => {
  it('gives the same answer whatever TZ says (no use of the local zone)', () => {
    const before = process.env.TZ
    try {
      process.env.TZ = 'Pacific/Kiritimati'
      expect(parseFeedDate('Fri, 23 Jan 2026 10:40:00')).toBe('2026-01-23T10:40:00.000Z')
      expect(parseFeedDate('2026-01-23 10:40')).toBe('2026-01-23T10:40:00.000Z')
    } finally {
      if (before === undefined) delete process.env.TZ
      else process.env.TZ = before
    }
  })

  it('is fast on hostile input', () => {
    const started = performance.now()
    for (let i = 0; i < 2000; i++) parseFeedDate(`${'1'.repeat(150)}-${'a,'.repeat(20)}`)
    expect(performance.now() - started).toBeLessThan(500)
  })
})
