// Turns feed bytes into text before any parsing, in the order browsers and feed readers trust:
// a byte-order mark, then the HTTP charset, then the XML declaration, else UTF-8. Uses the WHATWG
// decoders built into Node (full ICU), which cover the legacy single- and multi-byte charsets.
// Heuristic detection for undeclared legacy charsets comes with the feed-engine issue.

export interface DecodedFeed {
  text: string
  charset: string
  warnings: string[]
}

export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): DecodedFeed {
  const warnings: string[] = []
  const bom = charsetFromBom(bytes)
  const fromHeader = contentType
    ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1]
    : undefined
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512))
  const fromXml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]
  const candidates = [bom, fromHeader, fromXml, 'utf-8'].filter((c): c is string => Boolean(c))
  for (const charset of candidates) {
    let decoder: TextDecoder
    try {
      decoder = new TextDecoder(charset, { ignoreBOM: false })
    } catch {
      warnings.push(`Unknown charset "${charset}" ignored`)
      continue
    }
    return { text: decoder.decode(bytes), charset: decoder.encoding, warnings }
  }
  return { text: new TextDecoder().decode(bytes), charset: 'utf-8', warnings }
}

function charsetFromBom(bytes: Uint8Array): string | undefined {
  const [a, b, c] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8'
  if (a === 0xfe && b === 0xff) return 'utf-16be'
  if (a === 0xff && b === 0xfe) return 'utf-16le'
  return undefined
}
