// The pure part of the benchmark suite (npm run bench): which figures it reports and their
// targets, the verdict on each (met / MISSED), how it grew from the smallest library to the
// largest, the table it prints (and the Markdown one for the README), and the shape of
// results.json. No I/O here: tests/unit/bench-report.test.ts checks it.

export type Unit = 'ms' | 'bytes' | 'ratio'

export interface FigureSpec {
  key: string
  label: string
  unit: Unit
  /** Upper bound the figure must stay under at every size measured; null: for information. */
  target: number | null
  /** Must stay flat: last size ÷ first size ≤ maxGrowth (values under `floor` count as floor). */
  flat?: { maxGrowth: number; floor: number }
  /** Measured once on its own corpus, not per library size (the sync race). */
  once?: boolean
}

const MiB = 2 ** 20

/** The figures and targets (on a 2-core machine), in the order the table shows them. */
export const FIGURES: readonly FigureSpec[] = [
  { key: 'coreOpen', label: 'core cold open of the library', unit: 'ms', target: 1000 },
  {
    key: 'firstPaint',
    label: 'first list paint after page load (browser shell)',
    unit: 'ms',
    target: 1500,
  },
  {
    key: 'toggleP95',
    label: 'toggle read/star, persisted: p95',
    unit: 'ms',
    target: 10,
    flat: { maxGrowth: 2, floor: 1 },
  },
  {
    key: 'toggleBytes',
    label: 'toggle read/star: bytes written per toggle',
    unit: 'bytes',
    target: 64 * 1024,
    flat: { maxGrowth: 1.5, floor: 1024 },
  },
  { key: 'searchP95', label: 'full-text search, 10 typical queries: p95', unit: 'ms', target: 50 },
  { key: 'sqliteP95', label: 'sqlite3 FTS5, same text and queries: p95', unit: 'ms', target: null },
  { key: 'searchRatio', label: 'search p95 ÷ sqlite3 FTS5 p95', unit: 'ratio', target: null },
  {
    key: 'openEarlyP95',
    label: 'open an article: p95 right after the first paint',
    unit: 'ms',
    target: 100,
  },
  { key: 'openSettledP95', label: 'open an article: p95 once settled', unit: 'ms', target: 100 },
  { key: 'highlightP95', label: 'create a highlight, persisted: p95', unit: 'ms', target: 30 },
  {
    key: 'memory',
    label: 'core process memory (RSS), library open, at rest (70 s idle)',
    unit: 'bytes',
    target: 400 * MiB,
  },
  {
    key: 'memoryWorking',
    label: 'core process memory (RSS), just after index loaded + a search',
    unit: 'bytes',
    target: null,
  },
  {
    key: 'export',
    label: 'export 2,000 annotations as Markdown (first after start)',
    unit: 'ms',
    target: 2000,
  },
  {
    key: 'exportCold',
    label: 'the same, no citation rendered before (cold)',
    unit: 'ms',
    target: null,
  },
  {
    key: 'syncRatio',
    label: 'cold sync race: ours ÷ newsboat (once)',
    unit: 'ratio',
    target: 0.25,
    once: true,
  },
  { key: 'syncCold', label: 'cold sync, ours (once)', unit: 'ms', target: null, once: true },
  {
    key: 'newsboatCold',
    label: 'cold sync, newsboat (once)',
    unit: 'ms',
    target: null,
    once: true,
  },
  { key: 'syncWarm', label: 'warm re-sync (once)', unit: 'ms', target: 3000, once: true },
  {
    key: 'syncPeakRss',
    label: 'sync peak memory (RSS, cold or warm; once)',
    unit: 'bytes',
    target: 400 * MiB,
    once: true,
  },
]

export type Verdict = 'met' | 'MISSED' | '—' | 'not measured'

/** A figure's numbers: by library size ('1000': …), or `once` for a figure measured once. */
export type FigureValues = Record<string, number | null>

export interface FigureResult {
  key: string
  label: string
  unit: Unit
  target: number | null
  targetText: string
  once: boolean
  values: FigureValues
  /** Largest size ÷ smallest size measured; null when fewer than two. */
  growth: number | null
  verdict: Verdict
  /** Why a figure missed (or was not measured), in words. */
  why: string | null
}

export interface MachineFacts {
  os: string
  cpuModel: string
  cpuCount: number
  memoryBytes: number
  node: string
  chromium: string | null
  commit: string | null
  /** 1-minute load averages when the run started and ended (other work on the machine). */
  loadAtStart: number
  loadAtEnd: number
}

export interface Results {
  schemaVersion: 1
  date: string
  durationMs: number
  machine: MachineFacts
  sizes: number[]
  figures: FigureResult[]
  /** Everything each measurement returned, by size ('1000': …) and `sync`. */
  details: Record<string, unknown>
}

/** The median of the finite values (the lower middle one of an even count); NaN when none. */
export function median(values: readonly (number | null | undefined)[]): number {
  const sorted = values
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b)
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : NaN
}

/** 1000 → 1k, 100000 → 100k, 2500 → 2.5k, 500 → 500. */
export function sizeLabel(items: number): string {
  if (items >= 1_000_000 && items % 100_000 === 0) return `${items / 1_000_000}M`
  if (items >= 1000 && items % 100 === 0) return `${items / 1000}k`
  return String(items)
}

export function formatValue(unit: Unit, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  if (unit === 'ratio') return value < 0.1 ? value.toFixed(3) : value.toFixed(2)
  if (unit === 'bytes') {
    if (value < 1024) return `${value.toFixed(0)} B`
    if (value < MiB) return `${(value / 1024).toFixed(1)} KB`
    return `${(value / MiB).toFixed(0)} MB`
  }
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`
  if (value >= 100) return `${value.toFixed(0)} ms`
  if (value >= 10) return `${value.toFixed(1)} ms`
  return `${value.toFixed(2)} ms`
}

/** A target as people write it: ≤ 1.5 s, ≤ 10 ms, ≤ 64 KB, ≤ 400 MB, ≤ 0.25. */
export function targetText(spec: FigureSpec): string {
  const { target, unit } = spec
  if (target === null) return '—'
  const n = (value: number): string => String(Number(value.toPrecision(3)))
  const bound =
    unit === 'ratio'
      ? n(target)
      : unit === 'bytes'
        ? target >= MiB
          ? `${n(target / MiB)} MB`
          : target >= 1024
            ? `${n(target / 1024)} KB`
            : `${n(target)} B`
        : target >= 1000
          ? `${n(target / 1000)} s`
          : `${n(target)} ms`
  return `≤ ${bound}${spec.flat ? ', flat' : ''}`
}

const measured = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/** The verdict on one figure over the sizes it was measured at (all must meet the target). */
export function judge(
  spec: FigureSpec,
  values: FigureValues,
  sizes: readonly number[],
): { verdict: Verdict; why: string | null; growth: number | null } {
  const keys = spec.once ? ['once'] : sizes.map(String)
  const points = keys.flatMap((key) => (measured(values[key]) ? [[key, values[key]] as const] : []))
  const first = points[0]
  const last = points[points.length - 1]
  const growth =
    !spec.once && first && last && points.length > 1 && first[1] > 0 ? last[1] / first[1] : null
  if (spec.target === null) return { verdict: '—', why: null, growth }
  if (!points.length) return { verdict: 'not measured', why: 'no value', growth }
  const over = points.filter(([, value]) => value > spec.target!)
  if (over.length) {
    const where = over
      .map(([key, value]) =>
        key === 'once'
          ? formatValue(spec.unit, value)
          : `${formatValue(spec.unit, value)} at ${sizeLabel(Number(key))}`,
      )
      .join(', ')
    return { verdict: 'MISSED', why: `${where} (target ${targetText(spec)})`, growth }
  }
  if (spec.flat && first && last && points.length > 1) {
    const floored = Math.max(last[1], spec.flat.floor) / Math.max(first[1], spec.flat.floor)
    if (floored > spec.flat.maxGrowth)
      return {
        verdict: 'MISSED',
        why: `not flat: ×${floored.toFixed(2)} from ${sizeLabel(Number(first[0]))} to ${sizeLabel(Number(last[0]))} (allowed ×${spec.flat.maxGrowth})`,
        growth,
      }
  }
  return { verdict: 'met', why: null, growth }
}

/** Every figure judged, from the raw numbers by figure key. */
export function figureResults(
  values: Record<string, FigureValues>,
  sizes: readonly number[],
): FigureResult[] {
  return FIGURES.map((spec) => {
    const own = values[spec.key] ?? {}
    const keys = spec.once ? ['once'] : sizes.map(String)
    const kept: FigureValues = Object.fromEntries(
      keys.map((key) => [key, measured(own[key]) ? own[key] : null]),
    )
    return {
      key: spec.key,
      label: spec.label,
      unit: spec.unit,
      target: spec.target,
      targetText: targetText(spec),
      once: spec.once === true,
      values: kept,
      ...judge(spec, kept, sizes),
    }
  })
}

function growthText(figure: FigureResult): string {
  return figure.growth === null ? '—' : `×${figure.growth.toFixed(2)}`
}

function growthHeader(sizes: readonly number[]): string {
  return sizes.length > 1
    ? `${sizeLabel(sizes[sizes.length - 1]!)}÷${sizeLabel(sizes[0]!)}`
    : 'growth'
}

/** The table printed at the end of a run: one row per figure, one column per size. */
export function formatTable(results: Pick<Results, 'sizes' | 'figures'>): string {
  const { sizes, figures } = results
  const header = ['figure', ...sizes.map(sizeLabel), 'target', 'verdict', growthHeader(sizes)]
  const rows = figures.map((f) => [
    f.label,
    ...(f.once
      ? [formatValue(f.unit, f.values.once)]
      : sizes.map((size) => formatValue(f.unit, f.values[String(size)]))),
    f.targetText,
    f.verdict,
    growthText(f),
  ])
  const once = new Set(rows.filter((_, i) => figures[i]!.once))
  // A figure measured once spans the size columns: [label, value, target, verdict, growth].
  const full = rows.filter((row) => !once.has(row))
  const spanned = rows.filter((row) => once.has(row))
  const tail = (row: string[], i: number): string => row[row.length - (header.length - i)]!
  const widths = header.map((cell, i) => {
    const cells =
      i === 0 ? rows.map((row) => row[0]!) : i <= sizes.length ? full.map((row) => row[i]!) : []
    if (i > sizes.length) cells.push(...rows.map((row) => tail(row, i)))
    return Math.max(cell.length, ...cells.map((c) => c.length))
  })
  const spanText = (row: string[]): string => `${row[1]!} (once)`
  const span = (): number =>
    sizes.reduce((sum, _, i) => sum + widths[1 + i]!, 0) + 3 * (sizes.length - 1)
  const longest = Math.max(0, ...spanned.map((row) => spanText(row).length))
  if (longest > span()) widths[sizes.length] = widths[sizes.length]! + longest - span()
  const spanWidth = span()
  const line = (row: string[]): string => {
    const cells = !once.has(row)
      ? row.map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!)))
      : [
          row[0]!.padEnd(widths[0]!),
          spanText(row).padStart(spanWidth),
          ...row.slice(2).map((cell, i) => cell.padStart(widths[1 + sizes.length + i]!)),
        ]
    return cells.join(' | ').trimEnd()
  }
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-')
  const missed = figures.filter((f) => f.verdict === 'MISSED' || f.verdict === 'not measured')
  return [
    line(header),
    rule,
    ...rows.map(line),
    ...(missed.length ? ['', ...missed.map((f) => `${f.verdict}: ${f.label} — ${f.why}`)] : []),
  ].join('\n')
}

/** The same table in Markdown (a figure measured once shows its value under the first size). */
export function markdownTable(results: Pick<Results, 'sizes' | 'figures'>): string {
  const { sizes, figures } = results
  const header = ['figure', ...sizes.map(sizeLabel), 'target', 'verdict', growthHeader(sizes)]
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [
    row(header),
    row(header.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...figures.map((f) =>
      row([
        f.label,
        ...(f.once
          ? [formatValue(f.unit, f.values.once), ...sizes.slice(1).map(() => '')]
          : sizes.map((size) => formatValue(f.unit, f.values[String(size)]))),
        f.targetText,
        f.verdict,
        growthText(f),
      ]),
    ),
  ].join('\n')
}

/** What is wrong with a results.json (nothing: an empty list). */
export function resultsProblems(value: unknown): string[] {
  const problems: string[] = []
  const r = value as Partial<Results> | null
  if (!r || typeof r !== 'object') return ['not an object']
  if (r.schemaVersion !== 1) problems.push('schemaVersion is not 1')
  if (typeof r.date !== 'string' || Number.isNaN(Date.parse(r.date))) problems.push('no date')
  if (typeof r.durationMs !== 'number') problems.push('no durationMs')
  const m = r.machine as Partial<MachineFacts> | undefined
  if (!m || typeof m !== 'object') problems.push('no machine facts')
  else {
    if (typeof m.cpuModel !== 'string' || !(typeof m.cpuCount === 'number' && m.cpuCount > 0))
      problems.push('machine: no cpu model or count')
    if (!(typeof m.memoryBytes === 'number' && m.memoryBytes > 0))
      problems.push('machine: no memory')
    if (typeof m.node !== 'string' || !m.node.startsWith('v'))
      problems.push('machine: no Node version')
    if (!('chromium' in m) || !('commit' in m)) problems.push('machine: no chromium or commit')
  }
  if (!Array.isArray(r.sizes) || !r.sizes.length || !r.sizes.every((s) => Number.isInteger(s)))
    problems.push('no sizes')
  if (!Array.isArray(r.figures)) problems.push('no figures')
  else {
    for (const spec of FIGURES) {
      const f = r.figures.find((figure) => figure.key === spec.key)
      if (!f) {
        problems.push(`figure ${spec.key} missing`)
        continue
      }
      const keys = spec.once ? ['once'] : (r.sizes ?? []).map(String)
      for (const key of keys)
        if (!f.values || !(key in f.values))
          problems.push(`figure ${spec.key}: no value for ${key}`)
      if (f.target !== spec.target) problems.push(`figure ${spec.key}: target is not the spec's`)
      if (!['met', 'MISSED', '—', 'not measured'].includes(f.verdict))
        problems.push(`figure ${spec.key}: verdict ${String(f.verdict)}`)
    }
  }
  if (!r.details || typeof r.details !== 'object') problems.push('no details')
  return problems
}
