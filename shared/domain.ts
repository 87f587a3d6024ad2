// Domain types shared by the core and the renderer, declared as zod schemas so that the same
// definition gives the TypeScript type and the runtime validator used at every transport edge.
// Pure: no I/O, no clock. Stored-row shapes live in the core's store, not here.
import { z } from 'zod'

export const FeedIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not a feed id')
export const ItemIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not an item id')
export const AnnotationIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not an annotation id')

/** An ISO 8601 UTC timestamp such as 2026-01-23T10:40:00.000Z. */
export const IsoDateSchema = z.string().datetime({ offset: true })

export const FeedErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  at: IsoDateSchema,
  /** The URL gave a web page: the feeds that page offers, best first (to subscribe instead). */
  feeds: z.array(z.object({ url: z.string(), title: z.string().nullable() })).optional(),
})

/** How long a feed's items are kept; starred, annotated, exported and corrected items always stay. */
export const RetentionSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('all') }),
  z.strictObject({ mode: z.literal('days'), days: z.number().int().min(1).max(36500) }),
  z.strictObject({ mode: z.literal('items'), count: z.number().int().min(1).max(1_000_000) }),
])
export type Retention = z.infer<typeof RetentionSchema>

export const FeedSchema = z.object({
  id: FeedIdSchema,
  url: z.string(),
  title: z.string(),
  siteUrl: z.string().nullable(),
  description: z.string(),
  /** Folder path, outermost first; [] at the top level. */
  folder: z.array(z.string()),
  retention: RetentionSchema,
  /** Read every item in full from its page (not only the ones detected as teasers). */
  alwaysFullText: z.boolean(),
  addedAt: IsoDateSchema,
  lastSuccessAt: IsoDateSchema.nullable(),
  lastError: FeedErrorSchema.nullable(),
  /** When a scheduled sync fetches it next (later when the server asked us to wait). */
  nextCheckAt: IsoDateSchema.nullable(),
  /** The server answered 410 Gone: no longer fetched. */
  gone: z.boolean(),
  /** Problems worked around when the feed was last read. */
  warnings: z.array(z.string()),
  itemCount: z.number().int().nonnegative(),
  unreadCount: z.number().int().nonnegative(),
  /** Highlights on its items: removing the feed asks first when there are any. */
  annotationCount: z.number().int().nonnegative(),
})
export type Feed = z.infer<typeof FeedSchema>

export const ItemSummarySchema = z.object({
  id: ItemIdSchema,
  feedId: FeedIdSchema,
  feedTitle: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  author: z.string().nullable(),
  /** Publication date from the feed; null when the feed gave none (see firstSeenAt). */
  published: IsoDateSchema.nullable(),
  firstSeenAt: IsoDateSchema,
  snippet: z.string(),
  read: z.boolean(),
  starred: z.boolean(),
  annotationCount: z.number().int().nonnegative(),
  /** The same story (same canonical URL) in other feeds. */
  alsoIn: z.array(z.object({ itemId: ItemIdSchema, feedId: FeedIdSchema, feedTitle: z.string() })),
})
export type ItemSummary = z.infer<typeof ItemSummarySchema>

/** What a citation says about an article, each field from the most trusted source (resolve-citation). */
export const CitationSchema = z.object({
  title: z.string(),
  authors: z.array(z.string()),
  publisher: z.string().nullable(),
  /** ISO 8601; a date without a zone when the source gave none (an in-body dateline). */
  published: z.string().nullable(),
  url: z.string().nullable(),
  accessed: IsoDateSchema,
  language: z.string().nullable(),
  type: z.enum(['newspaperArticle', 'webpage', 'blogPost']),
})
export type Citation = z.infer<typeof CitationSchema>

export const ArticleVersionSchema = z.object({
  index: z.number().int().nonnegative(),
  title: z.string(),
  fetchedAt: IsoDateSchema,
  current: z.boolean(),
})
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>

/** A word-level difference between two versions' texts, in order. */
export const WordDiffSchema = z.array(
  z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() }),
)
export type WordDiff = z.infer<typeof WordDiffSchema>

/** The fields a user corrected; null clears a field (e.g. no publisher). */
export const CitationEditsSchema = z.strictObject({
  title: z.string().min(1).max(1000).optional(),
  authors: z.array(z.string().min(1).max(300)).max(50).optional(),
  publisher: z.string().max(300).nullable().optional(),
  published: z.string().max(40).nullable().optional(),
  url: z.string().max(2048).nullable().optional(),
  language: z.string().max(35).nullable().optional(),
  type: z.enum(['newspaperArticle', 'webpage', 'blogPost']).optional(),
})
export type CitationEdits = z.infer<typeof CitationEditsSchema>

export const ArticleSchema = ItemSummarySchema.extend({
  /** Sanitized HTML with absolute URLs: safe to insert into a page that also has a strict CSP. */
  contentHtml: z.string(),
  feedUrl: z.string(),
  feedSiteUrl: z.string().nullable(),
  /** When this content was fetched: the "accessed" date of a citation. */
  fetchedAt: IsoDateSchema,
  citation: CitationSchema,
  /** Which citation fields the user corrected (they win over every source). */
  citationEdits: CitationEditsSchema,
  /** Every content this item has had, oldest first; the last is the one shown. */
  versions: z.array(ArticleVersionSchema),
  /** The feed gives only a teaser (short, or ending in "Read more" or an ellipsis). */
  summaryOnly: z.boolean(),
  /** Read it in full from its page when opened: a teaser, or its feed is set to always. */
  wantsFullText: z.boolean(),
  /** The article extracted from its web page (sanitized), or why that failed. */
  fullText: z.discriminatedUnion('status', [
    z.object({ status: z.literal('none') }),
    z.object({ status: z.literal('available'), contentHtml: z.string(), fetchedAt: IsoDateSchema }),
    z.object({ status: z.literal('failed'), reason: z.string() }),
  ]),
})
export type Article = z.infer<typeof ArticleSchema>

export const AnnotationKindSchema = z.enum(['plain', 'quote', 'claim'])
export type AnnotationKind = z.infer<typeof AnnotationKindSchema>

/** W3C Web Annotation TextPositionSelector over the article's text content. */
export const TextPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>

/** W3C Web Annotation TextQuoteSelector: the exact text plus context on both sides. */
export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
})
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>

export const AnnotationTargetSchema = z.object({
  position: TextPositionSelectorSchema,
  quote: TextQuoteSelectorSchema,
})
export type AnnotationTarget = z.infer<typeof AnnotationTargetSchema>

/** What a claim is judged to be, as the researcher's checking goes on. */
export const ClaimStatusSchema = z.enum(['unverified', 'supported', 'disputed', 'refuted'])
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const
export const HighlightColorSchema = z.enum(HIGHLIGHT_COLORS)
export type HighlightColor = z.infer<typeof HighlightColorSchema>

/** Who said a quote: a name as written, and their role when the text gives one. */
export const SpeakerSchema = z.object({
  name: z.string().min(1).max(200),
  role: z.string().max(300).nullable(),
})
export type Speaker = z.infer<typeof SpeakerSchema>

/** A claim's state: its status, the claim restated in the researcher's words, and how it moved. */
export const ClaimSchema = z.object({
  status: ClaimStatusSchema,
  restated: z.string().max(2000).nullable(),
  /** Every status it has had, oldest first, with when it was set. */
  history: z.array(z.object({ status: ClaimStatusSchema, at: IsoDateSchema })),
})
export type Claim = z.infer<typeof ClaimSchema>

export const EvidenceStanceSchema = z.enum(['supports', 'disputes'])
export type EvidenceStance = z.infer<typeof EvidenceStanceSchema>

/** A highlight (from any article) linked to a claim as evidence for or against it. */
export const EvidenceLinkSchema = z.object({
  annotationId: AnnotationIdSchema,
  stance: EvidenceStanceSchema,
  at: IsoDateSchema,
})
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>

/** Which text the selectors were made over: the article's version and the view shown. */
export const MadeOnSchema = z.object({
  /** Index into the article's versions (0 = oldest) at the time. */
  version: z.number().int().nonnegative(),
  view: z.enum(['feed', 'original', 'full-text']),
})
export type MadeOn = z.infer<typeof MadeOnSchema>

export const AnnotationSchema = z.object({
  id: AnnotationIdSchema,
  itemId: ItemIdSchema,
  feedId: FeedIdSchema,
  kind: AnnotationKindSchema,
  /** Markdown. */
  note: z.string(),
  tags: z.array(z.string()),
  color: HighlightColorSchema,
  target: AnnotationTargetSchema,
  /** A quote's speaker (null when not known, and for other kinds). */
  speaker: SpeakerSchema.nullable(),
  /** A claim's status and history (null for other kinds). */
  claim: ClaimSchema.nullable(),
  /** For a claim: the highlights that support or dispute it. */
  evidence: z.array(EvidenceLinkSchema),
  madeOn: MadeOnSchema.nullable(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
})
export type Annotation = z.infer<typeof AnnotationSchema>

export const SyncSummarySchema = z.object({
  feeds: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Feeds not fetched: the server asked us to wait, or the feed is gone. */
  skipped: z.number().int().nonnegative(),
  newItems: z.number().int().nonnegative(),
  errors: z.array(z.object({ feedId: FeedIdSchema, code: z.string(), message: z.string() })),
})
export type SyncSummary = z.infer<typeof SyncSummarySchema>
