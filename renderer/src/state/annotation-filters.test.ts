import { describe, expect, it } from 'vitest'
import type { AnnotationEntry } from '../../../shared/contract'
import { entryMatches, filterArgs } from './annotation-filters'

const entry = {
  annotation: {
    id: 'a1',
    itemId: 'i1',
    feedId: 'f1',
    kind: 'quote',
    note: 'Check the figure',
    tags: ['energy'],
    color: 'yellow',
    target: {
      position: { type: 'TextPositionSelector', start: 0, end: 5 },
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Ministers confirmed a date',
        prefix: '',
        suffix: '',
      },
    },
    speaker: { name: 'Ana Ruiz', role: 'spokeswoman' },
    claim: null,
    evidence: [],
    madeOn: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  item: {
    id: 'i1',
    title: 'Talks resume',
    feedId: 'f1',
    feedTitle: 'Wire',
    link: null,
    author: null,
    published: null,
  },
} satisfies AnnotationEntry

describe('filterArgs', () => {
  it('drops empty filters and makes the date range whole UTC days, the end day included', () => {
    expect(filterArgs({ tag: '  ', kind: 'claim' })).toEqual({ kind: 'claim' })
    expect(filterArgs({ after: '2026-01-31', before: '2026-01-31' })).toEqual({
      after: '2026-01-31T00:00:00.000Z',
      before: '2026-02-01T00:00:00.000Z',
    })
  })
})

describe('entryMatches', () => {
  it('needs every word somewhere in the quote, note, tags, speaker or article', () => {
    expect(entryMatches(entry, '')).toBe(true)
    expect(entryMatches(entry, 'ministers RUIZ wire')).toBe(true)
    expect(entryMatches(entry, 'energy figure')).toBe(true)
    expect(entryMatches(entry, 'ministers zeppelin')).toBe(false)
  })
})
