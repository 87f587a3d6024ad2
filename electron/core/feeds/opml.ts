// Reads and writes OPML subscription lists (1.0/2.0, as real feed readers export them): parseOpml
// turns text into feeds with their folder paths, merging duplicates and counting unusable URLs;
// buildOpml writes a stable OPML 2.0 document. Pure text in, values out: it does no I/O, does not
// fetch or check the feeds, never expands DOCTYPE entities, and does not touch the store.
import { Parser } from 'htmlparser2'
import { fail, ok, type Result } from '../../../shared/result'

export interface OpmlFeed {
  /** The feed URL, normalized (see normalizeFeedUrl). */
  url: string
  title: string | null
  /** The site's home page (htmlUrl), if the file gave a usable one. */
  siteUrl: string | null
  /** Titles of the enclosing folder outlines, outermost first; [] at top level. */
  folder: string[]
}

export interface OpmlOutline {
  /** The document's <head><title>, if any. */
  title: string | null
  feeds: OpmlFeed[]
  /** Feed outlines left out because their xmlUrl was empty, relative or not http(s). */
  skipped: number
}

/**
 * The form in which feed URLs are compared and stored: trimmed, scheme and host lowercased,
 * default port and fragment dropped (the WHATWG URL parser does the rest). Returns null for
 * anything that is not an absolute http(s) URL.
 */
export function normalizeFeedUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (!url.hostname) return null
  url.hash = ''
  return url.href
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** What a <outline> inside <body> turned out to be, so its close tag can undo it. */
type OutlineFrame = { kind: 'folder'; title: string } | { kind: 'other' }

interface OpenElement {
  name: string
  /** Offset of the '<' that opened it, for line numbers in error messages. */
  start: number
  selfClosing: boolean
  outline: OutlineFrame | null
}

export function parseOpml(text: string): Result<OpmlOutline, 'bad-opml'> {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text
  const first = source.trimStart()[0]
  if (first === undefined) return fail('bad-opml', 'This file is empty, not OPML.')
  if (first === '{' || first === '[') {
    return fail('bad-opml', 'This file is JSON, not OPML: it has no <opml> element.')
  }
  if (first !== '<') {
    return fail(
      'bad-opml',
      'This file is not XML, so it is not OPML: it does not start with a tag.',
    )
  }

  const stack: OpenElement[] = []
  const byUrl = new Map<string, OpmlFeed>()
  let rootName: string | null = null
  let sawBody = false
  let headTitle = ''
  let inCdata = false
  let skipped = 0
  let malformed: string | null = null
  let atEnd = false

  const lineAt = (offset: number): number => {
    let line = 1
    for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++
    return line
  }
  /** Element names from the root down to the current element, lowercased. */
  const path = (): string => stack.map((e) => e.name).join('/')
  const folderPath = (): string[] =>
    stack.flatMap((e) => (e.outline?.kind === 'folder' ? [e.outline.title] : []))

  const addFeed = (attrs: Record<string, string>): void => {
    const rawUrl = attrs.xmlurl ?? ''
    const url = normalizeFeedUrl(rawUrl)
    if (!url) {
      skipped++
      return
    }
    let title = firstNonEmpty(attrs.text, attrs.title)
    // Exporters put the URL in `text` when they know no title: that is not a title.
    if (title !== null && (title === rawUrl.trim() || normalizeFeedUrl(title) === url)) title = null
    const siteUrl = resolveSiteUrl(attrs.htmlurl, url)
    const existing = byUrl.get(url)
    if (existing) {
      // A duplicate keeps the first occurrence's folder, and fills in what the first lacked.
      existing.title ??= title
      existing.siteUrl ??= siteUrl
      return
    }
    byUrl.set(url, { url, title, siteUrl, folder: folderPath() })
  }

  const parser: Parser = new Parser(
    {
      onopentag(rawName, rawAttrs) {
        const name = rawName.toLowerCase()
        const selfClosing = source[parser.endIndex - 1] === '/'
        const element: OpenElement = { name, start: parser.startIndex, selfClosing, outline: null }
        if (rootName === null) rootName = name
        const where = path()
        if (where === 'opml' && name === 'body') sawBody = true
        if (
          name === 'outline' &&
          rootName === 'opml' &&
          (where === 'opml/body' || where.startsWith('opml/body/'))
        ) {
          const attrs = decodedAttributes(rawAttrs)
          if ('xmlurl' in attrs) {
            addFeed(attrs)
            element.outline = { kind: 'other' }
          } else {
            // A titled outline without xmlUrl is a folder; an untitled one is transparent.
            const title = firstNonEmpty(attrs.text, attrs.title)
            element.outline = title === null ? { kind: 'other' } : { kind: 'folder', title }
          }
        }
        stack.push(element)
      },
      onclosetag(_name, isImplied) {
        const element = stack.pop()
        // htmlparser2 reports self-closing tags as implied closes; anything else implied means
        // a tag was left open: an end tag for an outer element came first, or the file ended.
        if (!element || !isImplied || element.selfClosing || malformed !== null) return
        const opened = `<${element.name}> (opened at line ${lineAt(element.start)})`
        if (atEnd) {
          const last = lineAt(source.trimEnd().length)
          malformed = `The OPML is not well-formed XML at line ${last}: the file ends before ${opened} is closed.`
          return
        }
        const found = /^<\/\s*([^\s>]+)/.exec(
          source.slice(parser.startIndex, parser.startIndex + 200),
        )
        malformed = found
          ? `The OPML is not well-formed XML at line ${lineAt(parser.startIndex)}: </${found[1]}> found where ${opened} should be closed.`
          : `The OPML is not well-formed XML at line ${lineAt(element.start)}: <${element.name}> is not closed.`
      },
      ontext(data) {
        if (path() === 'opml/head/title') headTitle += inCdata ? data : decodeEntities(data)
      },
      oncdatastart() {
        inCdata = true
      },
      oncdataend() {
        inCdata = false
      },
    },
    // decodeEntities is off so that this module decodes each entity exactly once (XML and
    // common HTML names, see decodeEntities); DOCTYPE entity declarations are never read.
    { xmlMode: true, decodeEntities: false },
  )
  // Tags still open once all the text is in are closed by end(): that is a truncated file.
  parser.write(source)
  atEnd = true
  parser.end()

  if (rootName !== 'opml') return fail('bad-opml', notOpmlMessage(rootName))
  if (malformed !== null) return fail('bad-opml', malformed)
  if (!sawBody) return fail('bad-opml', 'This file is not OPML: the <opml> element has no <body>.')
  return ok({ title: collapse(headTitle), feeds: [...byUrl.values()], skipped })
}

function notOpmlMessage(rootName: string | null): string {
  if (rootName === null) return 'This file is not OPML: it has no elements at all.'
  if (rootName === 'html') return 'This file is a web page, not OPML: no <opml> element.'
  if (rootName === 'rss' || rootName === 'feed' || rootName === 'rdf:rdf') {
    return `This file is a feed (<${rootName}>), not an OPML subscription list: no <opml> element.`
  }
  return `This file is not OPML: no <opml> element (the document is <${rootName}>).`
}

function resolveSiteUrl(raw: string | undefined, feedUrl: string): string | null {
  const trimmed = raw?.trim()
  if (!trimmed) return null
  try {
    // Relative htmlUrls are rare but unambiguous: they are relative to the feed.
    const url = new URL(trimmed, feedUrl)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** Attribute names lowercased (xmlUrl, xmlURL, XMLURL all occur), values entity-decoded. */
function decodedAttributes(raw: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [name, value] of Object.entries(raw)) {
    const key = name.toLowerCase()
    if (!(key in out)) out[key] = decodeEntities(value)
  }
  return out
}

function firstNonEmpty(...values: (string | undefined)[]): string | null {
  for (const value of values) {
    const collapsed = value === undefined ? null : collapse(value)
    if (collapsed) return collapsed
  }
  return null
}

/** Whitespace runs (newlines and tabs in attributes, &nbsp;) become one space; '' becomes null. */
function collapse(value: string): string | null {
  const out = value.replace(/\s+/g, ' ').trim()
  return out === '' ? null : out
}

/** XML's five entities plus the HTML names that hand-edited and CMS-made OPML files use. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201A',
  ldquo: '\u201C',
  rdquo: '\u201D',
  bdquo: '\u201E',
  laquo: '\u00AB',
  raquo: '\u00BB',
  middot: '\u00B7',
  bull: '\u2022',
  copy: '\u00A9',
  reg: '\u00AE',
  trade: '\u2122',
  euro: '\u20AC',
  pound: '\u00A3',
  yen: '\u00A5',
  cent: '\u00A2',
  deg: '\u00B0',
  times: '\u00D7',
  aacute: 'á',
  Aacute: 'Á',
  agrave: 'à',
  acirc: 'â',
  auml: 'ä',
  Auml: 'Ä',
  aring: 'å',
  ccedil: 'ç',
  Ccedil: 'Ç',
  eacute: 'é',
  Eacute: 'É',
  egrave: 'è',
  ecirc: 'ê',
  euml: 'ë',
  iacute: 'í',
  icirc: 'î',
  iuml: 'ï',
  ntilde: 'ñ',
  oacute: 'ó',
  ocirc: 'ô',
  ouml: 'ö',
  Ouml: 'Ö',
  oslash: 'ø',
  uacute: 'ú',
  ugrave: 'ù',
  ucirc: 'û',
  uuml: 'ü',
  Uuml: 'Ü',
  szlig: 'ß',
}

/**
 * One pass over `&…;` references, so `&amp;nbsp;` stays the text "&nbsp;". Unknown names (such
 * as entities a DOCTYPE declares) and stray ampersands are left as they are.
 */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value
  return value.replace(
    /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g,
    (all, ref: string) => {
      if (ref.startsWith('#')) {
        const code =
          ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
        if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD'
        return String.fromCodePoint(code)
      }
      return Object.hasOwn(NAMED_ENTITIES, ref) ? (NAMED_ENTITIES[ref] ?? all) : all
    },
  )
}

// ---------------------------------------------------------------------------------------------
// Writing

interface FolderNode {
  name: string
  folders: Map<string, FolderNode>
  feeds: OpmlFeed[]
}

const collator = new Intl.Collator('en', { sensitivity: 'accent', numeric: true })

/** Case-insensitive order with a code-unit tie-break, so the output is the same every time. */
function byTitle(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}

export function buildOpml(input: {
  title: string
  dateCreated: string
  feeds: OpmlFeed[]
}): string {
  const root: FolderNode = { name: '', folders: new Map(), feeds: [] }
  for (const feed of input.feeds) {
    let node = root
    for (const name of feed.folder) {
      let child = node.folders.get(name)
      if (!child) {
        child = { name, folders: new Map(), feeds: [] }
        node.folders.set(name, child)
      }
      node = child
    }
    node.feeds.push(feed)
  }

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeText(input.title)}</title>`,
    `    <dateCreated>${escapeText(input.dateCreated)}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...renderFolder(root, '    '),
    '  </body>',
    '</opml>',
  ]
  return lines.join('\n') + '\n'
}

/** Folders first, then feeds, each sorted by title (untitled feeds by URL). */
function renderFolder(node: FolderNode, indent: string): string[] {
  const lines: string[] = []
  const folders = [...node.folders.values()].sort((a, b) => byTitle(a.name, b.name))
  for (const folder of folders) {
    const name = escapeAttribute(folder.name)
    lines.push(`${indent}<outline text="${name}" title="${name}">`)
    lines.push(...renderFolder(folder, indent + '  '))
    lines.push(`${indent}</outline>`)
  }
  const feeds = [...node.feeds].sort(
    (a, b) => byTitle(a.title ?? a.url, b.title ?? b.url) || byTitle(a.url, b.url),
  )
  for (const feed of feeds) {
    // `text` is required by OPML 2.0; an untitled feed shows its URL, which parseOpml reads back
    // as "no title".
    const title = escapeAttribute(feed.title ?? feed.url)
    const htmlUrl = feed.siteUrl ? ` htmlUrl="${escapeAttribute(feed.siteUrl)}"` : ''
    lines.push(
      `${indent}<outline type="rss" text="${title}" title="${title}" xmlUrl="${escapeAttribute(feed.url)}"${htmlUrl}/>`,
    )
  }
  return lines
}

/** Characters XML 1.0 cannot carry at all, even escaped (controls, lone surrogates, U+FFFE/F). */
const NOT_XML_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function escapeText(value: string): string {
  return value
    .replace(NOT_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
}
