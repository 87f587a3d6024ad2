import { describe, expect, it } from 'vitest'
import { emptyPageMetadata, type PageMetadata } from './page-metadata-types'
import {
  cleanAuthorNames,
  looksLikeBot,
  looksLikeNewsPublisher,
  normalizeLanguage,
  resolveCitation,
  toIsoDate,
  type CitationInput,
} from './resolve-citation'

const ACCESSED = '2026-01-24T08:00:00Z'

// The founding example: a wire story reposted by a relay bot, the feed naming the bot.
const botFeed: CitationInput['feed'] = {
  title: 'Envoys hold substantive talks in Geneva',
  author: 'NewsRelay Bot',
  published: 'Fri, 23 Jan 2026 11:02:00 +0000',
  link: 'https://relay.example/news/12345',
  feedTitle: 'NewsRelay',
  language: 'en',
}

function page(fields: Partial<PageMetadata>): PageMetadata {
  return { ...emptyPageMetadata(), ...fields }
}

describe('resolveCitation', () => {
  it('cites a bot repost to the byline author, dateline date and source name', () => {
    const record = resolveCitation({
      page: null,
      byline: { author: 'Daria Kovalenko', date: 'Fri, 01/23/2026 – 10:40', source: 'Kyiv Post' },
      feed: botFeed,
      accessed: ACCESSED,
    })
    expect(record).toEqual({
      title: 'Envoys hold substantive talks in Geneva',
      authors: ['Daria Kovalenko'],
      publisher: 'Kyiv Post',
      published: '2026-01-23T10:40',
      url: 'https://relay.example/news/12345',
      accessed: ACCESSED,
      language: 'en',
      type: 'newspaperArticle',
      sources: {
        title: 'feed',
        authors: 'byline',
        publisher: 'byline',
        published: 'byline',
        url: 'feed',
        language: 'feed',
        type: 'publisher',
        accessed: 'accessed',
      },
    })
  })

  it('never takes a bot-named feed as the publisher', () => {
    const record = resolveCitation({
      page: null,
      byline: { author: 'Daria Kovalenko', date: null },
      feed: botFeed,
      accessed: ACCESSED,
    })
    expect(record.publisher).toBeNull()
    expect(record.sources.publisher).toBe('none')
    expect(record.published).toBe('2026-01-23T11:02:00Z')
    expect(record.sources.published).toBe('feed')
  })

  it('prefers page metadata over the byline, and citation_* over JSON-LD and og:', () => {
    const record = resolveCitation({
      page: page({
        title: [
          { value: 'Page title', source: 'og' },
          { value: 'Scholar title', source: 'citation' },
          { value: 'Page title | Wire', source: 'html' },
        ],
        authors: [
          { value: ['D. Kovalenko'], source: 'jsonld' },
          { value: ['Daria Kovalenko', 'Mark Hollis'], source: 'citation' },
        ],
        publisher: [
          { value: 'Wire', source: 'og' },
          { value: 'Wire Service Ltd', source: 'jsonld' },
        ],
        published: [
          { value: '2026-01-23T10:40:00Z', source: 'article' },
          { value: '2026-01-23T09:00:00Z', source: 'jsonld' },
        ],
        canonicalUrl: [
          { value: 'https://wire.example/og', source: 'og' },
          { value: 'https://wire.example/canonical', source: 'link' },
        ],
        language: [
          { value: 'en-US', source: 'og' },
          { value: 'en-GB', source: 'html' },
        ],
        type: [
          { value: 'webpage', source: 'jsonld' },
          { value: 'newspaperArticle', source: 'og' },
        ],
      }),
      byline: { author: 'Someone Else', date: '01/20/2026', source: 'Other Outlet' },
      feed: botFeed,
      accessed: ACCESSED,
    })
    expect(record.title).toBe('Scholar title')
    expect(record.authors).toEqual(['Daria Kovalenko', 'Mark Hollis'])
    expect(record.publisher).toBe('Wire Service Ltd')
    expect(record.published).toBe('2026-01-23T09:00:00Z')
    expect(record.url).toBe('https://wire.example/canonical')
    expect(record.language).toBe('en-GB')
    expect(record.type).toBe('newspaperArticle')
    expect(record.sources).toMatchObject({
      title: 'page:citation',
      authors: 'page:citation',
      publisher: 'page:jsonld',
      published: 'page:jsonld',
      url: 'page:link',
      language: 'page:html',
      type: 'page:og',
    })
  })

  it('falls past a page author that is a bot ("admin") to the next source', () => {
    const record = resolveCitation({
      page: page({
        authors: [{ value: ['admin'], source: 'meta' }],
        type: [
          { value: 'blogPost', source: 'jsonld' },
          { value: 'newspaperArticle', source: 'og' },
        ],
        title: [{ value: 'Only in <title>', source: 'html' }],
      }),
      byline: { author: 'By Helen Marsh', date: null },
      feed: { ...botFeed, title: '' },
      accessed: ACCESSED,
    })
    expect(record.authors).toEqual(['Helen Marsh'])
    expect(record.sources.authors).toBe('byline')
    expect(record.type).toBe('blogPost')
    expect(record.title).toBe('Only in <title>')
    expect(record.sources.title).toBe('page:html')
  })

  it('lets user edits win over everything, including clearing a field', () => {
    const record = resolveCitation({
      page: page({
        title: [{ value: 'Scholar title', source: 'citation' }],
        authors: [{ value: ['Daria Kovalenko'], source: 'citation' }],
      }),
      byline: { author: 'Daria Kovalenko', date: 'Fri, 01/23/2026 – 10:40' },
      feed: botFeed,
      accessed: ACCESSED,
      edits: {
        title: 'My corrected title',
        authors: ['D. Kovalenko', ' '],
        publisher: null,
        published: '2026-01-22',
        type: 'webpage',
        accessed: '2026-01-25',
      },
    })
    expect(record).toMatchObject({
      title: 'My corrected title',
      authors: ['D. Kovalenko'],
      publisher: null,
      published: '2026-01-22',
      type: 'webpage',
      accessed: '2026-01-25',
      url: 'https://relay.example/news/12345',
    })
    expect(record.sources).toMatchObject({
      title: 'edit',
      authors: 'edit',
      publisher: 'edit',
      published: 'edit',
      type: 'edit',
      accessed: 'edit',
      url: 'feed',
    })
  })

  it('gives no authors when nobody is named anywhere', () => {
    const record = resolveCitation({
      page: emptyPageMetadata(),
      byline: { author: null, date: null },
      feed: { ...botFeed, author: null, feedTitle: 'Coastal Notes', published: null },
      accessed: ACCESSED,
    })
    expect(record.authors).toEqual([])
    expect(record.sources.authors).toBe('none')
    expect(record.published).toBeNull()
    expect(record.publisher).toBe('Coastal Notes')
    expect(record.type).toBe('webpage')
    expect(record.sources.type).toBe('default')
  })

  it('drops a bot that is the only author rather than citing it', () => {
    for (const author of ['NewsRelay Bot', 'RSS Importer', 'admin', 'imported news']) {
      const record = resolveCitation({
        page: null,
        byline: null,
        feed: { ...botFeed, author },
        accessed: ACCESSED,
      })
      expect(record.authors, author).toEqual([])
      expect(record.sources.authors).toBe('none')
    }
  })

  it('cites a human feed author when nothing better exists', () => {
    const record = resolveCitation({
      page: null,
      byline: null,
      feed: { ...botFeed, author: 'Jane Doe and John Roe', feedTitle: 'Field Notes' },
      accessed: ACCESSED,
    })
    expect(record.authors).toEqual(['Jane Doe', 'John Roe'])
    expect(record.sources.authors).toBe('feed')
    expect(record.publisher).toBe('Field Notes')
  })
})

describe('looksLikeBot', () => {
  it('flags relays and import bots', () => {
    for (const name of [
      'NewsRelay Bot',
      'NewsBot',
      'news_bot',
      'newsbot',
      'Feed Relay',
      'NewsRelay',
      'RSS',
      'Imported News',
      'Site Admin',
      'admin',
      'The Feeds Team',
    ])
      expect(looksLikeBot(name), name).toBe(true)
  })

  it('leaves people alone, including surnames ending in "bot"', () => {
    for (const name of [
      'Daria Kovalenko',
      'Anna Talbot',
      'ABBOT',
      'Jane Feedham',
      'Дарья Коваленко',
    ])
      expect(looksLikeBot(name), name).toBe(false)
  })
})

describe('helpers', () => {
  it('normalises dates to ISO 8601 at the stated precision', () => {
    expect(toIsoDate('Fri, 01/23/2026 – 10:40')).toBe('2026-01-23T10:40')
    expect(toIsoDate('2026-01-23T10:40:00.000Z')).toBe('2026-01-23T10:40:00Z')
    expect(toIsoDate('2026-01-23T10:40:00+0300')).toBe('2026-01-23T10:40:00+03:00')
    expect(toIsoDate('2026/01/23')).toBe('2026-01-23')
    expect(toIsoDate('2026')).toBe('2026')
    expect(toIsoDate('23.01.2026 10:40')).toBe('2026-01-23T10:40')
    expect(toIsoDate('23 января 2026, 10:40')).toBe('2026-01-23T10:40')
    expect(toIsoDate('January 23, 2026 at 3:05 pm')).toBe('2026-01-23T15:05')
    expect(toIsoDate('Fri, 23 Jan 2026 10:40:00 GMT')).toBe('2026-01-23T10:40:00Z')
    expect(toIsoDate('13/02/2026')).toBe('2026-02-13')
    expect(toIsoDate('2026-02-30')).toBeNull()
    expect(toIsoDate('yesterday')).toBeNull()
    expect(toIsoDate(null)).toBeNull()
  })

  it('cleans author values', () => {
    expect(cleanAuthorNames('By Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe'])
    expect(cleanAuthorNames('Doe, Jane A.')).toEqual(['Jane A. Doe'])
    expect(cleanAuthorNames('Jane Doe, John Roe; Ann Lee')).toEqual([
      'Jane Doe',
      'John Roe',
      'Ann Lee',
    ])
    expect(cleanAuthorNames('Автор: Дарья Коваленко и Иван Петров')).toEqual([
      'Дарья Коваленко',
      'Иван Петров',
    ])
    expect(cleanAuthorNames('https://www.facebook.com/jane.doe')).toEqual([])
    expect(cleanAuthorNames('jane@example.com')).toEqual([])
    expect(cleanAuthorNames('   ')).toEqual([])
  })

  it('normalises language tags and recognises news publishers', () => {
    expect(normalizeLanguage('en_us')).toBe('en-US')
    expect(normalizeLanguage('RU')).toBe('ru')
    expect(normalizeLanguage('English')).toBeNull()
    expect(looksLikeNewsPublisher('Kyiv Post')).toBe(true)
    expect(looksLikeNewsPublisher('РИА Новости')).toBe(true)
    expect(looksLikeNewsPublisher('Notes from the Archive')).toBe(false)
  })
})
