// Re-anchoring quality and speed. Quality: generated edits of news text with the true new place
// of each quote tracked (see shared/anchoring/testing). Speed: ms per anchor on a ~50 KB text.
// Run: npx tsx tests/bench/anchoring-eval.ts [perCategory=40] [seeds=1,2,3,20260123]
// VERBOSE=1 prints every case that was not right.
import { anchorTarget, type AnchoredSpan } from '../../shared/anchoring/anchor-target'
import { describeTextRange } from '../../shared/anchoring/describe-text-range'
import { formatTally, judge, tally, type Outcome } from '../../shared/anchoring/testing/evaluate'
import {
  generateCases,
  wordSoup,
  type AnchoringCase,
} from '../../shared/anchoring/testing/generate-cases'
import { mulberry32 } from '../helpers/prng'

const perCategory = Number(process.argv[2] ?? 40)
const seeds = (process.argv[3] ?? '1,2,3,20260123').split(',').map(Number)
const verbose = process.env.VERBOSE === '1'

const cases: AnchoringCase[] = []
const outcomes: Outcome[] = []
const how = new Map<string, number>()
for (const seed of seeds) {
  for (const c of generateCases(mulberry32(seed), perCategory)) {
    const target = describeTextRange(c.original, c.start, c.end)
    const span = anchorTarget(c.updated, target)
    const outcome = judge(c, span)
    cases.push(c)
    outcomes.push(outcome)
    how.set(span?.how ?? 'orphan', (how.get(span?.how ?? 'orphan') ?? 0) + 1)
    if (verbose && outcome !== 'right') {
      const show = (s: { start: number; end: number } | null) =>
        s && JSON.stringify(c.updated.slice(s.start, s.end))
      console.log(
        `${outcome} [${c.category}] seed ${seed} quote=${JSON.stringify(target.quote.exact)}\n` +
          `  got  ${show(span)} ${span ? `${span.how} ${span.score}` : ''}\n  want ${show(c.expected)}`,
      )
    }
  }
}
console.log(`seeds ${seeds.join(',')}: ${cases.length} cases`)
console.log(formatTally(tally(cases, outcomes)))
console.log(`found by: ${[...how].map(([k, v]) => `${k} ${v}`).join(', ')}\n`)

// Speed on a ~50 KB article (prose-like word soup, so each quote has one true place).
const big = wordSoup(50_000, mulberry32(7))
const random = mulberry32(11)
console.log(`speed on ${big.length} chars (ms per anchor, mean of 20)`)
console.log('quote chars   position   exact(shifted)   fuzzy(shifted+edited)   orphan(deleted)')
for (const length of [12, 40, 120, 400, 1500]) {
  const row: string[] = []
  const targets = Array.from({ length: 20 }, () => {
    const start = 1000 + Math.floor(random() * (big.length - length - 2000))
    return describeTextRange(big, start, start + length)
  })
  const variants: [string, (t: (typeof targets)[number]) => string][] = [
    ['position', () => big],
    ['exact', () => `Update. ${big}`],
    [
      'fuzzy',
      (t) => {
        const mid = t.position.start + Math.floor(length / 2)
        return `Update. ${big.slice(0, mid)}#${big.slice(mid + 1)}`
      },
    ],
    ['orphan', (t) => big.slice(0, t.position.start) + big.slice(t.position.end)],
  ]
  for (const [, make] of variants) {
    const texts = targets.map(make)
    let found = 0
    let total = 0
    targets.forEach((t, i) => {
      const text = texts[i] as string
      anchorTarget(text, { ...t, quote: { ...t.quote, exact: 'warm-up' } }) // normalize outside the timing
      const started = performance.now()
      const span: AnchoredSpan | null = anchorTarget(text, t)
      total += performance.now() - started
      if (span) found++
    })
    row.push(`${(total / targets.length).toFixed(2)} (${found}/20)`)
  }
  console.log(`${String(length).padStart(11)}   ${row.map((r) => r.padEnd(14)).join('   ')}`)
}
