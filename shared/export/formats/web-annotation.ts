// W3C Web Annotation Data Model (JSON-LD) export and import, the shape Hypothesis and other
// annotation tools exchange: an AnnotationCollection whose first AnnotationPage embeds every
// annotation. Each annotation carries, in standard terms:
//   id: urn:research-reader:annotation:<our id>; created / modified;
//   motivation: "assessing" for a claim, else "commenting" when it has a note, else "highlighting";
//   body: a TextualBody with the note (format text/markdown, purpose commenting) and one
//     TextualBody per tag (purpose tagging);
//   target: { source: the article's URL, styleClass: rr-highlight-<colour>,
//     selector: [TextPositionSelector, TextQuoteSelector] }.
// Everything else of ours (item and feed ids, kind, colour, a quote's speaker, a claim's status,
// restatement and history, evidence links, madeOn) goes under one namespaced key, "rr:annotation",
// so that our own export reads back exactly. Not carried: nothing of an annotation; the article
// itself (title, citation) is not part of this format. An article without a URL gets
// urn:research-reader:item:<item id> as its source.
//
// Reading: our own exports come back exactly. A foreign annotation (no "rr:annotation") is read
// as a plain highlight when its source is resolved to an item by the caller and it has a
// TextQuoteSelector; anything else is reported in `skipped`, never guessed.
import {
  type Annotation,
  AnnotationSchema,
  type HighlightColor,
  HIGHLIGHT_COLORS,
} from '../../domain'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
export const EXTRAS_KEY = 'rr:annotation'
const ANNOTATION_IRI = 'urn:research-reader:annotation:'
const ITEM_IRI = 'urn:research-reader:item:'

/** What toWebAnnotations needs to know about an annotated article. */
export interface WebAnnotationSource {
  url: string | null
}

export interface TextualBody {
  type: 'TextualBody'
  value: string
  purpose: 'commenting' | 'tagging'
  format?: 'text/markdown'
}

/** Our fields beyond the standard ones (see the file comment). */
export interface WebAnnotationExtras {
  itemId: string
  feedId: string
  kind: Annotation['kind']
  color: HighlightColor
  speaker: Annotation['speaker']
  claim: Annotation['claim']
  evidence: Annotation['evidence']
  madeOn: Annotation['madeOn']
}

export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT
  type: 'Annotation'
  id: string
  created: string
  modified: string
  motivation: 'highlighting' | 'commenting' | 'assessing'
  body?: TextualBody[]
  target: {
    source: string
    styleClass: string
    selector: [
      { type: 'TextPositionSelector'; start: number; end: number },
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
    ]
  }
  [EXTRAS_KEY]: WebAnnotationExtras
}

export interface WebAnnotationCollection {
  '@context': typeof ANNO_CONTEXT
  type: 'AnnotationCollection'
  id?: string
  label: string
  total: number
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] }
}

export interface WebAnnotationOptions {
  /** An IRI for the collection (e.g. urn:uuid:…); omitted when not given. */
  id?: string
  label?: string
}

/** One annotation as a W3C Web Annotation. */
export function toWebAnnotation(
  annotation: Annotation,
  source: WebAnnotationSource | undefined,
): WebAnnotation {
  const body: TextualBody[] = []
  if (annotation.note !== '') {
    body.push({
      type: 'TextualBody',
      value: annotation.note,
      format: 'text/markdown',
      purpose: 'commenting',
    })
  }
  for (const tag of annotation.tags)
    body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' })
  const { position, quote } = annotation.target
  const result: WebAnnotation = {
    '@context': ANNO_CONTEXT,
    type: 'Annotation',
    id: `${ANNOTATION_IRI}${annotation.id}`,
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    motivation:
      annotation.kind === 'claim'
        ? 'assessing'
        : annotation.note.trim()
          ? 'commenting'
          : 'highlighting',
    target: {
      source: source?.url ?? `${ITEM_IRI}${annotation.itemId}`,
      styleClass: `rr-highlight-${annotation.color}`,
      selector: [
        { type: 'TextPositionSelector', start: position.start, end: position.end },
        {
          type: 'TextQuoteSelector',
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
        },
      ],
    },
    [EXTRAS_KEY]: {
      itemId: annotation.itemId,
      feedId: annotation.feedId,
      kind: annotation.kind,
      color: annotation.color,
      speaker: annotation.speaker,
      claim: annotation.claim,
      evidence: annotation.evidence,
      madeOn: annotation.madeOn,
    },
  }
  if (body.length > 0) result.body = body
  return result
}

/**
 * Annotations as a W3C AnnotationCollection with one embedded AnnotationPage.
 * `articleBySource` maps each annotation's itemId to its article's URL.
 */
export function toWebAnnotations(
  annotations: Annotation[],
  articleBySource: ReadonlyMap<string, WebAnnotationSource> | Record<string, WebAnnotationSource>,
  options: WebAnnotationOptions = {},
): WebAnnotationCollection {
  const lookup = (itemId: string): WebAnnotationSource | undefined =>
    articleBySource instanceof Map
      ? articleBySource.get(itemId)
      : Object.prototype.hasOwnProperty.call(articleBySource, itemId)
        ? (articleBySource as Record<string, WebAnnotationSource>)[itemId]
        : undefined
  const items = annotations.map((annotation) =>
    toWebAnnotation(annotation, lookup(annotation.itemId)),
  )
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    ...(options.id ? { id: options.id } : {}),
    label: options.label ?? 'Research Reader annotations',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  }
}

export interface FromWebAnnotationsOptions {
  /** For a foreign annotation: the item (and its feed) its target source is, or null. */
  resolveSource?: (source: string) => { itemId: string; feedId: string } | null
}

export interface FromWebAnnotationsResult {
  annotations: Annotation[]
  /** Items that could not be read, with why (index in reading order). */
  skipped: { index: number; id: string | null; reason: string }[]
}

/** Reads a collection, a page, an array of annotations or a single annotation. */
export function fromWebAnnotations(
  json: unknown,
  options: FromWebAnnotationsOptions = {},
): FromWebAnnotationsResult {
  const result: FromWebAnnotationsResult = { annotations: [], skipped: [] }
  itemsOf(json).forEach((item, index) => {
    const id = isRecord(item) && typeof item['id'] === 'string' ? item['id'] : null
    try {
      const annotation = readAnnotation(item, options)
      const parsed = AnnotationSchema.safeParse(annotation)
      if (parsed.success) result.annotations.push(parsed.data)
      else result.skipped.push({ index, id, reason: parsed.error.issues[0]?.message ?? 'invalid' })
    } catch (error) {
      result.skipped.push({
        index,
        id,
        reason: error instanceof Error ? error.message : String(error),
      })
    }
  })
  return result
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asArray(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
}

function typeIs(value: Record<string, unknown>, type: string): boolean {
  return asArray(value['type']).includes(type)
}

function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json
  if (!isRecord(json)) return []
  if (typeIs(json, 'AnnotationCollection')) {
    const pages: unknown[] = []
    let page: unknown = json['first']
    // Only embedded pages: nothing is fetched.
    for (let guard = 0; isRecord(page) && guard < 10_000; guard += 1) {
      pages.push(...asArray(page['items']))
      page = page['next']
    }
    return pages
  }
  if (typeIs(json, 'AnnotationPage')) return asArray(json['items'])
  return [json]
}

function readAnnotation(item: unknown, options: FromWebAnnotationsOptions): unknown {
  if (!isRecord(item) || !typeIs(item, 'Annotation')) throw new Error('not an Annotation')
  const id = typeof item['id'] === 'string' ? item['id'] : ''
  const bodies = asArray(item['body']).filter(isRecord)
  const textual = (purpose: string) =>
    bodies.filter(
      (b) =>
        typeIs(b, 'TextualBody') &&
        asArray(b['purpose']).includes(purpose) &&
        typeof b['value'] === 'string',
    )
  const note = textual('commenting')
    .map((b) => b['value'] as string)
    .join('\n\n')
  const tags = textual('tagging').map((b) => b['value'] as string)
  const target = asArray(item['target']).find(isRecord)
  if (!target) throw new Error('no target')
  const selectors = asArray(target['selector']).filter(isRecord)
  const quote = selectors.find((s) => typeIs(s, 'TextQuoteSelector'))
  const position = selectors.find((s) => typeIs(s, 'TextPositionSelector'))
  if (!quote) throw new Error('no TextQuoteSelector')
  const exact = String(quote['exact'] ?? '')
  const created = typeof item['created'] === 'string' ? item['created'] : null
  const modified = typeof item['modified'] === 'string' ? item['modified'] : created
  const extras = item[EXTRAS_KEY]
  let own: Record<string, unknown>
  if (isRecord(extras)) {
    own = { ...extras }
  } else {
    const source = typeof target['source'] === 'string' ? target['source'] : ''
    const resolved = options.resolveSource?.(source) ?? null
    if (!resolved) throw new Error(`source not known: ${source || '(none)'}`)
    const styleClass = typeof target['styleClass'] === 'string' ? target['styleClass'] : ''
    const color = HIGHLIGHT_COLORS.find((c) => styleClass === `rr-highlight-${c}`) ?? 'yellow'
    own = {
      ...resolved,
      kind: 'plain',
      color,
      speaker: null,
      claim: null,
      evidence: [],
      madeOn: null,
    }
  }
  const start = Number(position?.['start'] ?? 0)
  return {
    id: id.startsWith(ANNOTATION_IRI) ? id.slice(ANNOTATION_IRI.length) : foreignId(id),
    itemId: own['itemId'],
    feedId: own['feedId'],
    kind: own['kind'],
    note,
    tags,
    color: own['color'],
    target: {
      position: {
        type: 'TextPositionSelector',
        start,
        end: position ? Number(position['end']) : start + exact.length,
      },
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: String(quote['prefix'] ?? ''),
        suffix: String(quote['suffix'] ?? ''),
      },
    },
    speaker: own['speaker'] ?? null,
    claim: own['claim'] ?? null,
    evidence: own['evidence'] ?? [],
    madeOn: own['madeOn'] ?? null,
    createdAt: created,
    updatedAt: modified,
  }
}

/** A foreign IRI as one of our ids: lower-case letters, digits and dashes, at most 64. */
function foreignId(iri: string): string {
  const slug = iri
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug.slice(-64).replace(/^-+/, '') || 'imported'
}
