// repairXml fixes what makes strict XML parsers reject real feeds, says what it changed, and
// stays linear on big or hostile input. Each repaired text is checked with the strict parser the
// app uses (xml2js via rss-parser), since "repaired" means "now parses".
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import { hasUnterminatedCdata, repairXml, stripDoctype } from './repair-xml'

const FIXTURES = join(__dirname, '../../../tests/fixtures/feeds')
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')

async function parsesStrictly(xml: string): Promise<Parser.Output<Record<string, unknown>>> {
  return new Parser().parseString(xml)
}

const rss = (items: string, head = ''): string =>
  `${head}<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`

describe('repairXml: entities and ampersands', () => {
  it('turns HTML named entities XML lacks into numeric references', () => {
    const { text, repairs } = repairXml(
      rss('<item><title>A&hellip;&nbsp;B &mdash; caf&eacute; &check;</title></item>'),
    )
    expect(text).toContain('<title>A&#8230;&#160;B &#8212; caf&#233; &#10003;</title>')
    expect(repairs).toEqual([
      'replaced 5 HTML entities (&hellip;, &nbsp;, &mdash;, &eacute;, &check;) with characters',
    ])
  })

  it('keeps the five XML entities and valid numeric references as they are', () => {
    const input = rss('<item><title>&amp;&lt;&gt;&quot;&apos; &#8212; &#x2014;</title></item>')
    expect(repairXml(input)).toEqual({ text: input, repairs: [] })
  })

  it('expands entities that stand for two characters into two references', () => {
    expect(repairXml('<a>&acE;</a>').text).toBe('<a>&#8766;&#819;</a>')
  })

  it('escapes bare ampersands in text and attribute values', async () => {
    const { text, repairs } = repairXml(
      rss(
        '<item><title>Salt & pepper</title><link>https://x.example/?a=1&b=2</link><enclosure url="https://x.example/?id=7&f=mp3" type="audio/mpeg"/></item>',
      ),
    )
    expect(text).toContain('<title>Salt &amp; pepper</title>')
    expect(text).toContain('<link>https://x.example/?a=1&amp;b=2</link>')
    expect(text).toContain('url="https://x.example/?id=7&amp;f=mp3"')
    expect(repairs).toEqual(["escaped 3 bare '&'s"])
    const feed = await parsesStrictly(text)
    expect(feed.items[0]?.title).toBe('Salt & pepper')
  })

  it('keeps undefined entity references visible as text instead of failing', () => {
    const { text, repairs } = repairXml('<a>&company; &lol9;&lol9;</a>')
    expect(text).toBe('<a>&amp;company; &amp;lol9;&amp;lol9;</a>')
    expect(repairs).toEqual([
      'kept 3 undefined entity references (&company;, &lol9;) as plain text',
    ])
  })

  it('does not look up Object.prototype names as entities', () => {
    expect(repairXml('<a>&constructor; &__proto__;</a>').text).toBe(
      '<a>&amp;constructor; &amp;__proto__;</a>',
    )
  })

  it('removes numeric references to characters XML forbids', () => {
    const { text, repairs } = repairXml('<a>x&#0;y&#x1B;z&#12;</a>')
    expect(text).toBe('<a>xyz</a>')
    expect(repairs).toEqual(['removed 3 control characters not allowed in XML'])
  })

  it('escapes a malformed numeric reference', () => {
    expect(repairXml('<a>&#; &#xZZ; &#12</a>').text).toBe('<a>&amp;#; &amp;#xZZ; &amp;#12</a>')
  })

  it('leaves entity-like text inside CDATA alone', () => {
    const input = rss('<item><description><![CDATA[<p>A&nbsp;B & C</p>]]></description></item>')
    expect(repairXml(input)).toEqual({ text: input, repairs: [] })
  })
})

describe('repairXml: DOCTYPE, control characters, prefix and suffix', () => {
  it('removes a DOCTYPE with an internal subset so nothing it declares is expanded', async () => {
    const { text, repairs } = repairXml(fixture('billion-laughs-doctype.xml'))
    expect(text).not.toContain('<!DOCTYPE')
    expect(text).not.toContain('<!ENTITY')
    expect(text).toContain('<title>Laughing Feed &amp;lol9;</title>')
    expect(repairs[0]).toBe('removed the DOCTYPE (its entities are not expanded)')
    const feed = await parsesStrictly(text)
    expect(feed.title).toBe('Laughing Feed &lol9;')
  })

  it('removes a public DOCTYPE without a subset', () => {
    const { text } = repairXml(fixture('rss091-netscape-doctype.xml'))
    expect(text).not.toContain('DOCTYPE')
    expect(text).toContain('<rss version="0.91">')
  })

  it('handles quotes, brackets and comments inside a DOCTYPE', () => {
    const { text } = repairXml(
      '<?xml version="1.0"?><!DOCTYPE rss [ <!-- a ] > comment --> <!ENTITY a "x > ] y"> ]><rss/>',
    )
    expect(text).toBe('<?xml version="1.0"?><rss/>')
  })

  it('removes control characters XML forbids, in text, attributes and CDATA', () => {
    const { text, repairs } = repairXml('<a b="x\u0001">\u0000t\u000Be<![CDATA[\u0007]]>\ttab</a>')
    expect(text).toBe('<a b="x">te<![CDATA[]]>\ttab</a>')
    expect(repairs).toEqual(['removed 4 control characters not allowed in XML'])
  })

  it('trims a byte-order mark and whitespace before <?xml', async () => {
    const { text, repairs } = repairXml(`\uFEFF\n\n  <?xml version="1.0"?>${rss('')}`)
    expect(text.startsWith('<?xml')).toBe(true)
    expect(repairs).toEqual(['removed a byte-order mark or whitespace before <?xml'])
    await parsesStrictly(text)
  })

  it('cuts junk (a PHP notice) before <?xml', async () => {
    const { text, repairs } = repairXml(
      `<b>Notice</b>: Undefined index: q in feed.php on line 3\n<?xml version="1.0"?>${rss('')}`,
    )
    expect(text.startsWith('<?xml')).toBe(true)
    expect(repairs).toEqual(['removed text before the XML declaration'])
    await parsesStrictly(text)
  })

  it('does not mistake a quoted <?xml inside the feed for the declaration', () => {
    const input = rss(
      '<item><description>Write &lt;?xml version="1.0"?&gt; first</description></item>',
    )
    expect(repairXml(input).text).toBe(input)
  })

  it('cuts junk after the root element, keeping the feed', async () => {
    const { text, repairs } = repairXml(fixture('junk-after-rss-end.xml'))
    expect(text.trimEnd().endsWith('</rss>')).toBe(true)
    expect(text).not.toContain('Warning')
    expect(repairs).toEqual(['cut text after the closing </rss> tag'])
    const feed = await parsesStrictly(text)
    expect(feed.items[0]?.title).toBe('January ice report')
  })

  it('drops trailing comments silently (they are legal)', () => {
    expect(repairXml('<rss></rss>\n<!-- cached 0.2s -->\n').repairs).toEqual([])
  })
})

describe('repairXml: CDATA and markup', () => {
  it('closes an unterminated CDATA section before its parent closes', async () => {
    const { text, repairs } = repairXml(fixture('unterminated-cdata.xml'))
    expect(text).toContain(
      '<description><![CDATA[<p>The flow entered the sea at 04:10 local time &amp; a plume rose]]></description>',
    )
    expect(repairs).toEqual(['closed 1 unterminated CDATA section'])
    const feed = await parsesStrictly(text)
    expect(feed.items.map((item) => item.title)).toEqual([
      'Lava flow reaches the coast',
      'Seismic swarm eases',
    ])
  })

  it('closes a CDATA section that runs to the end of a truncated text', () => {
    const { text, repairs } = repairXml('<rss><channel><description><![CDATA[cut off')
    expect(text).toBe('<rss><channel><description><![CDATA[cut off]]>')
    expect(repairs).toEqual(['closed 1 unterminated CDATA section'])
  })

  it('detects an open CDATA that a later section would close', () => {
    expect(hasUnterminatedCdata(fixture('unterminated-cdata.xml'))).toBe(true)
    expect(hasUnterminatedCdata(fixture('wordpress-rss2-content-encoded-hellip.xml'))).toBe(false)
    expect(hasUnterminatedCdata('<a><![CDATA[x]]><![CDATA[y]]></a>')).toBe(false)
    expect(hasUnterminatedCdata('<a><![CDATA[x</a>')).toBe(true)
  })

  it('escapes a stray < that cannot start markup', async () => {
    const { text, repairs } = repairXml(rss('<item><title>1 < 2 and 3 <= 4</title></item>'))
    expect(text).toContain('<title>1 &lt; 2 and 3 &lt;= 4</title>')
    expect(repairs).toEqual(["escaped 2 stray '<'s"])
    expect((await parsesStrictly(text)).items[0]?.title).toBe('1 < 2 and 3 <= 4')
  })

  it('quotes unquoted and value-less attributes and drops duplicates', async () => {
    const { text, repairs } = repairXml(
      rss(
        '<item><title>A</title><enclosure url=https://x.example/a.mp3 type=audio/mpeg length=12 type="x"/></item>',
      ),
    )
    expect(text).toContain(
      '<enclosure url="https://x.example/a.mp3" type="audio/mpeg" length="12"/>',
    )
    expect(repairs).toEqual(['quoted 3 attribute values'])
    await parsesStrictly(text)
  })

  it('keeps comments out and processing instructions in', () => {
    expect(repairXml('<?xml version="1.0"?><a><!-- x -- y --><?php echo 1 ?>t</a>').text).toBe(
      '<?xml version="1.0"?><a><?php echo 1 ?>t</a>',
    )
  })

  it('reports several repairs together', () => {
    const { repairs } = repairXml(
      '  <?xml version="1.0"?><!DOCTYPE rss><rss><channel><title>A & B&hellip;</title></channel></rss>junk',
    )
    expect(repairs).toEqual([
      'removed a byte-order mark or whitespace before <?xml',
      'removed the DOCTYPE (its entities are not expanded)',
      'replaced 1 HTML entity (&hellip;) with characters',
      "escaped 1 bare '&'",
      'cut text after the closing </rss> tag',
    ])
  })

  it('reports nothing for a well-formed feed, which parses the same after the pass', async () => {
    const input = fixture('podcast-itunes-enclosures.xml')
    const { text, repairs } = repairXml(input)
    expect(repairs).toEqual([])
    expect(await parsesStrictly(text)).toEqual(await parsesStrictly(input))
  })
})

describe('stripDoctype', () => {
  it('removes the DOCTYPE but keeps its line breaks, so error lines stay right', () => {
    const input = '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "b">\n]>\n<rss/>'
    expect(stripDoctype(input)).toEqual({
      text: '<?xml version="1.0"?>\n\n\n\n<rss/>',
      removed: true,
    })
  })

  it('leaves a document without a DOCTYPE alone', () => {
    expect(stripDoctype('<rss/>')).toEqual({ text: '<rss/>', removed: false })
  })

  it('ignores "<!DOCTYPE" text after the root element starts', () => {
    const input = '<rss><description>&lt;!DOCTYPE html&gt;</description></rss>'
    expect(stripDoctype(input).removed).toBe(false)
  })
})

describe('repairXml: linear time', () => {
  const item = (i: number): string =>
    `<item><title>Item ${i} & more&hellip;</title><link>https://x.example/?id=${i}&ref=rss</link>` +
    `<description><![CDATA[<p>${'Lorem ipsum dolor sit amet. '.repeat(20)}</p>]]></description></item>\n`

  it('repairs a 5 MB feed in well under a second', () => {
    let items = ''
    for (let i = 0; items.length < 5 * 1024 * 1024; i++) items += item(i)
    const input = rss(items)
    const started = performance.now()
    const { text, repairs } = repairXml(input)
    const elapsed = performance.now() - started
    expect(repairs.length).toBe(2)
    expect(text.length).toBeGreaterThan(input.length)
    expect(elapsed).toBeLessThan(1000)
  })

  it.each([
    ['unclosed quotes in tags', `<rss>${'<item a=\'x <b c="'.repeat(200_000)}</rss>`],
    ['close tags without >', `<rss>${'</a'.repeat(500_000)}</rss>`],
    ['open CDATA sections', `<rss>${'<d><![CDATA[abc</d>'.repeat(100_000)}</rss>`],
    ['ampersands', `<rss>${'&&&&#&#x'.repeat(300_000)}</rss>`],
    ['stray <', `<rss>${'< < <'.repeat(300_000)}</rss>`],
  ])('stays linear on hostile input: %s', (_label, input) => {
    const started = performance.now()
    repairXml(input)
    expect(performance.now() - started).toBeLessThan(1500)
  })
})
