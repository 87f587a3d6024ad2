// parseFeed reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed text into the parser's own shape.
// What is not a feed (a web page, truncated or garbage text) must come back as a 'not-a-feed'
// value the user can read, never as a thrown exception; real-world mess (bad entities, raw '&',
// DOCTYPEs, junk, open CDATA, bad dates) is repaired or worked around, with a warning.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_FEED_CHARS, parseFeed, type ParsedFeed, type ParsedItem } from './parse-feed'

const FIXTURES = join(__dirname, '../../../tests/fixtures/feeds')
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')

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

async function parsed(xml: string, baseUrl: string | null = null): Promise<ParsedFeed> {
  const result = await parseFeed(xml, { baseUrl })
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.message}`)
  return result.value
}

/** The item with this title (fails the test when there is none). */
function itemTitled(feed: ParsedFeed, title: string): ParsedItem {
  const item = feed.items.find((candidate) => candidate.title === title)
  if (!item)
    throw new Error(`no item titled ${title}: ${feed.items.map((i) => i.title).join(' | ')}`)
  return item
}

async function notAFeed(xml: string): Promise<string> {
  const result = await parseFeed(xml, { baseUrl: null })
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
      updated: null,
      contentHtml: '<p>The council <b>voted</b> to delay the levy.</p>',
      // The description says exactly what the body says, so there is no separate summary.
      summary: '',
      baseUrl: 'https://courier.example/levy',
      enclosures: [],
      thumbnail: null,
      categories: [],
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
    expect(item?.author).toBe('The Editor')
    expect(feed.items[0]?.published).toBe('2026-01-23T10:40:00.000Z')
    expect(feed.warnings).toEqual([
      'The date "sometime last week" of "Badly dated" could not be read; the entry is shown without a date.',
    ])
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
    expect(feed).toEqual({
      format: 'rss2.0',
      title: 'Empty',
      link: null,
      feedUrl: null,
      description: '',
      language: null,
      items: [],
      warnings: [],
    })
  })
})

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('reads the channel and its items with dc:creator and dc:date', async () => {
    const feed = await parsed(RSS1)
    expect(feed.title).toBe('RDF Science Digest')
    expect(feed.link).toBe('https://rdf.example/')
    expect(feed.description).toBe('Weekly digest')
    expect(feed.format).toBe('rss1.0')
    expect(feed.items).toEqual([
      {
        guid: 'https://rdf.example/1',
        title: 'Bees can count',
        link: 'https://rdf.example/1',
        author: 'Ann Researcher',
        published: '2026-01-20T07:00:00.000Z',
        updated: null,
        contentHtml: 'A study found that bees count landmarks.',
        summary: '',
        baseUrl: 'https://rdf.example/1',
        enclosures: [],
        thumbnail: null,
        categories: [],
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
      updated: '2026-01-02T00:00:00.000Z',
      contentHtml: '<p>The effect <em>held</em>.</p>',
      summary: 'Short version.',
      baseUrl: 'https://atom.example/replication',
      enclosures: [],
      thumbnail: null,
      categories: [],
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

  // Was a bug: rss-parser's parseItemAtom calls new Date(x).toISOString(), which throws on one bad
  // date and used to make the whole feed 'not-a-feed'. Its item mappers are now replaced.
  it('gives an Atom entry with an invalid date published null and keeps the feed', async () => {
    const xml = ATOM.replace(
      '<updated>2026-01-03T00:00:00Z</updated>\n    <summary>Only',
      '<updated>last Tuesday</updated>\n    <summary>Only',
    )
    expect(xml).toContain('last Tuesday')
    const result = await parseFeed(xml, { baseUrl: null })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.items[1]?.published).toBeNull()
    expect(result.value.items[0]?.published).toBe('2026-01-01T10:00:00.000Z')
    expect(result.value.warnings).toEqual([
      'The date "last Tuesday" of "Updated only" could not be read; the entry is shown without a date.',
    ])
  })

  // Was a bug: RFC 4287 says an Atom <link> without rel IS the alternate link; rss-parser only
  // looked for rel="alternate" and otherwise took the first link, here the feed's own URL.
  it('takes the site link from a rel-less Atom link, not from rel="self"', async () => {
    const xml = ATOM.replace(
      '<link rel="alternate" href="https://atom.example/"/>',
      '<link rel="self" href="https://atom.example/feed.xml"/><link href="https://atom.example/"/>',
    )
    const feed = await parsed(xml)
    expect(feed.link).toBe('https://atom.example/')
    expect(feed.feedUrl).toBe('https://atom.example/feed.xml')
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
    ['blank text', '  \n\t '],
    ['plain text', 'Service temporarily unavailable'],
    ['another XML document', '<?xml version="1.0"?><sitemap><url>x</url></sitemap>'],
    ['an HTML fragment without <html>', '<div class="error">Not found</div>'],
  ])('returns not-a-feed for %s, without calling it a web page', async (_label, text) => {
    const message = await notAFeed(text)
    expect(message).toBe('This is not an RSS or Atom feed')
  })
})

describe('parseFeed: JSON Feed text', () => {
  it('recognises a JSON Feed (after whitespace) and reads it', async () => {
    const feed = await parsed('\n  {"version":"https://jsonfeed.org/version/1.1","items":[]}')
    expect(feed.format).toBe('json1.1')
    expect(feed.items).toEqual([])
  })

  it('says that other JSON is not a JSON Feed, not that it is a web page', async () => {
    const message = await notAFeed('{"error":"rate limited"}')
    expect(message).toMatch(/^This is JSON, but not a JSON Feed/)
  })

  it('reads the JSON Feed fixtures', async () => {
    const v10 = await parsed(fixture('json-feed-1.0-author-object.json'))
    const v11 = await parsed(fixture('json-feed-1.1-authors-attachments.json'))
    expect([v10.format, v11.format]).toEqual(['json1.0', 'json1.1'])
    expect(v11.items[0]?.author).toBe('Ruth Kim, Omar Haddad')
  })
})

describe('parseFeed: WordPress RSS 2.0 (content:encoded, dc:creator, media:content, &hellip;)', () => {
  const load = () => parsed(fixture('wordpress-rss2-content-encoded-hellip.xml'))

  it('reads the channel with its self link and language', async () => {
    const feed = await load()
    expect(feed).toMatchObject({
      format: 'rss2.0',
      title: 'Marsh Ecology Notes – Field reports',
      link: 'https://marsh.example/',
      feedUrl: 'https://marsh.example/feed/',
      description: 'Notes from the salt marsh & beyond',
      language: 'en-GB',
      warnings: [],
    })
  })

  it('shows the post as a reader would see it', async () => {
    const item = itemTitled(await load(), 'Counting terns at dawn — what we learned')
    expect(item.author).toBe('Priya Raman')
    expect(item.published).toBe('2026-02-03T08:30:00.000Z')
    expect(item.link).toBe('https://marsh.example/2026/02/counting-terns/')
    expect(item.guid).toBe('https://marsh.example/?p=1042')
    expect(item.contentHtml).toMatch(/^<p>We counted <strong>412 Sandwich terns<\/strong>/)
    expect(item.contentHtml).toContain('<a href="/2025/06/spit-erosion/">')
    expect(item.summary).toBe(
      'We counted 412 Sandwich terns before sunrise, up from 280 last year… […]',
    )
    expect(item.thumbnail).toBe('https://marsh.example/wp-content/uploads/2026/02/terns.jpg')
    expect(item.enclosures).toEqual([])
    expect(item.categories).toEqual(['Birds', 'Fieldwork'])
    expect(item.baseUrl).toBe('https://marsh.example/2026/02/counting-terns/')
  })

  it('joins several dc:creator and decodes &hellip; outside CDATA', async () => {
    const item = itemTitled(await load(), 'Guest post: the marsh’s winter visitors')
    expect(item.author).toBe('Tom Hale, Ana Ruiz')
    expect(item.summary).toBe(
      'Brent geese, wigeon and a lone spoonbill… a winter tally & some surprises.',
    )
  })
})

describe('parseFeed: RSS 1.0 (RDF) fixture', () => {
  it('uses rdf:about as guid, dc:subject as category, and a date-only dc:date', async () => {
    const feed = await parsed(fixture('rdf-rss1-science-digest.xml'))
    expect(feed.format).toBe('rss1.0')
    expect(feed.language).toBe('en')
    const [bees, ocean] = feed.items
    expect(bees).toMatchObject({
      guid: 'https://digest.example/2026/bees-count',
      author: 'Ann Researcher',
      published: '2026-01-20T07:00:00.000Z',
      categories: ['Entomology'],
    })
    expect(ocean?.published).toBe('2026-01-16T00:00:00.000Z')
    expect(ocean?.contentHtml).toContain('<em>eighth</em>')
    expect(ocean?.summary).toBe('')
  })
})

describe('parseFeed: Atom 1.0 with xml:base, relative links and xhtml content', () => {
  const load = () =>
    parsed(fixture('atom1-xml-base-relative-links-xhtml.xml'), 'https://fetched.example/x/')

  it('resolves the feed links against the feed xml:base, rel-less link as the site', async () => {
    const feed = await load()
    expect(feed).toMatchObject({
      format: 'atom1.0',
      title: 'Lab Notebook <beta>',
      description: 'Open notebook science',
      link: 'https://lab.example/notes/',
      feedUrl: 'https://lab.example/notes/feed.atom',
      language: 'en-US',
    })
  })

  it('takes the alternate link, never replies/edit, and resolves enclosures', async () => {
    const entry = itemTitled(await load(), 'Calibrating the new spectrometer')
    expect(entry.link).toBe('https://lab.example/notes/2026/02/spectrometer')
    expect(entry.enclosures).toEqual([
      {
        url: 'https://lab.example/data/spectrometer-calibration.csv',
        type: 'text/csv',
        length: 20480,
      },
    ])
    expect(entry.author).toBe('Dr. Mira Okafor, Sam Lee')
    expect(entry.published).toBe('2026-02-09T20:30:00.000Z')
    expect(entry.updated).toBe('2026-02-10T13:00:00.000Z')
    expect(entry.categories).toEqual(['instruments', 'methods'])
    expect(entry.summary).toBe('We calibrated the spectrometer against three reference lamps.')
  })

  it('serializes xhtml content as HTML, unchanged URLs, with the content xml:base as baseUrl', async () => {
    const entry = itemTitled(await load(), 'Calibrating the new spectrometer')
    expect(entry.contentHtml).toBe(
      '<p>We calibrated against <strong>three</strong> reference lamps &amp; a <a href="lamps">lamp table</a>.</p>\n' +
        '        <p><img src="img/calibration.png" alt="Calibration curve"><br>Residuals &lt; 0.2\u00a0nm.</p>',
    )
    expect(entry.baseUrl).toBe('https://lab.example/notes/2026/02/')
  })

  it("resolves against the entry's own xml:base, and escapes text content", async () => {
    const entry = itemTitled(await load(), 'Archived: pipette technique')
    expect(entry.link).toBe('https://mirror.example/archive/pipettes.html')
    expect(entry.baseUrl).toBe('https://mirror.example/archive/')
    expect(entry.contentHtml).toBe(
      'Plain text with &lt;tags&gt; that are not markup &amp; an ampersand.',
    )
    expect(entry.author).toBe('Dr. Mira Okafor')
  })

  it('gives no link when the only link is rel=self, and uses an HTML summary as content', async () => {
    const entry = itemTitled(await load(), 'Only an id that is a URL')
    expect(entry.link).toBeNull()
    expect(entry.guid).toBe('https://lab.example/notes/99')
    expect(entry.contentHtml).toBe('<p>Summary as <b>HTML</b>.</p>')
    expect(entry.baseUrl).toBe('https://lab.example/notes/')
  })

  it('strips the tags of an html title', async () => {
    const entry = (await load()).items[0]
    expect(entry?.title).toBe('Calibrating the new spectrometer')
  })
})

describe('parseFeed: Atom 0.3', () => {
  const load = () => parsed(fixture('atom03-blogger-escaped-content.xml'))

  it('is recognised, with tagline as description', async () => {
    const feed = await load()
    expect(feed).toMatchObject({
      format: 'atom0.3',
      title: 'Old Blogger Journal',
      description: 'Posts from 2005, still syndicated',
      link: 'http://journal.example/',
      language: 'en',
    })
  })

  it('reads issued/modified dates and mode="escaped" content', async () => {
    const [entry] = (await load()).items
    expect(entry).toMatchObject({
      title: 'Tides & moons',
      link: 'http://journal.example/2005/11/tides.html',
      author: 'Ellen Park',
      published: '2005-11-09T05:15:00.000Z',
      updated: '2005-11-09T05:20:00.000Z',
      contentHtml: '<p>Spring tides follow the <b>new</b> moon.</p>',
      baseUrl: 'http://journal.example/2005/11/',
    })
  })

  it('reads inline (mode="xml") and base64 content', async () => {
    const [, inline, encoded] = (await load()).items
    expect(inline?.contentHtml).toBe('<p>Written <em>inline</em>.</p>')
    expect(encoded?.contentHtml).toBe('<p>Base64 <i>body</i></p>')
  })
})

describe('parseFeed: RSS 0.91 with the Netscape DOCTYPE', () => {
  it('reads it as rss0.9x, with the HTML entities its DTD allowed', async () => {
    const feed = await parsed(fixture('rss091-netscape-doctype.xml'), 'https://cafe.example/rss')
    expect(feed.format).toBe('rss0.9x')
    expect(feed.title).toBe('Café Science Weekly')
    expect(feed.warnings).toEqual([])
    expect(feed.items[0]?.title).toBe('Les neutrinos — une introduction')
    expect(feed.items[0]?.contentHtml).toBe('Une soirée sur les neutrinos.')
  })

  it('resolves a relative item link against the fetch URL, and drops it without one', async () => {
    const withBase = await parsed(
      fixture('rss091-netscape-doctype.xml'),
      'https://cafe.example/rss',
    )
    expect(withBase.items[1]?.link).toBe('https://cafe.example/talks/relative.html')
    const withoutBase = await parsed(fixture('rss091-netscape-doctype.xml'))
    expect(withoutBase.items[1]?.link).toBeNull()
  })
})

describe('parseFeed: podcast with iTunes fields and enclosures', () => {
  const load = () =>
    parsed(fixture('podcast-itunes-enclosures.xml'), 'https://labcoat.example/feed.xml')

  it('lists the audio enclosure and the media:content video, with sizes', async () => {
    const episode = itemTitled(await load(), "Ep. 42: When the control group wasn't")
    expect(episode.enclosures).toEqual([
      { url: 'https://cdn.labcoat.example/audio/ep42.mp3', type: 'audio/mpeg', length: 46276352 },
      { url: 'https://cdn.labcoat.example/video/ep42.mp4', type: 'video/mp4', length: 301989888 },
    ])
    expect(episode.author).toBe('Dana Whitfield')
    expect(episode.thumbnail).toBe('https://labcoat.example/art/ep42.jpg')
    expect(episode.published).toBe('2026-02-04T13:00:00.000Z')
    // guid isPermaLink="false" is never used as the link.
    expect(episode.link).toBeNull()
    expect(episode.guid).toBe('labcoat-ep-42')
  })

  it('resolves a relative enclosure, reads length="0" as unknown, uses a permalink guid as link', async () => {
    const bonus = itemTitled(await load(), 'Ep. 41: Bonus minisode')
    expect(bonus.enclosures).toEqual([
      { url: 'https://labcoat.example/audio/ep41.m4a', type: 'audio/x-m4a', length: null },
    ])
    expect(bonus.link).toBe('https://labcoat.example/episodes/41')
    expect(bonus.published).toBe('2026-01-28T13:00:00.000Z')
  })
})

describe('parseFeed: broken XML that is repaired, with a warning', () => {
  it('reads a feed whose DOCTYPE declares entities, expanding none of them', async () => {
    const feed = await parsed(fixture('doctype-internal-entities.xml'))
    expect(feed.title).toBe('&publisher; news')
    const [item] = feed.items
    expect(item?.title).toBe('Seagrass survey ✓ complete – results inside')
    expect(item?.contentHtml).toBe('The survey covered 14\u00a0km² of the bay ★.')
    expect(feed.warnings).toHaveLength(1)
    expect(feed.warnings[0]).toMatch(
      /^The feed is not well-formed XML \(Invalid character entity \(line 9\)\); it was read after these repairs: /,
    )
    expect(feed.warnings[0]).toContain('removed the DOCTYPE (its entities are not expanded)')
    expect(feed.warnings[0]).toContain(
      'replaced 6 HTML entities (&hellip;, &check;, &ndash;, &nbsp;, &sup2;, …) with characters',
    )
  })

  it('reads a feed with raw ampersands in text, links and attributes', async () => {
    const feed = await parsed(fixture('raw-ampersands.xml'))
    expect(feed.title).toBe('Q&A Science & Society')
    expect(feed.link).toBe('https://qa.example/?section=science&lang=en')
    const [item] = feed.items
    expect(item?.title).toBe('Salt & pepper noise in MRI scans')
    expect(item?.link).toBe('https://qa.example/article?id=7&ref=rss')
    expect(item?.contentHtml).toBe('AT&T Labs & MIT on denoising & more.')
    expect(item?.enclosures[0]?.url).toBe('https://qa.example/media?id=7&format=mp3')
    expect(feed.warnings).toEqual([
      "The feed is not well-formed XML (Invalid character in entity name (line 4)); it was read after these repairs: escaped 9 bare '&'s.",
    ])
  })

  it('reads a feed with junk after </rss>', async () => {
    const feed = await parsed(fixture('junk-after-rss-end.xml'))
    expect(feed.items.map((item) => item.title)).toEqual(['January ice report'])
    expect(feed.items[0]?.published).toBe('2026-02-01T00:00:00.000Z')
  })

  it('closes an unterminated CDATA section instead of losing the items after it', async () => {
    const feed = await parsed(fixture('unterminated-cdata.xml'))
    expect(feed.items.map((item) => item.title)).toEqual([
      'Lava flow reaches the coast',
      'Seismic swarm eases',
    ])
    expect(feed.items[0]?.contentHtml).toBe(
      '<p>The flow entered the sea at 04:10 local time &amp; a plume rose',
    )
    expect(feed.items[0]?.published).toBe('2026-01-30T15:00:00.000Z')
    expect(feed.warnings).toEqual([
      'The feed is not well-formed XML (a CDATA section is not closed); it was read after these repairs: closed 1 unterminated CDATA section.',
    ])
  })

  it('reads a billion-laughs feed quickly without expanding anything', async () => {
    const started = performance.now()
    const feed = await parsed(fixture('billion-laughs-doctype.xml'))
    expect(performance.now() - started).toBeLessThan(1000)
    expect(feed.title).toBe('Laughing Feed &lol9;')
    expect(feed.items[0]?.contentHtml).toBe('&lol9;&lol9;&lol9;')
    expect(JSON.stringify(feed)).not.toContain('lollol')
    expect(JSON.stringify(feed).length).toBeLessThan(5000)
  })

  it('never includes a file an external entity points at (XXE)', async () => {
    const feed = await parsed(fixture('xxe-file-etc-passwd.xml'))
    const everything = JSON.stringify(feed)
    expect(everything).not.toContain('root:')
    if (existsSync('/etc/passwd')) {
      const firstLine = readFileSync('/etc/passwd', 'utf8').split('\n')[0] ?? ''
      if (firstLine) expect(everything).not.toContain(firstLine)
    }
    expect(feed.items[0]?.title).toBe('Read me &xxe;')
    expect(feed.warnings[0]).toContain('kept 3 undefined entity references (&xxe;) as plain text')
  })

  it('reads a feed after a BOM and blank lines before <?xml', async () => {
    const feed = await parsed(`\uFEFF\n\n${RSS2}`)
    expect(feed.title).toBe('The Riverside Courier')
  })

  it('reads a feed after a PHP notice printed before <?xml', async () => {
    const feed = await parsed(`<b>Notice</b>: Undefined variable: x in feed.php on line 2\n${RSS2}`)
    expect(feed.title).toBe('The Riverside Courier')
    expect(feed.warnings[0]).toContain('removed text before the XML declaration')
  })

  it('removes control characters, with a warning', async () => {
    const feed = await parsed(
      '<rss version="2.0"><channel><title>Bell\u0007 and\u0000 null</title></channel></rss>',
    )
    expect(feed.title).toBe('Bell and null')
    expect(feed.warnings).toEqual(['Removed 2 control characters that XML does not allow.'])
  })

  it('says what was wrong when even the repaired text cannot be read', async () => {
    const message = await notAFeed(
      '<rss version="2.0"><channel><title>A &hellip; B</title><item><title>x</item></channel></rss>',
    )
    expect(message).toBe('The feed could not be read: Unexpected close tag (line 1)')
  })
})

describe('parseFeed: fields real feeds spell in many ways', () => {
  const rss = (item: string, attrs = '', channel = ''): string =>
    `<rss version="2.0" ${attrs}><channel><title>T</title>${channel}<item>${item}</item></channel></rss>`

  it.each([
    ['jane@x.example (Jane Doe)', 'Jane Doe'],
    ['Jane Doe <jane@x.example>', 'Jane Doe'],
    ['"Jane Doe" <jane@x.example>', 'Jane Doe'],
    ['jane@x.example', 'jane@x.example'],
    ['  Jane   Doe ', 'Jane Doe'],
  ])('reads the RSS author %j as %j', async (author, name) => {
    const feed = await parsed(
      rss(`<title>A</title><author>${author.replace(/</g, '&lt;')}</author>`),
    )
    expect(feed.items[0]?.author).toBe(name)
  })

  it('prefers dc:creator, then author, then itunes:author', async () => {
    const ns =
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
    const creator = await parsed(
      rss('<dc:creator>A</dc:creator><author>b@x (B)</author><itunes:author>C</itunes:author>', ns),
    )
    const author = await parsed(rss('<author>b@x (B)</author><itunes:author>C</itunes:author>', ns))
    const itunes = await parsed(rss('<itunes:author>C</itunes:author>', ns))
    expect([creator, author, itunes].map((f) => f.items[0]?.author)).toEqual(['A', 'B', 'C'])
  })

  it('finds namespaced elements under the prefix the feed declares', async () => {
    const feed = await parsed(
      rss(
        '<title>A</title><m:thumbnail url="https://x.example/t.jpg"/><d:creator>Kim</d:creator>',
        'xmlns:m="http://search.yahoo.com/mrss/" xmlns:d="http://purl.org/dc/elements/1.1/"',
      ),
    )
    expect(feed.items[0]?.thumbnail).toBe('https://x.example/t.jpg')
    expect(feed.items[0]?.author).toBe('Kim')
  })

  it('reads media:group children as enclosures and thumbnail', async () => {
    const feed = await parsed(
      rss(
        '<title>Talk</title><media:group><media:content url="https://v.example/talk.webm" type="video/webm" fileSize="1000"/>' +
          '<media:content url="https://v.example/talk.mp4" type="video/mp4"/><media:thumbnail url="/thumbs/talk.jpg"/></media:group>',
        'xmlns:media="http://search.yahoo.com/mrss/"',
      ),
      'https://v.example/feed',
    )
    expect(feed.items[0]?.enclosures).toEqual([
      { url: 'https://v.example/talk.webm', type: 'video/webm', length: 1000 },
      { url: 'https://v.example/talk.mp4', type: 'video/mp4', length: null },
    ])
    expect(feed.items[0]?.thumbnail).toBe('https://v.example/thumbs/talk.jpg')
  })

  it('prefers feedburner:origLink over the proxy link', async () => {
    const feed = await parsed(
      rss(
        '<title>A</title><link>https://feedproxy.example/~r/x/1</link><feedburner:origLink>https://real.example/post</feedburner:origLink>',
        'xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"',
      ),
    )
    expect(feed.items[0]?.link).toBe('https://real.example/post')
  })

  it('resolves relative links against the channel xml:base, and uses it as baseUrl', async () => {
    const feed = await parsed(
      '<rss version="2.0"><channel xml:base="https://base.example/blog/"><title>T</title><link>./</link>' +
        '<item><title>A</title><link>posts/a</link><description>&lt;img src="a.png"&gt;</description></item></channel></rss>',
      'https://fetched.example/feed',
    )
    expect(feed.link).toBe('https://base.example/blog/')
    expect(feed.items[0]?.link).toBe('https://base.example/blog/posts/a')
    expect(feed.items[0]?.baseUrl).toBe('https://base.example/blog/')
    expect(feed.items[0]?.contentHtml).toBe('<img src="a.png">')
  })

  it('drops links and enclosures that are not http(s)', async () => {
    const feed = await parsed(
      rss(
        '<title>A</title><link>javascript:alert(1)</link><enclosure url="ftp://x.example/a.mp3" type="audio/mpeg"/>',
      ),
      'https://x.example/',
    )
    expect(feed.items[0]?.link).toBeNull()
    expect(feed.items[0]?.enclosures).toEqual([])
  })

  it('strips tags from RSS titles and decodes double-escaped entities', async () => {
    const feed = await parsed(
      rss('<title>&lt;b&gt;Bold&lt;/b&gt; AT&amp;amp;T &amp;hellip;</title>'),
    )
    expect(feed.items[0]?.title).toBe('Bold AT&T …')
  })

  it('keeps a summary that differs from the body, as plain text', async () => {
    const feed = await parsed(
      rss(
        '<title>A</title><description>&lt;p&gt;Short &lt;b&gt;teaser&lt;/b&gt;&lt;/p&gt;</description>' +
          '<content:encoded><![CDATA[<p>The whole story.</p>]]></content:encoded>',
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
      ),
    )
    expect(feed.items[0]?.summary).toBe('Short teaser')
    expect(feed.items[0]?.contentHtml).toBe('<p>The whole story.</p>')
  })

  it('counts several bad dates in one warning', async () => {
    const feed = await parsed(
      '<rss version="2.0"><channel><title>T</title>' +
        '<item><title>A</title><pubDate>soon</pubDate></item>' +
        '<item><title>B</title><pubDate>Feb 30 2026</pubDate></item>' +
        '<item><title>C</title><pubDate>Fri, 23 Jan 2026 10:40:00 GMT</pubDate></item></channel></rss>',
    )
    expect(feed.items.map((item) => item.published)).toEqual([
      null,
      null,
      '2026-01-23T10:40:00.000Z',
    ])
    expect(feed.warnings).toEqual([
      '2 entries have dates that could not be read (the first: "soon" of "A"); they are shown without a date.',
    ])
  })

  it('reads <rss> without a version as RSS 2.0', async () => {
    const feed = await parsed('<rss><channel><title>No version</title></channel></rss>')
    expect(feed.format).toBe('rss2.0')
    expect(feed.title).toBe('No version')
  })

  it('reads an Atom feed whose links have no attributes (rss-parser itself would throw)', async () => {
    const feed = await parsed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><link>https://t.example/</link>' +
        '<entry><title>E</title><link>https://t.example/e</link><id>e</id></entry></feed>',
    )
    expect(feed.link).toBe('https://t.example/')
    expect(feed.items[0]?.link).toBe('https://t.example/e')
  })

  it('inherits the Atom feed author and accepts IANA rel IRIs', async () => {
    const feed = await parsed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><author><name>Feed Author</name></author>' +
        '<entry><title>E</title><id>e</id><link rel="http://www.iana.org/assignments/relation/alternate" href="https://t.example/e"/></entry></feed>',
    )
    expect(feed.items[0]?.author).toBe('Feed Author')
    expect(feed.items[0]?.link).toBe('https://t.example/e')
  })
})

describe('parseFeed: limits', () => {
  it('refuses text over the size limit with a clear reason', async () => {
    const message = await notAFeed(`<rss>${' '.repeat(MAX_FEED_CHARS)}</rss>`)
    expect(message).toBe('The feed is too large to read (50.0 MB of text; the limit is 50 MB)')
  })

  it('recognises XHTML and lower-case doctype pages as web pages', async () => {
    expect(await notAFeed('<!doctype html><title>x</title>')).toContain('web page')
    expect(
      await notAFeed(
        '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html xmlns="http://www.w3.org/1999/xhtml"></html>',
      ),
    ).toContain('web page')
  })

  it('says an RSS document without a channel is not readable', async () => {
    expect(await notAFeed('<rss version="2.0"><title>T</title></rss>')).toBe(
      'The feed could not be read: it has no <channel>',
    )
  })

  it('stays fast on a body that makes rss-parser’s own snippet regex quadratic', async () => {
    const body = 'x<px'.repeat(250_000)
    const started = performance.now()
    const feed = await parsed(
      `<rss version="2.0"><channel><title>T</title><item><title>A</title><description><![CDATA[${body}]]></description></item></channel></rss>`,
    )
    expect(performance.now() - started).toBeLessThan(2000)
    expect(feed.items[0]?.contentHtml.length).toBe(body.length)
  })

  it('survives absurdly deep xhtml without overflowing the stack', async () => {
    const depth = 50_000
    const feed = await parsed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Deep</title><id>d</id><content type="xhtml"><div>${'<b>'.repeat(depth)}x${'</b>'.repeat(depth)}</div></content></entry></feed>`,
    )
    expect(feed.items[0]?.title).toBe('Deep')
  })

  it('parses a 5 MB WordPress-style RSS 2.0 feed in a few seconds at most', async () => {
    const item = (i: number): string =>
      `<item><title>Item ${i} &amp; friends</title><link>https://big.example/${i}</link>` +
      `<guid isPermaLink="false">big-${i}</guid><dc:creator><![CDATA[Author ${i}]]></dc:creator>` +
      `<pubDate>Mon, 02 Jun 2025 10:00:00 +0000</pubDate><category><![CDATA[News]]></category>` +
      `<description><![CDATA[Summary of item ${i} [&#8230;]]]></description><content:encoded><![CDATA[` +
      `<p>Lorem ipsum dolor sit amet, <a href="/x/${i}">consectetur</a> adipiscing elit.</p>\n`.repeat(
        40,
      ) +
      `]]></content:encoded><media:content url="https://big.example/i${i}.jpg" medium="image"/></item>\n`
    const items: string[] = []
    let size = 0
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const next = item(i)
      items.push(next)
      size += next.length
    }
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Big</title>' +
      `${items.join('')}</channel></rss>`
    const started = performance.now()
    const feed = await parsed(xml, 'https://big.example/feed')
    const seconds = (performance.now() - started) / 1000
    expect(feed.items).toHaveLength(items.length)
    expect(feed.items[0]?.thumbnail).toBe('https://big.example/i0.jpg')
    expect(seconds).toBeLessThan(5)
  })
})
