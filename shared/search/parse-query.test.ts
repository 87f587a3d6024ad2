import { describe, expect, it } from 'vitest'
import { hasText, parseQuery } from './parse-query'

describe('parseQuery', () => {
  it('splits free words, quoted phrases and negated words, normalized', () => {
    const q = parseQuery('Ceasefire "Harbour Talks" -rumour ')
    expect(q.terms).toEqual(['ceasefire'])
    expect(q.phrases).toEqual([['harbour', 'talks']])
    expect(q.excluded).toEqual([['rumour']])
    expect(q.prefix).toBeNull()
    expect(q.problems).toEqual([])
  })

  it('treats the last word as a prefix while it is being typed', () => {
    expect(parseQuery('ceasefire envo')).toMatchObject({ terms: ['ceasefire'], prefix: 'envo' })
    expect(parseQuery('ceasefire envoy ')).toMatchObject({
      terms: ['ceasefire', 'envoy'],
      prefix: null,
    })
    // A phrase or a filter at the end is complete.
    expect(parseQuery('envoy "the talks"').prefix).toBeNull()
    expect(parseQuery('envoy is:unread')).toMatchObject({ terms: ['envoy'], prefix: null })
  })

  it('reads every filter, quoted values included', () => {
    const q = parseQuery(
      'tag:Claim feed:"Harbour Wire" folder:World is:unread is:starred after:2026-01-01 before:2026-02 ',
    )
    expect(q.filters).toEqual({
      tags: ['claim'],
      feeds: ['Harbour Wire'],
      folders: ['World'],
      is: ['unread', 'starred'],
      after: '2026-01-01T00:00:00.000Z',
      before: '2026-02-01T00:00:00.000Z',
    })
    expect(hasText(q)).toBe(false)
    expect(q.problems).toEqual([])
  })

  it('accepts a year, a month or a day as a date', () => {
    expect(parseQuery('after:2025').filters.after).toBe('2025-01-01T00:00:00.000Z')
    expect(parseQuery('after:2025-7').filters.after).toBe('2025-07-01T00:00:00.000Z')
    expect(parseQuery('before:2024-02-29').filters.before).toBe('2024-02-29T00:00:00.000Z')
  })

  it('reports a bad date or an unknown is: value as a problem instead of throwing', () => {
    const q = parseQuery('envoy after:2026-02-30 is:lovely before:yesterday tag:')
    expect(q.terms).toEqual(['envoy'])
    expect(q.filters.after).toBeNull()
    expect(q.problems).toEqual([
      'after: needs a date like 2026-01-31 (not "2026-02-30")',
      'is: takes unread, read, starred, annotated (not "lovely")',
      'before: needs a date like 2026-01-31 (not "yesterday")',
      'tag: needs a value',
    ])
  })

  it('keeps an unknown word:thing as free text', () => {
    const q = parseQuery('source:reuters ')
    expect(q.phrases).toEqual([['source', 'reuters']])
    expect(q.filters.feeds).toEqual([])
    expect(parseQuery('https://example.org/a ').phrases).toEqual([['https', 'example', 'org', 'a']])
  })

  it('folds case and accents so "Café" finds "cafe"', () => {
    expect(parseQuery('Café Ünïon ').terms).toEqual(['cafe', 'union'])
  })

  it('returns nothing to search for an empty or punctuation-only query', () => {
    const q = parseQuery('  -- "" ')
    expect(hasText(q)).toBe(false)
    expect(q.excluded).toEqual([])
  })
})

describe('tokenize', () => {
  it('finds words with their offsets, folding case and accents, across scripts', async () => {
    const { tokenize } = await import('./tokenize')
    expect(tokenize('Café-owner Ünïon, 2026: Ελλάδα 東京 𝒳y')).toEqual([
      { term: 'cafe', start: 0, end: 4 },
      { term: 'owner', start: 5, end: 10 },
      { term: 'union', start: 11, end: 16 },
      { term: '2026', start: 18, end: 22 },
      { term: 'ελλαδα', start: 24, end: 30 },
      { term: '東京', start: 31, end: 33 },
      { term: 'xy', start: 34, end: 37 },
    ])
  })
})
