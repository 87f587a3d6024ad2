// npm run bench:search — full-text search over a generated library (default 100k items: 1,000
// feeds × 100 items, ~4 KB bodies; BENCH_SIZES=1000,10000,100000 for a scaling table). Reports
// the index build time and size on disk, the core's open time and the index's cold load time,
// memory with the index loaded, and p50/p95 of 10 typical queries (20 runs each, a page of 20
// hits with snippets, through the real core). Then the same text in Debian's sqlite3 as an FTS5
// table — build time, size, the equivalent MATCH queries with bm25() and snippet() — and the
// ratio of the p95s. Libraries are the benchmarks' shared ones (bench-library: generated once
// and kept in the temp dir; delete them to regenerate); the search index is rebuilt from scratch
// on every run, on the indexing worker (BENCH_SEARCH_WORKER=0: on the core's thread; =built: the
// built worker), while the core's event-loop delay is recorded.
// Queries and memory are measured in a fresh process that opens the library and its index.
// For quick query work: BENCH_SKIP_BUILD=1 reuses the index, BENCH_SKIP_SQLITE=1 skips sqlite3.
// `measureQueries`, `sqliteBench` and `searchSummary` are also the suite's (npm run bench).
import { execFileSync, spawnSync } from 'node:child_process'
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { htmlToPlainText } from '../../../electron/core/articles/html-to-text'
import { createCore, type Core } from '../../../electron/core/create-core'
import { LibraryStore } from '../../../electron/core/store/library-store'
import { benchLibrary } from '../bench-library'
import type { GeneratedLibrary } from '../generate-library'

const SIZES = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number)
const RUNS = 20
const LIMIT = 20
const SEARCH_WORKER =
  process.env.BENCH_SEARCH_WORKER === '0'
    ? null
    : process.env.BENCH_SEARCH_WORKER === 'built'
      ? join(__dirname, '..', '..', '..', 'out', 'main', 'search-worker.js')
      : join(__dirname, '..', '..', 'helpers', 'search-worker-dev.cjs')

interface Query {
  label: string
  ours: string
  /** The same words as an FTS5 MATCH expression, plus SQL for the filters sqlite can express. */
  fts: string
  where?: string
}

/** Ten typical queries over a generated library (words chosen by frequency rank). */
export function queries(lib: GeneratedLibrary): Query[] {
  const rare = lib.words[40_000]!
  const mid = lib.words[2_000]!
  const feedTitle = lib.feedTitles[7]!
  const topic = feedTitle.split(' ')[1]!.toLowerCase()
  return [
    { label: 'single word', ours: 'election ', fts: 'election' },
    { label: 'two words', ours: 'climate change ', fts: 'climate change' },
    { label: 'phrase', ours: '"the river" ', fts: '"the river"' },
    { label: 'prefix (typing)', ours: 'budget elec', fts: 'budget elec*' },
    {
      label: 'word + is:unread after:',
      ours: 'river is:unread after:2026-01-01',
      fts: 'river',
      where: "d.published >= '2026-01-01'",
    },
    { label: 'rare word', ours: `${rare} `, fts: rare },
    { label: 'common word', ours: 'the ', fts: 'the' },
    {
      label: 'feed: + word',
      ours: `feed:"${feedTitle}" ${topic} `,
      fts: `feed:"${feedTitle.toLowerCase()}" AND ${topic}`,
    },
    {
      label: 'two mid words',
      ours: `${mid} ${lib.words[300]!} `,
      fts: `${mid} ${lib.words[300]!}`,
    },
    { label: 'word -negation', ours: 'market -police ', fts: 'market NOT police' },
  ]
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    total += entry.isDirectory() ? await dirBytes(path) : (await stat(path)).size
  }
  return total
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`

async function library(size: number): Promise<{ dir: string; lib: GeneratedLibrary }> {
  const { dataDir, lib, fresh, generateMs } = await benchLibrary(size)
  if (fresh) console.log(`  generated ${size} items in ${(generateMs / 1000).toFixed(1)} s`)
  return { dir: dataDir, lib }
}

async function timeQueries(core: Core, list: Query[]): Promise<QueryPhase['rows']> {
  const rows = []
  for (const q of list) {
    const times: number[] = []
    let total = 0
    let estimate = false
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      const result = await core.search({ query: q.ours, limit: LIMIT })
      times.push(performance.now() - started)
      if (!result.ok) throw new Error(result.error.message)
      total = result.value.total
      estimate = result.value.totalIsEstimate === true
    }
    rows.push({ label: q.label, times: times.sort((a, b) => a - b), total, estimate })
  }
  return rows
}

function memory(): { rss: number; heap: number } {
  ;(globalThis as { gc?: () => void }).gc?.()
  const usage = process.memoryUsage()
  return { rss: usage.rss, heap: usage.heapUsed }
}

export interface SqliteResult {
  /** NaN when an existing database was reused. */
  buildMs: number
  bytes: number
  rows: { label: string; times: number[] }[]
}

/**
 * The same text and queries in Debian's sqlite3 (FTS5); null when it is not installed. The
 * database is built anew unless `reuse` and one is there from before.
 */
export async function sqliteBench(
  dir: string,
  list: Query[],
  reuse = false,
): Promise<SqliteResult | null> {
  const which = spawnSync('which', ['sqlite3'])
  if (which.status !== 0) {
    console.log('  sqlite3 not installed (apt-get install sqlite3): comparison skipped')
    return null
  }
  const tsv = join(dir, 'bench-docs.tsv')
  if (!existsSync(tsv)) {
    const store = await LibraryStore.open(dir)
    const out = createWriteStream(`${tsv}.part`)
    const clean = (text: string): string => text.replace(/[\t\n\r"]/g, ' ')
    for (const feed of store.feeds()) {
      for (const item of store.items(feed.id)) {
        const html = store.bodies.getSync(item.bodyHash, item.body) ?? ''
        const fields = [item.id, item.published ?? '', item.title, item.author ?? '', feed.title]
        out.write(`${[...fields.map(clean), clean(htmlToPlainText(html))].join('\t')}\n`)
      }
    }
    await new Promise((resolve) => out.end(resolve))
    await rename(`${tsv}.part`, tsv)
  }
  const db = join(dir, 'bench-fts.sqlite')
  const built = join(dir, 'bench-fts.complete')
  const reused = reuse && existsSync(built)
  if (!reused) {
    await rm(built, { force: true })
    await rm(db, { force: true })
  }
  const started = performance.now()
  if (!reused)
    execFileSync('sqlite3', [db], {
      input: [
        'CREATE TABLE d(id TEXT, published TEXT, title TEXT, author TEXT, feed TEXT, body TEXT);',
        '.mode tabs',
        `.import ${tsv} d`,
        "CREATE VIRTUAL TABLE fts USING fts5(title, author, feed, body, tokenize='unicode61 remove_diacritics 2');",
        'INSERT INTO fts(rowid, title, author, feed, body) SELECT rowid, title, author, feed, body FROM d;',
        "INSERT INTO fts(fts) VALUES('optimize');",
      ].join('\n'),
    })
  const buildMs = reused ? NaN : performance.now() - started
  writeFileSync(built, '')
  const bytes = statSync(db).size
  const rows: { label: string; times: number[] }[] = []
  for (const q of list) {
    const match = `fts MATCH '${q.fts.replace(/'/g, "''")}'${q.where ? ` AND ${q.where}` : ''}`
    // The top hits with snippets and bm25 (title ×4, author ×2), and the number of hits in all.
    const sql =
      `SELECT d.id, snippet(fts, 3, '[', ']', '…', 24), t.total FROM fts JOIN d ON d.rowid = fts.rowid, ` +
      `(SELECT count(*) AS total FROM fts JOIN d ON d.rowid = fts.rowid WHERE ${match}) t ` +
      `WHERE ${match} ORDER BY bm25(fts, 4.0, 2.0, 1.0, 1.0) LIMIT ${LIMIT};`
    const script = ['.timer on', '.output /dev/null', ...Array.from({ length: RUNS }, () => sql)]
    const out = execFileSync('sqlite3', [db], { input: script.join('\n') }).toString()
    const times = [...out.matchAll(/Run Time: real ([\d.]+)/g)].map((m) => Number(m[1]) * 1000)
    rows.push({ label: q.label, times: times.sort((a, b) => a - b) })
  }
  return { buildMs, bytes, rows }
}

function openCore(dir: string): Promise<Core> {
  return createCore({
    dataDir: dir,
    resourcesDir: '/nonexistent',
    shell: 'test',
    seedSample: false,
    searchWorker: { workerScript: SEARCH_WORKER },
  })
}

export interface QueryPhase {
  coldOpenMs: number
  loadMs: number
  storeOnly: { rss: number; heap: number }
  loaded: { rss: number; heap: number }
  afterQueries: { rss: number; heap: number }
  rows: { label: string; times: number[]; total: number; estimate: boolean }[]
}

/** In a fresh process (the child side of the bench): open, load the index, run the queries. */
async function queryPhase(dir: string): Promise<QueryPhase> {
  const lib = JSON.parse(readFileSync(join(dir, 'bench-library.json'), 'utf8')) as GeneratedLibrary
  const base = memory()
  const started = performance.now()
  const core = await openCore(dir)
  const coldOpenMs = performance.now() - started
  const storeOnly = memory()
  await core.searchIdle()
  const loadMs = performance.now() - started
  const loaded = memory()
  const rows = await timeQueries(core, queries(lib))
  const afterQueries = memory()
  await core.close()
  const rel = (m: { rss: number; heap: number }) => ({ rss: m.rss, heap: m.heap - base.heap })
  return {
    coldOpenMs,
    loadMs,
    storeOnly: rel(storeOnly),
    loaded: rel(loaded),
    afterQueries: rel(afterQueries),
    rows,
  }
}

/** The query phase in a fresh process (this file run with BENCH_QUERY_DIR), with `env` added. */
export function measureQueries(dir: string, env: Record<string, string> = {}): QueryPhase {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename], {
    env: { ...process.env, ...env, BENCH_QUERY_DIR: dir },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  })
  if (child.status !== 0) throw new Error(`query phase failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as QueryPhase
}

/** The p95 over every run of every query, ours and sqlite3's, and their ratio. */
export function searchSummary(
  phase: QueryPhase,
  sqlite: SqliteResult | null,
): { p95: number; sqliteP95: number; ratio: number } {
  const ours = phase.rows.flatMap((row) => row.times).sort((a, b) => a - b)
  const theirs = (sqlite?.rows ?? []).flatMap((row) => row.times).sort((a, b) => a - b)
  const p95 = percentile(ours, 95)
  const sqliteP95 = sqlite ? percentile(theirs, 95) : NaN
  return { p95, sqliteP95, ratio: p95 / sqliteP95 }
}

async function measure(size: number): Promise<void> {
  console.log(`\n== ${size} items ==`)
  const { dir, lib } = await library(size)
  const ms = (ns: number): string => (ns / 1e6).toFixed(1)
  console.log(
    `library: ${size} items, ${lib.feedIds.length} feeds, ${lib.annotationCount} annotations`,
  )
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    await rm(join(dir, 'search'), { recursive: true, force: true })
    let started = performance.now()
    const core = await openCore(dir)
    const openMs = performance.now() - started
    // How long the core's event loop is held up while the index builds (what the UI feels).
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    started = performance.now()
    // Meanwhile, a search every second (what a user typing during the build gets, and how fast).
    const probes: { ms: number; total: number; done: number }[] = []
    let building = true
    const probing = (async () => {
      while (building) {
        await new Promise((resolve) => setTimeout(resolve, 1000))
        const t = performance.now()
        const result = await core.search({ query: 'river ', limit: LIMIT })
        if (result.ok)
          probes.push({
            ms: performance.now() - t,
            total: result.value.total,
            done: result.value.indexing?.done ?? size,
          })
      }
    })()
    await core.searchIdle()
    building = false
    await probing
    const buildMs = performance.now() - started
    started = performance.now()
    await core.close()
    const writeMs = performance.now() - started
    delay.disable()
    const indexBytes = await dirBytes(join(dir, 'search'))
    console.log(
      `index build (background, all items, ${SEARCH_WORKER ? 'on the indexing worker' : 'in-thread'}): ` +
        `${(buildMs / 1000).toFixed(1)} s, written in ${writeMs.toFixed(0)} ms (core open ${openMs.toFixed(0)} ms)`,
    )
    console.log(
      `event-loop delay during build + write: p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms`,
    )
    const probeMs = probes.map((p) => p.ms).sort((a, b) => a - b)
    const mid = probes[Math.floor(probes.length / 2)]
    console.log(
      `searches during the build ('river', every second): ${probes.length}, p50 ${percentile(probeMs, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(probeMs, 95).toFixed(1)} ms; half-way: ${mid?.total ?? 0} hits with ${mid?.done ?? 0} items indexed`,
    )
    console.log(`index on disk: ${mb(indexBytes)}`)
  }

  const phase = measureQueries(dir)
  const { rows } = phase
  console.log(
    `fresh process: core open ${phase.coldOpenMs.toFixed(0)} ms, index loaded and checked against the library ${phase.loadMs.toFixed(0)} ms after open started`,
  )
  console.log(
    `memory (fresh process): store only rss ${mb(phase.storeOnly.rss)} heap ${mb(phase.storeOnly.heap)}; ` +
      `with index rss ${mb(phase.loaded.rss)} heap ${mb(phase.loaded.heap)}; ` +
      `after queries rss ${mb(phase.afterQueries.rss)} heap ${mb(phase.afterQueries.heap)}`,
  )
  const list = queries(lib)
  const sqlite = process.env.BENCH_SKIP_SQLITE === '1' ? null : await sqliteBench(dir, list)
  console.log(
    `\nquery (${RUNS} runs, ${LIMIT} hits + snippets)   hits     p50 ms   p95 ms${sqlite ? '   sqlite p50   sqlite p95' : ''}`,
  )
  rows.forEach((row, i) => {
    const s = sqlite?.rows[i]
    const total = `${row.estimate ? '~' : ''}${row.total}`
    console.log(
      `${row.label.padEnd(36)} ${total.padStart(7)} ${percentile(row.times, 50).toFixed(1).padStart(9)} ${percentile(row.times, 95).toFixed(1).padStart(8)}` +
        (s
          ? `${percentile(s.times, 50).toFixed(1).padStart(13)} ${percentile(s.times, 95).toFixed(1).padStart(12)}`
          : ''),
    )
  })
  const summary = searchSummary(phase, sqlite)
  console.log(`overall p95: ${summary.p95.toFixed(1)} ms (target ≤ 50 ms at 100k)`)
  if (sqlite) {
    console.log(
      `sqlite3 FTS5: build ${(sqlite.buildMs / 1000).toFixed(1)} s, db ${mb(sqlite.bytes)} (text + index), overall p95 ${summary.sqliteP95.toFixed(1)} ms`,
    )
    console.log(`ratio ours/sqlite p95: ${summary.ratio.toFixed(2)}`)
  }
}

async function main(): Promise<void> {
  const queryDir = process.env.BENCH_QUERY_DIR
  if (queryDir) {
    console.log(JSON.stringify(await queryPhase(queryDir)))
    return
  }
  for (const size of SIZES) await measure(size)
}

if (require.main === module) void main()
