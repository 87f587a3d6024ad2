// Feed and item ids are derived from what identifies them outside the app, so re-syncing or
// re-adding a feed gives the same ids and the user's highlights stay attached to their articles.
import { describe, expect, it } from 'vitest'
import { AnnotationIdSchema, FeedIdSchema, ItemIdSchema } from '../../shared/domain'
import { feedIdFor, itemIdFor, newAnnotationId, sha256Hex } from './ids'

const ID_SHAPE = /^[a-z0-9-]+$/
const FEED = feedIdFor('https://courier.example/feed.xml')

const ITEM = {
  guid: 'tag:courier.example,2026:levy',
  link: 'https://courier.example/levy',
  title: 'Council delays transit levy',
  published: '2026-01-23T10:40:00.000Z',
}

describe('feedIdFor', () => {
  it('gives the same id for the same URL every time', () => {
    expect(feedIdFor('https://courier.example/feed.xml')).toBe(FEED)
  })

  it('gives different ids for different URLs, even ones differing by one character', () => {
    const urls = [
      'https://courier.example/feed.xml',
      'https://courier.example/feed.xm',
      'http://courier.example/feed.xml',
      'https://courier.example/feed.xml?lang=fr',
      'https://other.example/feed.xml',
    ]
    expect(new Set(urls.map(feedIdFor)).size).toBe(urls.length)
  })

  it('is a known function of the URL (stable across releases: ids are stored on disk)', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(feedIdFor('abc')).toBe('f-ba7816bf8f01')
  })

  it('matches the id pattern and the contract schema', () => {
    for (const url of ['https://a.example/', 'https://пример.рф/лента', '', 'not a url']) {
      const id = feedIdFor(url)
      expect(id).toMatch(ID_SHAPE)
      expect(FeedIdSchema.safeParse(id).success).toBe(true)
    }
  })
})

describe('itemIdFor', () => {
  it('gives the same id for the same item on every sync', () => {
    expect(itemIdFor(FEED, { ...ITEM })).toBe(itemIdFor(FEED, ITEM))
  })

  it('prefers the guid: an edited title, link or date keeps the id', () => {
    const id = itemIdFor(FEED, ITEM)
    expect(
      itemIdFor(FEED, {
        guid: ITEM.guid,
        link: 'https://courier.example/levy-updated',
        title: 'UPDATED: Council delays transit levy again',
        published: '2026-01-24T09:00:00.000Z',
      }),
    ).toBe(id)
    expect(itemIdFor(FEED, { ...ITEM, guid: 'tag:courier.example,2026:other' })).not.toBe(id)
  })

  it('uses the link when there is no guid: an edited title or date keeps the id', () => {
    const noGuid = { ...ITEM, guid: null }
    const id = itemIdFor(FEED, noGuid)
    expect(itemIdFor(FEED, { ...noGuid, title: 'New title', published: null })).toBe(id)
    expect(itemIdFor(FEED, { ...noGuid, link: 'https://courier.example/other' })).not.toBe(id)
  })

  it('treats an empty guid as missing and falls back to the link', () => {
    expect(itemIdFor(FEED, { ...ITEM, guid: '' })).toBe(itemIdFor(FEED, { ...ITEM, guid: null }))
  })

  it('uses title and date when there is neither guid nor link', () => {
    const bare = { guid: null, link: null, title: 'Morning briefing', published: ITEM.published }
    const id = itemIdFor(FEED, bare)
    expect(itemIdFor(FEED, { ...bare })).toBe(id)
    expect(itemIdFor(FEED, { ...bare, title: 'Evening briefing' })).not.toBe(id)
    expect(itemIdFor(FEED, { ...bare, published: '2026-01-24T10:40:00.000Z' })).not.toBe(id)
    expect(itemIdFor(FEED, { ...bare, published: null })).not.toBe(id)
  })

  it('gives the same guid in two different feeds two different ids', () => {
    const other = feedIdFor('https://other.example/feed.xml')
    expect(itemIdFor(other, ITEM)).not.toBe(itemIdFor(FEED, ITEM))
  })

  it('keeps a guid key apart from a title+date key that happens to look alike', () => {
    const fromTitle = itemIdFor(FEED, { guid: null, link: null, title: 'A', published: 'B' })
    const fromGuid = itemIdFor(FEED, { guid: 'A', link: null, title: '', published: null })
    expect(fromTitle).not.toBe(fromGuid)
  })

  it('matches the id pattern and the contract schema for any input', () => {
    const items = [
      ITEM,
      { guid: null, link: null, title: '', published: null },
      { guid: 'Ünïcödé GUID with spaces / and ? marks', link: null, title: 'x', published: null },
      { guid: null, link: 'HTTPS://UPPER.EXAMPLE/PATH', title: 'x', published: null },
    ]
    for (const item of items) {
      const id = itemIdFor(FEED, item)
      expect(id).toMatch(ID_SHAPE)
      expect(id).toMatch(/^i-[0-9a-f]{16}$/)
      expect(ItemIdSchema.safeParse(id).success).toBe(true)
    }
  })

  it('gives 1,000 distinct items 1,000 distinct ids', () => {
    const ids = new Set(
      Array.from({ length: 1000 }, (_, n) =>
        itemIdFor(FEED, { guid: `guid-${n}`, link: null, title: 'Same title', published: null }),
      ),
    )
    expect(ids.size).toBe(1000)
  })
})

describe('newAnnotationId', () => {
  it('is unique on every call and matches the annotation id schema', () => {
    const ids = Array.from({ length: 200 }, newAnnotationId)
    expect(new Set(ids).size).toBe(200)
    for (const id of ids) {
      expect(id).toMatch(ID_SHAPE)
      expect(id.startsWith('a-')).toBe(true)
      expect(AnnotationIdSchema.safeParse(id).success).toBe(true)
    }
  })
})
