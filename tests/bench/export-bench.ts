// npm run bench:export — 2,000 highlights exported as cited Markdown (target ≤ 2 s). A generated
// researcher's library (20 feeds × 50 articles; 2,000 highlights spread over 400 of them: quotes
// with speakers, claims with a status and evidence, notes, tags, news-like markup), then in one
// core: a collection document with footnotes (the first export: every cache cold), the same
// again, the Pandoc + CSL-JSON variant, a vault export and a re-export that finds every file
// unchanged. citeproc's first load (once per process: loading it and building the style's
// engine) is timed on its own line and added to the first export as "cold process total". A
// fresh child process then measures the real thing on a copy of the library: load the core, open
// it and export at once, nothing warmed. The search index (built once per library) is built
// before any of it.
// Citations are rendered as in the app and the CLI: on the built citation worker (the npm script
// builds first); BENCH_CITATION_WORKER=dev runs its TypeScript source through tsx instead, and
// BENCH_CITATION_WORKER=0 renders on the core's thread. Other options (env):
// BENCH_ANNOTATIONS (2000), BENCH_ARTICLES (400), BENCH_STYLE (apa | mla | chicago-nb |
// chicago-ad).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CitationStyle } from '../../shared/export/formats/styles'
import { generateLibrary } from './generate-library'

const TARGET_MS = 2000
const ANNOTATIONS = Number(process.env.BENCH_ANNOTATIONS ?? 2000)
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 400)
const STYLE = (process.env.BENCH_STYLE ?? 'apa') as CitationStyle
const CHILD = process.argv[2] === '--cold-child'
const RESOURCES_DIR = join(__dirname, '..', '..', 'resources')
const WORKERS: Record<string, string | null> = {
  '0': null,
  dev: join(__dirname, '..', 'helpers', 'citation-worker-dev.cjs'),
  built: join(__dirname, '..', '..', 'out', 'main', 'citation-worker.js'),
}
const WORKER_CHOICE = process.env.BENCH_CITATION_WORKER ?? 'built'
const CITATION_WORKER = { workerScript: WORKERS[WORKER_CHOICE] ?? null }

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await run()
  return [value, performance.now() - started]
}

const ratio = (ms: number): string => `${(ms / TARGET_MS).toFixed(2)}×`

function print(rows: [string, number, string][]): void {
  for (const [label, ms, note] of rows)
    console.log(
      `${label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms  ${ratio(ms).padStart(6)} of target  ${note}`,
    )
}

const coreOptions = (dataDir: string) => ({
  dataDir,
  resourcesDir: RESOURCES_DIR,
  shell: 'test' as const,
  seedSample: false,
  citationWorker: CITATION_WORKER,
})

/** The child: a fresh process that loads and opens a core and exports at once (nothing warmed). */
async function coldChild(dataDir: string): Promise<void> {
  const [{ createCore }, importMs] = await timed(() => import('../../electron/core/create-core'))
  const [core, openMs] = await timed(() => createCore(coreOptions(dataDir)))
  const [doc, exportMs] = await timed(() => core.exportCollection({ selection: {}, style: STYLE }))
  if (!doc.ok) throw new Error(doc.error.message)
  await core.close()
  console.log(JSON.stringify({ importMs, openMs, exportMs, annotations: doc.value.annotations }))
}

async function main(): Promise<void> {
  if (!(WORKER_CHOICE in WORKERS)) throw new Error('BENCH_CITATION_WORKER is 0, dev or built')
  if (CITATION_WORKER.workerScript && !existsSync(CITATION_WORKER.workerScript))
    throw new Error(`No ${CITATION_WORKER.workerScript}: npm run build first`)
  const dataDir = await mkdtemp(join(tmpdir(), 'export-bench-'))
  const coldDir = await mkdtemp(join(tmpdir(), 'export-bench-cold-'))
  const vault = await mkdtemp(join(tmpdir(), 'export-bench-vault-'))
  try {
    const [lib, generateMs] = await timed(() =>
      generateLibrary(dataDir, {
        feeds: 20,
        itemsPerFeed: 50,
        bodyBytes: 5000,
        annotations: ANNOTATIONS,
        annotatedItems: ARTICLES,
        markup: 'news',
      }),
    )
    console.log(
      `library: ${lib.itemIds.length} articles in ${lib.feedIds.length} feeds, ${lib.annotationCount} highlights on ${ARTICLES} of them (generated in ${generateMs.toFixed(0)} ms); style ${STYLE}`,
    )
    const [{ createCore }, importMs] = await timed(() => import('../../electron/core/create-core'))
    const { CitationRenderer } = await import('../../electron/core/export/citation-renderer')
    const open = () => createCore(coreOptions(dataDir))
    // A new library's search index is built once (derived data, kept on disk; in the app on a
    // worker thread): not an export's cost, so it is built first, and the fresh process finds it.
    const indexer = await open()
    const [, indexMs] = await timed(() => indexer.searchIdle())
    await indexer.close()
    await cp(dataDir, coldDir, { recursive: true })
    const [core, openMs] = await timed(open)
    console.log(
      `core modules loaded in ${importMs.toFixed(0)} ms, search index built in ${indexMs.toFixed(0)} ms, core opened in ${openMs.toFixed(0)} ms`,
    )
    // citeproc's first load where the exports will render: a worker of its own (started, loaded,
    // the style's engine built), or this thread (then the core's exports find the engine built).
    const loader = new CitationRenderer(CITATION_WORKER)
    const [, loadMs] = await timed(() => loader.warm(STYLE))
    const where = loader.usesWorker ? 'worker' : 'core thread'
    if (CITATION_WORKER.workerScript && !loader.usesWorker)
      throw new Error('The citation worker did not load')
    await loader.close()
    const rows: [string, number, string][] = [
      [`citeproc first load (once per process, ${where})`, loadMs, ''],
    ]
    const [doc, docMs] = await timed(() => core.exportCollection({ selection: {}, style: STYLE }))
    if (!doc.ok) throw new Error(doc.error.message)
    if (doc.value.annotations !== ANNOTATIONS)
      throw new Error(`exported ${doc.value.annotations} highlights, not ${ANNOTATIONS}`)
    rows.push([
      `first collection export (cold caches)`,
      docMs,
      `${doc.value.articles} articles, ${doc.value.annotations} highlights, ${(doc.value.files[0]!.text.length / 1024).toFixed(0)} KB`,
    ])
    const [again, againMs] = await timed(() =>
      core.exportCollection({ selection: {}, style: STYLE }),
    )
    if (!again.ok) throw new Error(again.error.message)
    if (again.value.files[0]!.text !== doc.value.files[0]!.text)
      throw new Error('a repeat export differs from the first')
    rows.push(['collection export, repeat', againMs, ''])
    const [pandoc, pandocMs] = await timed(() =>
      core.exportCollection({ selection: {}, style: STYLE, pandoc: true }),
    )
    if (!pandoc.ok) throw new Error(pandoc.error.message)
    rows.push(['collection export, Pandoc + CSL-JSON', pandocMs, ''])
    const [first, firstMs] = await timed(() =>
      core.exportVault({ folder: vault, selection: {}, style: STYLE }),
    )
    if (!first.ok) throw new Error(first.error.message)
    rows.push(['vault export, first', firstMs, `${first.value.written.length} files written`])
    const [re, reMs] = await timed(() =>
      core.exportVault({ folder: vault, selection: {}, style: STYLE }),
    )
    if (!re.ok) throw new Error(re.error.message)
    rows.push([
      'vault re-export',
      reMs,
      `${re.value.unchanged.length} unchanged, ${re.value.updated.length} updated`,
    ])
    rows.push([
      'cold process total (citeproc load + first export)',
      loadMs + docMs,
      CITATION_WORKER.workerScript
        ? 'a sum: the first export already loads citeproc on its own worker'
        : '',
    ])
    await core.close()

    const child = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1]!, '--cold-child', coldDir],
      { encoding: 'utf8', env: process.env },
    )
    if (child.status !== 0) throw new Error(`cold child failed: ${child.stderr}`)
    const cold = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      importMs: number
      openMs: number
      exportMs: number
      annotations: number
    }
    rows.push([
      'fresh process: open core + first export (measured)',
      cold.openMs + cold.exportMs,
      `open ${cold.openMs.toFixed(0)} ms + export ${cold.exportMs.toFixed(0)} ms (modules ${cold.importMs.toFixed(0)} ms before)`,
    ])
    print(rows)
  } finally {
    await rm(dataDir, { recursive: true, force: true })
    await rm(coldDir, { recursive: true, force: true })
    await rm(vault, { recursive: true, force: true })
  }
}

if (CHILD) void coldChild(process.argv[3]!)
else void main()
