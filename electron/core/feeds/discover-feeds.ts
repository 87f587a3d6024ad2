// Finds feeds for a web page the user pasted instead of a feed URL: the page's declared
// <link rel="alternate"> feeds, then <a> links that look like feeds, plus common paths to probe
// when it declares none, and a cheap sniff of whether fetched text is a feed at all. Pure: it
// fetches nothing (the caller probes the candidates) and never runs or evaluates page content.
import { Parser } from 'htmlparser2'
import { normalizeFeedUrl } from './opml'

export type FeedKind = 'rss' | 'atom' | 'json'

export interface DiscoveredFeed {
  /** Absolute http(s) URL, normalized like OPML feed URLs (no fragment, default port dropped). */
  url: string
  title: string | null
  type: FeedKind | 'unknown'
  /** 'link': declared by <link rel>; 'anchor': an <a href> that looks like a feed; 'guess': a common path. */
  source: 'link' | 'anchor' | 'guess'
}

/** Feed MIME types a page may declare, mapped to the kind of feed. */
const FEED_TYPES: Record<string, FeedKind> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  // Older JSON Feed publishers; WordPress also uses it for its REST API (filtered below).
  'application/json': 'json',
}

interface Candidate {
  href: string
  title: string | null
  type: FeedKind | 'unknown'
  source: 'link' | 'anchor'
}

/**
 * The feeds a page points to, best first: declared <link> feeds in document order, then <a>
 * links whose URL looks like a feed. Within each group, comment feeds come after the others.
 * Deduplicated by normalized URL (the first, better-ranked one wins).
 */
export function discoverFeedLinks(html: string, pageUrl: string): DiscoveredFeed[] {
  const links: Candidate[] = []
  const anchors: Candidate[] = []
  let baseHref: string | null = null
  /** The <a> being read, to collect its text; anchors do not nest in HTML. */
  let anchor: { href: string; titleAttr: string | null; text: string } | null = null

  const finishAnchor = (): void => {
    if (!anchor) return
    anchors.push({
      href: anchor.href,
      title: clean(anchor.titleAttr) ?? clean(anchor.text),
      type: 'unknown',
      source: 'anchor',
    })
    anchor = null
  }

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base') {
          // Only the first <base href> counts, and it applies to the whole document.
          if (baseHref === null && attrs.href?.trim()) baseHref = attrs.href.trim()
        } else if (name === 'link') {
          const candidate = linkCandidate(attrs)
          if (candidate) links.push(candidate)
        } else if (name === 'a') {
          finishAnchor()
          const href = attrs.href?.trim()
          if (href) anchor = { href, titleAttr: attrs.title ?? null, text: '' }
        }
      },
      ontext(text) {
        if (anchor) anchor.text += text
      },
      onclosetag(name) {
        if (name === 'a') finishAnchor()
      },
    },
    // HTML mode: <script>, <style> and <title> are raw text, so their contents never count.
    { xmlMode: false, decodeEntities: true },
  )
  parser.end(html)
  finishAnchor()

  const page = resolve(pageUrl.trim(), null)
  const base = baseHref === null ? page : (resolve(baseHref, page) ?? page)
  const found = new Map<string, DiscoveredFeed>()
  const add = (list: Candidate[], keep: (url: URL) => boolean, group: DiscoveredFeed[]): void => {
    for (const candidate of list) {
      const url = resolveFeedHref(candidate.href, base)
      if (!url || !keep(url)) continue
      const key = normalizeFeedUrl(url.href)
      if (key === null) continue
      const known = found.get(key)
      if (known) {
        known.title ??= candidate.title
        continue
      }
      const type = candidate.type === 'unknown' ? kindFromUrl(url) : candidate.type
      const feed: DiscoveredFeed = {
        url: key,
        title: candidate.title,
        type,
        source: candidate.source,
      }
      found.set(key, feed)
      group.push(feed)
    }
  }
  const declared: DiscoveredFeed[] = []
  const linked: DiscoveredFeed[] = []
  add(links, (url) => !isWordPressApi(url), declared)
  add(anchors, looksLikeFeedUrl, linked)
  return [...commentsLast(declared), ...commentsLast(linked)]
}

/** A <link> that declares a feed: rel "alternate" with a feed type, or rel "feed". */
function linkCandidate(attrs: Record<string, string>): Candidate | null {
  const href = attrs.href?.trim()
  if (!href) return null
  const rel = (attrs.rel ?? '').toLowerCase().split(/[\t\n\f\r ]+/)
  const mime = (attrs.type ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const kind = Object.hasOwn(FEED_TYPES, mime) ? FEED_TYPES[mime] : undefined
  const title = clean(attrs.title)
  if (rel.includes('alternate') && kind) return { href, title, type: kind, source: 'link' }
  // rel="feed" pointing at text/html is a microformats h-feed page, not something we can read.
  if (rel.includes('feed') && mime !== 'text/html') {
    return { href, title, type: kind ?? 'unknown', source: 'link' }
  }
  return null
}

/** WordPress declares its REST API as rel="alternate" type="application/json": not a feed. */
function isWordPressApi(url: URL): boolean {
  return url.pathname.includes('/wp-json/') || url.searchParams.has('rest_route')
}

/** Feeds about comments rather than posts: they belong after the main feeds. */
function isCommentsFeed(feed: DiscoveredFeed): boolean {
  // Plural only: "Comment is free" is a newspaper section, "Comments Feed" is not a main feed.
  if (feed.title && /\bcomments\b/i.test(feed.title)) return true
  return /\/comments(\/|\.|$)/.test(new URL(feed.url).pathname.toLowerCase())
}

function commentsLast(feeds: DiscoveredFeed[]): DiscoveredFeed[] {
  return [...feeds.filter((f) => !isCommentsFeed(f)), ...feeds.filter(isCommentsFeed)]
}

/**
 * Whether a link's URL has the shape of a feed: /feed, /rss, /atom (optionally with a trailing
 * slash), *.rss, *.atom, *.rdf, *.xml or *.json naming feed/rss/atom, Hugo's index.xml,
 * Blogger's /feeds/posts/default, WordPress's ?feed=rss2, and FeedBurner.
 */
function looksLikeFeedUrl(url: URL): boolean {
  // "Follow on <reader>" buttons embed the feed's URL in their own: they are not feeds.
  if (/https?:\/|%3a%2f%2f/i.test(url.pathname)) return false
  const host = url.hostname.toLowerCase()
  if (host === 'feeds.feedburner.com' || host === 'feeds2.feedburner.com') return true
  const feedParam = url.searchParams.get('feed')?.toLowerCase()
  if (feedParam && /^(rss2?|atom|rdf)$/.test(feedParam)) return true
  const path = url.pathname.toLowerCase().replace(/\/+$/, '')
  if (path.endsWith('/feeds/posts/default')) return true
  const last = path.slice(path.lastIndexOf('/') + 1)
  if (['feed', 'rss', 'rss2', 'atom'].includes(last)) return true
  if (/\.(rss|atom|rdf)$/.test(last)) return true
  if (last === 'index.xml') return true
  if (/\.(xml|json)$/.test(last) && /feed|rss|atom/.test(path)) return true
  return false
}

/** The kind a URL's shape suggests; 'unknown' when it says nothing (e.g. /feed). */
function kindFromUrl(url: URL): DiscoveredFeed['type'] {
  const path = url.pathname.toLowerCase()
  const feedParam = url.searchParams.get('feed')?.toLowerCase() ?? ''
  if (path.endsWith('.json')) return 'json'
  if (path.endsWith('/feeds/posts/default') || /atom/.test(path) || feedParam === 'atom') {
    return 'atom'
  }
  if (/rss|\.rdf$/.test(path) || /^(rss2?|rdf)$/.test(feedParam)) return 'rss'
  return 'unknown'
}

/**
 * Resolves an href to an absolute http(s) URL. `feed:` pseudo-URLs (feed://host/x and
 * feed:https://host/x, from the days of browser feed handlers) mean the http(s) URL inside.
 */
function resolveFeedHref(href: string, base: string | null): URL | null {
  let target = href
  const pseudo = /^feed:(\/\/)?/i.exec(target)
  if (pseudo) {
    const rest = target.slice(pseudo[0].length)
    target = /^https?:/i.test(rest) ? rest : `http://${rest}`
  }
  const url = resolve(target, base)
  if (!url) return null
  const parsed = new URL(url)
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null
}

/** href made absolute against base (when there is one); null if that gives no valid URL. */
function resolve(href: string, base: string | null): string | null {
  try {
    return new URL(href, base ?? undefined).href
  } catch {
    return null
  }
}

function clean(value: string | null | undefined): string | null {
  const out = value?.replace(/\s+/g, ' ').trim()
  return out ? out : null
}

// ---------------------------------------------------------------------------------------------
// Guessing

/** Where sites commonly serve feeds without declaring them (WordPress, Ghost, Hugo, Jekyll, Blogger). */
export const COMMON_FEED_PATHS: readonly string[] = [
  '/feed',
  '/rss',
  '/rss.xml',
  '/atom.xml',
  '/feed.xml',
  '/index.xml',
  '/feeds/posts/default',
  '/?feed=rss2',
]

/** COMMON_FEED_PATHS resolved against the site root of pageUrl; [] if it is not an http(s) URL. */
export function guessFeedUrls(pageUrl: string): string[] {
  let origin: string
  try {
    const url = new URL(pageUrl.trim())
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return []
    origin = url.origin
  } catch {
    return []
  }
  return COMMON_FEED_PATHS.map((path) => new URL(path, origin).href)
}

// ---------------------------------------------------------------------------------------------
// Sniffing

/** How much text after the prologue is looked at. */
const SNIFF_CHARS = 2048

/**
 * A cheap guess at whether fetched text is a feed, from its first element (after a BOM,
 * whitespace, comments, processing instructions and a DOCTYPE) or, for JSON, a JSON Feed
 * "version". It does not validate: parseFeed decides for real.
 */
export function looksLikeFeed(text: string): FeedKind | null {
  let rest = text.slice(0, 16 * 1024).replace(/^\uFEFF/, '')
  // Skip the prologue: whitespace, <?xml …?> and other processing instructions, comments, DOCTYPE.
  for (;;) {
    rest = rest.trimStart()
    let end: number
    if (rest.startsWith('<?')) end = rest.indexOf('?>') + 2
    else if (rest.startsWith('<!--')) end = rest.indexOf('-->') + 3
    else if (/^<!doctype/i.test(rest)) {
      // A DOCTYPE may carry an internal subset in [ … ] with '>' inside it.
      end = /^<!doctype[^[>]*(\[[\s\S]*?\])?\s*>/i.exec(rest)?.[0].length ?? 0
    } else break
    if (end < 3) return null // unterminated within the window: not something we can read
    rest = rest.slice(end)
  }
  const head = rest.slice(0, SNIFF_CHARS)

  if (head.startsWith('{')) {
    // JSON Feed: "version": "https://jsonfeed.org/version/1.1" (slashes may be escaped as \/).
    return /"version"\s*:\s*"https?:\\?\/\\?\/(www\.)?jsonfeed\.org\\?\/version\\?\//i.test(head)
      ? 'json'
      : null
  }
  const root = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[\s/>]/.exec(head)
  if (!root) return null
  const name = root[1] ?? ''
  const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name
  if (name.toLowerCase() === 'rss') return 'rss'
  if (name === 'rdf:RDF') return 'rss'
  if (local === 'feed') {
    const tagEnd = head.indexOf('>')
    const tag = tagEnd === -1 ? head : head.slice(0, tagEnd)
    // Atom 1.0, or the Atom 0.3 that some old servers still send.
    if (/http:\/\/www\.w3\.org\/2005\/Atom|http:\/\/purl\.org\/atom\/ns#/.test(tag)) return 'atom'
  }
  return null
}
