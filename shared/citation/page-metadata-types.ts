// The metadata an article page states about itself, each value tagged with where it was read, so
// the citation resolver (shared/citation/resolve-citation.ts) can weigh one source against another.
// Extracted in electron/core/articles/page-metadata.ts; defined here because shared/ may not import
// electron/.

/** Where a value was read: citation_* meta, JSON-LD, og:*, article:*, Dublin Core, other meta,
 *  <link rel=canonical>, or plain HTML (<html lang>, <title>). */
export type MetadataSource =
  'citation' | 'jsonld' | 'og' | 'article' | 'dc' | 'meta' | 'link' | 'html'

export interface Field<T> {
  value: T
  source: MetadataSource
}

/** Zotero item types we cite as (CSL: article-newspaper, webpage, post-weblog). */
export type CitationItemType = 'newspaperArticle' | 'webpage' | 'blogPost'

/** Every array is ordered best-first within the page (citation > jsonld > article > og > dc >
 *  meta > link > html), duplicates from the same source removed. Dates are ISO 8601 (as precise as
 *  the page states them: `2026-01-23`, `2026-01-23T10:40`, `2026-01-23T10:40:00+03:00`). */
export interface PageMetadata {
  title: Field<string>[]
  authors: Field<string[]>[]
  publisher: Field<string>[]
  published: Field<string>[]
  modified: Field<string>[]
  canonicalUrl: Field<string>[]
  language: Field<string>[]
  type: Field<CitationItemType>[]
  section: Field<string>[]
}

export function emptyPageMetadata(): PageMetadata {
  return {
    title: [],
    authors: [],
    publisher: [],
    published: [],
    modified: [],
    canonicalUrl: [],
    language: [],
    type: [],
    section: [],
  }
}

/** Generic trust order of sources; lower is better. */
export const SOURCE_RANK: Record<MetadataSource, number> = {
  citation: 0,
  jsonld: 1,
  article: 2,
  og: 3,
  dc: 4,
  meta: 5,
  link: 6,
  html: 7,
}
