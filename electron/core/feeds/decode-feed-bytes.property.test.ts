// Properties of decoding: whatever bytes a server sends and whatever charset it claims (in the
// header, the XML declaration, a BOM — true, false, unknown or malformed), decoding returns text
// and never throws; honest UTF-8 comes back unchanged. Seeded: a failure prints its seed and path.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyOptions, propertyTimeout } from '../../../tests/helpers/property'
import { decodeFeedBytes } from './decode-feed-bytes'

const LABELS = [
  'utf-8',
  'UTF8',
  'utf-16',
  'utf-16le',
  'utf-16be',
  'utf-32',
  'iso-8859-1',
  'latin1',
  'us-ascii',
  'windows-1251',
  'cp1251',
  'koi8-r',
  'shift_jis',
  'euc-jp',
  'euc-kr',
  'gb2312',
  'gbk',
  'gb18030',
  'big5',
  'iso-2022-jp',
  'x-user-defined',
  'x-unknown',
  'utf-7',
  'ebcdic',
  '',
  ' ',
  'utf-8"; x',
  '../../etc/passwd',
  'constructor',
  '__proto__',
  'toString',
]
const label = fc.oneof(fc.constantFrom(...LABELS), fc.string({ maxLength: 20 }))
const contentType = fc.option(
  fc.oneof(
    label.map((l) => `text/xml; charset=${l}`),
    label.map((l) => `application/rss+xml;charset="${l}"`),
    fc.string({ maxLength: 40 }),
  ),
  { nil: null },
)
const BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xff, 0xfe, 0, 0],
  [0, 0, 0xfe, 0xff],
  [0x3c, 0],
  [0, 0x3c],
  [],
]
const bytes = fc
  .tuple(
    fc.constantFrom(...BOMS),
    fc.option(
      label.map((l) => `<?xml version="1.0" encoding="${l}"?>`),
      { nil: '' },
    ),
    fc.uint8Array({ maxLength: 600 }),
  )
  .map(([bom, declaration, tail]) => new Uint8Array([...bom, ...Buffer.from(declaration), ...tail]))

describe('decoding feed bytes (properties)', () => {
  it(
    'returns text for any bytes under any declared charset, without throwing',
    () => {
      fc.assert(
        fc.property(bytes, contentType, (input, type) => {
          const started = performance.now()
          const decoded = decodeFeedBytes(input, type)
          expect(typeof decoded.text).toBe('string')
          expect(decoded.charset).toMatch(/\S/)
          expect(Array.isArray(decoded.warnings)).toBe(true)
          expect(performance.now() - started).toBeLessThan(500)
        }),
        propertyOptions(0x5eed01, 400),
      )
    },
    propertyTimeout(),
  )

  it(
    'gives back any text sent as UTF-8 and declared so (or not declared at all)',
    () => {
      const text = fc
        .string({ unit: 'grapheme', maxLength: 200 })
        .filter((s) => !s.startsWith('\uFEFF'))
      fc.assert(
        fc.property(
          text,
          fc.constantFrom(null, 'text/xml', 'text/xml; charset=utf-8'),
          (s, type) => {
            const sent = Buffer.from(`<?xml version="1.0"?><t>${s}</t>`)
            expect(decodeFeedBytes(sent, type).text).toBe(`<?xml version="1.0"?><t>${s}</t>`)
          },
        ),
        propertyOptions(0x5eed02, 200),
      )
    },
    propertyTimeout(),
  )
})
