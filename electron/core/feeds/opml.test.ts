// parseOpml reads OPML as Feedly, Inoreader, NetNewsWire, Thunderbird and hand-edited blogrolls
// write it (fixtures in tests/fixtures/opml), and turns what is not OPML into a 'bad-opml' value
// with a one-line reason. buildOpml writes OPML 2.0 that parseOpml reads back unchanged.
import { describe, expect, it } from 'vitest'
import { fixture } from '../../../tests/helpers/fixture-server'
import { buildOpml, normalizeFeedUrl, parseOpml, type OpmlFeed, type OpmlOutline } from './opml'

function parsed(name: string): OpmlOutline {
  const result = parseOpml(fixture(`opml/${name}`).toString('utf8'))
  if (!result.ok) throw new Error(`expected ${name} to parse: ${result.error.message}`)
  return result.value
}

function failure(text: string): string {
  const result = parseOpml(text)
  if (result.ok) throw new Error('expected bad-opml')
  expect(result.error.code).toBe('bad-opml')
  expect(result.error.message).not.toContain('\n')
  return result.error.message
}

/** Feeds in a comparable order, since buildOpml sorts and parse keeps document order. */
function sorted(feeds: OpmlFeed[]): OpmlFeed[] {
  return [...feeds].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
}

describe('normalizeFeedUrl', () => {
  it('trims, lowercases scheme and host, drops default ports and fragments', () => {
    expect(normalizeFeedUrl('  HTTPS://Example.COM:443/Feed.xml#top ')).toBe(
      'https://example.com/Feed.xml',
    )
    expect(normalizeFeedUrl('http://example.com:80/rss?a=1&b=2')).toBe(
      'http://example.com/rss?a=1&b=2',
    )
    expect(normalizeFeedUrl('http://example.com:8080/rss')).toBe('http://example.com:8080/rss')
  })

  it('rejects relative and non-http(s) URLs', () => {
    for (const raw of [
      '/feed.xml',
      'feed.xml',
      '',
      'feed://a.example/rss',
      'javascript:x',
      'file:///etc/passwd',
      'mailto:a@b.example',
    ]) {
      expect(normalizeFeedUrl(raw), raw).toBeNull()
    }
  })
})

describe('parseOpml', () => {
  it('reads a Feedly export, merging a feed filed under two categories', () => {
    const opml = parsed('feedly.opml')
    expect(opml.title).toBe('Alex subscriptions in feedly Cloud')
    expect(opml.skipped).toBe(0)
    expect(opml.feeds).toEqual([
      {
        url: 'http://feeds.nature.com/nature/rss/current',
        title: 'Nature News & Comment',
        siteUrl: 'https://www.nature.com/',
        folder: ['Science'],
      },
      {
        url: 'https://api.quantamagazine.org/feed/',
        title: 'Quanta Magazine',
        siteUrl: 'https://www.quantamagazine.org/',
        folder: ['Science'],
      },
      {
        url: 'https://retractionwatch.com/feed/',
        title: 'Retraction Watch',
        siteUrl: 'https://retractionwatch.com/',
        folder: ['Science'],
      },
      {
        url: 'https://courier.example/rss.xml',
        title: 'The Riverside Courier',
        siteUrl: 'https://courier.example/',
        folder: ['Must Read'],
      },
      {
        url: 'https://atom.example/atom.xml',
        title: 'Lab Notes',
        siteUrl: 'https://atom.example/',
        folder: ['Uncategorized'],
      },
    ])
  })

  it('reads an Inoreader export: top-level feeds, title without text, category ignored', () => {
    const opml = parsed('inoreader.opml')
    expect(opml.title).toBe('Subscriptions of Alex from Inoreader [https://www.inoreader.com]')
    expect(opml.feeds.map((f) => [f.title, f.folder])).toEqual([
      ['Ars Technica - All content', ['Tech']],
      ['LWN.net', ['Tech']],
      ['BBC News - World', ['News']],
      ['Le Monde.fr - Actualités et Infos en France et dans le monde', ['News']],
      ['Hacker News: Front Page', []],
      ['YouTube - Veritasium', []],
    ])
    expect(opml.feeds[5]?.url).toBe(
      'https://www.youtube.com/feeds/videos.xml?channel_id=UCHnyfMqiRRG1u-2MsSQLbXA&hl=en',
    )
  })

  it('reads a NetNewsWire export (OPML 1.1, tabs, a comment before the root)', () => {
    const opml = parsed('netnewswire.opml')
    expect(opml.title).toBe('Subscriptions-OnMyMac.opml')
    expect(opml.feeds.map((f) => [f.url, f.folder])).toEqual([
      ['https://daringfireball.net/feeds/main', []],
      ['https://feedpress.me/sixcolors', ['Apple']],
      ['https://www.macstories.net/feed/json', ['Apple']],
      ['https://inessential.com/xml/rss.xml', ['Indie Web']],
      ['https://www.manton.org/feed.json', ['Indie Web']],
    ])
  })

  it('reads a Thunderbird export: deep folders, namespaced attributes, empty folders', () => {
    const opml = parsed('thunderbird.opml')
    expect(opml.title).toBe('Thunderbird OPML Export - Blogs & News Feeds')
    expect(opml.feeds.map((f) => [f.title, f.folder])).toEqual([
      ['PLOS Genetics', ['Research', 'Biology', 'Genetics']],
      ['eLife', ['Research', 'Biology']],
      ['arXiv cs.CL', ['Research']],
      ['Mozilla Hacks', []],
    ])
  })

  it('copes with a hand-edited file: odd case, entities, duplicates, unusable URLs', () => {
    const opml = parsed('hand-edited.opml')
    expect(opml.title).toBe('My Blogroll – café edition')
    expect(opml.skipped).toBe(4)
    expect(opml.feeds).toEqual([
      {
        url: 'https://ana.example/feed.xml',
        title: 'Ana’s notes',
        siteUrl: 'https://ana.example/',
        folder: ['Friends'],
      },
      // The first occurrence's title was just its URL, so the duplicate's title is kept.
      { url: 'https://bo.example/atom', title: 'Bo again', siteUrl: null, folder: ['Friends'] },
      {
        url: 'http://cy.example/index.php?feed=rss2&cat=3',
        title: 'Cy',
        siteUrl: 'http://cy.example/',
        folder: ['Friends'],
      },
      // An outline with neither title nor URL is a wrapper, not a folder.
      {
        url: 'https://dee.example/rss',
        title: 'Dee (ungrouped wrapper)',
        siteUrl: null,
        folder: ['Friends'],
      },
      // `text` wins over `title`; a bare & in a URL is tolerated; &amp;amp; decodes once.
      { url: 'https://eve.example/feed?a=1&b=2', title: 'Eve & Co.', siteUrl: null, folder: [] },
    ])
  })

  it('keeps the first non-empty title and the first folder of duplicates', () => {
    const result = parseOpml(`<opml version="2.0"><body>
      <outline text="A"><outline type="rss" text="" xmlUrl="https://x.example/feed"/></outline>
      <outline text="B"><outline type="rss" text="X News" xmlUrl="HTTPS://X.EXAMPLE/feed#new"/></outline>
      <outline text="C"><outline type="rss" text="X Again" xmlUrl="https://x.example:443/feed"/></outline>
    </body></opml>`)
    expect(result).toEqual({
      ok: true,
      value: {
        title: null,
        skipped: 0,
        feeds: [{ url: 'https://x.example/feed', title: 'X News', siteUrl: null, folder: ['A'] }],
      },
    })
  })

  it('never expands DOCTYPE entities', () => {
    const opml = parsed('entity-expansion.opml')
    expect(opml.title).toBe('&lol3;')
    expect(opml.feeds).toEqual([
      { url: 'https://safe.example/feed', title: '&evil;', siteUrl: null, folder: [] },
    ])
  })

  it('leaves unknown entity names alone, including Object property names', () => {
    const result = parseOpml(
      '<opml><body><outline text="&constructor; &toString; &unknown; &#0; &#x1F600;" xmlUrl="https://a.example/"/></body></opml>',
    )
    expect(result.ok && result.value.feeds[0]?.title).toBe(
      '&constructor; &toString; &unknown; \uFFFD 😀',
    )
  })

  it('accepts an empty body and a UTF-8 byte-order mark', () => {
    expect(
      parseOpml('\uFEFF<?xml version="1.0"?><opml version="2.0"><head/><body/></opml>'),
    ).toEqual({
      ok: true,
      value: { title: null, feeds: [], skipped: 0 },
    })
  })

  it('says which line is not well-formed', () => {
    expect(failure(fixture('opml/truncated.opml').toString('utf8'))).toBe(
      'The OPML is not well-formed XML at line 9: the file ends before <outline> (opened at line 7) is closed.',
    )
    expect(failure(fixture('opml/mismatched.opml').toString('utf8'))).toBe(
      'The OPML is not well-formed XML at line 8: </body> found where <outline> (opened at line 5) should be closed.',
    )
  })

  it('tolerates a stray end tag that closes nothing', () => {
    const result = parseOpml(`<opml><body>
      <outline text="A"><outline xmlUrl="https://a.example/feed"/></outline></outline>
    </body></opml>`)
    expect(result.ok && result.value.feeds).toEqual([
      { url: 'https://a.example/feed', title: null, siteUrl: null, folder: ['A'] },
    ])
  })

  it('says what the file is when it is not OPML', () => {
    expect(failure(fixture('opml/web-page.opml').toString('utf8'))).toBe(
      'This file is a web page, not OPML: no <opml> element.',
    )
    expect(failure(fixture('opml/no-body.opml').toString('utf8'))).toBe(
      'This file is not OPML: the <opml> element has no <body>.',
    )
    expect(failure(fixture('opml/plain-list.opml').toString('utf8'))).toBe(
      'This file is not XML, so it is not OPML: it does not start with a tag.',
    )
    expect(failure('')).toBe('This file is empty, not OPML.')
    expect(failure('  \n ')).toBe('This file is empty, not OPML.')
    expect(failure('{"feeds": []}')).toBe('This file is JSON, not OPML: it has no <opml> element.')
    expect(failure('<?xml version="1.0"?>')).toBe(
      'This file is not OPML: it has no elements at all.',
    )
    expect(failure('<rss version="2.0"><channel/></rss>')).toBe(
      'This file is a feed (<rss>), not an OPML subscription list: no <opml> element.',
    )
    expect(failure('<outlines><outline xmlUrl="https://a.example/"/></outlines>')).toBe(
      'This file is not OPML: no <opml> element (the document is <outlines>).',
    )
  })

  it('ignores outlines outside <body>', () => {
    const result = parseOpml(`<opml><head><outline xmlUrl="https://head.example/"/></head>
      <body><outline xmlUrl="https://body.example/"/></body></opml>`)
    expect(result.ok && result.value.feeds.map((f) => f.url)).toEqual(['https://body.example/'])
  })
})

describe('buildOpml', () => {
  const feeds: OpmlFeed[] = [
    { url: 'https://z.example/feed', title: 'zebra', siteUrl: null, folder: [] },
    { url: 'https://a.example/feed', title: 'Aardvark', siteUrl: 'https://a.example/', folder: [] },
    {
      url: 'https://q.example/rss?x=1&y=2',
      title: 'Quotes "&" <tags>',
      siteUrl: null,
      folder: ['science', 'Physics'],
    },
    { url: 'https://b.example/feed', title: null, siteUrl: null, folder: ['Science'] },
    { url: 'https://c.example/feed', title: 'Chem\nistry', siteUrl: null, folder: ['science'] },
  ]

  it('writes sorted, escaped OPML 2.0 with nested folders', () => {
    expect(
      buildOpml({ title: 'Research & notes', dateCreated: 'Fri, 23 Jan 2026 09:00:00 GMT', feeds }),
    ).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Research &amp; notes</title>
    <dateCreated>Fri, 23 Jan 2026 09:00:00 GMT</dateCreated>
  </head>
  <body>
    <outline text="Science" title="Science">
      <outline type="rss" text="https://b.example/feed" title="https://b.example/feed" xmlUrl="https://b.example/feed"/>
    </outline>
    <outline text="science" title="science">
      <outline text="Physics" title="Physics">
        <outline type="rss" text="Quotes &quot;&amp;&quot; &lt;tags&gt;" title="Quotes &quot;&amp;&quot; &lt;tags&gt;" xmlUrl="https://q.example/rss?x=1&amp;y=2"/>
      </outline>
      <outline type="rss" text="Chem&#10;istry" title="Chem&#10;istry" xmlUrl="https://c.example/feed"/>
    </outline>
    <outline type="rss" text="Aardvark" title="Aardvark" xmlUrl="https://a.example/feed" htmlUrl="https://a.example/"/>
    <outline type="rss" text="zebra" title="zebra" xmlUrl="https://z.example/feed"/>
  </body>
</opml>
`)
  })

  it('is stable whatever the input order', () => {
    const input = { title: 't', dateCreated: 'd', feeds }
    expect(buildOpml({ ...input, feeds: [...feeds].reverse() })).toBe(buildOpml(input))
  })

  it('drops characters XML cannot carry', () => {
    const out = buildOpml({ title: 'a\u0000b\u001Fc', dateCreated: '', feeds: [] })
    expect(out).toContain('<title>abc</title>')
    expect(parseOpml(out)).toEqual({ ok: true, value: { title: 'abc', feeds: [], skipped: 0 } })
  })

  it('round-trips through parseOpml', () => {
    const back = parseOpml(buildOpml({ title: 'Round trip', dateCreated: 'now', feeds }))
    if (!back.ok) throw new Error(back.error.message)
    expect(back.value.title).toBe('Round trip')
    expect(sorted(back.value.feeds)).toEqual(
      sorted(feeds.map((f) => ({ ...f, title: f.title?.replace('\n', ' ') ?? null }))),
    )
  })

  it.each([
    'feedly.opml',
    'inoreader.opml',
    'netnewswire.opml',
    'thunderbird.opml',
    'hand-edited.opml',
  ])('round-trips the feeds and folders of %s', (name) => {
    const first = parsed(name)
    const again = parseOpml(
      buildOpml({ title: first.title ?? '', dateCreated: 'now', feeds: first.feeds }),
    )
    if (!again.ok) throw new Error(again.error.message)
    expect(again.value.skipped).toBe(0)
    expect(sorted(again.value.feeds)).toEqual(sorted(first.feeds))
  })
})
