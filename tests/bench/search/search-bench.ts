// npm run bench:search — full-text search over a generated library (default 100k items: 1,000
// feeds × 100 items, ~4 KB bodies; BENCH_SIZES=1000,10000,100000 for a scaling table). Reports
// the index build time and size on disk, the core's open time and the index's cold load time,
// memory with the index loaded, and p50/p95 of 10 typical queries (20 runs each, a page of 20
// hits with snippets, through the real core). Then the same text in Debian's sqlite3 as an FTS5
// table — build time, size, the equivalent MATCH queries with bm25() and snippet() — and the
// ratio of the p95s. Libraries are generated once and kept in the temp dir (delete them to
// regenerate); the search index is rebuilt from scratch on every run, on the indexing worker
// (BENCH_SEARCH_WORKER=0: on the core's thread), while the core's event-loop delay is recorded.
// Queries and memory are measured in a fresh process that opens the library and its index.
// For quick query work: BENCH_SKIP_BUILD=1 reuses the index, BENCH_SKIP_SQLITE=1 skips sqlite3.
import { execFileSync, spawnSync } from 'node:child_process'
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { htmlToPlainText } from '../../../electron/core/articles/html-to-text'
import { createCore, type Core } from '../../../electron/core/create-core'
import { LibraryStore } from '../../../electron/core/store/library-store'
import { generateLibrary, type GeneratedLibrary } from '../generate-library'

const SIZES = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number)
const RUNS = 20
const LIMIT = 20
const ITEMS_PER_FEED = 100
const LIBRARY_VERSION = 1
const SEARCH_WORKER =
  process.env.BENCH_SEARCH_WORKER === '0'
    ? null
    : join(__dirname, '..', '..', 'helpers', 'search-worker-dev.cjs')

interface Query {
  label: string
  ours: string
  /** The same words as an FTS5 MATCH expression, plus SQL for the filters sqlite can express. */
  fts: string
  where?: string
}

function queries(lib: GeneratedLibrary): Query[] {
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

function percentile(sorted: number[], p: number): number {
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
  const feeds = Math.max(1, Math.round(size / ITEMS_PER_FEED))
  const options = { feeds, itemsPerFeed: ITEMS_PER_FEED, bodyBytes: 4000, annotations: size / 100 }
  const dir = join(tmpdir(), `reader-search-bench-v${LIBRARY_VERSION}-${size}`)
  const marker = join(dir, 'bench-library.json')
  if (existsSync(marker)) {
    return { dir, lib: JSON.parse(readFileSync(marker, 'utf8')) as GeneratedLibrary }
  }
  await rm(dir, { recursive: true, force: true })
  const started = performance.now()
  const lib = await generateLibrary(dir, options)
  writeFileSync(marker, JSON.stringify(lib))
  console.log(`  generated ${size} items in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return { dir, lib }
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

async function sqliteBench(
  dir: string,
  list: Query[],
): Promise<{ buildMs: number; bytes: number; rows: { label: string; times: number[] }[] } | null> {
  const which = spawnSync('which', ['sqlite3'])
  if (which.status !== 0) {
    console.log('  sqlite3 not installed (apt-get install sqlite3): comparison skipped')
    return null
  }
  const tsv = join(dir, 'bench-docs.tsv')
  if (!existsSync(tsv)) {
    const store = await LibraryStore.open(dir)
    const out = createWriteStream(tsv)
    const clean = (text: string): string => text.replace(/[\t\n\r"]/g, ' ')
    for (const feed of store.feeds()) {
      for (const item of store.items(feed.id)) {
        const html = store.bodies.getSync(item.bodyHash, item.body) ?? ''
        const fields = [item.id, item.published ?? '', item.title, item.author ?? '', feed.title]
        out.write(`${[...fields.map(clean), clean(htmlToPlainText(html))].join('\t')}\n`)
      }
    }
    await new Promise((resolve) => out.end(resolve))
  }
  const db = join(dir, 'bench-fts.sqlite')
  await rm(db, { force: true })
  const started = performance.now()
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
  const buildMs = performance.now() - started
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

interface QueryPhase {
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

async function measure(size: number): Promise<void> {
  console.log(`\n== ${size} items ==`)
  const { dir, lib } = await library(size)
  const ms = (ns: number): string => (ns / 1e6).toFixed(1)
  console.log(`library: ${size} items, ${lib.feedIds.length} feeds, ${size / 100} annotations`)
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

  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename], {
    env: { ...process.env, BENCH_QUERY_DIR: dir },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  })
  if (child.status !== 0) throw new Error(`query phase failed: ${child.stderr}`)
  const phase = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as QueryPhase
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
  const all: number[] = []
  const allSqlite: number[] = []
  rows.forEach((row, i) => {
    all.push(...row.times)
    const s = sqlite?.rows[i]
    if (s) allSqlite.push(...s.times)
    const total = `${row.estimate ? '~' : ''}${row.total}`
    console.log(
      `${row.label.padEnd(36)} ${total.padStart(7)} ${percentile(row.times, 50).toFixed(1).padStart(9)} ${percentile(row.times, 95).toFixed(1).padStart(8)}` +
        (s
          ? `${percentile(s.times, 50).toFixed(1).padStart(13)} ${percentile(s.times, 95).toFixed(1).padStart(12)}`
          : ''),
    )
  })
  all.sort((a, b) => a - b)
  allSqlite.sort((a, b) => a - b)
  const p95 = percentile(all, 95)
  console.log(`overall p95: ${p95.toFixed(1)} ms (target ≤ 50 ms at 100k)`)
  if (sqlite) {
    const sp95 = percentile(allSqlite, 95)
    console.log(
      `sqlite3 FTS5: build ${(sqlite.buildMs / 1000).toFixed(1)} s, db ${mb(sqlite.bytes)} (text + index), overall p95 ${sp95.toFixed(1)} ms`,
    )
    console.log(`ratio ours/sqlite p95: ${(p95 / sp95).toFixed(2)}`)
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

void main()
