// describeTextRange turns a selection over an article's text into the W3C selectors stored with a
// highlight: the position, and the quote with up to 32 characters of context on each side.
import { describe, expect, it } from 'vitest'
import { describeTextRange, QUOTE_CONTEXT_CHARS } from './describe-text-range'

// 26 + 26 + 10 = 62 distinct characters, so every slice below is recognisable.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const LONG = ALPHABET + ALPHABET // 124 chars

describe('describeTextRange', () => {
  it('keeps the context size at 32 characters, as in Hypothesis', () => {
    expect(QUOTE_CONTEXT_CHARS).toBe(32)
  })

  it('stores the selected text as exact and the 32 characters on each side as prefix/suffix', () => {
    const start = 40
    const end = 50
    const target = describeTextRange(LONG, start, end)
    expect(target.position).toEqual({ type: 'TextPositionSelector', start: 40, end: 50 })
    expect(target.quote.type).toBe('TextQuoteSelector')
    expect(target.quote.exact).toBe(LONG.slice(40, 50))
    expect(target.quote.prefix).toBe(LONG.slice(8, 40))
    expect(target.quote.suffix).toBe(LONG.slice(50, 82))
    expect(target.quote.prefix).toHaveLength(32)
    expect(target.quote.suffix).toHaveLength(32)
  })

  it('gives a readable quote for a selection in ordinary prose', () => {
    const text = 'The committee met on Tuesday. It voted to delay the budget until spring.'
    const start = text.indexOf('It voted')
    const end = start + 'It voted to delay the budget'.length
    const { quote } = describeTextRange(text, start, end)
    expect(quote.exact).toBe('It voted to delay the budget')
    expect(quote.prefix).toBe('The committee met on Tuesday. ')
    expect(quote.suffix).toBe(' until spring.')
  })

  it('clamps the prefix at the start of the text (empty when the selection starts at 0)', () => {
    expect(describeTextRange(LONG, 0, 5).quote.prefix).toBe('')
    const near = describeTextRange(LONG, 10, 15)
    expect(near.quote.prefix).toBe(LONG.slice(0, 10))
    expect(near.quote.exact).toBe(LONG.slice(10, 15))
  })

  it('clamps the suffix at the end of the text (empty when the selection ends there)', () => {
    expect(describeTextRange(LONG, 100, LONG.length).quote.suffix).toBe('')
    const near = describeTextRange(LONG, 100, 110)
    expect(near.quote.suffix).toBe(LONG.slice(110))
    expect(near.quote.suffix).toHaveLength(14)
  })

  it('describes the whole text with empty context on both sides', () => {
    const target = describeTextRange('short', 0, 5)
    expect(target.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'short',
      prefix: '',
      suffix: '',
    })
  })

  it('describes a one-character selection', () => {
    const target = describeTextRange('abc', 1, 2)
    expect(target.quote.exact).toBe('b')
    expect(target.quote.prefix).toBe('a')
    expect(target.quote.suffix).toBe('c')
  })

  it.each([
    ['an empty range', 5, 5],
    ['a reversed range', 6, 5],
    ['a negative start', -1, 3],
    ['an end past the text', 0, 11],
    ['a start past the text', 11, 12],
    ['a NaN start', Number.NaN, 3],
    ['a NaN end', 0, Number.NaN],
  ])('throws a RangeError for %s', (_label, start, end) => {
    expect(() => describeTextRange('0123456789', start, end)).toThrow(RangeError)
  })

  it('throws for any range over an empty text', () => {
    expect(() => describeTextRange('', 0, 0)).toThrow(RangeError)
    expect(() => describeTextRange('', 0, 1)).toThrow(RangeError)
  })

  it('names the bad range and the text length in the error message', () => {
    expect(() => describeTextRange('0123456789', 4, 20)).toThrow('4..20')
    expect(() => describeTextRange('0123456789', 4, 20)).toThrow('10 chars')
  })
})
