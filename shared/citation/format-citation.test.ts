// formatCitation writes the one-line APA-shaped citation shown under an article and at the top of
// its exported note: Author. (Year, Month Day). *Title.* Publisher. URL (accessed YYYY-MM-DD)
import { afterEach, describe, expect, it } from 'vitest'
import { formatCitation, type CitationFields } from './format-citation'

const FULL: CitationFields = {
  title: 'Council delays transit levy until spring',
  author: 'Jane Doe',
  publisher: 'The Riverside Courier',
  published: '2026-01-23T10:40:00.000Z',
  url: 'https://courier.example/2026/01/transit-levy',
  accessed: '2026-02-01T08:15:00.000Z',
}

describe('formatCitation', () => {
  it('writes author, date, italic title, publisher, URL and accessed date in APA order', () => {
    expect(formatCitation(FULL)).toBe(
      'Jane Doe. (2026, January 23). *Council delays transit levy until spring.* ' +
        'The Riverside Courier. https://courier.example/2026/01/transit-levy (accessed 2026-02-01)',
    )
  })

  it('puts the title first, then the date, when there is no author', () => {
    expect(formatCitation({ ...FULL, author: null })).toBe(
      '*Council delays transit levy until spring.* (2026, January 23). ' +
        'The Riverside Courier. https://courier.example/2026/01/transit-levy (accessed 2026-02-01)',
    )
  })

  it('writes "n.d." when the feed gave no publication date', () => {
    expect(formatCitation({ ...FULL, published: null })).toBe(
      'Jane Doe. (n.d.). *Council delays transit levy until spring.* ' +
        'The Riverside Courier. https://courier.example/2026/01/transit-levy (accessed 2026-02-01)',
    )
  })

  it('writes "n.d." for an unparseable publication date instead of "Invalid Date"', () => {
    const line = formatCitation({ ...FULL, published: 'sometime last week' })
    expect(line).toContain('(n.d.)')
    expect(line).not.toMatch(/invalid|NaN|undefined/i)
  })

  it('puts "n.d." after the title when there is neither author nor date', () => {
    expect(formatCitation({ ...FULL, author: null, published: null })).toMatch(
      /^\*Council delays transit levy until spring\.\* \(n\.d\.\)\. The Riverside Courier\./,
    )
  })

  it('does not repeat the publisher when it is also the author', () => {
    const line = formatCitation({ ...FULL, author: 'Reuters', publisher: 'Reuters' })
    expect(line).toBe(
      'Reuters. (2026, January 23). *Council delays transit levy until spring.* ' +
        'https://courier.example/2026/01/transit-levy (accessed 2026-02-01)',
    )
    expect(line.match(/Reuters/g)).toHaveLength(1)
  })

  it('adds no extra period after a title that ends in a question mark', () => {
    const line = formatCitation({ ...FULL, title: 'Will the levy ever pass?' })
    expect(line).toContain('*Will the levy ever pass?*')
    expect(line).not.toContain('?.')
  })

  it('adds no extra period after an author or title that already ends in one', () => {
    const line = formatCitation({ ...FULL, author: 'Doe, J.', title: 'A plan, at last.' })
    expect(line.startsWith('Doe, J. (2026, January 23). *A plan, at last.* ')).toBe(true)
    expect(line).not.toContain('..')
  })

  it('omits the URL and accessed date when they are missing', () => {
    expect(formatCitation({ ...FULL, url: null, accessed: null })).toBe(
      'Jane Doe. (2026, January 23). *Council delays transit levy until spring.* ' +
        'The Riverside Courier.',
    )
  })

  it('omits the publisher when there is none', () => {
    expect(formatCitation({ ...FULL, publisher: null, url: null, accessed: null })).toBe(
      'Jane Doe. (2026, January 23). *Council delays transit levy until spring.*',
    )
  })

  it('calls an item with a blank title "Untitled"', () => {
    expect(formatCitation({ ...FULL, title: '   ' })).toContain('*Untitled.*')
  })

  it('trims whitespace around the title and publisher', () => {
    const line = formatCitation({ ...FULL, title: '  Levy delayed \n', publisher: ' Courier ' })
    expect(line).toContain('*Levy delayed.* Courier. https://')
  })

  it.each([
    ['2026-01-01T00:00:00.000Z', '2026, January 1'],
    ['2026-12-31T23:59:59.000Z', '2026, December 31'],
    ['2024-02-29T12:00:00.000Z', '2024, February 29'],
    ['2025-07-04T09:00:00.000Z', '2025, July 4'],
  ])('formats %s as "(%s)"', (published, expected) => {
    expect(formatCitation({ ...FULL, published })).toContain(`(${expected}).`)
  })
})

describe('formatCitation: dates are UTC whatever the machine time zone', () => {
  const originalTz = process.env.TZ
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ
    else process.env.TZ = originalTz
  })

  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'])(
    'keeps 23:30Z on January 23 as January 23 in %s',
    (tz) => {
      process.env.TZ = tz
      const line = formatCitation({
        ...FULL,
        published: '2026-01-23T23:30:00.000Z',
        accessed: '2026-01-31T23:30:00.000Z',
      })
      expect(line).toContain('(2026, January 23)')
      expect(line).toContain('(accessed 2026-01-31)')
    },
  )

  it('would show a different local day in UTC+14, so the check above can fail', () => {
    // Guards the test above: the time zone switch really changes local dates in this process.
    process.env.TZ = 'Pacific/Kiritimati'
    expect(new Date('2026-01-23T23:30:00.000Z').getDate()).toBe(24)
  })
})
