// JSON Feed 1.0 and 1.1 read into the same shape as RSS and Atom: what a reader sees (titles,
// authors, dates, absolute links, attachments) and a 'not-a-feed' reason for other JSON.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseJsonFeed } from './parse-json-feed'
import type { ParsedFeed } from './parsed-feed'

const FIXTURES = join(__dirname, '../../../tests/fixtures/feeds')
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')

function parsed(text: string, baseUrl: string | null = null): ParsedFeed {
  const result = parseJsonFeed(text, { baseUrl })
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.message}`)
  return result.value
}

function notAFeed(text: string): string {
  const result = parseJsonFeed(text, { baseUrl: null })
  if (result.ok) throw new Error('expected not-a-feed')
  expect(result.error.code).toBe('not-a-feed')
  return result.error.message
}

const feed11 = (items: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items, ...extra })

describe('parseJsonFeed: JSON Feed 1.0', () => {
  const fetchedFrom = 'https://telescope.example/feed.json'

  it('reads the feed fields', () => {
    const feed = parsed(fixture('json-feed-1.0-author-object.json'), fetchedFrom)
    expect(feed).toMatchObject({
      format: 'json1.0',
      title: 'Tiny Telescope Blog',
      link: 'https://telescope.example/',
      feedUrl: 'https://telescope.example/feed.json',
      description: 'Backyard astronomy with a 70 mm refractor.',
      language: null,
    })
    expect(feed.items).toHaveLength(2)
  })

  it('reads an item with HTML content, summary, image, tags and the 1.0 author object', () => {
    const [item] = parsed(fixture('json-feed-1.0-author-object.json'), fetchedFrom).items
    expect(item).toEqual({
      guid: '2026-02-01-saturn',
      title: "Saturn's rings, edge-on",
      link: 'https://telescope.example/2026/02/saturn',
      author: 'Jo Stargazer',
      published: '2026-02-02T02:00:00.000Z',
      updated: null,
      contentHtml: '<p>The rings are nearly <em>edge-on</em> this year.</p>',
      summary: 'Why Saturn looks ringless in 2026.',
      baseUrl: 'https://telescope.example/2026/02/saturn',
      enclosures: [],
      thumbnail: 'https://telescope.example/images/saturn.jpg',
      categories: ['planets', 'saturn'],
    })
  })

  it('turns content_text into escaped HTML paragraphs, a numeric id into text, a missing title into ""', () => {
    const feed = parsed(fixture('json-feed-1.0-author-object.json'), fetchedFrom)
    const item = feed.items[1]
    expect(item?.guid).toBe('17')
    expect(item?.title).toBe('')
    expect(item?.link).toBe('https://telescope.example/2026/01/moon-notes')
    expect(item?.contentHtml).toBe(
      '<p>First quarter tonight.</p>\n<p>The terminator crossed Copernicus &amp; the craters were sharp.<br>Bring a red light.</p>',
    )
  })

  it('gives an unreadable date null, with a warning naming it', () => {
    const feed = parsed(fixture('json-feed-1.0-author-object.json'), fetchedFrom)
    expect(feed.items[1]?.published).toBeNull()
    expect(feed.warnings).toEqual([
      'The date "yesterday evening" of "17" could not be read; the entry is shown without a date.',
    ])
  })

  it('accepts the version URL with http and a trailing slash', () => {
    const text = JSON.stringify({ version: 'http://jsonfeed.org/version/1/', items: [] })
    expect(parsed(text).format).toBe('json1.0')
  })
})

describe('parseJsonFeed: JSON Feed 1.1', () => {
  it('reads language, authors, attachments and both dates', () => {
    const feed = parsed(fixture('json-feed-1.1-authors-attachments.json'))
    expect(feed.format).toBe('json1.1')
    expect(feed.language).toBe('en-CA')
    const [item] = feed.items
    expect(item).toMatchObject({
      guid: 'https://replication.example/episodes/12',
      title: 'Episode 12: Ego depletion, again',
      link: 'https://replication.example/episodes/12',
      author: 'Ruth Kim, Omar Haddad',
      published: '2026-01-30T09:00:00.000Z',
      updated: '2026-01-31T09:30:00.000Z',
      summary: 'Did willpower really run out?',
      thumbnail: 'https://replication.example/banners/12.png',
    })
    // The ftp:// attachment is dropped: only http(s) URLs are kept.
    expect(item?.enclosures).toEqual([
      { url: 'https://cdn.replication.example/ep12.mp3', type: 'audio/mpeg', length: 38123456 },
    ])
  })

  it('uses external_url as the link of a link post, the feed authors and date_modified as fallbacks', () => {
    const item = parsed(fixture('json-feed-1.1-authors-attachments.json')).items[1]
    expect(item).toMatchObject({
      link: 'https://journal.example/doi/10.1000/abc',
      author: 'Ruth Kim',
      published: '2026-01-20T09:00:00.000Z',
      updated: '2026-01-20T09:00:00.000Z',
      contentHtml: '<p>Link post.</p>',
      summary: '',
    })
  })

  it('drops a summary that says the same as the body', () => {
    const [item] = parsed(
      feed11([{ id: '1', content_html: '<p>Same  <b>words</b></p>', summary: 'Same words' }]),
    ).items
    expect(item?.summary).toBe('')
  })

  it('prefers image over banner_image and resolves relative URLs against where the feed came from', () => {
    const [item] = parsed(
      feed11([{ id: '1', url: 'posts/1', image: '../img/a.png', banner_image: 'b.png' }]),
      'https://site.example/blog/feed.json',
    ).items
    expect(item?.link).toBe('https://site.example/blog/posts/1')
    expect(item?.thumbnail).toBe('https://site.example/img/a.png')
  })

  it('reads a newer minor version as 1.1 and says so', () => {
    const feed = parsed(
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.2', title: 'Future', items: [] }),
    )
    expect(feed.format).toBe('json1.1')
    expect(feed.warnings).toEqual([
      'JSON Feed version 1.2 is not known; it was read as version 1.1.',
    ])
  })

  it('ignores fields of the wrong type instead of failing', () => {
    const feed = parsed(
      feed11(
        [
          {
            id: { nested: true },
            title: 42,
            url: ['x'],
            authors: 'Ann',
            tags: 'one',
            attachments: [null, { url: 5 }, { url: 'https://x.example/a', size_in_bytes: '12' }],
          },
          'not an item',
          null,
        ],
        { title: null, language: 7 },
      ),
    )
    expect(feed.title).toBe('')
    expect(feed.language).toBeNull()
    expect(feed.items).toHaveLength(1)
    expect(feed.items[0]).toMatchObject({ guid: null, title: '', link: null, author: null })
    expect(feed.items[0]?.enclosures).toEqual([
      { url: 'https://x.example/a', type: null, length: 12 },
    ])
    expect(feed.warnings).toEqual(["2 of the JSON Feed's items were not objects and were skipped."])
  })

  it('reads a feed without items as empty, with a warning', () => {
    const feed = parsed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x' }))
    expect(feed.items).toEqual([])
    expect(feed.warnings).toEqual(['The JSON Feed has no "items" list; it was read as empty.'])
  })

  it('accepts a byte-order mark', () => {
    expect(parsed(`\uFEFF${feed11([])}`).title).toBe('T')
  })
})

describe('parseJsonFeed: JSON that is not a JSON Feed', () => {
  it('says why invalid JSON is not a feed, in one line', () => {
    const message = notAFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [')
    expect(message).toMatch(/^This is not valid JSON: /)
    expect(message).not.toContain('\n')
  })

  it.each([
    ['an API error', '{"error":"rate limited"}'],
    ['another version scheme', '{"version":"2.0","items":[]}'],
    ['an array', '[1,2,3]'],
    ['a string', '"hello"'],
  ])('refuses %s', (_label, text) => {
    expect(notAFeed(text)).toMatch(/^This is JSON, but not a JSON Feed/)
  })
})
