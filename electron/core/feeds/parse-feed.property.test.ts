// Properties of feed parsing: random XML-ish token soup and mutated real feeds (cut, spliced,
// truncated, with DOCTYPEs, entities, CDATA and JSON dropped in) never make parseFeed throw or
// reject, always give a typed result — a feed with string fields, or 'not-a-feed' with a
// one-line reason — and each parse ends within a bound. Seeded so failures reproduce.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyOptions, propertyTimeout } from '../../../tests/helpers/property'
import { parseFeed } from './parse-feed'
import type { ParsedFeed } from './parsed-feed'

const FIXTURES = join(__dirname, '../../../tests/fixtures/feeds')
const FEEDS = readdirSync(FIXTURES)
  .filter((name) => /\.(xml|json)$/.test(name))
  .map((name) => readFileSync(join(FIXTURES, name), 'utf8'))
/** Per parse: generous for a slow CI machine, far below what a hang or a quadratic pass costs. */
const BOUND_MS = 2000

const TOKENS = [
  '<?xml version="1.0"?>',
  '<?xml version="1.0" encoding="utf-16"?>',
  '<rss version="2.0">',
  '</rss>',
  '<channel>',
  '</channel>',
  '<item>',
  '</item>',
  '<entry>',
  '</entry>',
  '<feed xmlns="http://www.w3.org/2005/Atom">',
  '</feed>',
  '<rdf:RDF>',
  '<title>',
  '</title>',
  '<link>',
  '</link>',
  '<link href="/x" rel="alternate"/>',
  '<description>',
  '</description>',
  '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">',
  '</div></content>',
  '<content:encoded>',
  '</content:encoded>',
  '<pubDate>',
  '</pubDate>',
  '<guid>',
  '</guid>',
  '<enclosure url="http://a/b.mp3" length="x"/>',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&lt;',
  '&#0;',
  '&#x110000;',
  '&lol;',
  '&',
  '<',
  '>',
  '"',
  "'",
  '<!-- ',
  ' -->',
  'xml:base="../"',
  '<!DOCTYPE rss [<!ENTITY a "&b;&b;"><!ENTITY b "xx">]>',
  '<!DOCTYPE html>',
  '<html>',
  '<body>',
  '<!ENTITY x SYSTEM "file:///etc/passwd">',
  '\u0000',
  '\u0007',
  '\uFEFF',
  '\uD800',
  '{',
  '}',
  '"items":[',
  ']',
  '"version":"https://jsonfeed.org/version/1.1"',
  ':',
  ',',
  'Tue, 31 Feb 2026 25:61:00 +9999',
  '2026-01-23T10:40:00Z',
  'x'.repeat(50),
  ' ',
  '\n',
]
const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
)
const soup = fc.array(token, { maxLength: 120 }).map((parts) => parts.join(''))

type Mutation =
  | { op: 'delete' | 'duplicate'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'truncate'; at: number }
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constantFrom('delete' as const, 'duplicate' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.nat({ max: 400 }),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.array(token, { maxLength: 6 }).map((t) => t.join('')),
  }),
  fc.record({
    op: fc.constant('truncate' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
)

function mutate(text: string, mutations: Mutation[]): string {
  let out = text
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length)
    if (m.op === 'delete') out = out.slice(0, at) + out.slice(at + m.length)
    else if (m.op === 'duplicate') out = out.slice(0, at + m.length) + out.slice(at)
    else if (m.op === 'insert') out = out.slice(0, at) + m.text + out.slice(at)
    else out = out.slice(0, at)
  }
  return out
}
const mutatedFeed = fc
  .tuple(fc.constantFrom(...FEEDS), fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([feed, mutations]) => mutate(feed, mutations))

function expectWellTyped(feed: ParsedFeed): void {
  expect(typeof feed.title).toBe('string')
  expect(Array.isArray(feed.items)).toBe(true)
  expect(Array.isArray(feed.warnings)).toBe(true)
  for (const item of feed.items) {
    expect(typeof item.title).toBe('string')
    expect(typeof item.contentHtml).toBe('string')
    for (const url of [item.link, item.thumbnail, ...item.enclosures.map((e) => e.url)]) {
      if (url !== null) expect(url).toMatch(/^https?:\/\//)
    }
    for (const date of [item.published, item.updated]) {
      if (date !== null) expect(Number.isNaN(Date.parse(date))).toBe(false)
    }
  }
}

async function parsesSafely(text: string): Promise<void> {
  const started = performance.now()
  const result = await parseFeed(text, { baseUrl: 'https://feeds.example/path/feed.xml' })
  expect(performance.now() - started).toBeLessThan(BOUND_MS)
  if (result.ok) expectWellTyped(result.value)
  else {
    expect(result.error.code).toBe('not-a-feed')
    expect(result.error.message).toMatch(/^\S[^\n]*$/)
  }
}

describe('parsing feeds (properties)', () => {
  it(
    'answers XML-ish token soup with a feed or a reason, never an exception',
    async () => {
      await fc.assert(fc.asyncProperty(soup, parsesSafely), propertyOptions(0x5eed11, 300))
    },
    propertyTimeout(),
  )

  it(
    'answers mutated real feeds with a feed or a reason, never an exception',
    async () => {
      await fc.assert(fc.asyncProperty(mutatedFeed, parsesSafely), propertyOptions(0x5eed12, 300))
    },
    propertyTimeout(),
  )

  it('reads the real feeds unmutated (the mutations start from feeds)', async () => {
    for (const feed of FEEDS) {
      const result = await parseFeed(feed, { baseUrl: 'https://feeds.example/feed.xml' })
      expect(result.ok).toBe(true)
    }
  })
})
