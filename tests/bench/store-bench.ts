// npm run bench:store — what one read/unread toggle costs as the library grows.
// Generates libraries of 1k and 50k items (50 items per feed, like real feeds; generate-library
// with short bodies), opens each with the real core, lets its search index settle, toggles
// random items and reports the time per toggle and the bytes the process actually wrote (Linux
// /proc/self/io wchar), so the claim "a toggle writes a small file, not the library" is measured
// rather than assumed. `measureToggles` is also the suite's (npm run bench) read/star figure.
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../electron/core/create-core'
import { mulberry32 } from '../helpers/prng'
import { generateLibrary } from './generate-library'

const ITEMS_PER_FEED = 50
const TOGGLES = 300
const SIZES = (process.env.BENCH_SIZES ?? '1000,50000').split(',').map(Number)

/** Bytes this process (all its threads) has written so far (Linux), else NaN. */
export function bytesWritten(): number {
  try {
    const io = readFileSync('/proc/self/io', 'utf8')
    return Number(/^wchar: (\d+)$/m.exec(io)?.[1] ?? NaN)
  } catch {
    return NaN
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

export interface ToggleResult {
  p50: number
  p95: number
  bytesPerToggle: number
}

/**
 * Toggles random items of `ids` one after another, each call resolving once the change is on
 * disk: read on and off, or (with `star`) read and starred in turn.
 */
export async function measureToggles(
  core: Core,
  ids: readonly string[],
  options: { toggles?: number; seed: number; star?: boolean },
): Promise<ToggleResult> {
  const toggles = options.toggles ?? TOGGLES
  const random = mulberry32(options.seed)
  const times: number[] = []
  const before = bytesWritten()
  for (let t = 0; t < toggles; t++) {
    const itemId = ids[Math.floor(random() * ids.length)]!
    const change = !options.star
      ? { read: t % 2 === 0 }
      : t % 2 === 0
        ? { read: t % 4 === 0 }
        : { starred: t % 4 === 1 }
    const start = performance.now()
    const result = await core.setItemState({ itemId, ...change })
    times.push(performance.now() - start)
    if (!result.ok) throw new Error(result.error.message)
  }
  const bytesPerToggle = (bytesWritten() - before) / toggles
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytesPerToggle }
}

interface Row extends ToggleResult {
  items: number
  openMs: number
}

async function measure(items: number): Promise<Row> {
  const dataDir = await mkdtemp(join(tmpdir(), 'reader-bench-'))
  try {
    const lib = await generateLibrary(dataDir, {
      feeds: Math.ceil(items / ITEMS_PER_FEED),
      itemsPerFeed: ITEMS_PER_FEED,
      bodyBytes: 1,
      annotations: 0,
    })
    const ids = lib.itemIds.slice(0, items)
    const openStart = performance.now()
    const core = await createCore({
      dataDir,
      resourcesDir: '/nonexistent',
      shell: 'test',
      seedSample: false,
    })
    const openMs = performance.now() - openStart
    // The new library's search index is built first: toggles are not timed against it.
    await core.searchIdle()
    const toggles = await measureToggles(core, ids, { seed: items })
    await core.close()
    return { items, openMs, ...toggles }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const rows: Row[] = []
  for (const size of SIZES) rows.push(await measure(size))
  console.log(
    `Toggle read state, ${TOGGLES} toggles of random items, ${ITEMS_PER_FEED} items per feed`,
  )
  console.log('items     core open   toggle p50   toggle p95   bytes written per toggle')
  for (const r of rows) {
    console.log(
      `${String(r.items).padEnd(9)} ${r.openMs.toFixed(0).padStart(6)} ms ${r.p50.toFixed(2).padStart(9)} ms ${r.p95.toFixed(2).padStart(9)} ms ${r.bytesPerToggle.toFixed(0).padStart(12)} B`,
    )
  }
  const first = rows[0]
  const last = rows[rows.length - 1]
  if (first && last && first !== last) {
    console.log(
      `ratio ${last.items}/${first.items} items: bytes per toggle ×${(last.bytesPerToggle / first.bytesPerToggle).toFixed(2)}, p95 ×${(last.p95 / first.p95).toFixed(2)}`,
    )
  }
}

if (require.main === module) void main()
