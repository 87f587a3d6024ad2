// Re-anchoring over realistic news text: generated edits (insertions, deletions, whitespace and
// punctuation changes, edits inside the quote, paragraph moves, repeated phrases, deleted quotes)
// with the true new place of each quote tracked through the edits, plus targeted cases.
// `npx tsx tests/bench/anchoring-eval.ts` prints the same table for other seeds and sizes.
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../tests/helpers/prng'
import { anchorTarget } from './anchor-target'
import { describeTextRange } from './describe-text-range'
import { formatTally, judge, tally, type Outcome } from './testing/evaluate'
import { CATEGORIES, generateCases, wordSoup } from './testing/generate-cases'
import { NEWS_TEXT } from './testing/news-text'

const PER_CATEGORY = 20 // 15 categories: 300 cases

describe('anchorTarget on generated edits of news text', () => {
  const cases = generateCases(mulberry32(20260123), PER_CATEGORY)
  const outcomes: Outcome[] = cases.map((c) =>
    judge(c, anchorTarget(c.updated, describeTextRange(c.original, c.start, c.end))),
  )
  const table = tally(cases, outcomes)
  const all = table.get('all')!

  it('generates at least 200 cases, in every category', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200)
    for (const category of CATEGORIES) expect(table.get(category)!.cases).toBe(PER_CATEGORY)
    console.log(`anchoring: ${cases.length} generated cases (seed 20260123)\n${formatTally(table)}`)
  })

  it('re-anchors at least 95% of them to the right place (or to nothing, for deleted quotes)', () => {
    expect(all.right / all.cases).toBeGreaterThanOrEqual(0.95)
  })

  it('never anchors on unchanged text anywhere but the highlight itself', () => {
    expect(table.get('unchanged')).toMatchObject({ right: PER_CATEGORY, wrong: 0, off: 0 })
  })

  it('goes wrong only by taking another copy of the same words, never an unrelated place', () => {
    // The only wrong anchors we accept as possible are repeated passages (the headline printed
    // three times) whose stored context also matches another copy; anything else fails here.
    cases.forEach((c, i) => {
      if (outcomes[i] !== 'wrong') return
      const quote = c.original.slice(c.start, c.end)
      expect(c.original.indexOf(quote), quote).not.toBe(c.original.lastIndexOf(quote))
    })
    expect(all.wrong / all.cases).toBeLessThanOrEqual(0.01)
  })
})

describe('anchorTarget: targeted cases on news text', () => {
  const target = (quote: string, occurrence = 0) => {
    let at = -1
    for (let i = 0; i <= occurrence; i++) at = NEWS_TEXT.indexOf(quote, at + 1)
    if (at === -1) throw new Error(`fixture: ${quote} #${occurrence}`)
    return describeTextRange(NEWS_TEXT, at, at + quote.length)
  }
  const textOf = (text: string, span: { start: number; end: number } | null) =>
    span && text.slice(span.start, span.end)

  it('finds an unchanged highlight at its stored position', () => {
    const t = target('“substantive” and “frank”')
    expect(anchorTarget(NEWS_TEXT, t)).toEqual({
      start: t.position.start,
      end: t.position.end,
      how: 'position',
      score: 1,
    })
  })

  it('picks, among duplicate quotes, the one whose context matches', () => {
    // "The ministry said in a statement" opens three sentences; highlight each in turn, then
    // push all of them along by an inserted paragraph so the stored position is stale.
    const update = `Editor’s note: updated at 14:00 with the ministry’s Friday statement.\n\n${NEWS_TEXT}`
    const shift = update.length - NEWS_TEXT.length
    for (const occurrence of [0, 1, 2]) {
      const t = target('The ministry said in a statement', occurrence)
      const span = anchorTarget(update, t)
      expect(span, `occurrence ${occurrence}`).toMatchObject({
        start: t.position.start + shift,
        end: t.position.end + shift,
      })
    }
  })

  it('keeps the right copy of the repeated headline when text is inserted before it', () => {
    const headline = 'Envoys resume ceasefire talks as border towns count the cost'
    const update = `UPDATED\n\n${NEWS_TEXT}`
    for (const occurrence of [0, 1, 2]) {
      const t = target(headline, occurrence)
      expect(anchorTarget(update, t)?.start).toBe(t.position.start + 9)
    }
  })

  it('re-attaches across whitespace and quote-style changes (curly to straight, collapsed spaces)', () => {
    const t = target('“We are not here to sign anything today, but we are here to listen,”')
    const update = NEWS_TEXT.replace(/[“”]/g, '"').replace(/ /g, '  ')
    const span = anchorTarget(update, t)
    expect(span?.how).toBe('normalized')
    expect(textOf(update, span)).toBe(
      '"We  are  not  here  to  sign  anything  today,  but  we  are  here  to  listen,"',
    )
  })

  it('re-attaches to the edited words after a correction inside the quote', () => {
    const t = target('left the main road to the coast closed to traffic')
    const update = NEWS_TEXT.replace('main road to the coast', 'main coastal road').replace(
      'GENEVA —',
      'GENEVA (Updated) —',
    )
    const span = anchorTarget(update, t)
    expect(span?.how).toBe('fuzzy')
    expect(textOf(update, span)).toBe('left the main coastal road closed to traffic')
  })

  it('returns null when the quoted sentence was deleted', () => {
    const t = target('The currency, which fell 4 per cent in the week of the shelling')
    const update = NEWS_TEXT.replace(/The currency, which fell[^.]*\. ?/, '')
    expect(anchorTarget(update, t)).toBeNull()
  })

  it('returns null when a short repeated phrase lost its own sentence (no jump to another copy)', () => {
    const t = target('the envoy said', 1) // "...and that the envoy said little in public..."
    const update = NEWS_TEXT.replace(/ He said the envoy had spent[^.]*\./, '')
    expect(update).toContain('the envoy said') // other copies remain
    expect(anchorTarget(update, t)).toBeNull()
  })

  it('returns null when the text was totally rewritten', () => {
    const t = target(
      'residents described nights spent in basements and a school turned into a shelter',
    )
    const rewritten =
      'Stocks rallied in Asia on Monday as traders priced in lower interest rates. ' +
      'The central bank is expected to cut its benchmark rate by a quarter point next month, ' +
      'while oil prices slipped after a report showed inventories rising for a third week.'
    expect(anchorTarget(rewritten, t)).toBeNull()
    expect(anchorTarget(rewritten.repeat(40), t)).toBeNull()
  })

  it('stays fast on a 50 KB article, including the approximate path', () => {
    const big = wordSoup(50_000, mulberry32(99))
    const t = describeTextRange(big, 30_000, 30_120)
    // Text added at the top (stale position) and one letter changed inside the quote.
    const edited = `Update. ${big.slice(0, 30_050)}#${big.slice(30_051)}`
    const started = performance.now()
    const span = anchorTarget(edited, t)
    const ms = performance.now() - started
    expect(span).toMatchObject({ start: 30_008, end: 30_128, how: 'fuzzy' })
    expect(ms).toBeLessThan(1000) // a few ms when measured; generous for a loaded CI machine
  })
})
