// parseFeed reads RSS 1.0/2.0 and Atom text into the parser's own shape. What is not a feed (a
// web page, truncated or garbage text) must come back as a 'not-a-feed' value the user can read,
// never as a thrown exception.
import { describe, expect, it } from 'vitest'
import { parseFeed, type ParsedFeed } from './parse-feed'

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>The Riverside Courier</title>
    <link>https://courier.example/</link>
    <description>Local news &amp; views</description>
    <item>
      <title>Council delays transit levy</title>
      <link>https://courier.example/levy</link>
      <guid isPermaLink="false">courier-levy-2026</guid>
      <dc:creator>Jane Doe</dc:creator>
      <pubDate>Fri, 23 Jan 2026 10:40:00 GMT</pubDate>
      <description>The council voted to delay the levy.</description>
      <content:encoded><![CDATA[<p>The council <b>voted</b> to delay the levy.</p>]]></content:encoded>
    </item>
    <item>
      <title>Undated brief</title>
      <link>https://courier.example/brief</link>
      <description>&lt;p&gt;Escaped &lt;em&gt;HTML&lt;/em&gt; summary&lt;/p&gt;</description>
    </item>
    <item>
      <title>Badly dated</title>
      <pubDate>sometime last week</pubDate>
      <author>editor@courier.example (The Editor)</author>
    </item>
  </channel>
</rss>`

const RSS1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/">
    <title>RDF Science Digest</title>
    <link>https://rdf.example/</link>
    <description>Weekly digest</description>
  </channel>
  <item rdf:about="https://rdf.example/1">
    <title>Bees can count</title>
    <link>https://rdf.example/1</link>
    <description>A study found that bees count landmarks.</description>
    <dc:creator>Ann Researcher</dc:creator>
    <dc:date>2026-01-20T08:00:00+01:00</dc:date>
  </item>
</rdf:RDF>`

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Lab Notes</title>
  <link rel="alternate" href="https://atom.example/"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2026-01-03T00:00:00Z</updated>
  <entry>
    <title>Replication results are in</title>
    <link href="https://atom.example/replication"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2026-01-01T12:00:00+02:00</published>
    <updated>2026-01-02T00:00:00Z</updated>
    <author><name>Alice Writer</name><email>alice@atom.example</email></author>
    <summary>Short version.</summary>
    <content type="html">&lt;p&gt;The effect &lt;em&gt;held&lt;/em&gt;.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Updated only</title>
    <id>urn:uuid:2</id>
    <updated>2026-01-03T00:00:00Z</updated>
    <summary>Only a summary.</summary>
  </entry>
  <entry>
    <title>No dates at all</title>
    <id>urn:uuid:3</id>
  </entry>
</feed>`

async function parsed(xml: string): Promise<ParsedFeed> {
  const result = await parseFeed(xml)
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.message}`)
  return result.value
}

async function notAFeed(xml: string): Promise<string> {
  const result = await parseFeed(xml)
  expect(result.ok).toBe(false)
  if (result.ok) return ''
  expect(result.error.code).toBe('not-a-feed')
  return result.error.message
}

describe('parseFeed: RSS 2.0', () => {
  it('reads the channel title, link and description', async () => {
    const feed = await parsed(RSS2)
    expect(feed.title).toBe('The Riverside Courier')
    expect(feed.link).toBe('https://courier.example/')
    expect(feed.description).toBe('Local news & views')
    expect(feed.items).toHaveLength(3)
  })

  it('reads an item with guid, dc:creator as author, pubDate and content:encoded', async () => {
    const [item] = (await parsed(RSS2)).items
    expect(item).toEqual({
      guid: 'courier-levy-2026',
      title: 'Council delays transit levy',
      link: 'https://courier.example/levy',
      author: 'Jane Doe',
      published: '2026-01-23T10:40:00.000Z',
      contentHtml: '<p>The council <b>voted</b> to delay the levy.</p>',
      summary: 'The council voted to delay the levy.',
    })
  })

  it('falls back to the description as content, unescaped, when there is no content:encoded', async () => {
    const item = (await parsed(RSS2)).items[1]
    expect(item?.contentHtml).toBe('<p>Escaped <em>HTML</em> summary</p>')
    expect(item?.guid).toBeNull()
  })

  it('gives published null for an item without a date', async () => {
    const item = (await parsed(RSS2)).items[1]
    expect(item?.title).toBe('Undated brief')
    expect(item?.published).toBeNull()
  })

  it('gives published null for an unparseable date and keeps the rest of the feed', async () => {
    const feed = await parsed(RSS2)
    const item = feed.items[2]
    expect(item?.title).toBe('Badly dated')
    expect(item?.published).toBeNull()
    expect(item?.link).toBeNull()
    expect(item?.author).toBe('editor@courier.example (The Editor)')
    expect(feed.items[0]?.published).toBe('2026-01-23T10:40:00.000Z')
  })

  it.each([
    ['Fri, 23 Jan 2026 10:40:00 +0100', '2026-01-23T09:40:00.000Z'],
    ['Fri, 23 Jan 2026 10:40:00 EST', '2026-01-23T15:40:00.000Z'],
    ['2026-01-23T10:40:00Z', '2026-01-23T10:40:00.000Z'],
    ['  Fri, 23 Jan 2026 10:40:00 GMT  ', '2026-01-23T10:40:00.000Z'],
  ])('normalises the pubDate %j to UTC ISO %s', async (pubDate, iso) => {
    const feed = await parsed(
      `<rss version="2.0"><channel><title>T</title><item><title>A</title><pubDate>${pubDate}</pubDate></item></channel></rss>`,
    )
    expect(feed.items[0]?.published).toBe(iso)
  })

  it('decodes entities in titles', async () => {
    const feed = await parsed(
      '<rss version="2.0"><channel><title>A &amp; B</title><item><title>1 &lt; 2 &#8212; &quot;q&quot;</title></item></channel></rss>',
    )
    expect(feed.title).toBe('A & B')
    expect(feed.items[0]?.title).toBe('1 < 2 — "q"')
  })

  it('accepts a channel with no items', async () => {
    const feed = await parsed('<rss version="2.0"><channel><title>Empty</title></channel></rss>')
    expect(feed).toEqual({ title: 'Empty', link: null, description: '', items: [] })
  })
})

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('reads the channel and its items with dc:creator and dc:date', async () => {
    const feed = await parsed(RSS1)
    expect(feed.title).toBe('RDF Science Digest')
    expect(feed.link).toBe('https://rdf.example/')
    expect(feed.description).toBe('Weekly digest')
    expect(feed.items).toEqual([
      {
        guid: null,
        title: 'Bees can count',
        link: 'https://rdf.example/1',
        author: 'Ann Researcher',
        published: '2026-01-20T07:00:00.000Z',
        contentHtml: 'A study found that bees count landmarks.',
        summary: 'A study found that bees count landmarks.',
      },
    ])
  })
})

describe('parseFeed: Atom 1.0', () => {
  it('reads the feed title and alternate link', async () => {
    const feed = await parsed(ATOM)
    expect(feed.title).toBe('Atom Lab Notes')
    expect(feed.link).toBe('https://atom.example/')
    expect(feed.items).toHaveLength(3)
  })

  it('reads an entry with id as guid, author name and html content', async () => {
    const [entry] = (await parsed(ATOM)).items
    expect(entry).toEqual({
      guid: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
      title: 'Replication results are in',
      link: 'https://atom.example/replication',
      author: 'Alice Writer',
      published: '2026-01-01T10:00:00.000Z',
      contentHtml: '<p>The effect <em>held</em>.</p>',
      summary: 'The effect held.',
    })
  })

  it('uses <updated> as the date of an entry without <published>', async () => {
    const entry = (await parsed(ATOM)).items[1]
    expect(entry?.published).toBe('2026-01-03T00:00:00.000Z')
    expect(entry?.contentHtml).toBe('Only a summary.')
    expect(entry?.link).toBeNull()
  })

  it('gives published null for an entry without any date', async () => {
    const entry = (await parsed(ATOM)).items[2]
    expect(entry?.title).toBe('No dates at all')
    expect(entry?.published).toBeNull()
  })

  // BUG (parse-feed.ts via rss-parser 3.13 parseItemAtom): an Atom <published>/<updated> that is
  // not a date makes rss-parser call new Date(x).toISOString(), which throws "Invalid time value";
  // parseFeed turns that into 'not-a-feed', so ONE badly dated entry makes the whole Atom feed
  // unreadable ("The feed could not be read: Invalid time value"). RSS items with bad dates just
  // get published null. parseFeed should pre-clean or catch per entry for Atom too.
  it.fails(
    'gives an Atom entry with an invalid date published null and keeps the feed',
    async () => {
      const xml = ATOM.replace(
        '<updated>2026-01-03T00:00:00Z</updated>\n    <summary>Only',
        '<updated>last Tuesday</updated>\n    <summary>Only',
      )
      expect(xml).toContain('last Tuesday')
      const result = await parseFeed(xml)
      expect(result.ok).toBe(true)
      if (result.ok) expect(result.value.items[1]?.published).toBeNull()
    },
  )

  // BUG (parse-feed.ts via rss-parser's getLink): RFC 4287 says an Atom <link> without rel IS the
  // alternate link, but only an explicit rel="alternate" is looked for, else the first link is
  // used; a feed that lists <link rel="self"> first gets its own feed URL as the site link, so
  // "visit site" opens the raw XML.
  it.fails('takes the site link from a rel-less Atom link, not from rel="self"', async () => {
    const xml = ATOM.replace(
      '<link rel="alternate" href="https://atom.example/"/>',
      '<link rel="self" href="https://atom.example/feed.xml"/><link href="https://atom.example/"/>',
    )
    expect((await parsed(xml)).link).toBe('https://atom.example/')
  })
})

describe('parseFeed: input that is not a feed', () => {
  it('recognises an HTML page and says it is a web page', async () => {
    const message = await notAFeed(
      '<!DOCTYPE html>\n<html lang="en"><head><title>Courier</title>' +
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>' +
        '<body><p>Welcome</p></body></html>',
    )
    expect(message).toContain('web page')
  })

  it('recognises an HTML page without a doctype', async () => {
    expect(await notAFeed('<html><body>Hi</body></html>')).toContain('web page')
  })

  it('returns not-a-feed (and does not throw) for truncated XML', async () => {
    const truncated = RSS2.slice(0, RSS2.indexOf('<item>') + 60)
    const message = await notAFeed(truncated)
    expect(message).toMatch(/^The feed could not be read: /)
    expect(message).not.toContain('\n')
  })

  it('returns not-a-feed for malformed XML inside a feed', async () => {
    const message = await notAFeed(
      '<rss version="2.0"><channel><title>T</title><item><title>A</item></channel></rss>',
    )
    expect(message).toMatch(/^The feed could not be read/)
  })

  it.each([
    ['empty text', ''],
    ['plain text', 'Service temporarily unavailable'],
    ['JSON', '{"version":"https://jsonfeed.org/version/1.1","items":[]}'],
    ['another XML document', '<?xml version="1.0"?><sitemap><url>x</url></sitemap>'],
  ])('returns not-a-feed for %s, without calling it a web page', async (_label, text) => {
    const message = await notAFeed(text)
    expect(message).toBe('This is not an RSS or Atom feed')
  })
})
