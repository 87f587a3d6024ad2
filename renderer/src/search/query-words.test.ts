import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../../shared/search/parse-query'
import { hasWord, queryWord, setWord, toggleIs, wordValue } from './query-words'

describe('query words written by the filter controls', () => {
  it('adds, replaces and removes a filter word, keeping the free words', () => {
    let query = 'border talks'
    query = setWord(query, 'after', '2026-01-01')
    expect(query).toBe('border talks after:2026-01-01')
    query = setWord(query, 'after', '2026-02-01')
    expect(query).toBe('border talks after:2026-02-01')
    expect(wordValue(query, 'after')).toBe('2026-02-01')
    query = setWord(query, 'after', null)
    expect(query).toBe('border talks')
  })

  it('quotes values with spaces so the parser reads them back whole', () => {
    const query = setWord('envoy', 'folder', 'World/Europe Desk')
    expect(query).toBe('envoy folder:"World/Europe Desk"')
    expect(parseQuery(query).filters.folders).toEqual(['World/Europe Desk'])
    expect(wordValue(query, 'folder')).toBe('World/Europe Desk')
    expect(queryWord('tag', 'claim')).toBe('tag:claim')
  })

  it('toggles several is: values independently', () => {
    let query = toggleIs('', 'unread', true)
    query = toggleIs(query, 'starred', true)
    expect(query).toBe('is:unread is:starred')
    expect(hasWord(query, 'is', 'starred')).toBe(true)
    query = toggleIs(query, 'unread', false)
    expect(query).toBe('is:starred')
    expect(parseQuery(query).filters.is).toEqual(['starred'])
  })
})
