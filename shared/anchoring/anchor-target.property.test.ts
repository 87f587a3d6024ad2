// Properties of re-anchoring a highlight, over random texts (news prose, and strings built from
// the characters normalization cares about: spaces, newlines, curly quotes, dashes, invisibles)
// edited at random: anchoring never throws, ends within a bound, returns a span inside the text,
// finds an unchanged text's span at once, and a span found verbatim holds exactly the quote.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyOptions, propertyTimeout } from '../../tests/helpers/property'
import type { AnnotationTarget } from '../domain'
import { anchorTarget } from './anchor-target'
import { describeTextRange } from './describe-text-range'
import { normalizeText } from './normalize-text'
import { NEWS_PARAGRAPHS } from './testing/news-text'

/** Per anchoring; the fuzzy search is bounded, so far less than this even on a slow machine. */
const BOUND_MS = 1500

const CHARS = [
  'a',
  'b',
  'e',
  't',
  'the',
  ' talks',
  'envoy',
  'said',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '\u00a0',
  '“',
  '”',
  '"',
  '‘',
  '’',
  "'",
  '—',
  '–',
  '-',
  '…',
  '...',
  '\u00ad',
  '\u200b',
  '\ufeff',
  '.',
  ',',
  'É',
  'ß',
  '中',
  '😀',
  '\ud800',
]
const soupText = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 300 })
  .map((p) => p.join(''))
const newsText = fc
  .array(fc.constantFrom(...NEWS_PARAGRAPHS), { minLength: 1, maxLength: 8 })
  .map((p) => p.join('\n\n'))
const text = fc.oneof(newsText, soupText)

/** A text with a range in it. */
const textAndRange = text.chain((t) =>
  fc
    .tuple(fc.nat({ max: t.length - 1 }), fc.integer({ min: 1, max: 200 }))
    .map(([start, length]) => ({ text: t, start, end: Math.min(t.length, start + length) })),
)

type Edit = { at: number; remove: number; insert: string }
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(
    fc.constantFrom(...CHARS),
    fc.constantFrom(...NEWS_PARAGRAPHS).map((p) => p.slice(0, 60)),
    fc.constant(''),
  ),
})
function applyEdits(original: string, edits: Edit[]): string {
  let out = original
  for (const e of edits) {
    const at = Math.floor(e.at * out.length)
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove)
  }
  return out
}

/** How the spans were found, so a test can check its cases reach every method. */
const methods = new Map<string, number>()

function anchorsSafely(current: string, target: AnnotationTarget): void {
  const started = performance.now()
  const span = anchorTarget(current, target)
  const how = span?.how ?? 'orphan'
  methods.set(how, (methods.get(how) ?? 0) + 1)
  expect(performance.now() - started).toBeLessThan(BOUND_MS)
  if (!span) return
  expect(0 <= span.start && span.start < span.end && span.end <= current.length).toBe(true)
  expect(span.score).toBeGreaterThanOrEqual(0)
  expect(span.score).toBeLessThanOrEqual(1)
  const found = current.slice(span.start, span.end)
  if (span.how === 'position' || span.how === 'exact') expect(found).toBe(target.quote.exact)
  if (span.how === 'normalized') {
    expect(normalizeText(found).text.trim()).toBe(normalizeText(target.quote.exact).text.trim())
  }
}

describe('anchoring highlights (properties)', () => {
  it(
    'finds the stored span of an unchanged text by its position, holding the quote',
    () => {
      fc.assert(
        fc.property(textAndRange, ({ text: t, start, end }) => {
          const target = describeTextRange(t, start, end)
          const span = anchorTarget(t, target)
          expect(span).toMatchObject({ start, end, how: 'position' })
          expect(t.slice(span!.start, span!.end)).toBe(target.quote.exact)
        }),
        propertyOptions(0x5eed31, 300),
      )
    },
    propertyTimeout(),
  )

  it(
    'anchors into an edited text without throwing, inside the text, within a bound',
    () => {
      fc.assert(
        fc.property(
          textAndRange,
          fc.array(edit, { minLength: 1, maxLength: 4 }),
          ({ text: t, start, end }, edits) => {
            anchorsSafely(applyEdits(t, edits), describeTextRange(t, start, end))
          },
        ),
        propertyOptions(0x5eed32, 300),
      )
    },
    propertyTimeout(),
  )

  it(
    'survives any stored target: random quote, context and position',
    () => {
      const target: fc.Arbitrary<AnnotationTarget> = fc
        .tuple(
          fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom(...NEWS_PARAGRAPHS)),
          fc.string({ maxLength: 40 }),
          fc.string({ maxLength: 40 }),
          fc.integer({ min: -5, max: 5000 }),
          fc.integer({ min: -5, max: 5000 }),
        )
        .map(([exact, prefix, suffix, start, end]) => ({
          position: { type: 'TextPositionSelector', start, end },
          quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
        }))
      fc.assert(fc.property(text, target, anchorsSafely), propertyOptions(0x5eed33, 300))
    },
    propertyTimeout(),
  )
})
