// npm run bench:store — what one read/unread toggle costs as the library grows.
// Generates libraries of 1k and 50k items (50 items per feed, like real feeds), opens each with
// the real core, toggles random items and reports the time per toggle and the bytes the process
// actually wrote (Linux /proc/self/io wchar), so the claim "a toggle writes a small file, not the
// library" is measured rather than assumed.
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../electron/core/create-core'
import { sha256Hex } from '../../electron/core/ids'
import { LibraryStore, type StoredItem } from '../../electron/core/store/library-store'
import { mulberry32 } from '../helpers/prng'

const ITEMS_PER_FEED = 50
const TOGGLES = 300
const SIZES = (process.env.BENCH_SIZES ?? '1000,50000').split(',').map(Number)

function bytesWritten(): number {
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

async function generate(dataDir: string, items: number): Promise<string[]> {
  const store = await LibraryStore.open(dataDir)
  const ids: string[] = []
  const feeds = Math.ceil(items / ITEMS_PER_FEED)
  const at = new Date('2026-01-01T00:00:00Z').toISOString()
  const body = await store.bodies.put('<p>A generated article body.</p>')
  for (let f = 0; f < feeds; f++) {
    const feedId = `f-${sha256Hex(`feed ${f}`).slice(0, 12)}`
    await store.addFeed({
      id: feedId,
      url: `http://127.0.0.1/feed/${f}.xml`,
      title: `Generated feed ${f}`,
      siteUrl: `http://127.0.0.1/site/${f}/`,
      description: '',
      addedAt: at,
      lastSuccessAt: at,
      lastError: null,
      http: { etag: null, lastModified: null, bodyHash: null },
    })
    const batch: StoredItem[] = []
    for (let i = 0; i < ITEMS_PER_FEED && ids.length < items; i++) {
      const id = `i-${sha256Hex(`${f}/${i}`).slice(0, 16)}`
      ids.push(id)
      batch.push({
        id,
        guid: `guid-${f}-${i}`,
        title: `Generated headline number ${i} of feed ${f}, long enough to be realistic`,
        link: `http://127.0.0.1/site/${f}/article-${i}.html`,
        author: 'A. Reporter',
        published: at,
        firstSeenAt: at,
        fetchedAt: at,
        snippet:
          'Envoys agreed on Friday to resume talks after a three-month pause, officials said. '.repeat(
            3,
          ),
        bodyHash: body,
      })
    }
    await store.upsertItems(feedId, batch)
  }
  return ids
}

interface Row {
  items: number
  openMs: number
  p50: number
  p95: number
  bytesPerToggle: number
}

async function measure(items: number): Promise<Row> {
  const dataDir = await mkdtemp(join(tmpdir(), 'reader-bench-'))
  try {
    const ids = await generate(dataDir, items)
    const openStart = performance.now()
    const core = await createCore({
      dataDir,
      resourcesDir: '/nonexistent',
      shell: 'test',
      seedSample: false,
    })
    const openMs = performance.now() - openStart
    const random = mulberry32(items)
    const times: number[] = []
    const before = bytesWritten()
    for (let t = 0; t < TOGGLES; t++) {
      const itemId = ids[Math.floor(random() * ids.length)]!
      const start = performance.now()
      const result = await core.setItemState({ itemId, read: t % 2 === 0 })
      times.push(performance.now() - start)
      if (!result.ok) throw new Error(result.error.message)
    }
    const bytesPerToggle = (bytesWritten() - before) / TOGGLES
    times.sort((a, b) => a - b)
    return { items, openMs, p50: percentile(times, 50), p95: percentile(times, 95), bytesPerToggle }
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

void main()
