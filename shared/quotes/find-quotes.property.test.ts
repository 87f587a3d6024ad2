// Properties of quote finding over random prose built from what news text is made of — words,
// names, speech verbs, every kind of quotation mark (paired, unpaired, nested, continued over
// paragraphs), dashes and line breaks: findQuotes never throws, ends within a bound, and each
// quote it reports lies inside the text, says the words at its offsets, and is labelled sanely.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyOptions, propertyTimeout } from '../../tests/helpers/property'
import { NEWS_PARAGRAPHS } from '../anchoring/testing/news-text'
import { findQuotes, SPEECH_THRESHOLD } from './find-quotes'

/** Per text (300 tokens at most); the real-article perf test holds it to far less per KB. */
const BOUND_MS = 1500

const TOKENS = [
  'the',
  'talks',
  'were',
  'substantive',
  'We',
  'are',
  'close',
  'Nobody',
  'should',
  'expect',
  'Jane Doe',
  'Mara Ostrowski',
  'the envoy',
  'the ministry',
  'Dr. Feld',
  'he',
  'she',
  'they',
  'said',
  'told reporters',
  'added',
  'according to',
  'called',
  'so-called',
  'titled',
  'wrote',
  '“',
  '”',
  '"',
  '‘',
  '’',
  "'",
  '«',
  '»',
  '„',
  '‹',
  '›',
  '「',
  '」',
  ',',
  '.',
  ':',
  ';',
  '?',
  '!',
  '—',
  '–',
  '-',
  '(',
  ')',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\u00a0',
  '…',
  "don't",
  'O’Brien',
  'Board of Reconciliation',
  'GENEVA',
  '2026',
  '\ud800',
]
const prose = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 300 }).map((t) => t.join('')),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 300 }).map((t) => t.join(' ')),
  fc.array(fc.constantFrom(...NEWS_PARAGRAPHS), { minLength: 1, maxLength: 6 }).chain((p) =>
    fc
      .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...TOKENS)), {
        maxLength: 10,
      })
      .map((cuts) =>
        cuts.reduce((text, [at, token]) => {
          const i = Math.floor(at * text.length)
          return text.slice(0, i) + token + text.slice(i)
        }, p.join('\n\n')),
      ),
  ),
)
const KINDS = new Set(['speech', 'scare', 'title', 'name', 'other'])

describe('finding quotes (properties)', () => {
  it(
    'reports quotes inside the text, with their words and sane labels, within a bound',
    () => {
      fc.assert(
        fc.property(prose, (text) => {
          const started = performance.now()
          const quotes = findQuotes(text)
          expect(performance.now() - started).toBeLessThan(BOUND_MS)
          for (const q of quotes) {
            expect(0 <= q.start && q.start <= q.end && q.end <= text.length).toBe(true)
            // Continued paragraphs drop their opening marks; otherwise the words are the slice.
            const slice = text.slice(q.start, q.end)
            if (!/\n/.test(slice)) expect(q.text).toBe(slice)
            else expect(q.text.length).toBeLessThanOrEqual(slice.length)
            expect(KINDS.has(q.kind)).toBe(true)
            expect(q.confidence).toBeGreaterThanOrEqual(0)
            expect(q.confidence).toBeLessThanOrEqual(1)
            expect(q.depth).toBeGreaterThanOrEqual(0)
            if (q.isSpeech)
              expect(q.kind === 'speech' && q.confidence >= SPEECH_THRESHOLD).toBe(true)
          }
        }),
        propertyOptions(0x5eed41, 300),
      )
    },
    propertyTimeout(),
  )
})
