// npm run bench:sync — the feed engine against a generated corpus served over loopback HTTP:
// a cold sync into an empty library and a warm re-sync (all 304), through the real path
// (fetch → decode → parse on worker threads → store), with wall time, items/s and peak RSS;
// then the same corpus with newsboat (reload-threads 8) when it is installed, and the ratio.
// Options: --feeds N --items M (default 1000 × 50), --no-newsboat.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore } from '../../../electron/core/create-core'
import { buildOpml } from '../../../electron/core/feeds/opml'
import { generateCorpus } from './generate-corpus'

const REPO = join(__dirname, '..', '..', '..')
const HOSTS = 4

const { values } = parseArgs({
  options: {
    feeds: { type: 'string', default: process.env.BENCH_FEEDS ?? '1000' },
    items: { type: 'string', default: process.env.BENCH_ITEMS ?? '50' },
    'no-newsboat': { type: 'boolean', default: false },
  },
})
const FEEDS = Number(values.feeds)
const ITEMS = Number(values.items)

function peakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8')
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024
}

function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
  } catch {
    // Not Linux, or not allowed: the peak then covers the whole run.
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function startServer(dir: string): Promise<{ port: number; stop: () => void }> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'feed-server.ts'), dir, String(port), String(HOSTS)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve())
    child.on('exit', (code) => reject(new Error(`feed server exited with ${code}`)))
  })
  return { port, stop: () => child.kill() }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}

async function raceNewsboat(urls: string[]): Promise<number | null> {
  if (values['no-newsboat'] || spawnSync('newsboat', ['--version']).status !== 0) return null
  const dir = await mkdtemp(join(tmpdir(), 'reader-bench-newsboat-'))
  try {
    await writeFile(join(dir, 'urls'), `${urls.join('\n')}\n`)
    await writeFile(join(dir, 'config'), 'reload-threads 8\n')
    const start = performance.now()
    const run = spawnSync(
      'newsboat',
      [
        '-u',
        join(dir, 'urls'),
        '-c',
        join(dir, 'cache.db'),
        '-C',
        join(dir, 'config'),
        '-x',
        'reload',
      ],
      { env: { ...process.env, HOME: dir }, stdio: 'ignore' },
    )
    const elapsed = performance.now() - start
    if (run.status !== 0) {
      console.log(`newsboat exited with ${run.status}; not raced`)
      return null
    }
    return elapsed
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const corpus = await generateCorpus(join(tmpdir(), 'reader-bench'), {
    feeds: FEEDS,
    items: ITEMS,
  })
  console.log(
    `Corpus: ${FEEDS} feeds × ${ITEMS} items, ${(corpus.bytes / 1e6).toFixed(1)} MB (RSS 2.0 + Atom, some ISO-8859-1), served on ${HOSTS} loopback hosts`,
  )
  console.log(
    `Machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  )
  const server = await startServer(corpus.dir)
  const urls = corpus.files.map(
    (name, i) => `http://127.0.0.${1 + (i % HOSTS)}:${server.port}/${name}`,
  )
  const dataDir = await mkdtemp(join(tmpdir(), 'reader-bench-data-'))
  try {
    const core = await createCore({
      dataDir,
      resourcesDir: join(REPO, 'resources'),
      shell: 'test',
      seedSample: false,
      parser: { workerScript: join(REPO, 'out', 'main', 'prepare-worker.js') },
    })
    const imported = await core.importOpml({
      text: buildOpml({
        title: 'bench',
        dateCreated: new Date().toUTCString(),
        feeds: urls.map((url) => ({ url, title: null, siteUrl: null, folder: [] })),
      }),
    })
    if (!imported.ok) throw new Error(imported.error.message)

    resetPeakRss()
    let start = performance.now()
    const cold = await core.syncAll({})
    const coldMs = performance.now() - start
    const coldRss = peakRssMb()
    if (!cold.ok) throw new Error(cold.error.message)
    const items = await core.listItems({})
    const stored = items.ok ? items.value.length : 0

    resetPeakRss()
    start = performance.now()
    const warm = await core.syncAll({})
    const warmMs = performance.now() - start
    const warmRss = peakRssMb()
    if (!warm.ok) throw new Error(warm.error.message)
    await core.close()

    console.log('')
    console.log('phase        wall time   items      items/s   failed   peak RSS')
    console.log(
      `cold sync    ${seconds(coldMs).padStart(9)}   ${String(stored).padStart(6)}   ${(stored / (coldMs / 1000)).toFixed(0).padStart(9)}   ${String(cold.value.failed).padStart(6)}   ${coldRss.toFixed(0)} MB`,
    )
    console.log(
      `warm re-sync ${seconds(warmMs).padStart(9)}   ${String(warm.value.newItems).padStart(6)}   ${'-'.padStart(9)}   ${String(warm.value.failed).padStart(6)}   ${warmRss.toFixed(0)} MB`,
    )
    if (cold.value.errors.length) console.log('first errors:', cold.value.errors.slice(0, 3))

    const newsboatMs = await raceNewsboat(urls)
    if (newsboatMs === null)
      console.log('\nnewsboat: not installed (apt-get install newsboat) — no race')
    else {
      console.log(`\nnewsboat (reload-threads 8), cold: ${seconds(newsboatMs)}`)
      console.log(
        `ratio ours / newsboat (cold): ${(coldMs / newsboatMs).toFixed(3)}  (target ≤ 0.25)`,
      )
    }
    console.log(
      `targets: warm re-sync ≤ 3 s → ${warmMs <= 3000 ? 'met' : 'MISSED'}; peak RSS ≤ 400 MB → ${Math.max(coldRss, warmRss) <= 400 ? 'met' : 'MISSED'}`,
    )
  } finally {
    server.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
