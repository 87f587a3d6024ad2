import { describe, expect, it } from 'vitest'
import { type Annotation, AnnotationSchema } from '../../domain'
import { fromWebAnnotations, toWebAnnotations } from './web-annotation'

function annotation(overrides: Partial<Annotation>): Annotation {
  return AnnotationSchema.parse({
    id: 'a-plain',
    itemId: 'item-1',
    feedId: 'feed-1',
    kind: 'plain',
    note: '',
    tags: [],
    color: 'yellow',
    target: {
      position: { type: 'TextPositionSelector', start: 10, end: 30 },
      quote: {
        type: 'TextQuoteSelector',
        exact: 'talks resume in Geneva',
        prefix: 'Envoys say ',
        suffix: ' on Monday',
      },
    },
    speaker: null,
    claim: null,
    evidence: [],
    madeOn: null,
    createdAt: '2026-01-24T08:00:00.000Z',
    updatedAt: '2026-01-24T08:00:00.000Z',
    ...overrides,
  })
}

const ANNOTATIONS: Annotation[] = [
  annotation({}),
  annotation({
    id: 'a-noted',
    note: 'Compare with the **Reuters** account.\n\n- second point',
    tags: ['geneva', 'talks round 2'],
    color: 'green',
    madeOn: { version: 1, view: 'full-text' },
    updatedAt: '2026-01-25T10:00:00.000Z',
  }),
  annotation({
    id: 'a-quote',
    kind: 'quote',
    color: 'blue',
    speaker: { name: 'Dmytro Kuleba', role: 'foreign minister' },
    target: {
      position: { type: 'TextPositionSelector', start: 120, end: 160 },
      quote: {
        type: 'TextQuoteSelector',
        exact: '“We are ready to talk,” he said',
        prefix: '',
        suffix: '.',
      },
    },
  }),
  annotation({ id: 'a-quote-anon', kind: 'quote', speaker: null, tags: ['unattributed'] }),
  annotation({
    id: 'a-claim',
    itemId: 'item-2',
    feedId: 'feed-2',
    kind: 'claim',
    color: 'pink',
    note: 'Needs a second source.',
    tags: ['casualties'],
    claim: {
      status: 'disputed',
      restated: 'Forty people died in the strike.',
      history: [
        { status: 'unverified', at: '2026-01-24T08:00:00.000Z' },
        { status: 'supported', at: '2026-01-24T09:00:00.000Z' },
        { status: 'disputed', at: '2026-01-26T12:30:00.000Z' },
      ],
    },
    evidence: [
      { annotationId: 'a-quote', stance: 'supports', at: '2026-01-24T09:00:00.000Z' },
      { annotationId: 'a-noted', stance: 'disputes', at: '2026-01-26T12:30:00.000Z' },
    ],
    madeOn: { version: 0, view: 'feed' },
  }),
  annotation({
    id: 'a-claim-bare',
    itemId: 'item-3',
    kind: 'claim',
    claim: {
      status: 'unverified',
      restated: null,
      history: [{ status: 'unverified', at: '2026-01-24T08:00:00.000Z' }],
    },
  }),
]

const SOURCES = new Map([
  ['item-1', { url: 'https://kyivindependent.com/envoys' }],
  ['item-2', { url: 'https://example.org/strike' }],
  // item-3 has no URL.
  ['item-3', { url: null }],
])

describe('toWebAnnotations', () => {
  const collection = toWebAnnotations(ANNOTATIONS, SOURCES, {
    id: 'urn:uuid:7d1f2a3b-0000-4000-8000-000000000001',
  })
  const items = collection.first.items

  it('is an AnnotationCollection with an embedded AnnotationPage', () => {
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      id: 'urn:uuid:7d1f2a3b-0000-4000-8000-000000000001',
      total: 6,
      first: { type: 'AnnotationPage', startIndex: 0 },
    })
    expect(items).toHaveLength(6)
  })

  it('writes each annotation in the W3C model', () => {
    const { 'rr:annotation': extras, ...standard } = items[1]!
    expect(standard).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'urn:research-reader:annotation:a-noted',
      created: '2026-01-24T08:00:00.000Z',
      modified: '2026-01-25T10:00:00.000Z',
      motivation: 'commenting',
      body: [
        {
          type: 'TextualBody',
          value: 'Compare with the **Reuters** account.\n\n- second point',
          format: 'text/markdown',
          purpose: 'commenting',
        },
        { type: 'TextualBody', value: 'geneva', purpose: 'tagging' },
        { type: 'TextualBody', value: 'talks round 2', purpose: 'tagging' },
      ],
      target: {
        source: 'https://kyivindependent.com/envoys',
        styleClass: 'rr-highlight-green',
        selector: [
          { type: 'TextPositionSelector', start: 10, end: 30 },
          {
            type: 'TextQuoteSelector',
            exact: 'talks resume in Geneva',
            prefix: 'Envoys say ',
            suffix: ' on Monday',
          },
        ],
      },
    })
    expect(extras).toMatchObject({
      itemId: 'item-1',
      feedId: 'feed-1',
      kind: 'plain',
      madeOn: { version: 1 },
    })
  })

  it('chooses the motivation: highlighting, commenting with a note, assessing for claims', () => {
    expect(items.map((item) => item.motivation)).toEqual([
      'highlighting',
      'commenting',
      'highlighting',
      'highlighting',
      'assessing',
      'assessing',
    ])
    expect(items[0]).not.toHaveProperty('body')
    expect(items[5]!.target.source).toBe('urn:research-reader:item:item-3')
  })
})

describe('fromWebAnnotations', () => {
  it('reads our export back exactly (all kinds, speaker, claim history, evidence, tags, notes, colour)', () => {
    const json = JSON.parse(JSON.stringify(toWebAnnotations(ANNOTATIONS, SOURCES))) as unknown
    const { annotations, skipped } = fromWebAnnotations(json)
    expect(skipped).toEqual([])
    expect(annotations).toEqual(ANNOTATIONS)
  })

  it('also reads a page, an array or a single annotation', () => {
    const collection = toWebAnnotations(ANNOTATIONS, SOURCES)
    expect(fromWebAnnotations(collection.first).annotations).toEqual(ANNOTATIONS)
    expect(fromWebAnnotations(collection.first.items).annotations).toEqual(ANNOTATIONS)
    expect(fromWebAnnotations(collection.first.items[4]).annotations).toEqual([ANNOTATIONS[4]])
  })

  it('reads a foreign (Hypothesis-like) highlight as plain when its source is known, and skips the rest', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/AbC123xyz',
      created: '2026-01-20T10:00:00.000Z',
      modified: '2026-01-21T10:00:00.000Z',
      body: [
        { type: 'TextualBody', value: 'A note', format: 'text/markdown', purpose: 'commenting' },
        { type: 'TextualBody', value: 'tag1', purpose: 'tagging' },
      ],
      target: {
        source: 'https://kyivindependent.com/envoys',
        selector: [{ type: 'TextQuoteSelector', exact: 'Envoys', prefix: '', suffix: ' meet' }],
      },
    }
    const unknownSource = {
      ...foreign,
      id: 'x',
      target: { ...foreign.target, source: 'https://elsewhere.example/' },
    }
    const { annotations, skipped } = fromWebAnnotations(
      [foreign, unknownSource, { type: 'Other' }],
      {
        resolveSource: (source) =>
          source === 'https://kyivindependent.com/envoys'
            ? { itemId: 'item-1', feedId: 'feed-1' }
            : null,
      },
    )
    expect(annotations).toEqual([
      {
        id: 'https-hypothes-is-a-abc123xyz',
        itemId: 'item-1',
        feedId: 'feed-1',
        kind: 'plain',
        note: 'A note',
        tags: ['tag1'],
        color: 'yellow',
        target: {
          position: { type: 'TextPositionSelector', start: 0, end: 6 },
          quote: { type: 'TextQuoteSelector', exact: 'Envoys', prefix: '', suffix: ' meet' },
        },
        speaker: null,
        claim: null,
        evidence: [],
        madeOn: null,
        createdAt: '2026-01-20T10:00:00.000Z',
        updatedAt: '2026-01-21T10:00:00.000Z',
      },
    ])
    expect(skipped).toEqual([
      { index: 1, id: 'x', reason: 'source not known: https://elsewhere.example/' },
      { index: 2, id: null, reason: 'not an Annotation' },
    ])
  })
})
