// What the feed parsers produce: the parser's own output type, close to the feed's fields, with
// dates normalized and URLs resolved. It is not the stored item: prepare-feed-items converts it.
// Content stays raw (unsanitized) HTML here; it is sanitized when it leaves the core.

export type FeedFormat =
  'rss0.9x' | 'rss1.0' | 'rss2.0' | 'atom0.3' | 'atom1.0' | 'json1.0' | 'json1.1'

export interface ParsedEnclosure {
  url: string
  type: string | null
  length: number | null
}

export interface ParsedItem {
  /** guid / Atom id / JSON Feed id, trimmed; null when the feed gives none. */
  guid: string | null
  title: string
  /** Absolute http(s) URL of the item's page, resolved against xml:base / the feed URL. */
  link: string | null
  /** A person's name (never an email address alone when a name is given). */
  author: string | null
  /** ISO 8601 UTC, or null when the feed has no (valid) date. */
  published: string | null
  updated: string | null
  /** The fullest HTML body the feed has (content:encoded, Atom content, content_html…), raw. */
  contentHtml: string
  /** A short plain-text summary when the feed has one separate from the body. */
  summary: string
  /** The base URL relative links inside contentHtml are resolved against. */
  baseUrl: string | null
  enclosures: ParsedEnclosure[]
  /** media:thumbnail / itunes:image / JSON Feed image, absolute. */
  thumbnail: string | null
  categories: string[]
}

export interface ParsedFeed {
  format: FeedFormat
  title: string
  /** The site's home page (Atom rel=alternate or rel-less link, RSS <link>, JSON home_page_url). */
  link: string | null
  /** The feed's own URL as it declares it (Atom rel=self, atom:link, JSON feed_url). */
  feedUrl: string | null
  description: string
  language: string | null
  items: ParsedItem[]
  /** Problems that were worked around (repaired XML, bad dates…), in words. */
  warnings: string[]
}

export interface ParseOptions {
  /** Where the feed came from: the base for relative URLs when the feed sets no xml:base. */
  baseUrl: string | null
}
