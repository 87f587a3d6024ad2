import { describe, expect, it } from 'vitest'
import { canonicalStoryKey } from './canonical-url'

describe('canonicalStoryKey', () => {
  it('gives reposts of one page the same key', () => {
    const keys = [
      'https://www.news.example/2026/01/story/?utm_source=rss&utm_medium=feed',
      'http://news.example/2026/01/story#comments',
      'https://NEWS.example:443/2026/01/story',
    ].map(canonicalStoryKey)
    expect(new Set(keys)).toEqual(new Set(['news.example/2026/01/story']))
  })

  it('keeps parameters that select the content, in a stable order', () => {
    expect(canonicalStoryKey('https://x.example/article?page=2&id=7')).toBe(
      'x.example/article?id=7&page=2',
    )
    expect(canonicalStoryKey('https://x.example/article?id=8')).not.toBe(
      canonicalStoryKey('https://x.example/article?id=7'),
    )
  })

  it('has no key for missing or non-web links', () => {
    expect(canonicalStoryKey(null)).toBeNull()
    expect(canonicalStoryKey('mailto:a@b.example')).toBeNull()
    expect(canonicalStoryKey('not a url')).toBeNull()
  })
})
