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
// chicago-ad). `measureExport` is also the suite's (npm run bench) export figure.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CitationStyle } from '../../shared/export/formats/styles'
import type { CoreOptions } from '../../electron/core/create-core'
import type { CitationWorkerOptions } from '../../electron/core/export/citation-renderer'
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

const coreOptions = (dataDir: string, citationWorker = CITATION_WORKER) => ({
  dataDir,
  resourcesDir: RESOURCES_DIR,
  shell: 'test' as const,
  seedSample: false,
  citationWorker,
})

export interface ExportResult {
  /** The core opened (its search index already built). */
  openMs: number
  /** citeproc's first load (and the style's engine), on a loader of its own. */
  loadMs: number
  loadedOn: 'worker' | 'core thread'
  /** The first collection export: every cache cold. */
  firstMs: number
  articles: number
  annotations: number
  documentBytes: number
  repeatMs: number
  pandocMs: number
  vaultFirstMs: number
  vaultWritten: number
  vaultRepeatMs: number
  vaultUnchanged: number
  vaultUpdated: number
}

/**
 * Every highlight of the library at `dataDir` as a collection document (first, then again),
 * the Pandoc variant, and a vault into `vault` (first, then unchanged). The first vault export
 * marks the articles exported. Throws unless `expectAnnotations` highlights were exported.
 */
export async function measureExport(
  dataDir: string,
  options: {
    vault: string
    expectAnnotations: number
    style?: CitationStyle
    citationWorker?: CitationWorkerOptions
    /** Other core options (the suite opens the core as the app does). */
    core?: Partial<CoreOptions>
  },
): Promise<ExportResult> {
  const style = options.style ?? STYLE
  const worker = options.citationWorker ?? CITATION_WORKER
  const { createCore } = await import('../../electron/core/create-core')
  const { CitationRenderer } = await import('../../electron/core/export/citation-renderer')
  const [core, openMs] = await timed(() =>
    createCore({ ...coreOptions(dataDir, worker), ...options.core }),
  )
  try {
    // citeproc's first load where the exports will render: a worker of its own (started, loaded,
    // the style's engine built), or this thread (then the core's exports find the engine built).
    const loader = new CitationRenderer(worker)
    const [, loadMs] = await timed(() => loader.warm(style))
    const loadedOn = loader.usesWorker ? 'worker' : 'core thread'
    if (worker.workerScript && !loader.usesWorker)
      throw new Error('The citation worker did not load')
    await loader.close()
    const [doc, firstMs] = await timed(() => core.exportCollection({ selection: {}, style }))
    if (!doc.ok) throw new Error(doc.error.message)
    if (doc.value.annotations !== options.expectAnnotations)
      throw new Error(
        `exported ${doc.value.annotations} highlights, not ${options.expectAnnotations}`,
      )
    const [again, repeatMs] = await timed(() => core.exportCollection({ selection: {}, style }))
    if (!again.ok) throw new Error(again.error.message)
    if (again.value.files[0]!.text !== doc.value.files[0]!.text)
      throw new Error('a repeat export differs from the first')
    const [pandoc, pandocMs] = await timed(() =>
      core.exportCollection({ selection: {}, style, pandoc: true }),
    )
    if (!pandoc.ok) throw new Error(pandoc.error.message)
    const [first, vaultFirstMs] = await timed(() =>
      core.exportVault({ folder: options.vault, selection: {}, style }),
    )
    if (!first.ok) throw new Error(first.error.message)
    const [re, vaultRepeatMs] = await timed(() =>
      core.exportVault({ folder: options.vault, selection: {}, style }),
    )
    if (!re.ok) throw new Error(re.error.message)
    return {
      openMs,
      loadMs,
      loadedOn,
      firstMs,
      articles: doc.value.articles,
      annotations: doc.value.annotations,
      documentBytes: doc.value.files[0]!.text.length,
      repeatMs,
      pandocMs,
      vaultFirstMs,
      vaultWritten: first.value.written.length,
      vaultRepeatMs,
      vaultUnchanged: re.value.unchanged.length,
      vaultUpdated: re.value.updated.length,
    }
  } finally {
    await core.close()
  }
}

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
    // A new library's search index is built once (derived data, kept on disk; in the app on a
    // worker thread): not an export's cost, so it is built first, and the fresh process finds it.
    const indexer = await createCore(coreOptions(dataDir))
    const [, indexMs] = await timed(() => indexer.searchIdle())
    await indexer.close()
    await cp(dataDir, coldDir, { recursive: true })
    const r = await measureExport(dataDir, { vault, expectAnnotations: ANNOTATIONS })
    console.log(
      `core modules loaded in ${importMs.toFixed(0)} ms, search index built in ${indexMs.toFixed(0)} ms, core opened in ${r.openMs.toFixed(0)} ms`,
    )
    const rows: [string, number, string][] = [
      [`citeproc first load (once per process, ${r.loadedOn})`, r.loadMs, ''],
      [
        `first collection export (cold caches)`,
        r.firstMs,
        `${r.articles} articles, ${r.annotations} highlights, ${(r.documentBytes / 1024).toFixed(0)} KB`,
      ],
      ['collection export, repeat', r.repeatMs, ''],
      ['collection export, Pandoc + CSL-JSON', r.pandocMs, ''],
      ['vault export, first', r.vaultFirstMs, `${r.vaultWritten} files written`],
      [
        'vault re-export',
        r.vaultRepeatMs,
        `${r.vaultUnchanged} unchanged, ${r.vaultUpdated} updated`,
      ],
      [
        'cold process total (citeproc load + first export)',
        r.loadMs + r.firstMs,
        CITATION_WORKER.workerScript
          ? 'a sum: the first export already loads citeproc on its own worker'
          : '',
      ],
    ]

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

if (require.main === module) {
  if (CHILD) void coldChild(process.argv[3]!)
  else void main()
}
