// The benchmark suite's pure part: verdicts, growth, the printed and Markdown tables and the
// shape of results.json (no timing here: the suite itself is `npm run bench`).
import { describe, expect, it } from 'vitest'
import {
  FIGURES,
  figureResults,
  formatTable,
  formatValue,
  judge,
  markdownTable,
  median,
  resultsProblems,
  sizeLabel,
  targetText,
  type FigureSpec,
  type FigureValues,
  type Results,
} from '../bench/suite/report'

const SIZES = [1000, 10000, 100000]
const spec = (over: Partial<FigureSpec> = {}): FigureSpec => ({
  key: 'x',
  label: 'x',
  unit: 'ms',
  target: 50,
  ...over,
})

function sampleValues(): Record<string, FigureValues> {
  const values: Record<string, FigureValues> = {}
  for (const f of FIGURES) {
    values[f.key] = f.once
      ? { once: f.unit === 'ratio' ? 0.16 : 2000 }
      : Object.fromEntries(SIZES.map((s, i) => [String(s), (f.target ?? 40) * (0.5 + 0.1 * i)]))
  }
  return values
}

function sampleResults(values = sampleValues()): Results {
  return {
    schemaVersion: 1,
    date: '2026-11-28T02:00:00.000Z',
    durationMs: 1234,
    machine: {
      os: 'Linux 6.1',
      cpuModel: 'Test CPU',
      cpuCount: 2,
      memoryBytes: 24 * 2 ** 30,
      node: 'v20.20.2',
      chromium: '156.0',
      commit: 'abc1234',
      loadAtStart: 1,
      loadAtEnd: 2,
    },
    sizes: SIZES,
    figures: figureResults(values, SIZES),
    details: {},
  }
}

describe('judge', () => {
  it('meets a target only when every size is under it', () => {
    expect(judge(spec(), { 1000: 10, 10000: 20, 100000: 50 }, SIZES).verdict).toBe('met')
    const missed = judge(spec(), { 1000: 10, 10000: 60, 100000: 20 }, SIZES)
    expect(missed.verdict).toBe('MISSED')
    expect(missed.why).toContain('60.0 ms at 10k')
  })

  it('gives the growth from the first size to the last measured one', () => {
    expect(judge(spec(), { 1000: 10, 10000: 20, 100000: 40 }, SIZES).growth).toBe(4)
    expect(judge(spec(), { 1000: 10, 10000: 30, 100000: null }, SIZES).growth).toBe(3)
    expect(judge(spec(), { 1000: 10 }, SIZES).growth).toBeNull()
  })

  it('misses a flat figure that grows, but not sub-floor noise', () => {
    const flat = spec({ target: 10, flat: { maxGrowth: 2, floor: 1 } })
    const grew = judge(flat, { 1000: 2, 10000: 4, 100000: 6 }, SIZES)
    expect(grew.verdict).toBe('MISSED')
    expect(grew.why).toMatch(/not flat: ×3\.00 from 1k to 100k/)
    // 0.2 ms → 1.5 ms is ×7.5 raw but ×1.5 with values under 1 ms counted as 1 ms.
    expect(judge(flat, { 1000: 0.2, 10000: 0.5, 100000: 1.5 }, SIZES).verdict).toBe('met')
  })

  it('says when there is no target or no value', () => {
    expect(judge(spec({ target: null }), { 1000: 99 }, SIZES).verdict).toBe('—')
    expect(judge(spec(), { 1000: null, 10000: NaN }, SIZES).verdict).toBe('not measured')
    const once = spec({ once: true, target: 0.25, unit: 'ratio' })
    expect(judge(once, { once: 0.3 }, SIZES)).toMatchObject({ verdict: 'MISSED', growth: null })
    expect(judge(once, { once: 0.2 }, SIZES).verdict).toBe('met')
  })
})

describe('median', () => {
  it('takes the middle run, ignoring failed ones', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([900, 1200, 1000])).toBe(1000)
    expect(median([4, 1, 3, 2])).toBe(2)
    expect(median([5, NaN, null, undefined])).toBe(5)
    expect(median([])).toBeNaN()
  })
})

describe('formatting', () => {
  it('labels sizes and values readably', () => {
    expect(SIZES.map(sizeLabel)).toEqual(['1k', '10k', '100k'])
    expect(sizeLabel(2500)).toBe('2.5k')
    expect(sizeLabel(999)).toBe('999')
    expect(formatValue('ms', 1234)).toBe('1.23 s')
    expect(formatValue('ms', 4.567)).toBe('4.57 ms')
    expect(formatValue('bytes', 676)).toBe('676 B')
    expect(formatValue('bytes', 2048)).toBe('2.0 KB')
    expect(formatValue('bytes', 300 * 2 ** 20)).toBe('300 MB')
    expect(formatValue('ratio', 0.164)).toBe('0.16')
    expect(formatValue('ms', null)).toBe('—')
    expect(formatValue('ms', NaN)).toBe('—')
  })

  it('writes targets as the issue does', () => {
    const text = (key: string): string => targetText(FIGURES.find((f) => f.key === key)!)
    expect(text('coreOpen')).toBe('≤ 1 s')
    expect(text('firstPaint')).toBe('≤ 1.5 s')
    expect(text('toggleP95')).toBe('≤ 10 ms, flat')
    expect(text('toggleBytes')).toBe('≤ 64 KB, flat')
    expect(text('memory')).toBe('≤ 400 MB')
    expect(text('syncRatio')).toBe('≤ 0.25')
    expect(text('searchRatio')).toBe('—')
  })

  it('prints one aligned row per figure with every size, target, verdict and growth', () => {
    const values = sampleValues()
    values.searchP95 = { 1000: 20, 10000: 30, 100000: 134 }
    const table = formatTable(sampleResults(values))
    const lines = table.split('\n')
    expect(lines[0]).toMatch(/^figure +\| +1k \| +10k \| +100k \| +target \| +verdict \| 100k÷1k$/)
    const rows = lines.slice(2, 2 + FIGURES.length)
    expect(rows.map((l) => l.split(' | ')[0]!.trim())).toEqual(FIGURES.map((f) => f.label))
    // Every row is as wide as the header: the columns line up, once-rows spanning the sizes.
    for (const row of rows) expect(row.length).toBe(lines[0]!.length)
    const search = rows.find((l) => l.startsWith('full-text search'))!
    expect(search).toMatch(/20\.0 ms \| +30\.0 ms \| +134 ms \| +≤ 50 ms \| +MISSED \| +×6\.70$/)
    expect(rows.find((l) => l.startsWith('warm re-sync'))).toMatch(/2\.00 s \(once\) \| +≤ 3 s \|/)
    expect(table).toContain('MISSED: full-text search, 10 typical queries: p95 — 134 ms at 100k')
  })

  it('writes the same table in Markdown', () => {
    const md = markdownTable(sampleResults()).split('\n')
    expect(md[0]).toBe('| figure | 1k | 10k | 100k | target | verdict | 100k÷1k |')
    expect(md[1]).toBe('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
    expect(md).toHaveLength(2 + FIGURES.length)
    for (const line of md) expect(line.split('|')).toHaveLength(9)
    expect(md.find((l) => l.startsWith('| warm re-sync'))).toBe(
      '| warm re-sync (once) | 2.00 s |  |  | ≤ 3 s | met | — |',
    )
  })
})

describe('results.json', () => {
  it('holds every figure at every size, its target and verdict, and the machine', () => {
    const results = sampleResults()
    expect(resultsProblems(JSON.parse(JSON.stringify(results)))).toEqual([])
    const memory = results.figures.find((f) => f.key === 'memory')!
    expect(Object.keys(memory.values)).toEqual(['1000', '10000', '100000'])
    expect(memory.target).toBe(400 * 2 ** 20)
    expect(results.figures.find((f) => f.key === 'syncRatio')!.values).toEqual({ once: 0.16 })
  })

  it('keeps unmeasured figures as null rather than dropping them', () => {
    const values = sampleValues()
    delete values.export
    values.coreOpen = { 1000: 10, 10000: NaN }
    const figures = figureResults(values, SIZES)
    expect(figures.find((f) => f.key === 'export')).toMatchObject({
      values: { 1000: null, 10000: null, 100000: null },
      verdict: 'not measured',
    })
    expect(figures.find((f) => f.key === 'coreOpen')!.values).toEqual({
      1000: 10,
      10000: null,
      100000: null,
    })
  })

  it('finds what is missing or wrong', () => {
    const results = sampleResults() as unknown as Record<string, unknown>
    expect(resultsProblems(null)).toEqual(['not an object'])
    const noMachine = { ...results, machine: undefined }
    expect(resultsProblems(noMachine)).toContain('no machine facts')
    const figures = (results.figures as Results['figures']).filter((f) => f.key !== 'memory')
    expect(resultsProblems({ ...results, figures })).toContain('figure memory missing')
    const moved = (results.figures as Results['figures']).map((f) =>
      f.key === 'export' ? { ...f, target: 5000 } : f,
    )
    expect(resultsProblems({ ...results, figures: moved })).toContain(
      "figure export: target is not the spec's",
    )
    const gap = (results.figures as Results['figures']).map((f) =>
      f.key === 'firstPaint' ? { ...f, values: { 1000: 1 } } : f,
    )
    expect(resultsProblems({ ...results, figures: gap })).toContain(
      'figure firstPaint: no value for 10000',
    )
  })
})
