// npm run bench:sync — the feed engine against a generated corpus served over loopback HTTP:
// a cold sync into an empty library and a warm re-sync (all 304), through the real path — the
// built `reader` CLI: fetch → decode → parse on worker threads → store — with wall time,
// items/s and peak RSS (of the whole process, all threads); then the same corpus with newsboat
// (reload-threads 8) when it is installed, and the ratio.
// Options: --feeds N --items M (default 1000 × 50), --no-newsboat.
// `measureSync` is also the suite's (npm run bench) sync race.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildOpml } from '../../../electron/core/feeds/opml'
import { generateCorpus } from './generate-corpus'

const REPO = join(__dirname, '..', '..', '..')
const HOSTS = 4

function options(): { feeds: number; items: number; newsboat: boolean } {
  const { values } = parseArgs({
    options: {
      feeds: { type: 'string', default: process.env.BENCH_FEEDS ?? '1000' },
      items: { type: 'string', default: process.env.BENCH_ITEMS ?? '50' },
      'no-newsboat': { type: 'boolean', default: false },
    },
  })
  return {
    feeds: Number(values.feeds),
    items: Number(values.items),
    newsboat: !values['no-newsboat'],
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

async function raceNewsboat(urls: string[], log: (line: string) => void): Promise<number | null> {
  if (spawnSync('newsboat', ['--version']).status !== 0) {
    log('\nnewsboat: not installed (apt-get install newsboat) — no race')
    return null
  }
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
      log(`newsboat exited with ${run.status}; not raced`)
      return null
    }
    return elapsed
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

interface CliRun {
  ms: number
  peakRssMb: number
  stdout: string
}

/** Runs the built `reader` CLI — the product's real path — and measures it from outside. */
async function runReader(args: string[]): Promise<CliRun> {
  const rssFile = join(tmpdir(), `reader-bench-rss-${process.pid}`)
  const start = performance.now()
  const child = spawn(
    process.execPath,
    [
      '--require',
      join(__dirname, 'report-peak-rss.cjs'),
      join(REPO, 'electron', 'cli', 'bin.cjs'),
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, READER_BENCH_RSS_FILE: rssFile },
    },
  )
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  const ms = performance.now() - start
  if (code !== 0) throw new Error(`reader ${args.join(' ')} exited with ${code}:\n${stdout}`)
  const peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 2 ** 20
  await rm(rssFile, { force: true })
  return { ms, peakRssMb, stdout }
}

export interface SyncPhase {
  ms: number
  items: number
  failed: number
  peakRssMb: number
}

export interface SyncResult {
  feeds: number
  itemsPerFeed: number
  corpusBytes: number
  cold: SyncPhase
  warm: SyncPhase
  /** The first errors of the cold sync, if any. */
  errors: unknown[]
  /** newsboat's cold reload of the same corpus; null when not raced. */
  newsboatMs: number | null
}

/**
 * The sync race: a generated corpus (kept in the temp dir) served over loopback, a cold sync of
 * it into an empty library by the built `reader` CLI, a warm re-sync, then newsboat (when
 * `newsboat` and installed) on the same corpus. `log` gets the lines worth saying meanwhile,
 * `onOurs` our two phases before newsboat starts.
 */
export async function measureSync(spec: {
  feeds: number
  items: number
  newsboat: boolean
  log?: (line: string) => void
  onOurs?: (ours: Omit<SyncResult, 'newsboatMs'>) => void
}): Promise<SyncResult> {
  const log = spec.log ?? (() => {})
  const corpus = await generateCorpus(join(tmpdir(), 'reader-bench'), {
    feeds: spec.feeds,
    items: spec.items,
  })
  log(
    `Corpus: ${spec.feeds} feeds × ${spec.items} items, ${(corpus.bytes / 1e6).toFixed(1)} MB (RSS 2.0 + Atom, some ISO-8859-1), served on ${HOSTS} loopback hosts`,
  )
  log(
    `Machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  )
  log(
    'Path: the built `reader` CLI (fetch → decode → parse on worker threads → store); sanitizing happens when an article is read',
  )
  const server = await startServer(corpus.dir)
  const urls = corpus.files.map((name, i) =>
    `http://127.0.0.1:${server.port}/${name}`.replace('127.0.0.1', `127.0.0.${1 + (i % HOSTS)}`),
  )
  const dataDir = await mkdtemp(join(tmpdir(), 'reader-bench-data-'))
  try {
    const opml = join(dataDir, '..', `reader-bench-${process.pid}.opml`)
    await writeFile(
      opml,
      buildOpml({
        title: 'bench',
        dateCreated: new Date().toUTCString(),
        feeds: urls.map((url) => ({ url, title: null, siteUrl: null, folder: [] })),
      }),
    )
    await runReader(['--data', dataDir, 'import', opml])
    await rm(opml, { force: true })

    const cold = await runReader(['--data', dataDir, 'sync', '--json'])
    const coldSummary = JSON.parse(cold.stdout) as {
      newItems: number
      failed: number
      errors: unknown[]
    }
    const warm = await runReader(['--data', dataDir, 'sync', '--json'])
    const warmSummary = JSON.parse(warm.stdout) as { newItems: number; failed: number }
    const ours = {
      feeds: spec.feeds,
      itemsPerFeed: spec.items,
      corpusBytes: corpus.bytes,
      cold: {
        ms: cold.ms,
        items: coldSummary.newItems,
        failed: coldSummary.failed,
        peakRssMb: cold.peakRssMb,
      },
      warm: {
        ms: warm.ms,
        items: warmSummary.newItems,
        failed: warmSummary.failed,
        peakRssMb: warm.peakRssMb,
      },
      errors: coldSummary.errors.slice(0, 3),
    }
    spec.onOurs?.(ours)
    return { ...ours, newsboatMs: spec.newsboat ? await raceNewsboat(urls, log) : null }
  } finally {
    server.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const printOurs = ({ cold, warm, errors }: Omit<SyncResult, 'newsboatMs'>): void => {
    console.log('')
    console.log('phase        wall time   items      items/s   failed   peak RSS')
    console.log(
      `cold sync    ${seconds(cold.ms).padStart(9)}   ${String(cold.items).padStart(6)}   ${(cold.items / (cold.ms / 1000)).toFixed(0).padStart(9)}   ${String(cold.failed).padStart(6)}   ${cold.peakRssMb.toFixed(0)} MB`,
    )
    console.log(
      `warm re-sync ${seconds(warm.ms).padStart(9)}   ${String(warm.items).padStart(6)}   ${'-'.padStart(9)}   ${String(warm.failed).padStart(6)}   ${warm.peakRssMb.toFixed(0)} MB`,
    )
    if (errors.length) console.log('first errors:', errors)
  }
  const { cold, warm, newsboatMs } = await measureSync({
    ...options(),
    log: console.log,
    onOurs: printOurs,
  })
  if (newsboatMs !== null) {
    console.log(`\nnewsboat (reload-threads 8), cold: ${seconds(newsboatMs)}`)
    console.log(
      `ratio ours / newsboat (cold): ${(cold.ms / newsboatMs).toFixed(3)}  (target ≤ 0.25)`,
    )
  }
  const peak = Math.max(cold.peakRssMb, warm.peakRssMb)
  console.log(
    `targets: warm re-sync ≤ 3 s → ${warm.ms <= 3000 ? 'met' : 'MISSED'}; peak RSS ≤ 400 MB → ${peak <= 400 ? 'met' : 'MISSED'}`,
  )
}

if (require.main === module)
  void main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
