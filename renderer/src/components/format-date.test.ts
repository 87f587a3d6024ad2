import { describe, expect, it } from 'vitest'
import { formatDate } from './format-date'

describe('formatDate', () => {
  it('shows a zoned time in the local zone and a dateline without a zone as written', () => {
    expect(formatDate('2026-01-23T08:40:00Z')).toBe(
      new Date('2026-01-23T08:40:00Z').toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
    )
    expect(formatDate('2026-01-23T10:40')).toBe(
      new Date('2026-01-23T10:40Z').toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }),
    )
    expect(formatDate('not a date')).toBe('not a date')
  })
})
