// The one contract between the renderer and the core: every method with its argument schema,
// result schema and the error codes it may return, and every event the core pushes. The Electron
// IPC transport, the preload bridge, the browser shell's HTTP routes and the renderer's client are
// all derived from this table, so a method added here and missing elsewhere fails the typecheck.
import { z } from 'zod'
import type { Result } from './result'
import {
  AnnotationIdSchema,
  AnnotationKindSchema,
  AnnotationSchema,
  AnnotationTargetSchema,
  ClaimStatusSchema,
  EvidenceStanceSchema,
  HighlightColorSchema,
  MadeOnSchema,
  SpeakerSchema,
  ArticleSchema,
  CitationEditsSchema,
  FeedIdSchema,
  WordDiffSchema,
  FeedSchema,
  ItemIdSchema,
  RetentionSchema,
  ItemSummarySchema,
  SyncSummarySchema,
} from './domain'
import { SettingsPatchSchema, SettingsSchema } from './settings/settings'

/**
 * Failures any method can return: a payload that fails its schema, a bug in the core, or a
 * change the disk refused (full, read-only: the message says which; nothing was changed).
 */
export const commonErrorCodes = ['invalid-args', 'internal', 'storage'] as const

/** Why fetching or reading a feed failed; each is shown to the user in words. */
export const feedErrorCodes = [
  'invalid-url',
  'network',
  'tls',
  'timeout',
  'http',
  'gone',
  'rate-limited',
  'redirect-loop',
  'too-large',
  'not-a-feed',
] as const

interface MethodSpec {
  readonly doc: string
  readonly args: z.ZodType
  readonly result: z.ZodType
  readonly errors: readonly string[]
}

function method<const S extends MethodSpec>(spec: S): S {
  return spec
}

const NoArgs = z.strictObject({})

/** A library file found damaged at start-up, and what was done about it (the user is told). */
export const StoreRecoverySchema = z.object({
  file: z.string(),
  /** Where the damaged file was moved (kept as it was, never deleted). */
  movedTo: z.string(),
  reason: z.string(),
  /** The backup (its previous version) it was restored from; null: it started empty. */
  restoredFrom: z.string().nullable(),
  /** When that backup was written: changes after it are only in the damaged file. */
  backupSavedAt: z.string().nullable(),
})

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  shell: z.enum(['electron', 'browser', 'cli', 'test']),
  /** Library files found damaged when this app started. */
  recovered: z.array(StoreRecoverySchema),
})

export const DiscoveredFeedSchema = z.object({
  url: z.string(),
  title: z.string().nullable(),
  type: z.enum(['rss', 'atom', 'json', 'unknown']),
  source: z.enum(['link', 'anchor', 'guess', 'direct']),
})

export const MarkdownExportSchema = z.object({
  fileName: z.string(),
  markdown: z.string(),
})

export const CitationStyleSchema = z.enum(['apa', 'mla', 'chicago-nb', 'chicago-ad'])
export const ExportFormatSchema = z.enum(['md', 'csl-json', 'bibtex', 'ris', 'w3c'])
/** Pandoc's bibliography files: the sidecar of a Pandoc-cited document and of a vault. */
export const BibliographySidecarSchema = z.enum(['csl-json', 'bibtex'])

/**
 * Which annotations (and articles) an export holds. Annotation filters (tag, kind, status) and
 * article filters (feed, a search query, chosen items) combine; none: every annotated article.
 * Chosen items are exported even without highlights.
 */
export const ExportSelectionSchema = z.strictObject({
  tag: z.string().min(1).max(100).optional(),
  kind: AnnotationKindSchema.optional(),
  status: ClaimStatusSchema.optional(),
  feedId: FeedIdSchema.optional(),
  /** The search method's query language; its hits (at most 500) are the articles. */
  query: z.string().min(1).max(2000).optional(),
  itemIds: z.array(ItemIdSchema).min(1).max(10_000).optional(),
})

const CollectionExportArgs = {
  selection: ExportSelectionSchema,
  format: ExportFormatSchema.optional(),
  style: CitationStyleSchema.optional(),
  /** md only: footnotes + bibliography (default), or Pandoc cites with a sidecar. */
  pandoc: z.boolean().optional(),
  sidecar: BibliographySidecarSchema.optional(),
}

export const ExportFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  text: z.string(),
})

export const ExportCountsSchema = z.object({
  articles: z.number().int().nonnegative(),
  annotations: z.number().int().nonnegative(),
})

/** Items per listItems page when the caller does not say, and the most it may ask for. */
export const LIST_PAGE_DEFAULT = 100
export const LIST_PAGE_MAX = 500

const FolderPathSchema = z.array(z.string().min(1).max(200)).max(20)

/** Which items a listing holds; shared by listItems, locateItem and markAllRead. */
const ListFilterShape = {
  feedId: FeedIdSchema.optional(),
  /** Items of every feed whose folder path starts with this one ([] = every feed). */
  folder: FolderPathSchema.optional(),
  unreadOnly: z.boolean().optional(),
  /** Smart views: starred items, or items with highlights. */
  view: z.enum(['all', 'starred', 'annotated']).optional(),
  /**
   * A listing returned earlier: its order and membership are reused (states are current), so
   * pages stay consistent while items are read. Unknown or expired: a fresh listing is made and
   * its new snapshot returned — a client seeing a different snapshot drops the pages it holds.
   */
  snapshot: z.string().max(100).optional(),
}

export const ItemPageSchema = z.object({
  snapshot: z.string(),
  /** Items in the whole listing. */
  total: z.number().int().nonnegative(),
  /** Unread items in the whole listing. */
  unreadTotal: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(ItemSummarySchema),
})

export const SearchSnippetSchema = z.object({
  field: z.enum(['title', 'body', 'author', 'feed', 'highlight', 'note']),
  /** Plain text, ≤ ~200 chars, with '…' where it was cut. */
  text: z.string(),
  /** [start, end) of each hit in text. */
  marks: z.array(z.tuple([z.number().int(), z.number().int()])),
})

export const SearchHitSchema = z.object({
  item: ItemSummarySchema,
  score: z.number(),
  snippets: z.array(SearchSnippetSchema),
})

/** An annotation with the article it belongs to: what lists across the library show. */
export const AnnotationEntrySchema = z.object({
  annotation: AnnotationSchema,
  item: z.object({
    id: ItemIdSchema,
    title: z.string(),
    feedId: FeedIdSchema,
    feedTitle: z.string(),
    link: z.string().nullable(),
    author: z.string().nullable(),
    published: z.string().nullable(),
  }),
})

export type AnnotationEntry = z.infer<typeof AnnotationEntrySchema>

/** A direct quotation the quote finder found in an article, ready to save as a highlight. */
export const FoundQuoteSchema = z.object({
  text: z.string(),
  speaker: z.string().nullable(),
  role: z.string().nullable(),
  confidence: z.number(),
  isSpeech: z.boolean(),
  kind: z.enum(['speech', 'scare', 'title', 'name', 'other']),
  /** [start, end) of the quoted words in the article's text (paragraphs joined by a blank line). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The same place as selectors: anchored in the reader like any highlight. */
  target: AnnotationTargetSchema,
})

const AnnotationFilterShape = {
  kind: AnnotationKindSchema.optional(),
  tag: z.string().min(1).max(100).optional(),
  status: ClaimStatusSchema.optional(),
  feedId: FeedIdSchema.optional(),
  itemId: ItemIdSchema.optional(),
  /** Made at or after / before these ISO dates. */
  after: z.string().max(40).optional(),
  before: z.string().max(40).optional(),
}

export const contract = {
  getAppInfo: method({
    doc: 'Name, version, data directory, which shell is running, and library files found damaged at start-up (moved aside, restored from their backup).',
    args: NoArgs,
    result: AppInfoSchema,
    errors: [],
  }),
  listFeeds: method({
    doc: 'Every subscription with its status and counts, in title order.',
    args: NoArgs,
    result: z.array(FeedSchema),
    errors: [],
  }),
  addFeed: method({
    doc: 'Subscribe to a feed URL (or a web page that links one): fetch it once, store its items.',
    args: z.strictObject({
      url: z.string().min(1).max(2048),
      folder: z.array(z.string().min(1).max(200)).max(20).optional(),
    }),
    result: FeedSchema,
    errors: [...feedErrorCodes, 'already-subscribed'],
  }),
  updateFeed: method({
    doc: "Change a subscription's settings: name, folder, retention (applied at once), full text always.",
    args: z.strictObject({
      feedId: FeedIdSchema,
      title: z.string().min(1).max(300).optional(),
      folder: z.array(z.string().min(1).max(200)).max(20).optional(),
      retention: RetentionSchema.optional(),
      alwaysFullText: z.boolean().optional(),
    }),
    result: FeedSchema,
    errors: ['not-found'],
  }),
  removeFeed: method({
    doc: "Unsubscribe: the feed and its items leave the library; its files (highlights too) are kept aside in the data dir's removed/ folder.",
    args: z.strictObject({ feedId: FeedIdSchema }),
    result: z.object({
      removedItems: z.number().int().nonnegative(),
      removedAnnotations: z.number().int().nonnegative(),
      keptAt: z.string(),
    }),
    errors: ['not-found', 'busy'],
  }),
  discoverFeeds: method({
    doc: 'Find the feeds a web page offers (<link rel=alternate>, feed-like links, common paths).',
    args: z.strictObject({ url: z.string().min(1).max(2048) }),
    result: z.array(DiscoveredFeedSchema),
    errors: feedErrorCodes,
  }),
  importOpml: method({
    doc: 'Subscribe to every feed in an OPML document (folders kept, duplicates merged); no fetching.',
    args: z.strictObject({ text: z.string().max(20_000_000) }),
    result: z.object({
      added: z.number().int().nonnegative(),
      alreadySubscribed: z.number().int().nonnegative(),
      skipped: z.number().int().nonnegative(),
    }),
    errors: ['bad-opml'],
  }),
  exportOpml: method({
    doc: 'Every subscription as an OPML 2.0 document, folders nested.',
    args: NoArgs,
    result: z.object({ fileName: z.string(), text: z.string() }),
    errors: [],
  }),
  getSettings: method({
    doc: "The user's preferences (appearance, mark read on open, background sync interval).",
    args: NoArgs,
    result: SettingsSchema,
    errors: [],
  }),
  updateSettings: method({
    doc: 'Change some preferences; returns all of them.',
    args: SettingsPatchSchema,
    result: SettingsSchema,
    errors: [],
  }),
  syncAll: method({
    doc: 'Fetch every feed (dueOnly: only those whose next check has come, for scheduled syncs); one failing feed never stops the others. Emits syncProgress.',
    args: z.strictObject({ dueOnly: z.boolean().optional() }),
    result: SyncSummarySchema,
    errors: ['busy'],
  }),
  syncFeed: method({
    doc: 'Fetch one feed now (a retry: also when it is gone or its server asked us to wait).',
    args: z.strictObject({ feedId: FeedIdSchema }),
    result: SyncSummarySchema,
    errors: ['not-found', 'busy'],
  }),
  listItems: method({
    doc: 'One page of items, newest first (published, else first seen; title breaks ties), of one feed, a folder, unread only, or a smart view; across feeds a story is listed once. Pass the snapshot of an earlier page to page through the same listing while items change state.',
    args: z.strictObject({
      ...ListFilterShape,
      offset: z.number().int().nonnegative().optional(),
      /** Items per page: LIST_PAGE_DEFAULT when absent, at most LIST_PAGE_MAX. */
      limit: z.number().int().min(1).max(LIST_PAGE_MAX).optional(),
    }),
    result: ItemPageSchema,
    errors: ['not-found'],
  }),
  locateItem: method({
    doc: 'Where an item stands in a listing, or the next unread item after a position (wrapping to the top), so a client can navigate without holding every row.',
    args: z.strictObject({
      ...ListFilterShape,
      find: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('item'), itemId: ItemIdSchema }),
        /** The first unread item after index `after` (-1: from the top), wrapping around. */
        z.strictObject({ kind: z.literal('next-unread'), after: z.number().int().min(-1) }),
      ]),
    }),
    result: z.object({
      snapshot: z.string(),
      total: z.number().int().nonnegative(),
      /** Null when the listing has no such item. */
      index: z.number().int().nonnegative().nullable(),
      item: ItemSummarySchema.nullable(),
    }),
    errors: ['not-found'],
  }),
  getArticle: method({
    doc: 'One item with its sanitized content.',
    args: z.strictObject({ itemId: ItemIdSchema }),
    result: ArticleSchema,
    errors: ['not-found'],
  }),
  setItemState: method({
    doc: 'Mark an item read/unread or starred/unstarred.',
    args: z.strictObject({
      itemId: ItemIdSchema,
      read: z.boolean().optional(),
      starred: z.boolean().optional(),
    }),
    result: ItemSummarySchema,
    errors: ['not-found'],
  }),
  fetchFullText: method({
    doc: "Fetch the item's web page and extract the article (Readability); a failure is kept as a reason and the feed version stays.",
    args: z.strictObject({ itemId: ItemIdSchema }),
    result: ArticleSchema,
    errors: ['not-found'],
  }),
  getArticleVersion: method({
    doc: 'An earlier (or the current) content of an item, sanitized, by version index (0 = oldest).',
    args: z.strictObject({ itemId: ItemIdSchema, version: z.number().int().nonnegative() }),
    result: z.object({
      index: z.number().int(),
      title: z.string(),
      fetchedAt: z.string(),
      contentHtml: z.string(),
    }),
    errors: ['not-found'],
  }),
  diffArticleVersions: method({
    doc: "A word-level diff between two versions' texts (from → to).",
    args: z.strictObject({
      itemId: ItemIdSchema,
      from: z.number().int().nonnegative(),
      to: z.number().int().nonnegative(),
    }),
    result: WordDiffSchema,
    errors: ['not-found'],
  }),
  updateCitation: method({
    doc: "Correct an article's citation; the given fields replace all earlier corrections ({} clears them). They win over every source, also after syncs.",
    args: z.strictObject({ itemId: ItemIdSchema, edits: CitationEditsSchema }),
    result: ArticleSchema,
    errors: ['not-found'],
  }),
  markAllRead: method({
    doc: 'Mark every unread item of a feed, a folder, or a smart view read; returns them so the change can be undone.',
    args: z.strictObject({
      feedId: FeedIdSchema.optional(),
      folder: FolderPathSchema.optional(),
      view: z.enum(['all', 'starred', 'annotated']).optional(),
    }),
    result: z.object({ itemIds: z.array(ItemIdSchema) }),
    errors: ['not-found'],
  }),
  markUnread: method({
    doc: 'Mark these items unread again (the undo of markAllRead).',
    args: z.strictObject({ itemIds: z.array(ItemIdSchema).max(200_000) }),
    result: z.object({ count: z.number().int().nonnegative() }),
    errors: [],
  }),
  listAnnotations: method({
    doc: "An item's annotations in document order.",
    args: z.strictObject({ itemId: ItemIdSchema }),
    result: z.array(AnnotationSchema),
    errors: ['not-found'],
  }),
  createAnnotation: method({
    doc: 'Save a highlight; resolves only once it is on disk.',
    args: z.strictObject({
      itemId: ItemIdSchema,
      kind: AnnotationKindSchema,
      note: z.string().max(100_000),
      tags: z.array(z.string().min(1).max(100)).max(100),
      target: AnnotationTargetSchema,
      color: HighlightColorSchema.optional(),
      /** A quote's speaker. */
      speaker: SpeakerSchema.nullable().optional(),
      /** A claim's starting status (default unverified) and its restatement. */
      status: ClaimStatusSchema.optional(),
      restated: z.string().max(2000).nullable().optional(),
      madeOn: MadeOnSchema.optional(),
    }),
    result: AnnotationSchema,
    errors: ['not-found'],
  }),
  updateAnnotation: method({
    doc: "Change a highlight: note, tags, colour, kind, a quote's speaker, a claim's status (kept in its history) or restatement.",
    args: z.strictObject({
      annotationId: AnnotationIdSchema,
      kind: AnnotationKindSchema.optional(),
      note: z.string().max(100_000).optional(),
      tags: z.array(z.string().min(1).max(100)).max(100).optional(),
      color: HighlightColorSchema.optional(),
      speaker: SpeakerSchema.nullable().optional(),
      status: ClaimStatusSchema.optional(),
      restated: z.string().max(2000).nullable().optional(),
    }),
    result: AnnotationSchema,
    errors: ['not-found'],
  }),
  deleteAnnotation: method({
    doc: 'Delete one annotation; returns it, so the deletion can be undone (restoreAnnotation).',
    args: z.strictObject({ annotationId: AnnotationIdSchema }),
    result: z.object({ deleted: z.literal(true), annotation: AnnotationSchema }),
    errors: ['not-found'],
  }),
  restoreAnnotation: method({
    doc: 'Put back an annotation deleteAnnotation returned (the undo), with its id and links.',
    args: z.strictObject({ annotation: AnnotationSchema }),
    result: AnnotationSchema,
    errors: ['not-found', 'exists'],
  }),
  listAllAnnotations: method({
    doc: 'Annotations across the library, newest first, filtered by kind, tag, claim status, feed, item or date.',
    args: z.strictObject({
      ...AnnotationFilterShape,
      offset: z.number().int().nonnegative().optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    result: z.object({
      total: z.number().int().nonnegative(),
      entries: z.array(AnnotationEntrySchema),
      /** Every tag in use, most used first (for autocomplete). */
      tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
    }),
    errors: [],
  }),
  linkEvidence: method({
    doc: 'Link a highlight (from any article) to a claim as evidence that supports or disputes it.',
    args: z.strictObject({
      claimId: AnnotationIdSchema,
      evidenceId: AnnotationIdSchema,
      stance: EvidenceStanceSchema,
    }),
    result: AnnotationSchema,
    errors: ['not-found', 'not-a-claim', 'same-annotation'],
  }),
  unlinkEvidence: method({
    doc: 'Remove a highlight from the evidence of a claim.',
    args: z.strictObject({ claimId: AnnotationIdSchema, evidenceId: AnnotationIdSchema }),
    result: AnnotationSchema,
    errors: ['not-found'],
  }),
  getClaim: method({
    doc: 'A claim with its article and its evidence, each with its source; evidence since deleted is listed by id.',
    args: z.strictObject({ annotationId: AnnotationIdSchema }),
    result: z.object({
      claim: AnnotationEntrySchema,
      evidence: z.array(
        z.object({ stance: EvidenceStanceSchema, at: z.string(), entry: AnnotationEntrySchema }),
      ),
      missing: z.array(AnnotationIdSchema),
    }),
    errors: ['not-found', 'not-a-claim'],
  }),
  findQuotes: method({
    doc: "The direct quotations in an article's text with their speakers, judged speech or not, with a confidence.",
    args: z.strictObject({ itemId: ItemIdSchema }),
    result: z.object({ quotes: z.array(FoundQuoteSchema) }),
    errors: ['not-found'],
  }),
  exportArticleMarkdown: method({
    doc: 'A Markdown note for one article: frontmatter, citation (APA unless a style is given), highlights with speakers, claims, evidence, notes and block ids. The article is marked exported (retention keeps it) unless this is only a preview.',
    args: z.strictObject({
      itemId: ItemIdSchema,
      style: CitationStyleSchema.optional(),
      /** Shown, not taken: the article is not marked exported. */
      preview: z.boolean().optional(),
    }),
    result: MarkdownExportSchema,
    errors: ['not-found'],
  }),
  citeAnnotation: method({
    doc: "One highlight as Markdown to paste: its words as a blockquote (a quote attributed to its speaker), then its article's citation (APA unless a style is given) with the URL linking to the passage (a text fragment). Nothing is written or marked.",
    args: z.strictObject({
      annotationId: AnnotationIdSchema,
      style: CitationStyleSchema.optional(),
    }),
    result: z.object({ markdown: z.string() }),
    errors: ['not-found'],
  }),
  previewExport: method({
    doc: 'What an export would hold: counts, file names and the start of its main file (the first few articles only, nothing written or marked): cheap enough to call as the options change.',
    args: z.strictObject(CollectionExportArgs),
    result: ExportCountsSchema.extend({
      fileNames: z.array(z.string()),
      text: z.string(),
      /** The text shows only the first articles. */
      truncated: z.boolean(),
    }),
    errors: ['not-found'],
  }),
  exportCollection: method({
    doc: 'The selected articles in one format: md (one document, footnotes or Pandoc cites plus a CSL-JSON or BibTeX sidecar), csl-json, bibtex, ris or w3c. Returns the files; the caller saves them.',
    args: z.strictObject(CollectionExportArgs),
    result: ExportCountsSchema.extend({ files: z.array(ExportFileSchema) }),
    errors: ['not-found', 'nothing-selected'],
  }),
  exportVault: method({
    doc: 'Write the selected articles into a folder (an Obsidian vault): a note per article, a bibliography sidecar and an index note. A re-export rewrites only files it wrote that changed; other files are never touched (a name taken by one: written beside it). The path comes from a native dialog (Electron) or is typed (browser).',
    args: z.strictObject({
      folder: z.string().min(1).max(4096),
      selection: ExportSelectionSchema,
      style: CitationStyleSchema.optional(),
      sidecar: BibliographySidecarSchema.optional(),
    }),
    result: ExportCountsSchema.extend({
      folder: z.string(),
      /** File names (in the folder) created, rewritten, and left as they were. */
      written: z.array(z.string()),
      updated: z.array(z.string()),
      unchanged: z.array(z.string()),
      /** Names taken by a file that is not ours: what was written beside it instead. */
      renamed: z.array(z.object({ wanted: z.string(), wroteAs: z.string() })),
    }),
    errors: ['not-found', 'nothing-selected', 'not-absolute', 'not-a-folder', 'write-failed'],
  }),
  search: method({
    doc: 'Full-text search with query words (tag:, feed:, folder:, is:, after:, before:); ranked hits with snippets.',
    args: z.strictObject({
      query: z.string().max(2000),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    result: z.object({
      /** Hits in all (one per story), of which the first `limit` are listed. */
      total: z.number().int().nonnegative(),
      /**
       * True when `total` is estimated: a phrase is checked word by word only until the listed
       * hits are certain, and the rest is counted from a sample. Absent when it is exact.
       */
      totalIsEstimate: z.boolean().optional(),
      hits: z.array(SearchHitSchema),
      /** Parts of the query that were not understood, e.g. "after: needs a date like 2026-01-31". */
      problems: z.array(z.string()),
      /** While the index is (re)built: items done out of total; hits may then be incomplete. */
      indexing: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
      tookMs: z.number(),
    }),
    errors: [],
  }),
} as const

export const SyncProgressSchema = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  newItems: z.number().int().nonnegative(),
  feedId: FeedIdSchema.nullable(),
})

export const events = {
  /** While a sync runs: feeds done out of total, items added so far. */
  syncProgress: SyncProgressSchema,
  /** Something in the library changed (items, feeds, annotations): lists should reload. */
  libraryChanged: z.object({ reason: z.string() }),
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export const methodNames = Object.keys(contract) as MethodName[]

export type MethodArgs<M extends MethodName> = z.input<Contract[M]['args']>
export type MethodValue<M extends MethodName> = z.output<Contract[M]['result']>
export type MethodErrorCode<M extends MethodName> =
  Contract[M]['errors'][number] | (typeof commonErrorCodes)[number]
export type MethodResult<M extends MethodName> = Result<MethodValue<M>, MethodErrorCode<M>>

/** What the core implements and what every client offers: one async function per method. */
export type ReaderApi = {
  [M in MethodName]: (args: MethodArgs<M>) => Promise<MethodResult<M>>
}

export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void

/** The contract plus its events: what the core offers to every transport. */
export interface ReaderBridge extends ReaderApi {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void
}

/**
 * What the renderer talks to (window.reader in Electron, an HTTP client in a browser): the
 * contract, its events, and where the app serves an article image from its offline cache — the
 * renderer never loads anything from a feed's hosts itself.
 */
export interface RendererBridge extends ReaderBridge {
  mediaUrl(original: string): string
}

/** The app-owned scheme Electron serves cached images on (reader-media://media/?url=…). */
export const MEDIA_SCHEME = 'reader-media'

/** A cached image, or why there is none (HTTP-like status: 204 for a tracking pixel). */
export type MediaResult =
  { ok: true; bytes: Uint8Array; type: string } | { ok: false; status: number; message: string }

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name)
}
