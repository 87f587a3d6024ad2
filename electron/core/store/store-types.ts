// The library's stored shapes: subscriptions, items, item states, and the documents (one JSON
// file each) that hold them. Types only; LibraryStore reads and writes them.
import type { PageMetadata } from '../../../shared/citation/page-metadata-types'
import type { CitationEdits } from '../../../shared/domain'
import type { StoredAnnotation } from '../annotations/stored-annotation'
import type { BodyRef } from './body-store'

export const SCHEMA_VERSION = 1

export interface StoredFeed {
  id: string
  url: string
  title: string
  siteUrl: string | null
  description: string
  addedAt: string
  lastSuccessAt: string | null
  lastError: {
    code: string
    message: string
    at: string
    /** For a web page instead of a feed: the feeds it offers, best first. */
    feeds?: { url: string; title: string | null }[]
  } | null
  /** Failed syncs in a row (0 after a success): how far the next scheduled check backs off. */
  failures?: number
  /** Validators for conditional GET and the hash of the last body parsed. */
  http: { etag: string | null; lastModified: string | null; bodyHash: string | null }
  /** Folder path, outermost first ([] = top level), as in OPML. */
  folder?: string[]
  /** The feed's declared language (BCP 47), for citations. */
  language?: string | null
  /** How long items are kept (default: all). */
  retention?: Retention
  /** Always read this feed's items in full from their pages, not only detected teasers. */
  alwaysFullText?: boolean
  /** When a scheduled sync should fetch this feed next (Cache-Control, polite minimum). */
  nextCheckAt?: string | null
  /** Not to be fetched at all before this time: the server asked us to wait (Retry-After). */
  retryNotBefore?: string | null
  /** The server said 410 Gone: no longer fetched until the user re-enables it. */
  gone?: boolean
  /** Problems worked around on the last parse (repaired XML, unknown charset…). */
  warnings?: string[]
}

export type Retention =
  { mode: 'all' } | { mode: 'days'; days: number } | { mode: 'items'; count: number }

export interface StoredItem {
  id: string
  guid: string | null
  title: string
  link: string | null
  /** Canonical form of link: the same story in two feeds has the same key. */
  storyKey?: string | null
  author: string | null
  published: string | null
  updated?: string | null
  firstSeenAt: string
  fetchedAt: string
  snippet: string
  summary?: string
  /** Base URL for relative links in the body. */
  baseUrl?: string | null
  enclosures?: { url: string; type: string | null; length: number | null }[]
  thumbnail?: string | null
  categories?: string[]
  /** sha256 of the raw (unsanitized) body. */
  bodyHash: string
  /** Where the body is stored (a pack); absent for bodies stored one file each. */
  body?: BodyRef
  /** Earlier contents of this item, oldest first (the current one is the item itself). */
  versions?: ItemVersion[]
  /** The article extracted from its web page, or why that failed. */
  fullText?: FullText
  /** Citation metadata read from the item's web page. */
  page?: PageMetadata
}

export type FullText =
  | { status: 'available'; bodyHash: string; body: BodyRef; fetchedAt: string; pageUrl: string }
  | { status: 'failed'; reason: string; at: string }

/** One earlier content of an item, kept when the feed changed it. */
export interface ItemVersion {
  bodyHash: string
  body?: BodyRef
  title: string
  fetchedAt: string
}

export interface ItemState {
  read?: true
  starred?: true
  /**
   * Exported as a note at least once: retention keeps it. Written by earlier versions (one
   * state.json write per feed of an export); exports are now recorded in exports.json.
   */
  exported?: true
  /** The user's corrections to the citation: they win over every source, now and after syncs. */
  citation?: CitationEdits
}

export interface LibraryDoc {
  schemaVersion: number
  feeds: StoredFeed[]
}
export interface ItemsDoc {
  schemaVersion: number
  feedId: string
  items: StoredItem[]
  /** Ids the feed listed at its last successful read: retention never removes those. */
  listed?: string[]
}
export interface StateDoc {
  schemaVersion: number
  feedId: string
  items: Record<string, ItemState>
}
/**
 * Items exported as notes at least once, with when they first were: retention keeps them. One
 * file for the library, so an export of 400 articles from 400 feeds is one durable write, not
 * 400. Ids of items gone with an unsubscribed feed stay behind: harmless, never reused.
 */
export interface ExportsDoc {
  schemaVersion: number
  items: Record<string, string>
}
export interface SettingsDoc {
  schemaVersion: number
  /** Read leniently through shared/settings (each invalid field falls back to its default). */
  values: Record<string, unknown>
}
export interface AnnotationsDoc {
  schemaVersion: number
  feedId: string
  annotations: StoredAnnotation[]
}
