// npm run bench:cold-open — the core's cold open at 1k / 10k / 100k items (BENCH_SIZES), each run
// in a fresh process: createCore, then what a window asks first (the first page of 100 items and
// the feeds for the sidebar), against the target of ≤ 1.0 s at 100k for all three. Also the
// process's RSS once they are answered, and once the core has settled (every feed read, the
// search index loaded and checked: searchIdle) with the time that took from the start.
// BENCH_RUNS runs per size (default 5); BENCH_SHELL=browser opens the core as the browser shell
// does (built workers, warm-ups; the feeds are read after the first page), default 'test' (as the
// CLI: the search index, hence the reading of every feed, starts at once).
// BENCH_CATALOG=cold removes the listing catalog before each run (the first open of a library
// written by an older version, or after the cache was lost). BENCH_DATA_DIR measures that data
// dir instead of a generated one (a copy of a real library; BENCH_SIZES then only labels it).
import { spawnSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { benchLibrary } from '../bench-library'

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const SHELL = process.env.BENCH_SHELL === 'browser' ? 'browser' : 'test'
const CATALOG = process.env.BENCH_CATALOG === 'cold' ? 'cold' : 'warm'
const TARGET_MS = 1000

interface Run {
  openMs: number
  listMs: number
  totalMs: number
  rssMb: number
  settledMs: number
  settledRssMb: number
}

/** One run, in this (fresh) process: prints its figures as JSON on the last line. */
async function child(dataDir: string): Promise<void> {
  const { createCore } = await import('../../../electron/core/create-core')
  // The measured window in the clock of --cpu-prof profiles (µs), to look at that part alone.
  const windowStart = process.hrtime.bigint() / 1000n
  let start = performance.now()
  const core = await createCore({
    dataDir,
    resourcesDir: '/nonexistent',
    shell: SHELL,
    seedSample: false,
    ...(SHELL === 'browser'
      ? { parser: { workerScript: join(__dirname, '../../../out/main/prepare-worker.js') } }
      : {}),
  })
  const openMs = performance.now() - start
  start = performance.now()
  const [list, feeds] = await Promise.all([core.listItems({ limit: 100 }), core.listFeeds({})])
  const both = performance.now() - start
  if (!list.ok || !feeds.ok) throw new Error('listing failed')
  const windowEnd = process.hrtime.bigint() / 1000n
  const rssMb = process.memoryUsage().rss / 2 ** 20
  await core.searchIdle()
  const run: Run = {
    openMs,
    listMs: both,
    totalMs: openMs + both,
    rssMb,
    settledMs: performance.now() - start + openMs,
    settledRssMb: process.memoryUsage().rss / 2 ** 20,
  }
  console.log(
    JSON.stringify({
      run,
      total: list.value.total,
      first: list.value.items[0]?.id,
      window: [String(windowStart), String(windowEnd)],
    }),
  )
  await core.close()
  process.exit(0)
}

function range(values: number[], digits = 0): string {
  const sorted = [...values].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]!
  return `${median.toFixed(digits)} (${sorted[0]!.toFixed(digits)}–${sorted[sorted.length - 1]!.toFixed(digits)})`
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]!)
  console.log(
    `Cold open, shell '${SHELL}', catalog ${CATALOG}, ${RUNS} runs per size (median (min–max))`,
  )
  console.log(
    'items     createCore          1st page + feeds    open → answered     RSS MB              settled             RSS MB settled',
  )
  for (const items of SIZES) {
    const dataDir = process.env.BENCH_DATA_DIR ?? (await benchLibrary(items)).dataDir
    const runs: Run[] = []
    // One unmeasured run first: it writes the catalog when missing and warms the file cache.
    for (let i = 0; i <= RUNS; i++) {
      if (CATALOG === 'cold') await rm(join(dataDir, 'catalog'), { recursive: true, force: true })
      const out = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', dataDir], {
        encoding: 'utf8',
        env: process.env,
      })
      if (out.status !== 0) throw new Error(`run failed:\n${out.stdout}\n${out.stderr}`)
      const last = out.stdout.trim().split('\n').pop()!
      const parsed = JSON.parse(last) as { run: Run }
      if (i > 0) runs.push(parsed.run)
    }
    const pad = (s: string): string => s.padEnd(20)
    console.log(
      `${String(items).padEnd(9)} ${pad(range(runs.map((r) => r.openMs)))}${pad(range(runs.map((r) => r.listMs)))}${pad(range(runs.map((r) => r.totalMs)))}${pad(range(runs.map((r) => r.rssMb)))}${pad(range(runs.map((r) => r.settledMs)))}${range(runs.map((r) => r.settledRssMb))}`,
    )
    if (items === SIZES[SIZES.length - 1]) {
      const worst = Math.max(...runs.map((r) => r.totalMs))
      const median = [...runs.map((r) => r.totalMs)].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!
      console.log(
        `target at ${items}: open → first page and feeds answered ≤ ${TARGET_MS} ms: ${median <= TARGET_MS ? 'met' : 'MISSED'} (median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms)`,
      )
    }
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
