// decodeFeedBytes turns the fetched bytes of a feed into text before parsing, trusting in order a
// byte-order mark, the HTTP charset, the XML declaration, else UTF-8. A wrong choice shows the
// user mojibake titles, so each source and each precedence rule is checked with real bytes.
import { describe, expect, it } from 'vitest'
import { Buffer } from 'node:buffer'
import { decodeFeedBytes } from './decode-feed-bytes'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'))
function utf16be(text: string): Uint8Array {
  const bytes = utf16le(text)
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const low = bytes[i] as number
    bytes[i] = bytes[i + 1] as number
    bytes[i + 1] = low
  }
  return bytes
}
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => [...part]))

const BOM_UTF8 = [0xef, 0xbb, 0xbf]
const BOM_UTF16LE = [0xff, 0xfe]
const BOM_UTF16BE = [0xfe, 0xff]

/** A minimal RSS document whose title is `title` (given as raw bytes in its charset). */
function rss(titleBytes: number[], declaration = ''): Uint8Array {
  return concat(
    utf8(`${declaration}<rss version="2.0"><channel><title>`),
    titleBytes,
    utf8('</title></channel></rss>'),
  )
}

// Bytes of well-known words in legacy charsets (checked against Python's codecs).
const WORDS = {
  'windows-1251': { word: 'Привет', bytes: [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2] },
  'koi8-r': { word: 'Привет', bytes: [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4] },
  shift_jis: { word: '日本語', bytes: [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea] },
  gb18030: { word: '中文', bytes: [0xd6, 0xd0, 0xce, 0xc4] },
  big5: { word: '臺灣', bytes: [0xbb, 0x4f, 0xc6, 0x57] },
  'euc-kr': { word: '한국어', bytes: [0xc7, 0xd1, 0xb1, 0xb9, 0xbe, 0xee] },
} as const

describe('decodeFeedBytes: byte-order marks', () => {
  it('decodes UTF-8 with a BOM and drops the BOM from the text', () => {
    const result = decodeFeedBytes(concat(BOM_UTF8, utf8('<rss>Привет</rss>')), null)
    expect(result.text).toBe('<rss>Привет</rss>')
    expect(result.charset).toBe('utf-8')
    expect(result.warnings).toEqual([])
  })

  it('decodes UTF-16LE announced by its BOM', () => {
    const result = decodeFeedBytes(concat(BOM_UTF16LE, utf16le('<rss>Привет 日本</rss>')), null)
    expect(result.text).toBe('<rss>Привет 日本</rss>')
    expect(result.charset).toBe('utf-16le')
  })

  it('decodes UTF-16BE announced by its BOM', () => {
    const result = decodeFeedBytes(concat(BOM_UTF16BE, utf16be('<rss>Привет 日本</rss>')), null)
    expect(result.text).toBe('<rss>Привет 日本</rss>')
    expect(result.charset).toBe('utf-16be')
  })

  it('lets the BOM win over a contradicting HTTP charset', () => {
    const bytes = concat(BOM_UTF16LE, utf16le('<rss>Привет</rss>'))
    const result = decodeFeedBytes(bytes, 'application/rss+xml; charset=windows-1251')
    expect(result.text).toBe('<rss>Привет</rss>')
    expect(result.charset).toBe('utf-16le')
  })

  it('lets a UTF-8 BOM win over a contradicting XML declaration', () => {
    const bytes = concat(BOM_UTF8, utf8('<?xml version="1.0" encoding="koi8-r"?><rss>Привет</rss>'))
    expect(decodeFeedBytes(bytes, null).text).toContain('<rss>Привет</rss>')
  })
})

describe('decodeFeedBytes: HTTP charset', () => {
  it.each(Object.entries(WORDS))(
    'decodes %s bytes named in the Content-Type',
    (charset, sample) => {
      const result = decodeFeedBytes(
        rss([...sample.bytes]),
        `application/rss+xml; charset=${charset}`,
      )
      expect(result.text).toBe(
        `<rss version="2.0"><channel><title>${sample.word}</title></channel></rss>`,
      )
      expect(result.charset).toBe(charset)
      expect(result.warnings).toEqual([])
    },
  )

  it('decodes iso-8859-1 (as its WHATWG superset windows-1252)', () => {
    const bytes = new Uint8Array(Buffer.from('<rss>Café Zürich</rss>', 'latin1'))
    const result = decodeFeedBytes(bytes, 'text/xml; charset=ISO-8859-1')
    expect(result.text).toBe('<rss>Café Zürich</rss>')
    expect(result.charset).toBe('windows-1252')
  })

  // BUG (decode-feed-bytes.ts relies on Node's TextDecoder, which since Node 20.18.3/22.13.0
  // decodes windows-1252 and its aliases iso-8859-1/latin1/us-ascii as plain Latin-1:
  // nodejs/node#56542, #60888). Bytes 0x80-0x9F become invisible C1 control characters instead
  // of € ‚ „ … ‘ ’ “ ” – —, so the curly quotes and dashes of the many feeds declared iso-8859-1
  // or windows-1252 vanish from titles and articles. A 32-entry table for 0x80-0x9F fixes it.
  // (This test starts passing, and must lose its .fails, once the runtime is fixed.)
  it('shows windows-1252 smart quotes, dashes and the euro sign as browsers do', () => {
    const bytes = new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x92])
    for (const charset of ['windows-1252', 'iso-8859-1']) {
      expect(decodeFeedBytes(bytes, `text/xml; charset=${charset}`).text).toBe('“Hi” – €5’')
    }
  })

  it('would show mojibake if the charset were read as UTF-8, so the checks above can fail', () => {
    const bytes = rss([...WORDS['windows-1251'].bytes])
    expect(new TextDecoder().decode(bytes)).not.toContain('Привет')
  })

  it.each([
    'text/xml;charset=windows-1251',
    'text/xml; CHARSET = "windows-1251"',
    "text/xml; charset='cp1251'",
    'application/xml; format=rss; charset=Windows-1251',
  ])('reads the charset from the header %j', (contentType) => {
    const result = decodeFeedBytes(rss([...WORDS['windows-1251'].bytes]), contentType)
    expect(result.text).toContain('<title>Привет</title>')
    expect(result.charset).toBe('windows-1251')
  })

  it('treats a Content-Type without charset as no declaration (UTF-8)', () => {
    const result = decodeFeedBytes(utf8('<rss>Привет</rss>'), 'application/rss+xml')
    expect(result).toEqual({ text: '<rss>Привет</rss>', charset: 'utf-8', warnings: [] })
  })
})

describe('decodeFeedBytes: XML declaration', () => {
  it('uses the XML declaration encoding when the header has no charset', () => {
    const declaration = '<?xml version="1.0" encoding="windows-1251"?>'
    const result = decodeFeedBytes(rss([...WORDS['windows-1251'].bytes], declaration), 'text/xml')
    expect(result.text).toBe(
      `${declaration}<rss version="2.0"><channel><title>Привет</title></channel></rss>`,
    )
    expect(result.charset).toBe('windows-1251')
  })

  it('accepts single quotes, other attributes and leading whitespace in the declaration', () => {
    const declaration = "\n  <?xml version='1.0' standalone='yes' encoding='KOI8-R' ?>"
    const result = decodeFeedBytes(rss([...WORDS['koi8-r'].bytes], declaration), null)
    expect(result.text).toContain('<title>Привет</title>')
    expect(result.charset).toBe('koi8-r')
  })

  it.each(Object.entries(WORDS))('decodes %s named only in the XML declaration', (charset, s) => {
    const declaration = `<?xml version="1.0" encoding="${charset}"?>`
    const result = decodeFeedBytes(rss([...s.bytes], declaration), null)
    expect(result.text).toContain(`<title>${s.word}</title>`)
  })

  it('lets the HTTP charset win over the XML declaration', () => {
    const declaration = '<?xml version="1.0" encoding="koi8-r"?>'
    const bytes = rss([...WORDS['windows-1251'].bytes], declaration)
    const result = decodeFeedBytes(bytes, 'text/xml; charset=windows-1251')
    expect(result.text).toContain('<title>Привет</title>')
    expect(result.charset).toBe('windows-1251')
  })

  it('ignores an "encoding=" that is not in an XML declaration at the start', () => {
    const bytes = utf8('<rss><title>encoding="koi8-r" Привет</title></rss>')
    const result = decodeFeedBytes(bytes, null)
    expect(result.charset).toBe('utf-8')
    expect(result.text).toContain('Привет')
  })

  // BUG (decode-feed-bytes.ts): an XML declaration saying encoding="utf-16" is trusted even though
  // it was just read as ASCII, which proves the bytes are not UTF-16. This is a common real-world
  // case (.NET's XmlWriter over a StringWriter writes encoding="utf-16" and the server sends UTF-8);
  // the whole feed is then decoded as UTF-16LE into CJK-looking garbage and fails as 'not-a-feed'.
  // Browsers (HTML spec: a utf-16 meta charset means UTF-8) and feedparser ignore such a label.
  it('decodes an ASCII-compatible feed whose declaration wrongly says utf-16', () => {
    const text = '<?xml version="1.0" encoding="utf-16"?><rss><title>Привет</title></rss>'
    const result = decodeFeedBytes(utf8(text), null)
    expect(result.text).toBe(text)
  })
})

describe('decodeFeedBytes: defaults and unknown labels', () => {
  it('decodes as UTF-8 when nothing declares a charset', () => {
    expect(decodeFeedBytes(utf8('<feed>日本語 ☃</feed>'), null)).toEqual({
      text: '<feed>日本語 ☃</feed>',
      charset: 'utf-8',
      warnings: [],
    })
  })

  it('warns about an unknown header charset and falls back to UTF-8', () => {
    const result = decodeFeedBytes(utf8('<rss>Привет</rss>'), 'text/xml; charset=x-klingon')
    expect(result.text).toBe('<rss>Привет</rss>')
    expect(result.charset).toBe('utf-8')
    expect(result.warnings).toEqual(['Unknown charset "x-klingon" ignored'])
  })

  it('warns about an unknown XML declaration encoding and falls back to UTF-8', () => {
    const text = '<?xml version="1.0" encoding="ebcdic-cp-us"?><rss>Привет</rss>'
    const result = decodeFeedBytes(utf8(text), null)
    expect(result.text).toBe(text)
    expect(result.charset).toBe('utf-8')
    expect(result.warnings).toEqual(['Unknown charset "ebcdic-cp-us" ignored'])
  })

  it('falls back from an unknown header charset to the XML declaration, with a warning', () => {
    const declaration = '<?xml version="1.0" encoding="windows-1251"?>'
    const bytes = rss([...WORDS['windows-1251'].bytes], declaration)
    const result = decodeFeedBytes(bytes, 'text/xml; charset=bogus')
    expect(result.text).toContain('<title>Привет</title>')
    expect(result.charset).toBe('windows-1251')
    expect(result.warnings).toEqual(['Unknown charset "bogus" ignored'])
  })

  it('reads undeclared bytes that are not UTF-8 with a detected charset and says so', () => {
    const result = decodeFeedBytes(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x41]), null)
    expect(result.text).toMatch(/^<a>..A$/)
    expect(result.charset).not.toBe('utf-8')
    expect(result.warnings).toEqual([expect.stringMatching(/No charset is declared.*\(detected\)/)])
  })

  it('returns empty text for empty bytes', () => {
    expect(decodeFeedBytes(new Uint8Array(), null)).toEqual({
      text: '',
      charset: 'utf-8',
      warnings: [],
    })
  })
})
