// npm run bench:annotate — what saving a highlight costs as the library grows (target: ≤ 30 ms
// p95 in a 100k-article library, persisted). Opens the benchmark library (bench-library: 1,000
// feeds × 100 items at 100k, cached in the temp dir) with the real core, lets its search
// index settle, then creates highlights on random articles one after another — each call
// resolves only once the highlight is on disk — and reports p50/p95/max per save and the bytes
// the process wrote per save (Linux /proc/self/io), then the same for a claim status change.
// `measureHighlights` is also the suite's (npm run bench) highlight figure.
import { createCore, type Core } from '../../electron/core/create-core'
import { mulberry32 } from '../helpers/prng'
import { RESOURCES_DIR } from '../helpers/open-core'
import { benchLibrary } from './bench-library'
import { bytesWritten } from './store-bench'

const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number)
const SAVES = Number(process.env.BENCH_SAVES ?? 200)
const TARGET_P95_MS = 30

interface Stats {
  p50: number
  p95: number
  max: number
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! }
}

export interface HighlightResult {
  save: Stats
  bytesPerSave: number
  /** A claim's status changed (persisted). */
  status: Stats
}

/**
 * Saves `saves` highlights (quotes and claims with a note and a tag) on random items of `ids`,
 * then changes the claims' status; deletes them all afterwards, leaving the library as it was.
 */
export async function measureHighlights(
  core: Core,
  ids: readonly string[],
  options: { saves?: number; seed: number },
): Promise<HighlightResult> {
  const saves = options.saves ?? SAVES
  const random = mulberry32(options.seed)
  const created: string[] = []
  const saveMs: number[] = []
  const before = bytesWritten()
  for (let n = 0; n < saves; n++) {
    const itemId = ids[Math.floor(random() * ids.length)]!
    const started = performance.now()
    const result = await core.createAnnotation({
      itemId,
      kind: n % 2 ? 'claim' : 'quote',
      note: `Benchmark note ${n}`,
      tags: ['bench'],
      target: {
        position: { type: 'TextPositionSelector', start: 0, end: 9 },
        quote: { type: 'TextQuoteSelector', exact: 'Benchmark', prefix: '', suffix: '' },
      },
    })
    saveMs.push(performance.now() - started)
    if (!result.ok) throw new Error(result.error.message)
    created.push(result.value.id)
  }
  const bytesPerSave = (bytesWritten() - before) / saves
  const statusMs: number[] = []
  for (const id of created.filter((_, n) => n % 2)) {
    const started = performance.now()
    await core.updateAnnotation({ annotationId: id, status: 'disputed' })
    statusMs.push(performance.now() - started)
  }
  // Leave the cached library as it was.
  for (const id of created) await core.deleteAnnotation({ annotationId: id })
  return { save: stats(saveMs), bytesPerSave, status: stats(statusMs) }
}

async function main(): Promise<void> {
  const rows: string[] = []
  for (const size of SIZES) {
    const { dataDir } = await benchLibrary(size)
    const core = await createCore({
      dataDir,
      resourcesDir: RESOURCES_DIR,
      shell: 'test',
      seedSample: false,
    })
    const settleStarted = performance.now()
    await core.searchIdle()
    const settleMs = performance.now() - settleStarted
    const ids: string[] = []
    for (let offset = 0; ; offset += 500) {
      const page = await core.listItems({ offset, limit: 500 })
      if (!page.ok) throw new Error(page.error.message)
      ids.push(...page.value.items.map((item) => item.id))
      if (offset + 500 >= page.value.total) break
    }
    const { save, bytesPerSave, status } = await measureHighlights(core, ids, { seed: size })
    await core.close()
    rows.push(
      `${String(size).padStart(7)}  ${save.p50.toFixed(1).padStart(7)}  ${save.p95.toFixed(1).padStart(7)}  ${save.max.toFixed(1).padStart(7)}  ${(bytesPerSave / 1024).toFixed(1).padStart(9)} KB  ${status.p95.toFixed(1).padStart(9)}  ${(settleMs / 1000).toFixed(1)} s  ${save.p95 <= TARGET_P95_MS ? 'met' : 'MISSED'}`,
    )
  }
  console.log(`\nSave a highlight (${SAVES} saves, each on disk before it resolves)`)
  console.log(
    '  items  p50 ms   p95 ms   max ms   written/save  status p95  index settle  target ≤ 30 ms p95',
  )
  for (const row of rows) console.log(row)
}

if (require.main === module) void main()
