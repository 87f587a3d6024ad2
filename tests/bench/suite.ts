// npm run bench — every figure of the performance issue in one run, at 1k, 10k and 100k items
// (BENCH_SIZES=1000,10000 to choose), plus the sync race once on its own corpus; prints one table
// (a column per size, the target, met / MISSED, and how the figure grew from the smallest size to
// the largest) and writes every number, the targets, the verdicts and the machine's facts to
// tests/bench/results.json (--out FILE to choose). Options: --no-sync, --no-newsboat.
//
// Each size uses the shared benchmark library (bench-library: 100 items per feed, ~4 KB bodies,
// 2,000 highlights over 400 articles, search index built; generated once into the temp dir and
// put back as generated before every measurement). The measuring code is the bench:* scripts'
// own; each core-side measurement runs in a fresh process opening the core as the app does.
// The figures a run measures once (a cold open, the first paint, the first export) are the
// median of BENCH_REPEAT runs (default 3), each in fresh processes; every run is in the JSON.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { REPO_ROOT } from './bench-core'
import { benchLibrary, resetBenchLibrary } from './bench-library'
import type { HighlightResult } from './annotate-bench'
import type { ExportResult } from './export-bench'
import { measureQueries, queries, searchSummary, sqliteBench } from './search/search-bench'
import type { ToggleResult } from './store-bench'
import { measureSync } from './sync/sync-bench'
import type { ChildTask } from './suite/child'
import {
  figureResults,
  formatTable,
  formatValue,
  median,
  resultsProblems,
  sizeLabel,
  type FigureValues,
  type MachineFacts,
  type Results,
} from './suite/report'
import { measureBrowser, REST_MS, type BrowserRow, type CoreRow } from './ui/ui-bench'

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const SYNC = { feeds: 1000, items: 50 }
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3))

const { values: flags } = parseArgs({
  options: {
    out: { type: 'string', default: join(REPO_ROOT, 'tests', 'bench', 'results.json') },
    'no-sync': { type: 'boolean', default: false },
    'no-newsboat': { type: 'boolean', default: false },
  },
})

const started = performance.now()
const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(0)} s`.padStart(6)
function progress(line: string): void {
  console.log(`[bench ${elapsed()}] ${line}`)
}

/** A measurement in a fresh process (suite/child.ts); its result is its last line of output. */
function inChild<T>(task: ChildTask, dataDir: string): T {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(__dirname, 'suite', 'child.ts'), task, dataDir],
    { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  if (child.status !== 0) throw new Error(`${task} failed (${child.status}): ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as T
}

function quiet(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: 'pipe' }).trim()
  } catch {
    return null
  }
}

function commit(): string | null {
  const head = quiet('git', ['rev-parse', '--short', 'HEAD'])
  if (!head) return null
  const dirty = quiet('git', ['status', '--porcelain', '--untracked-files=no'])
  return dirty ? `${head} (with uncommitted changes)` : head
}

const values: Record<string, FigureValues> = {}
const put = (key: string, at: string, value: number | null | undefined): void => {
  ;(values[key] ??= {})[at] = value ?? null
}
const details: Record<string, unknown> = {}

/** `run` REPEAT times (the library reset before each); the runs that did not fail. */
async function repeated<T>(
  dataDir: string,
  run: () => Promise<T> | T,
  reset: Parameters<typeof resetBenchLibrary>[1] = {},
): Promise<T[]> {
  const runs: T[] = []
  for (let i = 0; i < REPEAT; i++) {
    await resetBenchLibrary(dataDir, reset)
    runs.push(await run())
  }
  return runs
}

/** Runs one measurement; a failure is reported and leaves its figures unmeasured. */
async function step<T>(
  label: string,
  where: Record<string, unknown>,
  run: () => Promise<T> | T,
): Promise<T | null> {
  try {
    const result = await run()
    where[label] = result
    return result
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    progress(`${label} FAILED: ${message.split('\n').slice(0, 8).join('\n')}`)
    where[label] = { error: message }
    return null
  }
}

async function measureSize(size: number): Promise<string | null> {
  const at = String(size)
  const label = sizeLabel(size)
  const own: Record<string, unknown> = { loadAtStart: loadavg()[0] }
  details[at] = own
  progress(`${label}: library (generated and indexed the first time; minutes at 100k)…`)
  const { dataDir, lib, fresh, generateMs } = await benchLibrary(size)
  own.library = { dataDir, fresh, generateMs, items: lib.itemIds.length, feeds: lib.feedIds.length }
  progress(
    `${label}: ${fresh ? `generated in ${(generateMs / 1000).toFixed(0)} s` : 'reused'}: ${lib.itemIds.length} items, ${lib.feedIds.length} feeds, ${lib.annotationCount} highlights (${dataDir})`,
  )
  const ms = (n: number | undefined): string => formatValue('ms', n ?? null)

  const opens = await step('open', own, () =>
    repeated(dataDir, () => inChild<CoreRow & { importMs: number }>('open', dataDir)),
  )
  const open = opens && {
    coreOpenMs: median(opens.map((o) => o.coreOpenMs)),
    importMs: median(opens.map((o) => o.importMs)),
    firstListMs: median(opens.map((o) => o.firstListMs)),
  }
  put('coreOpen', at, open?.coreOpenMs)
  if (open)
    progress(
      `${label}: core cold open ${ms(open.coreOpenMs)} (modules ${ms(open.importMs)} before), first listing ${ms(open.firstListMs)}${REPEAT > 1 ? ` (medians of ${opens.length})` : ''}`,
    )

  let chromium: string | null = null
  // Memory at rest is read once per size (in the first run): it costs REST_MS of waiting.
  let runs = 0
  const browsers = await step('browser', own, () =>
    repeated(dataDir, () => measureBrowser(dataDir, { restMs: runs++ === 0 ? REST_MS : 0 })),
  )
  const of = (pick: (b: BrowserRow) => number): number => median((browsers ?? []).map(pick))
  const browser = browsers && {
    firstPaintMs: of((b) => b.firstPaintMs),
    earlyP95: of((b) => b.earlyP95),
    openP95: of((b) => b.openP95),
    shellRssBytes: of((b) => b.shellRssBytes),
    shellRestRssBytes: browsers[0]?.shellRestRssBytes ?? NaN,
  }
  put('firstPaint', at, browser?.firstPaintMs)
  put('openEarlyP95', at, browser?.earlyP95)
  put('openSettledP95', at, browser?.openP95)
  put('memory', at, browser?.shellRestRssBytes)
  put('memoryWorking', at, browser?.shellRssBytes)
  if (browser) {
    chromium = browsers[0]?.chromiumVersion ?? null
    progress(
      `${label}: first paint ${ms(browser.firstPaintMs)}, open p95 ${ms(browser.earlyP95)} early / ${ms(browser.openP95)} settled, shell RSS ${formatValue('bytes', browser.shellRssBytes)} working, ${formatValue('bytes', browser.shellRestRssBytes)} at rest${REPEAT > 1 ? ` (medians of ${browsers.length})` : ''}`,
    )
  }

  await resetBenchLibrary(dataDir)
  const toggles = await step('toggles', own, () =>
    inChild<ToggleResult & { settleMs: number }>('toggles', dataDir),
  )
  put('toggleP95', at, toggles?.p95)
  put('toggleBytes', at, toggles?.bytesPerToggle)
  if (toggles)
    progress(
      `${label}: toggle p95 ${ms(toggles.p95)}, ${formatValue('bytes', toggles.bytesPerToggle)} written per toggle`,
    )

  await resetBenchLibrary(dataDir)
  const highlights = await step('highlights', own, () =>
    inChild<HighlightResult & { settleMs: number }>('highlights', dataDir),
  )
  put('highlightP95', at, highlights?.save.p95)
  if (highlights) progress(`${label}: highlight p95 ${ms(highlights.save.p95)}`)

  await resetBenchLibrary(dataDir)
  const search = await step('search', own, async () => {
    const phase = measureQueries(dataDir, { BENCH_SEARCH_WORKER: 'built' })
    const sqlite = await sqliteBench(dataDir, queries(lib), true)
    return { ...searchSummary(phase, sqlite), phase, sqlite }
  })
  put('searchP95', at, search?.p95)
  put('sqliteP95', at, search?.sqliteP95)
  put('searchRatio', at, search?.ratio)
  if (search)
    progress(
      `${label}: search p95 ${ms(search.p95)}, sqlite3 FTS5 p95 ${ms(search.sqliteP95)} (ratio ${formatValue('ratio', search.ratio)})`,
    )

  const exports = await step('export', own, () =>
    repeated(dataDir, () => inChild<ExportResult>('export', dataDir)),
  )
  const exportMs = median((exports ?? []).map((e) => e.firstMs))
  put('export', at, exportMs)
  if (exports?.length)
    progress(
      `${label}: export of ${exports[0]!.annotations} highlights ${ms(exportMs)} (citeproc load ${ms(median(exports.map((e) => e.loadMs)))} beside it)${REPEAT > 1 ? ` (medians of ${exports.length})` : ''}`,
    )
  // The same with no citation rendered before (highlights made where nothing renders ahead).
  const colds = await step('export, cold', own, () =>
    repeated(dataDir, () => inChild<ExportResult>('export', dataDir), { keptCitations: false }),
  )
  const coldMs = median((colds ?? []).map((e) => e.firstMs))
  put('exportCold', at, coldMs)
  if (colds?.length)
    progress(
      `${label}: export with no citation rendered before ${ms(coldMs)}${REPEAT > 1 ? ` (medians of ${colds.length})` : ''}`,
    )
  await resetBenchLibrary(dataDir)
  return chromium
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]!
  progress(
    `sizes ${SIZES.map(sizeLabel).join(', ')}; ${cpus().length} cores, load ${loadAtStart.toFixed(2)}`,
  )
  let chromium: string | null = null
  for (const size of SIZES) chromium = (await measureSize(size)) ?? chromium

  if (!flags['no-sync']) {
    const newsboat = !flags['no-newsboat'] && quiet('newsboat', ['--version']) !== null
    if (!flags['no-newsboat'] && !newsboat) progress('newsboat not installed: no race')
    progress(
      `sync race: ${SYNC.feeds} feeds × ${SYNC.items} items over loopback${newsboat ? ', then newsboat' : ''}…`,
    )
    const sync = await step('sync', details, () =>
      measureSync({ ...SYNC, newsboat, log: (line) => line.trim() && progress(line.trim()) }),
    )
    if (sync) {
      put('syncCold', 'once', sync.cold.ms)
      put('syncWarm', 'once', sync.warm.ms)
      put('newsboatCold', 'once', sync.newsboatMs)
      put('syncRatio', 'once', sync.newsboatMs ? sync.cold.ms / sync.newsboatMs : null)
      put('syncPeakRss', 'once', Math.max(sync.cold.peakRssMb, sync.warm.peakRssMb) * 2 ** 20)
      progress(
        `sync: cold ${formatValue('ms', sync.cold.ms)}, warm ${formatValue('ms', sync.warm.ms)}, newsboat ${formatValue('ms', sync.newsboatMs)}`,
      )
    }
  }

  const cpu = cpus()
  const machine: MachineFacts = {
    os: `${osType()} ${release()}`,
    cpuModel: cpu[0]?.model ?? 'unknown',
    cpuCount: cpu.length,
    memoryBytes: totalmem(),
    node: process.version,
    chromium: chromium ?? quiet(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']),
    commit: commit(),
    loadAtStart,
    loadAtEnd: loadavg()[0]!,
  }
  const results: Results = {
    schemaVersion: 1,
    date: new Date().toISOString(),
    durationMs: performance.now() - started,
    machine,
    sizes: SIZES,
    figures: figureResults(values, SIZES),
    details,
  }
  const problems = resultsProblems(results)
  if (problems.length) throw new Error(`results.json would be malformed: ${problems.join('; ')}`)
  const out = resolve(flags.out)
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)

  console.log(
    `\nBenchmarks, ${results.date.slice(0, 10)}: ${machine.cpuCount} × ${machine.cpuModel}, ${(machine.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${machine.node}, ${machine.chromium ?? 'no Chromium'}, commit ${machine.commit ?? '?'}; load ${loadAtStart.toFixed(2)} → ${machine.loadAtEnd.toFixed(2)}`,
  )
  if (!flags['no-sync'])
    console.log(
      `The sync race runs once, on its own corpus (${SYNC.feeds} feeds × ${SYNC.items} items over loopback).`,
    )
  console.log(`\n${formatTable(results)}\n`)
  // Other work on the machine shows in the timings: say how busy it was.
  const loads = SIZES.map(
    (size) =>
      `${sizeLabel(size)} ${((details[String(size)] as { loadAtStart: number }).loadAtStart ?? NaN).toFixed(2)}`,
  )
  console.log(
    `Load average (1 min) as each size started: ${loads.join(', ')}; at the end ${machine.loadAtEnd.toFixed(2)} (${machine.cpuCount} cores)`,
  )
  console.log(`Wrote ${out} in ${elapsed().trim()}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
