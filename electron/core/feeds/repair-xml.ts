// Best-effort repair of the ways real feeds break strict XML parsers, in one left-to-right pass:
//   - HTML named entities XML does not define (&hellip; &nbsp; &rsquo; …) become numeric
//     references (from the `entities` package's HTML5 map); unknown ones and bare '&' become &amp;
//   - a DOCTYPE (with or without an internal subset) is removed: nothing it declares is ever
//     expanded, which rules out entity bombs ("billion laughs") and external entities (XXE)
//   - control characters XML forbids, and numeric references to them, are removed
//   - an unterminated CDATA section is closed before its parent's closing tag (or at the end)
//   - junk after the root element's end is cut; a BOM, whitespace or junk before <?xml is cut
//   - a stray '<' that cannot start markup becomes &lt;, unquoted attribute values are quoted
// Every step is a scan with indexOf or a single-character-class regex from a moving position,
// so the whole pass is linear in the input (no backtracking regexes over user text).
import { decodeHTMLStrict } from 'entities'

export interface RepairResult {
  text: string
  /** What was changed, in words ("replaced 3 HTML entities (&hellip;, &nbsp;)"); [] if nothing. */
  repairs: string[]
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos'])
const MAX_ENTITY_NAME = 32

// Characters XML 1.0 forbids (tab, LF and CR are allowed): control characters are what these
// patterns are about, hence the lint exceptions.
/** The next character that needs a look: markup, a reference, or a forbidden character. */
// eslint-disable-next-line no-control-regex -- matching forbidden control characters on purpose
const SPECIAL = /[<&\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g
// eslint-disable-next-line no-control-regex -- as above
export const CONTROL_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g
// eslint-disable-next-line no-control-regex -- as above
export const CONTROL_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/
const NAME_START = /[A-Za-z_:\u00C0-\uFFFD]/
const WHITESPACE = /[ \t\r\n]/

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/** XML name characters, loosely: ASCII letters, digits, _ : . - and anything non-ASCII. */
function isNameChar(code: number): boolean {
  return (
    isAlphanumeric(code) || code === 95 || code === 58 || code === 46 || code === 45 || code >= 0xb7
  )
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

export function repairXml(input: string): RepairResult {
  return new Repairer(input).run()
}

/**
 * Removes a DOCTYPE declaration if the document has one (keeping its line breaks), without
 * reporting it: parse-feed does this before the first parse so that no DTD is ever seen by the
 * parser, whatever its version.
 */
export function stripDoctype(text: string): { text: string; removed: boolean } {
  const start = findDoctype(text)
  if (start === -1) return { text, removed: false }
  const end = doctypeEnd(text, start)
  if (end === -1) return { text, removed: false }
  // Keep its line breaks, so that parser errors still point at the right line.
  const lineBreaks = text.slice(start, end).replace(/[^\n]/g, '')
  return { text: text.slice(0, start) + lineBreaks + text.slice(end), removed: true }
}

/**
 * Whether a CDATA section looks unterminated even though the text may be well-formed: a second
 * '<![CDATA[' before the first one's ']]>' means the first swallowed markup up to a later
 * section's end (items vanish into one description). Linear: every search moves forward.
 */
export function hasUnterminatedCdata(text: string): boolean {
  let at = text.indexOf('<![CDATA[')
  while (at !== -1) {
    const end = text.indexOf(']]>', at + 9)
    if (end === -1) return true
    const next = text.indexOf('<![CDATA[', at + 9)
    if (next !== -1 && next < end) return true
    at = next
  }
  return false
}

/** Where a DOCTYPE starts in the prolog (before the root element), or -1. */
function findDoctype(text: string): number {
  const limit = Math.min(text.length, 1 << 20)
  let i = 0
  while (i < limit) {
    const lt = text.indexOf('<', i)
    if (lt === -1 || lt >= limit) return -1
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4)
      if (end === -1) return -1
      i = end + 3
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2)
      if (end === -1) return -1
      i = end + 2
    } else if (startsWithIgnoreCase(text, lt, '<!DOCTYPE')) {
      return lt
    } else {
      return -1
    }
  }
  return -1
}

/**
 * The index just past the '>' that ends the DOCTYPE starting at `start`, skipping quoted strings,
 * comments and the bracketed internal subset; -1 when it never ends.
 */
export function doctypeEnd(text: string, start: number): number {
  let i = start + '<!DOCTYPE'.length
  let inSubset = false
  while (i < text.length) {
    const c = text[i]
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1)
      if (close === -1) return -1
      i = close + 1
    } else if (inSubset && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4)
      if (close === -1) return -1
      i = close + 3
    } else if (c === '[') {
      inSubset = true
      i++
    } else if (c === ']') {
      inSubset = false
      i++
    } else if (c === '>' && !inSubset) {
      return i + 1
    } else {
      i++
    }
  }
  return -1
}

function startsWithIgnoreCase(text: string, at: number, prefix: string): boolean {
  return text.slice(at, at + prefix.length).toUpperCase() === prefix.toUpperCase()
}

function isXmlCodePoint(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  )
}

class Repairer {
  private readonly text: string
  private readonly out: string[] = []
  private i = 0
  private readonly stack: string[] = []
  private rootName: string | null = null
  private rootClosed = false

  private readonly entityNames = new Map<string, number>()
  private readonly undefinedNames = new Map<string, number>()
  private bareAmpersands = 0
  private controlChars = 0
  private strayLessThans = 0
  private unterminatedCdata = 0
  private quotedAttributes = 0
  private doctypeRemoved = false
  private prefix: string | null = null
  private trailingJunk = false

  // indexOf caches: the answer for a needle stays valid while the search start has not passed it.
  private cdataEndAt = -2
  private readonly closeTagAt = new Map<string, number>()
  private readonly indexCache = new Map<string, { from: number; at: number }>()

  constructor(text: string) {
    this.text = text
  }

  run(): RepairResult {
    this.skipPrefix()
    const { text } = this
    while (this.i < text.length && !this.rootClosed) {
      SPECIAL.lastIndex = this.i
      const match = SPECIAL.exec(text)
      const at = match ? match.index : text.length
      if (at > this.i) this.out.push(text.slice(this.i, at))
      this.i = at
      if (!match) break
      const c = text[at]
      if (c === '<') this.markup()
      else if (c === '&') this.reference()
      else {
        this.controlChars++
        this.i++
      }
    }
    if (this.rootClosed) this.checkTrailing()
    return { text: this.out.join(''), repairs: this.describe() }
  }

  /** A BOM, whitespace or junk (a PHP notice, say) before the XML declaration is cut. */
  private skipPrefix(): void {
    const { text } = this
    const decl = text.indexOf('<?xml', 0)
    const before = decl > 0 && decl < 65_536 ? text.slice(0, decl) : null
    // Only when the root element comes after the declaration: a '<?xml' inside the document
    // (quoted in a post about XML) is not a declaration.
    if (before !== null && !/<(rss|feed|rdf:RDF)[\s>]/.test(before)) {
      this.prefix = /^[\uFEFF\s]*$/.test(before)
        ? 'removed a byte-order mark or whitespace before <?xml'
        : 'removed text before the XML declaration'
      this.i = decl
    } else if (text.charCodeAt(0) === 0xfeff) {
      this.i = 1
    }
  }

  private markup(): void {
    const { text, i } = this
    const next = text[i + 1] ?? ''
    if (next === '!') {
      if (text.startsWith('<!--', i)) return this.comment()
      if (text.startsWith('<![CDATA[', i)) return this.cdata()
      if (startsWithIgnoreCase(text, i, '<!DOCTYPE')) {
        const end = doctypeEnd(text, i)
        if (end !== -1) {
          this.doctypeRemoved = true
          this.i = end
          return
        }
      }
      return this.strayLessThan()
    }
    if (next === '?') {
      const end = text.indexOf('?>', i + 2)
      if (end === -1) return this.strayLessThan()
      // An XML declaration is only allowed at the very start; elsewhere drop it.
      const isDecl = /^<\?xml[\s?]/i.test(text.slice(i, i + 6))
      if (!isDecl || this.out.length === 0) this.out.push(text.slice(i, end + 2))
      this.i = end + 2
      return
    }
    if (next === '/') return this.closeTag()
    if (NAME_START.test(next)) return this.openTag()
    return this.strayLessThan()
  }

  private strayLessThan(): void {
    this.strayLessThans++
    this.out.push('&lt;')
    this.i++
  }

  /** Comments carry nothing a reader needs; dropping them also drops their '--' mistakes. */
  private comment(): void {
    const end = this.text.indexOf('-->', this.i + 4)
    this.i = end === -1 ? this.text.length : end + 3
  }

  private cdata(): void {
    const { text } = this
    const start = this.i + '<![CDATA['.length
    if (this.cdataEndAt !== -1 && this.cdataEndAt < start) {
      this.cdataEndAt = text.indexOf(']]>', start)
    }
    const end = this.cdataEndAt
    const parent = this.stack[this.stack.length - 1]
    const close = parent === undefined ? -1 : this.findCloseTag(parent, start)
    if (end !== -1 && (close === -1 || end < close)) {
      this.out.push('<![CDATA[', this.withoutControlChars(text.slice(start, end)), ']]>')
      this.i = end + 3
      return
    }
    // Unterminated: close it before the parent's closing tag, or at the end of the text.
    this.unterminatedCdata++
    const stop = close === -1 ? text.length : close
    this.out.push('<![CDATA[', this.withoutControlChars(text.slice(start, stop)), ']]>')
    this.i = stop
  }

  /** Index of the next `</name>` (or `</name ...>`) at or after `from`, or -1. */
  private findCloseTag(name: string, from: number): number {
    const cached = this.closeTagAt.get(name)
    if (cached !== undefined && (cached === -1 || cached >= from)) return cached
    const needle = `</${name}`
    let at = from
    for (;;) {
      const found = this.text.indexOf(needle, at)
      if (found === -1) {
        this.closeTagAt.set(name, -1)
        return -1
      }
      const after = this.text[found + needle.length] ?? ''
      if (after === '>' || WHITESPACE.test(after)) {
        this.closeTagAt.set(name, found)
        return found
      }
      at = found + needle.length
    }
  }

  private closeTag(): void {
    const { text } = this
    const nameStart = this.i + 2
    const nameEnd = this.scanName(nameStart)
    let gt = nameEnd
    while (gt < text.length && isSpace(text.charCodeAt(gt))) gt++
    if (nameEnd === nameStart || text[gt] !== '>') return this.strayLessThan()
    const name = text.slice(nameStart, nameEnd)
    this.out.push(`</${name}>`)
    this.i = gt + 1
    const open = this.stack.lastIndexOf(name)
    if (open !== -1) this.stack.length = open
    if (name === this.rootName && this.stack.length === 0) this.rootClosed = true
  }

  private openTag(): void {
    const { text } = this
    const nameStart = this.i + 1
    const nameEnd = this.scanName(nameStart)
    const name = text.slice(nameStart, nameEnd)
    const parts: string[] = [`<${name}`]
    const seen = new Set<string>()
    let j = nameEnd
    for (;;) {
      while (j < text.length && isSpace(text.charCodeAt(j))) j++
      const c = text[j]
      if (c === undefined || c === '<') return this.strayLessThan()
      if (c === '>' || text.startsWith('/>', j)) {
        const selfClosing = c === '/'
        parts.push(selfClosing ? '/>' : '>')
        this.out.push(parts.join(''))
        this.i = j + (selfClosing ? 2 : 1)
        if (this.rootName === null) this.rootName = name
        if (!selfClosing) this.stack.push(name)
        else if (this.stack.length === 0) this.rootClosed = true
        return
      }
      const attrEnd = this.scanName(j)
      if (attrEnd === j) {
        // Not a name character: a stray quote, slash or the like inside the tag. Skip it.
        j++
        continue
      }
      const attr = text.slice(j, attrEnd)
      j = attrEnd
      while (j < text.length && isSpace(text.charCodeAt(j))) j++
      let value: string
      if (text[j] === '=') {
        j++
        while (j < text.length && isSpace(text.charCodeAt(j))) j++
        const quote = text[j]
        if (quote === '"' || quote === "'") {
          const close = this.nextIndex(quote, j + 1)
          const lt = this.nextIndex('<', j + 1)
          if (close === -1 || (lt !== -1 && lt < close)) return this.strayLessThan()
          value = text.slice(j + 1, close)
          j = close + 1
        } else {
          const start = j
          while (j < text.length && !/[\s>]/.test(text[j] ?? '') && !text.startsWith('/>', j)) j++
          value = text.slice(start, j)
          this.quotedAttributes++
        }
      } else {
        // <option selected>: an HTML-style attribute without a value.
        value = attr
        this.quotedAttributes++
      }
      if (seen.has(attr)) continue
      seen.add(attr)
      parts.push(` ${attr}="${this.attributeValue(value)}"`)
    }
  }

  /** indexOf for single characters, remembering answers so repeated searches stay linear. */
  private nextIndex(char: string, from: number): number {
    const cached = this.indexCache.get(char)
    if (cached && from >= cached.from && (cached.at === -1 || from <= cached.at)) return cached.at
    const at = this.text.indexOf(char, from)
    this.indexCache.set(char, { from, at })
    return at
  }

  private scanName(from: number): number {
    let j = from
    while (j < this.text.length && isNameChar(this.text.charCodeAt(j))) j++
    return j
  }

  private attributeValue(value: string): string {
    let result = ''
    let k = 0
    while (k < value.length) {
      const c = value[k] ?? ''
      if (c === '&') {
        const [replacement, consumed] = this.fixReference(value, k)
        result += replacement
        k += consumed
        continue
      }
      if (c === '<') {
        this.strayLessThans++
        result += '&lt;'
      } else if (c === '"') {
        result += '&quot;'
      } else if (CONTROL_CHAR.test(c)) {
        this.controlChars++
      } else {
        result += c
      }
      k++
    }
    return result
  }

  private reference(): void {
    const [replacement, consumed] = this.fixReference(this.text, this.i)
    this.out.push(replacement)
    this.i += consumed
  }

  /** What to write for the '&' at `at`, and how many characters of `source` that replaces. */
  private fixReference(source: string, at: number): [string, number] {
    if (source[at + 1] === '#') {
      const hex = source[at + 2] === 'x' || source[at + 2] === 'X'
      const digitsStart = at + (hex ? 3 : 2)
      let k = digitsStart
      const digit = hex ? /[0-9a-fA-F]/ : /[0-9]/
      while (k < source.length && k - digitsStart < 10 && digit.test(source.charAt(k))) k++
      if (k > digitsStart && source[k] === ';') {
        const code = parseInt(source.slice(digitsStart, k), hex ? 16 : 10)
        if (isXmlCodePoint(code)) return [source.slice(at, k + 1), k + 1 - at]
        this.controlChars++
        return ['', k + 1 - at]
      }
      this.bareAmpersands++
      return ['&amp;', 1]
    }
    let k = at + 1
    while (k < source.length && k - at <= MAX_ENTITY_NAME && isAlphanumeric(source.charCodeAt(k))) {
      k++
    }
    if (k > at + 1 && source[k] === ';') {
      const name = source.slice(at + 1, k)
      if (XML_ENTITIES.has(name)) return [`&${name};`, k + 1 - at]
      const value = htmlEntity(name)
      if (value !== null) {
        this.entityNames.set(name, (this.entityNames.get(name) ?? 0) + 1)
        let refs = ''
        for (const char of value) refs += `&#${char.codePointAt(0)};`
        return [refs, k + 1 - at]
      }
      // &name; that nothing defines (a DTD entity, now removed, or a typo): shown as written.
      this.undefinedNames.set(name, (this.undefinedNames.get(name) ?? 0) + 1)
      return ['&amp;', 1]
    }
    this.bareAmpersands++
    return ['&amp;', 1]
  }

  private withoutControlChars(value: string): string {
    if (!CONTROL_CHAR.test(value)) return value
    return value.replace(CONTROL_CHARS, () => {
      this.controlChars++
      return ''
    })
  }

  /** After the root element: only whitespace, comments and processing instructions are fine. */
  private checkTrailing(): void {
    const rest = this.text.slice(this.i)
    let k = 0
    while (k < rest.length) {
      if (WHITESPACE.test(rest[k] ?? '')) k++
      else if (rest.startsWith('<!--', k)) {
        const end = rest.indexOf('-->', k + 4)
        if (end === -1) break
        k = end + 3
      } else if (rest.startsWith('<?', k) && !/^<\?xml[\s?]/i.test(rest.slice(k, k + 6))) {
        const end = rest.indexOf('?>', k + 2)
        if (end === -1) break
        k = end + 2
      } else break
    }
    if (k < rest.length) this.trailingJunk = true
  }

  private describe(): string[] {
    const repairs: string[] = []
    if (this.prefix) repairs.push(this.prefix)
    if (this.doctypeRemoved) repairs.push('removed the DOCTYPE (its entities are not expanded)')
    if (this.entityNames.size > 0) {
      let count = 0
      for (const n of this.entityNames.values()) count += n
      const names = [...this.entityNames.keys()].slice(0, 5).map((name) => `&${name};`)
      const more = this.entityNames.size > 5 ? ', …' : ''
      repairs.push(
        `replaced ${plural(count, 'HTML entity', 'HTML entities')} (${names.join(', ')}${more}) with characters`,
      )
    }
    if (this.undefinedNames.size > 0) {
      let count = 0
      for (const n of this.undefinedNames.values()) count += n
      const names = [...this.undefinedNames.keys()].slice(0, 5).map((name) => `&${name};`)
      const more = this.undefinedNames.size > 5 ? ', …' : ''
      repairs.push(
        `kept ${plural(count, 'undefined entity reference', 'undefined entity references')} (${names.join(', ')}${more}) as plain text`,
      )
    }
    if (this.bareAmpersands > 0) {
      repairs.push(`escaped ${plural(this.bareAmpersands, "bare '&'", "bare '&'s")}`)
    }
    if (this.strayLessThans > 0) {
      repairs.push(`escaped ${plural(this.strayLessThans, "stray '<'", "stray '<'s")}`)
    }
    if (this.quotedAttributes > 0) {
      repairs.push(`quoted ${plural(this.quotedAttributes, 'attribute value', 'attribute values')}`)
    }
    if (this.controlChars > 0) {
      repairs.push(
        `removed ${plural(this.controlChars, 'control character', 'control characters')} not allowed in XML`,
      )
    }
    if (this.unterminatedCdata > 0) {
      repairs.push(
        `closed ${plural(this.unterminatedCdata, 'unterminated CDATA section', 'unterminated CDATA sections')}`,
      )
    }
    if (this.trailingJunk) {
      repairs.push(`cut text after the closing </${this.rootName ?? 'root'}> tag`)
    }
    return repairs
  }
}

const entityCache = new Map<string, string | null>()

/** The characters an HTML5 named entity stands for (case-sensitive, as in HTML), or null. */
function htmlEntity(name: string): string | null {
  const cached = entityCache.get(name)
  if (cached !== undefined) return cached
  // decodeHTMLStrict looks the name up in entities' HTML5 map; a plain object, so keep
  // Object.prototype names (&constructor;) away from it.
  const reference = `&${name};`
  const decoded = name in Object.prototype ? reference : decodeHTMLStrict(reference)
  const value = decoded === reference ? null : decoded
  if (entityCache.size < 4096) entityCache.set(name, value)
  return value
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}
