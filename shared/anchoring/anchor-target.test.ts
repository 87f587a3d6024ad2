// anchorTarget re-finds a stored highlight in the current text of an article: by position while
// the text is unchanged, else by searching for the exact quote and preferring the occurrence whose
// stored prefix/suffix context matches, else by approximate search. A quote that is gone gives
// null (shown as an orphan). The generated evaluation over news text is in anchoring-eval.test.ts.
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../tests/helpers/prng'
import type { AnnotationTarget } from '../domain'
import { anchorTarget as anchorWithMethod, type TextSpan } from './anchor-target'
import { describeTextRange } from './describe-text-range'

/** The target a user would store by selecting `quote` (its `occurrence`-th copy) in `text`. */
function targetFor(text: string, quote: string, occurrence = 0): AnnotationTarget {
  let at = -1
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1)
    if (at === -1) throw new Error(`fixture: "${quote}" #${occurrence} not in text`)
  }
  return describeTextRange(text, at, at + quote.length)
}

/** The span alone (these tests predate the `how` and `score` fields). */
function anchorTarget(text: string, target: AnnotationTarget): TextSpan | null {
  const span = anchorWithMethod(text, target)
  return span && { start: span.start, end: span.end }
}

function spanText(text: string, span: TextSpan | null): string | null {
  return span ? text.slice(span.start, span.end) : null
}

const ARTICLE = [
  'The city council met on Tuesday evening to discuss the budget.',
  'After a long debate, members voted to delay the transit levy until spring.',
  'Residents who spoke at the meeting were divided on the question.',
].join('\n\n')

const QUOTE = 'voted to delay the transit levy'

describe('anchorTarget: unchanged and shifted text', () => {
  it('finds the highlight at its stored position when the text is unchanged', () => {
    const target = targetFor(ARTICLE, QUOTE)
    const span = anchorTarget(ARTICLE, target)
    expect(span).toEqual({ start: target.position.start, end: target.position.end })
    expect(spanText(ARTICLE, span)).toBe(QUOTE)
  })

  it('re-finds the quote at its new place after text is inserted before it', () => {
    const target = targetFor(ARTICLE, QUOTE)
    const inserted = 'Editor’s note: this story was updated with comments from the mayor.\n\n'
    const updated = inserted + ARTICLE
    const span = anchorTarget(updated, target)
    expect(span).toEqual({
      start: target.position.start + inserted.length,
      end: target.position.end + inserted.length,
    })
    expect(spanText(updated, span)).toBe(QUOTE)
  })

  it('re-finds the quote after text before it was removed', () => {
    const target = targetFor(ARTICLE, QUOTE)
    const firstParagraphEnd = ARTICLE.indexOf('\n\n') + 2
    const updated = ARTICLE.slice(firstParagraphEnd)
    const span = anchorTarget(updated, target)
    expect(span?.start).toBe(target.position.start - firstParagraphEnd)
    expect(spanText(updated, span)).toBe(QUOTE)
  })

  it('still finds the quote at its position when only text after it changed', () => {
    const target = targetFor(ARTICLE, QUOTE)
    const updated = `${ARTICLE}\n\nCorrection: the vote was on Wednesday.`
    expect(anchorTarget(updated, target)).toEqual({
      start: target.position.start,
      end: target.position.end,
    })
  })

  it('re-finds the quote when the text shrank so the old position is past its end', () => {
    const text = `${'x'.repeat(200)} ${QUOTE}`
    const target = targetFor(text, QUOTE)
    const updated = QUOTE
    expect(anchorTarget(updated, target)).toEqual({ start: 0, end: QUOTE.length })
  })
})

describe('anchorTarget: two identical occurrences', () => {
  // "the budget was approved" appears twice; the context tells the two apart.
  const TWICE = [
    'In March the finance committee reported that the budget was approved without changes.',
    'In October, after months of protests by teachers, the budget was approved with cuts.',
  ].join('\n\n')
  const REPEATED = 'the budget was approved'

  it('finds each occurrence at its position while the text is unchanged', () => {
    for (const occurrence of [0, 1]) {
      const target = targetFor(TWICE, REPEATED, occurrence)
      expect(anchorTarget(TWICE, target)?.start).toBe(target.position.start)
    }
  })

  it('picks the occurrence whose context matches when the old position points at neither', () => {
    // The user highlighted the second occurrence; the stored position is now stale and lands
    // nearer the first occurrence, on text that is not the quote.
    const target = targetFor(TWICE, REPEATED, 1)
    const first = TWICE.indexOf(REPEATED)
    const second = TWICE.indexOf(REPEATED, first + 1)
    const stale: AnnotationTarget = {
      ...target,
      position: { ...target.position, start: first + 3, end: first + 3 + REPEATED.length },
    }
    expect(anchorTarget(TWICE, stale)).toEqual({ start: second, end: second + REPEATED.length })

    // And the mirror case: the first occurrence highlighted, stale position near the second.
    const firstTarget = targetFor(TWICE, REPEATED, 0)
    const staleFirst: AnnotationTarget = {
      ...firstTarget,
      position: { ...firstTarget.position, start: second + 3, end: second + 3 + REPEATED.length },
    }
    expect(anchorTarget(TWICE, staleFirst)).toEqual({ start: first, end: first + REPEATED.length })
  })

  it('picks the occurrence whose context matches after text was inserted before both', () => {
    const target = targetFor(TWICE, REPEATED, 0)
    const updated = `Update, 4 November: the mayor has since resigned.\n\n${TWICE}`
    const first = updated.indexOf(REPEATED)
    const span = anchorTarget(updated, target)
    expect(span).toEqual({ start: first, end: first + REPEATED.length })
    // The stale position pointed at neither occurrence, so this went through the search.
    expect(updated.slice(target.position.start, target.position.end)).not.toBe(REPEATED)
  })

  it('prefers matching context over nearness to the old position when the text shifted', () => {
    // The second occurrence is highlighted; then a long passage is added inside the first
    // paragraph, so the FIRST occurrence moves to just past the old position of the second.
    const target = targetFor(TWICE, REPEATED, 1)
    const oldStart = target.position.start
    const first = TWICE.indexOf(REPEATED)
    const added = 'y'.repeat(oldStart - first + 5)
    const updated = TWICE.slice(0, first) + added + TWICE.slice(first)
    const movedFirst = updated.indexOf(REPEATED)
    const movedSecond = updated.indexOf(REPEATED, movedFirst + 1)
    // The wrong copy is now far nearer the stale position than the right one.
    expect(Math.abs(movedFirst - oldStart)).toBe(5)
    expect(Math.abs(movedSecond - oldStart)).toBeGreaterThan(50)
    expect(anchorTarget(updated, target)).toEqual({
      start: movedSecond,
      end: movedSecond + REPEATED.length,
    })
  })

  // Regression: the stored position used to be accepted whenever the text there equalled `exact`,
  // so an edit that shifted ANOTHER copy of the quote onto the old offset moved the highlight.
  it('keeps the highlight on its own occurrence even when the other copy shifted onto the old position', () => {
    const quote = 'prices rose'
    const original = 'In the north prices rose sharply. In the south prices rose slowly.'
    const target = targetFor(original, quote, 1) // "...south prices rose slowly."
    const second = target.position.start
    // A new sentence is inserted before the first copy; its length is chosen so the first copy
    // now starts exactly where the second one used to.
    const first = original.indexOf(quote)
    const filler = 'x'.repeat(second - first - 1)
    const updated = `${original.slice(0, first)}${filler} ${original.slice(first)}`
    expect(updated.slice(second, second + quote.length)).toBe(quote) // the decoy is in place
    const real = updated.lastIndexOf(quote)
    expect(anchorTarget(updated, target)).toEqual({ start: real, end: real + quote.length })
  })
})

describe('anchorTarget: orphans', () => {
  it('returns null when the quoted text was removed from the article', () => {
    const target = targetFor(ARTICLE, QUOTE)
    const updated = ARTICLE.replace(/After a long debate[^\n]*/, 'The vote was postponed.')
    expect(anchorTarget(updated, target)).toBeNull()
  })

  it('re-attaches to the edited words when the quote itself was edited (fuzzy match)', () => {
    const target = targetFor(ARTICLE, QUOTE)
    const updated = ARTICLE.replace('transit levy', 'transport levy')
    const span = anchorWithMethod(updated, target)
    expect(span?.how).toBe('fuzzy')
    expect(spanText(updated, span)).toBe('voted to delay the transport levy')
  })

  it('returns null for an empty article', () => {
    expect(anchorTarget('', targetFor(ARTICLE, QUOTE))).toBeNull()
  })

  it('is case-sensitive: a differently capitalised copy does not count', () => {
    const target = targetFor(ARTICLE, QUOTE)
    expect(anchorTarget(ARTICLE.replace(QUOTE, QUOTE.toUpperCase()), target)).toBeNull()
  })
})

// ----- generated cases -----

const prng = mulberry32

const WORDS = (
  'the council voted budget river school mayor report data study found that prices rose fell ' +
  'in spring winter new old city rural teachers nurses said a of and on with health energy'
).split(' ')

function generateCase(random: () => number) {
  const int = (n: number) => Math.floor(random() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T
  const sentence = () => {
    const words = Array.from({ length: 4 + int(12) }, () => pick(WORDS))
    return `${words.join(' ')}.`
  }
  const paragraphs = Array.from({ length: 2 + int(6) }, () =>
    Array.from({ length: 1 + int(4) }, sentence).join(' '),
  )
  const text = paragraphs.join('\n\n')
  // Quote a run of words from one random paragraph.
  const p = int(paragraphs.length)
  const paragraphStart = paragraphs.slice(0, p).reduce((sum, para) => sum + para.length + 2, 0)
  const words = [...(paragraphs[p] as string).matchAll(/\S+/g)]
  const from = int(words.length)
  const to = Math.min(words.length - 1, from + int(6))
  const start = paragraphStart + (words[from]?.index ?? 0)
  const last = words[to] as RegExpMatchArray
  const end = paragraphStart + (last.index ?? 0) + last[0].length
  // Inserted text uses characters absent from the article, so it never creates a copy.
  const insertion = () =>
    Array.from({ length: int(80) }, () => pick([...'XYZ0123456789#@\n '])).join('')
  const where = pick(['before', 'after', 'both'] as const)
  return { text, start, end, int, insertion, where }
}

describe('anchorTarget: generated insertions around a quote', () => {
  it('re-finds the quote at its shifted location in 200 seeded random edits', () => {
    const random = prng(20260123)
    let checked = 0
    let viaSearch = 0
    for (let n = 0; n < 200; n++) {
      const { text, start, end, int, insertion, where } = generateCase(random)
      const quote = text.slice(start, end)
      // Only unique quotes have one correct answer; duplicates are covered above.
      if (text.indexOf(quote) !== text.lastIndexOf(quote)) continue
      const target = describeTextRange(text, start, end)

      let updated = text
      let expectedStart = start
      if (where !== 'before') {
        const at = end + int(text.length - end + 1)
        updated = updated.slice(0, at) + insertion() + updated.slice(at)
      }
      if (where !== 'after') {
        const at = int(start + 1)
        const added = insertion()
        updated = updated.slice(0, at) + added + updated.slice(at)
        expectedStart += added.length
      }
      if (expectedStart !== start) viaSearch++

      const span = anchorTarget(updated, target)
      const context = `case ${n} (${where}): ${JSON.stringify(quote)}`
      expect(span, context).toEqual({ start: expectedStart, end: expectedStart + quote.length })
      expect(spanText(updated, span), context).toBe(quote)
      checked++
    }
    // The generator must actually exercise both paths, or this test proves little.
    expect(checked).toBeGreaterThan(100)
    expect(viaSearch).toBeGreaterThan(50)
  })

  it('anchors only on text close to the stored quote, whatever the edit', () => {
    const random = prng(7)
    let found = 0
    let orphaned = 0
    for (let n = 0; n < 200; n++) {
      const { text, start, end, int, insertion } = generateCase(random)
      const target = describeTextRange(text, start, end)
      // Random destructive edit: delete a slice and put random text in its place.
      const a = int(text.length)
      const b = a + int(40)
      const updated = text.slice(0, a) + insertion() + text.slice(b)
      const span = anchorTarget(updated, target)
      if (span === null) {
        orphaned++
      } else {
        const got = updated.slice(span.start, span.end)
        if (updated.includes(target.quote.exact)) expect(got, `case ${n}`).toBe(target.quote.exact)
        else
          expect(levenshtein(got, target.quote.exact), `case ${n}`).toBeLessThanOrEqual(
            target.quote.exact.length / 2,
          )
        found++
      }
    }
    expect(found).toBeGreaterThan(0)
    expect(orphaned).toBeGreaterThan(0)
  })
})

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
        (prev[j] as number) + 1,
        (next[j - 1] as number) + 1,
      )
    }
    prev = next
  }
  return prev[b.length] as number
}
