// Size and hostile input: the finder stays about linear. Times are process CPU time (machines here
// share 2 cores with other jobs, so wall time says little), printed; the bounds asserted are loose
// on purpose — speed targets live in numbers reported, the test only catches quadratic blow-ups.
import { describe, expect, it } from 'vitest'
import { findQuotes } from './find-quotes'
import { DEVELOPMENT_SET } from './fixtures/labelled-articles'

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = process.cpuUsage()
  const result = run()
  const used = process.cpuUsage(started)
  return { result, ms: (used.user + used.system) / 1000 }
}

describe('findQuotes performance', () => {
  it('reads a 100 KB article quickly', () => {
    const one = DEVELOPMENT_SET.map((a) => a.article).join('\n\n')
    const article = Array.from({ length: Math.ceil(100_000 / one.length) }, () => one).join('\n\n')
    for (let i = 0; i < 5; i++) findQuotes(article) // warm up the JIT
    const runs = Array.from({ length: 7 }, () => timed(() => findQuotes(article)))
    const median = runs.map((r) => r.ms).sort((a, b) => a - b)[3] ?? Infinity
    const result = runs[0]?.result ?? []
    console.log(
      `${article.length}-char article, ${result.length} quotes: median ${median.toFixed(1)} ms CPU`,
    )
    expect(result.filter((q) => q.isSpeech).length).toBeGreaterThan(300)
    expect(median).toBeLessThan(100)
  })

  it.each([
    ['10,000 unmatched “', '“'.repeat(10_000)],
    ['10,000 unmatched ” after words', 'word” '.repeat(10_000)],
    ['10,000 straight quotes between words', 'a "b '.repeat(10_000)],
    ['10,000 alternating « and ”', '«x ”y '.repeat(10_000)],
    ['5,000 short quotes in one paragraph', '“a,” he said '.repeat(5_000)],
    ['10,000 paragraphs each opening a quote', '“Unclosed words here\n\n'.repeat(10_000)],
    ['a 100 KB paragraph of names', 'Anna Berg Carl Dahl '.repeat(5_000)],
  ])('does not hang on %s', (_name, input) => {
    const { result, ms } = timed(() => findQuotes(input))
    console.log(`${_name}: ${ms.toFixed(1)} ms CPU, ${result.length} quotes`)
    expect(ms).toBeLessThan(2000)
    for (const q of result) expect(q.end).toBeGreaterThanOrEqual(q.start)
  })
})
