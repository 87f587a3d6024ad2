// Turns feed bytes into text before any parsing, in the order browsers and feed readers trust:
// a byte-order mark, then the HTTP charset, then the XML declaration, else UTF-8. Legacy charsets
// are decoded with iconv-lite rather than Node's TextDecoder, which (since Node 20.18) decodes
// windows-1252 as bare Latin-1 and would turn curly quotes and dashes into control characters.
// Like browsers, ISO-8859-1 and ASCII labels mean windows-1252, and GB2312/GBK mean GB18030.
// With no declaration at all, bytes that are valid UTF-8 are UTF-8 (XML's default); anything
// else is a legacy charset that was not declared: it is detected (jschardet, a port of Mozilla's
// universal detector) and the guess is reported as a warning.
import iconv from 'iconv-lite'
import jschardet from 'jschardet'

export interface DecodedFeed {
  text: string
  charset: string
  warnings: string[]
}

/** WHATWG-style label aliases: what the label says vs what servers actually send. */
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  iso8859_1: 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  'x-sjis': 'shift_jis',
}

export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): DecodedFeed {
  const warnings: string[] = []
  const bom = charsetFromBom(bytes)
  if (bom) return decodeAs(bytes.subarray(bom.length), bom.charset, warnings)
  const utf16 = utf16WithoutBom(bytes)
  if (utf16) return decodeAs(bytes, utf16, warnings)

  const fromHeader = contentType
    ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1]
    : undefined
  // The declaration was readable as ASCII, so a 16/32-bit label on it must be wrong.
  let fromXml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(
    Buffer.from(bytes.subarray(0, 512)).toString('latin1'),
  )?.[1]
  if (fromXml && /^utf-?(16|32)/i.test(fromXml)) {
    warnings.push(`The XML declaration says ${fromXml}, but the bytes are 8-bit; read as UTF-8`)
    fromXml = undefined
  }
  for (const label of [fromHeader, fromXml]) {
    if (!label) continue
    const charset = normalizeLabel(label)
    if (iconv.encodingExists(charset)) return decodeAs(bytes, charset, warnings)
    warnings.push(`Unknown charset "${label}" ignored`)
  }
  if (isValidUtf8(bytes)) return decodeAs(bytes, 'utf-8', warnings)
  const detected = detectCharset(bytes)
  warnings.push(
    `No charset is declared and the bytes are not UTF-8; read as ${detected} (detected)`,
  )
  return decodeAs(bytes, detected, warnings)
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** The most likely legacy charset of undeclared bytes; windows-1252 when nothing fits. */
function detectCharset(bytes: Uint8Array): string {
  // The first 64 KB are plenty for the statistics and keep detection fast on big feeds.
  const guess = jschardet.detect(Buffer.from(bytes.subarray(0, 64 * 1024))).encoding
  const charset = guess ? normalizeLabel(guess) : 'windows-1252'
  return iconv.encodingExists(charset) && charset !== 'utf-8' ? charset : 'windows-1252'
}

/** The WHATWG name for a label (cp1251 → windows-1251), then our aliases on top. */
function normalizeLabel(label: string): string {
  const lower = label.trim().toLowerCase()
  let canonical = lower
  try {
    canonical = new TextDecoder(lower).encoding
  } catch {
    // Not a WHATWG label; iconv-lite may still know it.
  }
  const aliased = LABEL_ALIASES[canonical] ?? canonical
  return iconv.encodingExists(aliased) ? aliased : (LABEL_ALIASES[lower] ?? lower)
}

function decodeAs(bytes: Uint8Array, charset: string, warnings: string[]): DecodedFeed {
  if (charset === 'utf-8' || charset === 'utf8') {
    return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', warnings }
  }
  return { text: iconv.decode(Buffer.from(bytes), charset, { stripBOM: true }), charset, warnings }
}

function charsetFromBom(bytes: Uint8Array): { charset: string; length: number } | undefined {
  const [a, b, c, d] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', length: 3 }
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { charset: 'utf-32le', length: 4 }
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { charset: 'utf-32be', length: 4 }
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', length: 2 }
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', length: 2 }
  return undefined
}

/** `<?` or `<r` written in UTF-16 without a BOM: every other byte is zero. */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes
  if (a === 0x3c && b === 0 && c !== 0 && d === 0) return 'utf-16le'
  if (a === 0 && b === 0x3c && c === 0 && d !== 0) return 'utf-16be'
  return undefined
}
