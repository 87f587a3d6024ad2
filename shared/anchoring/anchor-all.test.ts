// anchorAll splits an article's highlights into those found in its current text (with spans) and
// orphans, which come back whole - with their quote - and in order, never dropped.
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../domain'
import { AnnotationSchema } from '../domain'
import { anchorAll } from './anchor-all'
import { describeTextRange } from './describe-text-range'
import { NEWS_TEXT } from './testing/news-text'

function annotationOn(text: string, quote: string, id: string): Annotation {
  const at = text.indexOf(quote)
  if (at === -1) throw new Error(`fixture: ${quote}`)
  return AnnotationSchema.parse({
    id,
    itemId: 'item-1',
    feedId: 'feed-1',
    kind: 'quote',
    note: `note ${id}`,
    tags: ['ceasefire'],
    color: 'yellow',
    target: describeTextRange(text, at, at + quote.length),
    speaker: null,
    claim: null,
    evidence: [],
    madeOn: null,
    createdAt: '2026-01-23T10:40:00.000Z',
    updatedAt: '2026-01-23T10:40:00.000Z',
  })
}

const QUOTES = {
  a: '“We are not here to sign anything today, but we are here to listen,”',
  b: 'The World Food Programme said it had delivered 1,200 tonnes of flour',
  c: 'Markets barely moved on the news.',
  d: '“It is not normal, but it is something,”',
}

describe('anchorAll', () => {
  const annotations = Object.entries(QUOTES).map(([id, quote]) =>
    annotationOn(NEWS_TEXT, quote, id),
  )

  it('anchors every highlight on the text they were made on, at their stored positions', () => {
    const { anchored, orphans } = anchorAll(NEWS_TEXT, annotations)
    expect(orphans).toEqual([])
    expect(anchored.map((a) => a.annotation.id)).toEqual(['a', 'b', 'c', 'd'])
    for (const { annotation, span } of anchored) {
      expect(span).toMatchObject({ start: annotation.target.position.start, how: 'position' })
      expect(NEWS_TEXT.slice(span.start, span.end)).toBe(annotation.target.quote.exact)
    }
  })

  it('re-attaches moved and edited highlights and lists the deleted ones as orphans with their text', () => {
    const updated = `Update: a correction was added.\n\n${NEWS_TEXT}`
      .replace(QUOTES.c, '') // c deleted
      .replace('1,200 tonnes', '1,300 tonnes') // b corrected
      .replace(/[“”]/g, '"') // a and d: quote marks straightened
    const { anchored, orphans } = anchorAll(updated, annotations)
    expect(anchored.map((a) => [a.annotation.id, a.span.how])).toEqual([
      ['a', 'normalized'],
      ['b', 'fuzzy'],
      ['d', 'normalized'],
    ])
    const texts = anchored.map((a) => updated.slice(a.span.start, a.span.end))
    expect(texts).toEqual([
      QUOTES.a.replace(/[“”]/g, '"'),
      QUOTES.b.replace('1,200', '1,300'),
      QUOTES.d.replace(/[“”]/g, '"'),
    ])
    // The orphan is the annotation itself, untouched: its quote, note and tags are all there.
    expect(orphans).toEqual([annotations[2]])
    expect(orphans[0]?.target.quote.exact).toBe(QUOTES.c)
  })

  it('never loses a highlight: anchored + orphans is always the whole list', () => {
    for (const text of ['', 'unrelated words only', NEWS_TEXT.slice(0, 900), NEWS_TEXT]) {
      const { anchored, orphans } = anchorAll(text, annotations)
      const ids = [...anchored.map((a) => a.annotation.id), ...orphans.map((o) => o.id)].sort()
      expect(ids).toEqual(['a', 'b', 'c', 'd'])
    }
  })

  it('works for any object with a target, and for an empty list', () => {
    expect(anchorAll(NEWS_TEXT, [])).toEqual({ anchored: [], orphans: [] })
    const plain = { target: annotations[0]!.target, label: 'x' }
    expect(anchorAll(NEWS_TEXT, [plain]).anchored[0]?.annotation).toBe(plain)
  })
})
