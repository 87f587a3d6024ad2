// Parses feed text (already decoded) into ParsedFeed: RSS 0.91/0.92, RSS 1.0 (RDF), RSS 2.0,
// Atom 0.3 and 1.0 through rss-parser, JSON Feed 1.0/1.1 through parse-json-feed. It never throws
// and never hangs: input is size-bounded, every pass is linear, and what is not a feed (a web
// page, garbage, truncated XML) comes back as a 'not-a-feed' value with a one-line reason.
//
// How rss-parser is used: it runs xml2js (strict) and recognises the format, handing its
// builders the xml2js tree. Its per-item mappers are replaced (see createRssParser) and the
// fields are read from the xml2js nodes here, because those mappers
//   - throw on one bad Atom date (new Date(x).toISOString()), losing the whole feed;
//   - run a quadratic regex over every body (utils.getSnippet: 160 KB of "x<px" takes ~40 s);
//   - drop what a reader needs: xml:base, link rel/type, media:*, ordered XHTML content,
//     several authors, Atom 0.3's content modes.
// xml2js is configured to keep children in document order too, so XHTML content can be
// serialized faithfully.
//
// When strict parsing fails the text goes through repairXml and is parsed once more, with a
// warning that says what was repaired. A DOCTYPE is always removed before parsing, so nothing a
// DTD declares is ever expanded (entity bombs, external entities).
import Parser from 'rss-parser'
import { fail, ok, type Result } from '../../../shared/result'
import { collapseWhitespace, escapeHtml, htmlToPlainText } from '../articles/html-to-text'
import {
  absoluteHttpUrl,
  describeBadDates,
  firstLine,
  httpBase,
  parseJsonFeed,
  readDate,
  type BadDate,
} from './parse-json-feed'
import type {
  FeedFormat,
  ParsedEnclosure,
  ParsedFeed,
  ParsedItem,
  ParseOptions,
} from './parsed-feed'
import {
  CONTROL_CHAR,
  CONTROL_CHARS,
  doctypeEnd,
  hasUnterminatedCdata,
  repairXml,
  stripDoctype,
} from './repair-xml'

export type { ParsedFeed, ParsedItem, ParseOptions } from './parsed-feed'

/** Text longer than this is refused: no real feed is this big, and parsing it would stall sync. */
export const MAX_FEED_CHARS = 50 * 1024 * 1024

const NOT_A_FEED = 'This is not an RSS or Atom feed'
/** The message for a web page; callers compare against it to offer the page's own feeds. */
export const WEB_PAGE = 'This is a web page, not a feed'

export async function parseFeed(
  text: string,
  options: ParseOptions,
): Promise<Result<ParsedFeed, 'not-a-feed'>> {
  try {
    return await parseFeedText(text, options)
  } catch (error) {
    // Every known failure is handled below; this is the promise never to throw regardless.
    return fail('not-a-feed', `The feed could not be read: ${firstLine(error)}`)
  }
}

async function parseFeedText(
  text: string,
  options: ParseOptions,
): Promise<Result<ParsedFeed, 'not-a-feed'>> {
  if (typeof text !== 'string') return fail('not-a-feed', NOT_A_FEED)
  if (text.length > MAX_FEED_CHARS) {
    const mb = (text.length / (1024 * 1024)).toFixed(1)
    return fail(
      'not-a-feed',
      `The feed is too large to read (${mb} MB of text; the limit is ${MAX_FEED_CHARS / (1024 * 1024)} MB)`,
    )
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body[skipSpace(body, 0)] === '{') return parseJsonFeed(body, options)

  const root = sniffRoot(body)
  if (root === 'html') return fail('not-a-feed', WEB_PAGE)
  if (root !== 'feed') return fail('not-a-feed', NOT_A_FEED)

  const warnings: string[] = []
  let xml = stripDoctype(body).text
  let controlChars = 0
  if (CONTROL_CHAR.test(xml)) {
    xml = xml.replace(CONTROL_CHARS, () => {
      controlChars++
      return ''
    })
  }
  const parsed = await parseXml(xml)
  // Well-formed is not enough when a CDATA section was left open: it then ends at a later
  // section's ']]>' and swallows the items in between. Such text is repaired like broken text.
  const swallowed = parsed.ok && hasUnterminatedCdata(xml)
  if (parsed.ok && !swallowed) {
    if (controlChars > 0) {
      warnings.push(
        `Removed ${controlChars} control character${controlChars === 1 ? '' : 's'} that XML does not allow.`,
      )
    }
    return mapFeed(parsed.value, options, warnings)
  }
  const problem = parsed.ok ? 'a CDATA section is not closed' : parsed.error
  const repaired = repairXml(body)
  const fixedCdata = repaired.repairs.some((repair) => repair.includes('CDATA'))
  if (repaired.repairs.length === 0 || (swallowed && !fixedCdata)) {
    // Nothing to repair: a readable feed stays as it was, a broken one is not a feed.
    if (parsed.ok) return mapFeed(parsed.value, options, warnings)
    return fail('not-a-feed', `The feed could not be read: ${problem}`)
  }
  const reparsed = await parseXml(repaired.text)
  if (!reparsed.ok) {
    if (parsed.ok) return mapFeed(parsed.value, options, warnings)
    return fail('not-a-feed', `The feed could not be read: ${problem}`)
  }
  warnings.push(
    `The feed is not well-formed XML (${problem}); it was read after these repairs: ${repaired.repairs.join('; ')}.`,
  )
  return mapFeed(reparsed.value, options, warnings)
}

// ---------------------------------------------------------------------------------------------
// Recognising the document.

type RootKind = 'feed' | 'html' | 'other'

/** What the root element says the text is, looking past the prolog only. */
function sniffRoot(text: string): RootKind {
  const kind = sniffRootFrom(text, skipSpace(text, 0))
  if (kind !== 'other') return kind
  // Junk before the declaration (a PHP notice, say) is cut by repairXml; look past it.
  const decl = text.indexOf('<?xml', 1)
  return decl !== -1 && decl < 65_536 ? sniffRootFrom(text, decl) : kind
}

function sniffRootFrom(text: string, from: number): RootKind {
  let i = from
  const limit = Math.min(text.length, 1 << 20)
  while (i < limit) {
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2)
      if (end === -1) return 'other'
      i = skipSpace(text, end + 2)
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4)
      if (end === -1) return 'other'
      i = skipSpace(text, end + 3)
    } else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
      if (/^<!doctype\s+html[\s>]/i.test(text.slice(i, i + 20))) return 'html'
      const end = doctypeEnd(text, i)
      if (end === -1) return 'other'
      i = skipSpace(text, end)
    } else if (text[i] === '<') {
      const name = /^<([A-Za-z_][A-Za-z0-9_:.-]*)/.exec(text.slice(i, i + 64))?.[1] ?? ''
      if (name.toLowerCase() === 'html') return 'html'
      return name === 'rss' || name === 'feed' || name === 'rdf:RDF' ? 'feed' : 'other'
    } else {
      return 'other'
    }
  }
  return 'other'
}

const NON_SPACE = /\S/g

function skipSpace(text: string, from: number): number {
  NON_SPACE.lastIndex = from
  return NON_SPACE.exec(text)?.index ?? text.length
}

// ---------------------------------------------------------------------------------------------
// rss-parser, with its item mappers replaced.

/** An xml2js element: attributes in `$`, text in `_`, ordered children in `$$`. */
type XNode = Record<string, unknown>

type Kind = 'atom' | 'rss0.9' | 'rss1' | 'rss2'

interface Built {
  kind: Kind
  root: XNode
  items: XNode[]
}

interface RssParserInternals {
  parseItemAtom(entry: unknown): unknown
  parseItemRss(item: unknown, fields: unknown): unknown
  buildAtomFeed(xml: unknown): unknown
  buildRSS0_9(xml: unknown): unknown
  buildRSS1(xml: unknown): unknown
  buildRSS2(xml: unknown): unknown
}

type Builder = 'buildAtomFeed' | 'buildRSS0_9' | 'buildRSS1' | 'buildRSS2'

const BUILDERS: [Builder, Kind, string][] = [
  ['buildAtomFeed', 'atom', 'feed'],
  ['buildRSS0_9', 'rss0.9', 'rss'],
  ['buildRSS1', 'rss1', 'rdf:RDF'],
  ['buildRSS2', 'rss2', 'rss'],
]

const ITEM = '__node'

function createRssParser(): Parser {
  const parser = new Parser({
    // <rss> without a version attribute is read as RSS 2.0 instead of being refused.
    defaultRSS: 2,
    xml2js: {
      explicitChildren: true,
      preserveChildrenOrder: true,
      charsAsChildren: true,
      includeWhiteChars: true,
    },
  })
  const self = parser as unknown as RssParserInternals
  const base = Parser.prototype as unknown as RssParserInternals
  // Items: keep the xml2js node, nothing else (rss-parser's mappers throw and are quadratic).
  self.parseItemAtom = (entry) => ({ [ITEM]: entry })
  self.parseItemRss = (item) => ({ [ITEM]: item })
  for (const [method, kind, rootName] of BUILDERS) {
    self[method] = (xml): Built => {
      const root = asNode(isNode(xml) ? xml[rootName] : undefined)
      let items: XNode[] | null = null
      try {
        // rss-parser walks the document to its items (and does its own channel bookkeeping).
        const built = base[method].call(self, xml) as { items?: unknown }
        if (Array.isArray(built.items)) {
          items = built.items.map((item) => asNode(isNode(item) ? item[ITEM] : undefined))
        }
      } catch {
        // A shape rss-parser does not expect (an Atom <link> without attributes, an RSS feed
        // without <channel>…): find the items here instead.
      }
      return { kind, root, items: items ?? fallbackItems(kind, root) }
    }
  }
  return parser
}

function fallbackItems(kind: Kind, root: XNode): XNode[] {
  if (kind === 'atom') return kids(root, 'entry')
  if (kind === 'rss1') return kids(root, 'item')
  return kids(kid(root, 'channel') ?? {}, 'item')
}

type ParseOutcome = { ok: true; value: Built } | { ok: false; error: string }

async function parseXml(xml: string): Promise<ParseOutcome> {
  try {
    const built = (await createRssParser().parseString(xml)) as unknown as Built
    return { ok: true, value: built }
  } catch (error) {
    return { ok: false, error: describeXmlError(error) }
  }
}

/** "Unexpected close tag\nLine: 3\nColumn: 7\nChar: >" → "Unexpected close tag (line 4)". */
function describeXmlError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const line = /\nLine: (\d+)/.exec(message)?.[1]
  const first = firstLine(error).replace(/\.$/, '')
  return line === undefined ? first : `${first} (line ${Number(line) + 1})`
}

// ---------------------------------------------------------------------------------------------
// xml2js node access.

function isNode(value: unknown): value is XNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asNode(value: unknown): XNode {
  if (isNode(value)) return value
  if (typeof value === 'string') return { _: value }
  return {}
}

function kids(node: XNode, name: string): XNode[] {
  const value = node[name]
  return Array.isArray(value) ? value.map(asNode) : []
}

function kidsAny(node: XNode, names: readonly string[]): XNode[] {
  if (names.length === 1) return kids(node, names[0] ?? '')
  return names.flatMap((name) => kids(node, name))
}

function kid(node: XNode, name: string): XNode | undefined {
  const value = node[name]
  return Array.isArray(value) && value.length > 0 ? asNode(value[0]) : undefined
}

function kidAny(node: XNode, names: readonly string[]): XNode | undefined {
  for (const name of names) {
    const found = kid(node, name)
    if (found) return found
  }
  return undefined
}

function attr(node: XNode | undefined, name: string): string | null {
  const attrs = node?.$
  if (!isNode(attrs)) return null
  const value = attrs[name]
  return typeof value === 'string' ? value : null
}

/** The element's text (all its direct text, CDATA included, entities decoded by the parser). */
function textOf(node: XNode | undefined): string {
  const value = node?._
  return typeof value === 'string' ? value : ''
}

function orderedChildren(node: XNode): XNode[] {
  const children = node.$$
  return Array.isArray(children) ? children.map(asNode) : []
}

function hasElementChildren(node: XNode): boolean {
  return orderedChildren(node).some((child) => child['#name'] !== '__text__')
}

// ---------------------------------------------------------------------------------------------
// XHTML (Atom type="xhtml", Atom 0.3 mode="xml", inline markup in RSS) serialized as HTML.

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])
const MAX_DEPTH = 200

function serializeChildren(node: XNode, depth = 0): string {
  let html = ''
  for (const child of orderedChildren(node)) {
    const name = child['#name']
    if (name === '__text__') {
      html += escapeText(textOf(child))
      continue
    }
    if (typeof name !== 'string') continue
    if (depth >= MAX_DEPTH) {
      // Absurdly deep markup: keep the words, not the nesting (and never blow the stack).
      html += escapeText(textOf(child))
      continue
    }
    const tag = localName(name)
    let open = `<${tag}`
    const attrs = child.$
    if (isNode(attrs)) {
      for (const [key, value] of Object.entries(attrs)) {
        if (typeof value !== 'string' || key === 'xmlns' || key.startsWith('xmlns:')) continue
        if (key.startsWith('xml:') && key !== 'xml:lang') continue
        open += ` ${key === 'xml:lang' ? 'lang' : key}="${escapeHtml(value)}"`
      }
    }
    html += VOID_ELEMENTS.has(tag.toLowerCase())
      ? `${open}>`
      : `${open}>${serializeChildren(child, depth + 1)}</${tag}>`
  }
  return html
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

/** Atom xhtml content: the children of its one <div>, or everything when there is no div. */
function xhtmlContent(node: XNode): string {
  const elements = orderedChildren(node).filter((child) => child['#name'] !== '__text__')
  const [only] = elements
  if (elements.length === 1 && only && localName(String(only['#name'])) === 'div') {
    return serializeChildren(only).trim()
  }
  return serializeChildren(node).trim()
}

// ---------------------------------------------------------------------------------------------
// Namespaces: elements are found by the prefix the document declares for a namespace, not only
// by the conventional one (a feed may write <m:content> for Media RSS).

const NAMESPACES = {
  dc: ['http://purl.org/dc/elements/1.1/'],
  dcterms: ['http://purl.org/dc/terms/'],
  content: ['http://purl.org/rss/1.0/modules/content/'],
  media: ['http://search.yahoo.com/mrss/', 'http://search.yahoo.com/mrss'],
  itunes: [
    'http://www.itunes.com/dtds/podcast-1.0.dtd',
    'http://www.itunes.com/DTDs/Podcast-1.0.dtd',
  ],
  atom: ['http://www.w3.org/2005/Atom'],
  feedburner: ['http://rssnamespace.org/feedburner/ext/1.0'],
} as const

type Namespace = keyof typeof NAMESPACES

class Names {
  private readonly prefixes = new Map<Namespace, string[]>()

  constructor(...declaring: XNode[]) {
    const byUri = new Map<string, string[]>()
    for (const node of declaring) {
      const attrs = node.$
      if (!isNode(attrs)) continue
      for (const [key, value] of Object.entries(attrs)) {
        if (typeof value !== 'string' || !key.startsWith('xmlns:')) continue
        const list = byUri.get(value.trim()) ?? []
        list.push(key.slice('xmlns:'.length))
        byUri.set(value.trim(), list)
      }
    }
    for (const [ns, uris] of Object.entries(NAMESPACES) as [Namespace, readonly string[]][]) {
      const found = uris.flatMap((uri) => byUri.get(uri) ?? [])
      this.prefixes.set(ns, [...new Set([ns as string, ...found])])
    }
  }

  /** The element names `local` in namespace `ns` can appear under in this document. */
  of(ns: Namespace, local: string): string[] {
    return (this.prefixes.get(ns) ?? [ns]).map((prefix) => `${prefix}:${local}`)
  }
}

interface FieldNames {
  contentEncoded: string[]
  dcCreator: string[]
  dcDate: string[]
  dcSubject: string[]
  dcLanguage: string[]
  dcTitle: string[]
  dctermsCreated: string[]
  dctermsModified: string[]
  mediaContent: string[]
  mediaGroup: string[]
  mediaThumbnail: string[]
  itunesAuthor: string[]
  itunesImage: string[]
  itunesSummary: string[]
  atomLink: string[]
  atomUpdated: string[]
  origLink: string[]
}

function fieldNames(names: Names): FieldNames {
  return {
    contentEncoded: names.of('content', 'encoded'),
    dcCreator: names.of('dc', 'creator'),
    dcDate: names.of('dc', 'date'),
    dcSubject: names.of('dc', 'subject'),
    dcLanguage: names.of('dc', 'language'),
    dcTitle: names.of('dc', 'title'),
    dctermsCreated: [...names.of('dcterms', 'created'), ...names.of('dcterms', 'issued')],
    dctermsModified: names.of('dcterms', 'modified'),
    mediaContent: names.of('media', 'content'),
    mediaGroup: names.of('media', 'group'),
    mediaThumbnail: names.of('media', 'thumbnail'),
    itunesAuthor: names.of('itunes', 'author'),
    itunesImage: names.of('itunes', 'image'),
    itunesSummary: names.of('itunes', 'summary'),
    atomLink: names.of('atom', 'link'),
    atomUpdated: names.of('atom', 'updated'),
    origLink: names.of('feedburner', 'origLink'),
  }
}

// ---------------------------------------------------------------------------------------------
// Mapping.

interface Context {
  fields: FieldNames
  /** The feed's base: its xml:base resolved against options.baseUrl, else options.baseUrl. */
  feedBase: string | null
  /** Whether that base came from an xml:base in the feed. */
  feedHasXmlBase: boolean
  optionsBase: string | null
  atom03: boolean
  /** Atom: the feed's authors, which entries without their own inherit (RFC 4287 4.2.1). */
  feedAuthor: string | null
  badDates: BadDate[]
}

function mapFeed(
  built: Built,
  options: ParseOptions,
  warnings: string[],
): Result<ParsedFeed, 'not-a-feed'> {
  const { kind, root } = built
  const optionsBase = httpBase(options.baseUrl)
  const rootBase = withBase(root, optionsBase)
  const badDates: BadDate[] = []

  if (kind === 'atom') {
    const atom03 = attr(root, 'version') === '0.3' || attr(root, 'xmlns') === ATOM_03_NS
    const fields = fieldNames(new Names(root))
    const ctx: Context = {
      fields,
      feedBase: rootBase.base,
      feedHasXmlBase: rootBase.explicit,
      optionsBase,
      atom03,
      feedAuthor: atomAuthors(root),
      badDates,
    }
    const links = atomLinks(root, rootBase.base)
    const items = built.items.map((entry) => mapAtomEntry(entry, ctx))
    const dateWarning = describeBadDates(badDates)
    return ok({
      format: atom03 ? 'atom0.3' : 'atom1.0',
      title: atomText(kid(root, 'title'), atom03).text,
      link: pickAlternate(links),
      feedUrl: links.find((link) => link.rel === 'self')?.href ?? null,
      description: atomText(kid(root, atom03 ? 'tagline' : 'subtitle'), atom03).text,
      language: cleanOrNull(attr(root, 'xml:lang')),
      items,
      warnings: dateWarning ? [...warnings, dateWarning] : warnings,
    })
  }

  const channel = kid(root, 'channel')
  if (!channel) return fail('not-a-feed', 'The feed could not be read: it has no <channel>')
  const fields = fieldNames(new Names(root, channel))
  const channelBase = withBase(channel, rootBase.base)
  // RSS 1.0 items are the channel's siblings, so the channel's own xml:base does not cover them.
  const itemBase = kind === 'rss1' ? rootBase : channelBase
  const ctx: Context = {
    fields,
    feedBase: itemBase.base,
    feedHasXmlBase: rootBase.explicit || (kind !== 'rss1' && channelBase.explicit),
    optionsBase,
    atom03: false,
    feedAuthor: null,
    badDates,
  }
  const items = built.items.map((item) => mapRssItem(item, ctx))
  const dateWarning = describeBadDates(badDates)
  const selfLink = [...kidsAny(channel, fields.atomLink), ...kids(channel, 'link')].find(
    (link) => normalizeRel(attr(link, 'rel')) === 'self' && attr(link, 'href'),
  )
  return ok({
    format: rssFormat(kind, root),
    title: htmlToPlainText(textOf(kid(channel, 'title') ?? kidAny(channel, fields.dcTitle))),
    link: rssLink(channel, channelBase.base),
    feedUrl: absoluteHttpUrl(attr(selfLink, 'href'), channelBase.base),
    description: htmlToPlainText(
      textOf(kid(channel, 'description') ?? kidAny(channel, fields.itunesSummary)),
    ),
    language:
      cleanOrNull(textOf(kid(channel, 'language'))) ??
      cleanOrNull(textOf(kidAny(channel, fields.dcLanguage))) ??
      cleanOrNull(attr(root, 'xml:lang') ?? attr(channel, 'xml:lang')),
    items,
    warnings: dateWarning ? [...warnings, dateWarning] : warnings,
  })
}

const ATOM_03_NS = 'http://purl.org/atom/ns#'
const RSS_090_NS = 'http://my.netscape.com/rss/0.9/'

function rssFormat(kind: Kind, root: XNode): FeedFormat {
  if (kind === 'rss0.9') return 'rss0.9x'
  if (kind === 'rss1') return attr(root, 'xmlns') === RSS_090_NS ? 'rss0.9x' : 'rss1.0'
  return 'rss2.0'
}

/** The base in effect inside `node`: its xml:base resolved against `outer`, else `outer`. */
function withBase(
  node: XNode | undefined,
  outer: string | null,
): { base: string | null; explicit: boolean } {
  const own = attr(node, 'xml:base')
  const resolved = own ? absoluteHttpUrl(own, outer) : null
  return resolved ? { base: resolved, explicit: true } : { base: outer, explicit: false }
}

function cleanOrNull(value: string | null | undefined): string | null {
  const cleaned = collapseWhitespace(value ?? '')
  return cleaned === '' ? null : cleaned
}

function mapRssItem(node: XNode, ctx: Context): ParsedItem {
  const { fields } = ctx
  const itemBase = withBase(node, ctx.feedBase)
  const base = itemBase.base

  const guidNode = kid(node, 'guid')
  const guid = cleanOrNull(textOf(guidNode)) ?? cleanOrNull(attr(node, 'rdf:about'))
  const title = htmlToPlainText(textOf(kid(node, 'title') ?? kidAny(node, fields.dcTitle)))

  let link =
    absoluteHttpUrl(textOf(kidAny(node, fields.origLink)), base) ?? rssLink(node, base, fields)
  if (
    !link &&
    guid &&
    guidNode &&
    attr(guidNode, 'isPermaLink')?.trim().toLowerCase() !== 'false'
  ) {
    link = /^https?:\/\//i.test(guid) ? absoluteHttpUrl(guid, null) : null
  }

  const encoded = kidsAny(node, fields.contentEncoded).find((n) => rssHtml(n) !== '')
  const description = kid(node, 'description')
  const itunesSummary = kidAny(node, fields.itunesSummary)
  const descriptionHtml = description ? rssHtml(description) : ''
  let contentHtml: string
  let summarySource: string
  let contentNode: XNode | undefined
  if (encoded) {
    contentHtml = rssHtml(encoded)
    contentNode = encoded
    summarySource = descriptionHtml
  } else if (descriptionHtml) {
    contentHtml = descriptionHtml
    contentNode = description
    summarySource = ''
  } else {
    contentHtml = escapeHtml(textOf(itunesSummary).trim())
    contentNode = itunesSummary
    summarySource = ''
  }

  const label = title || guid || link || 'an entry'
  const published = readDate(
    textOf(
      kid(node, 'pubDate') ?? kidAny(node, fields.dcDate) ?? kidAny(node, fields.dctermsCreated),
    ),
    label,
    ctx.badDates,
  )
  const updated = readDate(
    textOf(kidAny(node, fields.dctermsModified) ?? kidAny(node, fields.atomUpdated)),
    label,
    ctx.badDates,
  )

  const creators = kidsAny(node, fields.dcCreator)
    .map((creator) => cleanOrNull(textOf(creator)))
    .filter((name): name is string => name !== null)
  const author =
    (creators.length > 0 ? [...new Set(creators)].join(', ') : null) ??
    personName(textOf(kid(node, 'author'))) ??
    cleanOrNull(textOf(kidAny(node, fields.itunesAuthor)))

  const media = mediaOf(node, base, fields)
  return {
    guid,
    title,
    link,
    author,
    published: published ?? updated,
    updated,
    contentHtml,
    summary: summaryText(summarySource, contentHtml),
    baseUrl: itemBaseUrl(contentNode, itemBase, ctx, link),
    enclosures: media.enclosures,
    thumbnail: media.thumbnail,
    categories: categoriesOf(node, fields),
  }
}

/** RSS description/content:encoded: escaped HTML (or CDATA); inline markup when there is some. */
function rssHtml(node: XNode): string {
  if (hasElementChildren(node)) return serializeChildren(node).trim()
  return textOf(node).trim()
}

/**
 * An RSS element's page link: the first non-empty <link> text; an Atom-style <link href> in the
 * default namespace counts when it is an alternate. Resolved against `base`.
 */
function rssLink(node: XNode, base: string | null, fields?: FieldNames): string | null {
  const candidates = [...kids(node, 'link'), ...(fields ? kidsAny(node, fields.atomLink) : [])]
  for (const link of candidates) {
    const href = attr(link, 'href')
    const linkBase = withBase(link, base).base
    if (href !== null) {
      if (normalizeRel(attr(link, 'rel')) !== 'alternate') continue
      const resolved = absoluteHttpUrl(href, linkBase)
      if (resolved) return resolved
      continue
    }
    const resolved = absoluteHttpUrl(textOf(link), linkBase)
    if (resolved) return resolved
  }
  return null
}

function mapAtomEntry(node: XNode, ctx: Context): ParsedItem {
  const { fields, atom03 } = ctx
  const entryBase = withBase(node, ctx.feedBase)
  const base = entryBase.base

  const guid = cleanOrNull(textOf(kid(node, 'id')))
  const title = atomText(kid(node, 'title'), atom03).text
  const links = atomLinks(node, base)
  const link = absoluteHttpUrl(textOf(kidAny(node, fields.origLink)), base) ?? pickAlternate(links)

  const contentNode = kid(node, 'content')
  const summaryNode = kid(node, 'summary')
  const content = atomText(contentNode, atom03)
  const summary = atomText(summaryNode, atom03)
  const contentHtml = content.html || summary.html

  const label = title || guid || link || 'an entry'
  const published = readDate(
    textOf(kid(node, 'published') ?? kid(node, 'issued') ?? kid(node, 'created')),
    label,
    ctx.badDates,
  )
  const updated = readDate(
    textOf(kid(node, 'updated') ?? kid(node, 'modified')),
    label,
    ctx.badDates,
  )

  const author =
    atomAuthors(node) ??
    (() => {
      const creators = kidsAny(node, fields.dcCreator)
        .map((creator) => cleanOrNull(textOf(creator)))
        .filter((name): name is string => name !== null)
      return creators.length > 0 ? creators.join(', ') : null
    })() ??
    ctx.feedAuthor

  const media = mediaOf(node, base, fields, links)
  return {
    guid,
    title,
    link,
    author,
    published: published ?? updated,
    updated,
    contentHtml,
    summary: content.html ? summaryText(summary.html, contentHtml) : '',
    baseUrl: itemBaseUrl(content.html ? contentNode : summaryNode, entryBase, ctx, link),
    enclosures: media.enclosures,
    thumbnail: media.thumbnail,
    categories: categoriesOf(node, fields),
  }
}

/**
 * An Atom text construct as HTML and as plain text. Atom 1.0: type text (escaped), html, xhtml
 * (the inner div's children). Atom 0.3: a MIME type plus mode escaped, base64 or xml (default).
 * Out-of-line content (src=…) and other media types give ''.
 */
function atomText(node: XNode | undefined, atom03: boolean): { html: string; text: string } {
  if (!node) return { html: '', text: '' }
  const type = (attr(node, 'type') ?? (atom03 ? 'text/plain' : 'text')).trim().toLowerCase()
  if (attr(node, 'src') !== null && textOf(node).trim() === '' && !hasElementChildren(node)) {
    return { html: '', text: '' }
  }
  const isHtml = type === 'html' || type === 'text/html'
  const isXhtml = type === 'xhtml' || type === 'application/xhtml+xml'
  const isText = type === 'text' || (type.startsWith('text/') && !isHtml)
  if (atom03) {
    const mode = (attr(node, 'mode') ?? 'xml').trim().toLowerCase()
    if (mode === 'xml' && hasElementChildren(node)) return fromHtml(xhtmlContent(node))
    let value = textOf(node)
    if (mode === 'base64') {
      try {
        value = Buffer.from(value.replace(/\s+/g, ''), 'base64').toString('utf8')
      } catch {
        value = ''
      }
    }
    if (isHtml || isXhtml) return fromHtml(value.trim())
    return fromText(value)
  }
  if (isXhtml) return fromHtml(xhtmlContent(node))
  if (isHtml) return fromHtml(textOf(node).trim())
  if (isText) return fromText(textOf(node))
  return { html: '', text: '' }
}

function fromHtml(html: string): { html: string; text: string } {
  // The text of a whole body is rarely needed (titles, summaries): compute it only on demand.
  let text: string | undefined
  return {
    html,
    get text() {
      return (text ??= htmlToPlainText(html))
    },
  }
}

function fromText(text: string): { html: string; text: string } {
  const trimmed = text.trim()
  return { html: escapeHtml(trimmed), text: collapseWhitespace(trimmed) }
}

interface AtomLink {
  href: string
  rel: string
  type: string
  length: string | null
  node: XNode
}

/** An element's Atom links, hrefs resolved (with each link's own xml:base); unusable ones out. */
function atomLinks(node: XNode, base: string | null): AtomLink[] {
  const links: AtomLink[] = []
  for (const link of kids(node, 'link')) {
    const href = absoluteHttpUrl(attr(link, 'href') ?? textOf(link), withBase(link, base).base)
    if (!href) continue
    links.push({
      href,
      rel: normalizeRel(attr(link, 'rel')),
      type: (attr(link, 'type') ?? '').trim().toLowerCase(),
      length: attr(link, 'length'),
      node: link,
    })
  }
  return links
}

/** rel defaults to alternate (RFC 4287 4.2.7.2); IANA IRIs name the same relations. */
function normalizeRel(rel: string | null): string {
  const value = (rel ?? '').trim().toLowerCase()
  if (value === '') return 'alternate'
  const iana = 'http://www.iana.org/assignments/relation/'
  return value.startsWith(iana) ? value.slice(iana.length) : value
}

/**
 * The page: an HTML alternate (explicit or rel-less), else any alternate. Only alternates count,
 * so never self, enclosure, replies, edit, related or via.
 */
function pickAlternate(links: AtomLink[]): string | null {
  const alternates = links.filter((link) => link.rel === 'alternate')
  const html = alternates.find(
    (link) =>
      link.type === '' || link.type === 'text/html' || link.type === 'application/xhtml+xml',
  )
  return (html ?? alternates[0])?.href ?? null
}

function atomAuthors(node: XNode): string | null {
  const names: string[] = []
  for (const person of [...kids(node, 'author')]) {
    const name =
      cleanOrNull(textOf(kid(person, 'name'))) ??
      cleanOrNull(textOf(kid(person, 'email'))) ??
      (hasElementChildren(person) ? null : personName(textOf(person)))
    if (name && !names.includes(name)) names.push(name)
  }
  return names.length > 0 ? names.join(', ') : null
}

/**
 * A person's name from RSS <author> (an email address, per the spec): "jane@x.com (Jane Doe)"
 * and "Jane Doe <jane@x.com>" give "Jane Doe"; a bare address stays as it is.
 */
function personName(value: string): string | null {
  const text = collapseWhitespace(value)
  if (text === '') return null
  if (text.endsWith(')')) {
    const open = text.indexOf('(')
    if (open > 0 && text.slice(0, open).includes('@')) {
      const name = text.slice(open + 1, -1).trim()
      if (name) return name
    }
  }
  if (text.endsWith('>')) {
    const open = text.lastIndexOf('<')
    if (open > 0 && text.slice(open).includes('@')) {
      const name = text
        .slice(0, open)
        .trim()
        .replace(/^"(.*)"$/, '$1')
      if (name) return name
    }
  }
  return text
}

/** The summary as plain text, or '' when it says nothing the body does not (same text). */
function summaryText(sourceHtml: string, contentHtml: string): string {
  if (sourceHtml === '' || sourceHtml === contentHtml) return ''
  const summary = htmlToPlainText(sourceHtml)
  // Only as much of the body as could equal the summary: bodies are long, summaries short.
  const bodyStart = htmlToPlainText(contentHtml, summary.length * 2 + 64)
  if (bodyStart.length > summary.length) return summary
  return summary === htmlToPlainText(contentHtml) ? '' : summary
}

/** content's xml:base > the entry's > the feed's > the item's link > options.baseUrl. */
function itemBaseUrl(
  contentNode: XNode | undefined,
  entryBase: { base: string | null; explicit: boolean },
  ctx: Context,
  link: string | null,
): string | null {
  const content = withBase(contentNode, entryBase.base)
  if (content.explicit) return content.base
  if (entryBase.explicit) return entryBase.base
  if (ctx.feedHasXmlBase) return ctx.feedBase
  return link ?? ctx.optionsBase
}

function categoriesOf(node: XNode, fields: FieldNames): string[] {
  const categories: string[] = []
  for (const category of [...kids(node, 'category'), ...kidsAny(node, fields.dcSubject)]) {
    const name = cleanOrNull(attr(category, 'term') ?? textOf(category))
    if (name && !categories.includes(name)) categories.push(name)
  }
  return categories
}

/**
 * Enclosures (RSS <enclosure>, Atom rel=enclosure links, media:content, also inside media:group)
 * and a thumbnail (media:thumbnail, an image media:content, itunes:image, an image enclosure).
 * Images in media:content are thumbnails, not attachments.
 */
function mediaOf(
  node: XNode,
  base: string | null,
  fields: FieldNames,
  atomLinkList?: AtomLink[],
): { enclosures: ParsedEnclosure[]; thumbnail: string | null } {
  const enclosures: ParsedEnclosure[] = []
  const seen = new Set<string>()
  const add = (url: string | null, type: string | null, length: string | null): void => {
    if (!url || seen.has(url)) return
    seen.add(url)
    enclosures.push({
      url,
      type: cleanOrNull(type)?.toLowerCase() ?? null,
      length: toLength(length),
    })
  }

  for (const enclosure of kids(node, 'enclosure')) {
    const url = absoluteHttpUrl(attr(enclosure, 'url'), withBase(enclosure, base).base)
    add(url, attr(enclosure, 'type'), attr(enclosure, 'length'))
  }
  const links = atomLinkList ?? atomLinks({ link: kidsAny(node, fields.atomLink) }, base)
  for (const link of links) {
    if (link.rel === 'enclosure') add(link.href, link.type || null, link.length)
  }

  const groups = kidsAny(node, fields.mediaGroup)
  const mediaContents = [node, ...groups].flatMap((parent) => kidsAny(parent, fields.mediaContent))
  const thumbnails: string[] = []
  for (const parent of [node, ...groups, ...mediaContents]) {
    for (const thumb of kidsAny(parent, fields.mediaThumbnail)) {
      const url = absoluteHttpUrl(attr(thumb, 'url'), base)
      if (url) thumbnails.push(url)
    }
  }
  const images: string[] = []
  for (const media of mediaContents) {
    const url = absoluteHttpUrl(attr(media, 'url'), base)
    if (!url) continue
    const type = attr(media, 'type')?.trim().toLowerCase() ?? ''
    const medium = attr(media, 'medium')?.trim().toLowerCase() ?? ''
    if (medium === 'image' || (medium === '' && type.startsWith('image/'))) images.push(url)
    else add(url, type || null, attr(media, 'fileSize'))
  }
  const itunesImage = kidAny(node, fields.itunesImage)
  const itunes = absoluteHttpUrl(attr(itunesImage, 'href') ?? textOf(itunesImage), base)
  const imageEnclosure = enclosures.find((enclosure) => enclosure.type?.startsWith('image/'))
  return {
    enclosures,
    thumbnail: thumbnails[0] ?? images[0] ?? itunes ?? imageEnclosure?.url ?? null,
  }
}

/** A byte count; 0 and junk mean unknown (podcast feeds write length="0" when they don't know). */
function toLength(value: string | null): number | null {
  if (value === null) return null
  const trimmed = value.trim()
  if (!/^[0-9]{1,15}$/.test(trimmed)) return null
  const n = Number(trimmed)
  return n > 0 ? n : null
}
