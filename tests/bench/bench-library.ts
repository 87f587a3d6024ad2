// The benchmark library, one for the suite (npm run bench) and the bench:ui, bench:annotate and
// bench:search scripts: generate-library's researcher's library at a given size — 100 items per
// feed (1,000 feeds at 100k), ~4 KB news-like bodies, 2,000 highlights spread over 400 articles
// (quotes with speakers, claims with a status and evidence, notes, tags), folders and reposts as
// the reading-UI library had them — with its search index built. 100k items take minutes to
// write and index, so each size is kept in the temp dir (reader-bench-library-v<version>-<items>,
// complete once `.complete` is there) and reused; before each use it is put back as generated: every read/starred/exported flag cleared (state.json),
// the highlights restored from a copy taken at generation, their citations kept rendered as the
// app keeps them (or none, for the cold export), and background sync off in its
// settings (its feeds point at a closed port; whether a sync of 1,000 failing feeds started
// during a measurement made runs incomparable — sync is the sync benchmark's subject).
import { existsSync, readFileSync } from 'node:fs'
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createCore } from '../../electron/core/create-core'
import { citationCacheFile } from '../../electron/core/export/citation-cache-file'
import { RESOURCES_DIR, searchWorkerScript } from './bench-core'
import { generateLibrary, type GeneratedLibrary, type LibraryOptions } from './generate-library'

/** Bump when the generator or these options change, so stale caches are not measured. */
const CACHE_VERSION = 2
export const ITEMS_PER_FEED = 100
export const ANNOTATIONS = 2000
export const ANNOTATED_ARTICLES = 400
/** settings.json as the store keeps it (see LibraryStore's SettingsDoc). */
const SETTINGS = JSON.stringify({ schemaVersion: 1, values: { syncIntervalMinutes: 0 } })
/** The GeneratedLibrary (words by frequency, feed titles, ids) for choosing queries and items. */
const META = 'bench-library.json'
/** Each feed's annotations.json as generated, restored before every use. */
const PRISTINE = 'bench-pristine-annotations'
/** catalog/listing.json as a clean close of the generated library writes it. */
const PRISTINE_CATALOG = 'bench-pristine-catalog.json'
/**
 * cache/citations.json as the app leaves it once the highlights' citations are rendered (a
 * window renders a highlight's citation at the next pause after it is made; see create-core).
 */
const PRISTINE_CITATIONS = 'bench-pristine-citations.json'

export interface BenchLibrary {
  dataDir: string
  lib: GeneratedLibrary
  /** Generated (and indexed) by this call, in this many ms; else reused. */
  fresh: boolean
  generateMs: number
}

export function benchLibraryOptions(items: number): LibraryOptions {
  return {
    feeds: Math.max(1, Math.ceil(items / ITEMS_PER_FEED)),
    itemsPerFeed: Math.min(items, ITEMS_PER_FEED),
    bodyBytes: 4096,
    annotations: ANNOTATIONS,
    annotatedItems: Math.min(ANNOTATED_ARTICLES, items),
    markup: 'news',
    nestedFolders: true,
    repostEvery: 10,
  }
}

export function benchLibraryDir(items: number): string {
  return join(tmpdir(), `reader-bench-library-v${CACHE_VERSION}-${items}`)
}

/** The library of `items` items, generated and indexed the first time, reset every time. */
export async function benchLibrary(items: number): Promise<BenchLibrary> {
  const dataDir = benchLibraryDir(items)
  const marker = join(dataDir, '.complete')
  if (existsSync(marker)) {
    await keepCitations(dataDir)
    await resetBenchLibrary(dataDir)
    const lib = JSON.parse(readFileSync(join(dataDir, META), 'utf8')) as GeneratedLibrary
    return { dataDir, lib, fresh: false, generateMs: 0 }
  }
  const started = performance.now()
  await rm(dataDir, { recursive: true, force: true })
  const lib = await generateLibrary(dataDir, benchLibraryOptions(items))
  await writeFile(join(dataDir, META), JSON.stringify(lib))
  await writeFile(join(dataDir, 'settings.json'), SETTINGS)
  // The search index is derived data the app builds once in the background: part of the
  // library here, so no measurement waits for (or competes with) its first build.
  const core = await preparingCore(dataDir)
  await core.searchIdle()
  await core.close()
  await mkdir(join(dataDir, PRISTINE), { recursive: true })
  for (const feedId of await readdir(join(dataDir, 'feeds'))) {
    const file = join(dataDir, 'feeds', feedId, 'annotations.json')
    if (existsSync(file)) await copyFile(file, join(dataDir, PRISTINE, `${feedId}.json`))
  }
  await keepCitations(dataDir)
  await writeFile(marker, new Date().toISOString())
  return { dataDir, lib, fresh: true, generateMs: performance.now() - started }
}

/** A core that prepares the library, never measured (citations are rendered on its thread). */
function preparingCore(dataDir: string) {
  return createCore({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    shell: 'test',
    seedSample: false,
    searchWorker: { workerScript: searchWorkerScript() },
  })
}

/** Renders and keeps the highlights' citations once, as the app does when they are made. */
async function keepCitations(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, PRISTINE_CITATIONS))) return
  await resetBenchLibrary(dataDir)
  const core = await preparingCore(dataDir)
  await core.prerenderCitations()
  await core.close()
  await copyFile(citationCacheFile(dataDir), join(dataDir, PRISTINE_CITATIONS))
}

/** Puts a generated library back as it was generated (no core may have it open). */
export async function resetBenchLibrary(
  dataDir: string,
  { keptCitations = true }: { keptCitations?: boolean } = {},
): Promise<void> {
  const pristine = new Set(await readdir(join(dataDir, PRISTINE)))
  for (const feedId of await readdir(join(dataDir, 'feeds'))) {
    const dir = join(dataDir, 'feeds', feedId)
    // The backups too: a .bak is the previous version of a file that is still there.
    for (const name of ['state.json', 'state.json.bak', 'annotations.json.bak'])
      await rm(join(dir, name), { force: true })
    if (pristine.has(`${feedId}.json`))
      await copyFile(join(dataDir, PRISTINE, `${feedId}.json`), join(dir, 'annotations.json'))
    else await rm(join(dir, 'annotations.json'), { force: true })
  }
  await writeFile(join(dataDir, 'settings.json'), SETTINGS)
  await rm(join(dataDir, 'settings.json.bak'), { force: true })
  // No article exported yet: each export run marks its 400 articles, as a first export does.
  await rm(join(dataDir, 'exports.json'), { force: true })
  await rm(join(dataDir, 'exports.json.bak'), { force: true })
  // The highlights' citations as the app keeps them — or none, for the cold export.
  const pristineCitations = join(dataDir, PRISTINE_CITATIONS)
  await rm(citationCacheFile(dataDir), { force: true })
  if (keptCitations && existsSync(pristineCitations)) {
    await mkdir(dirname(citationCacheFile(dataDir)), { recursive: true })
    await copyFile(pristineCitations, citationCacheFile(dataDir))
  }
  await resetCatalog(dataDir)
}

/**
 * The listing catalog as the app leaves it at a clean close of the library as generated: every
 * measurement then starts as a reader's next start does. Left as the last run wrote it, the
 * feeds that run touched (their state.json, removed above) would be read at open — a start-up
 * after a crash, not the usual one (BENCH_CATALOG=cold in bench:cold-open measures no catalog).
 */
async function resetCatalog(dataDir: string): Promise<void> {
  const catalog = join(dataDir, 'catalog', 'listing.json')
  const kept = join(dataDir, PRISTINE_CATALOG)
  if (existsSync(kept)) {
    await mkdir(join(dataDir, 'catalog'), { recursive: true })
    await copyFile(kept, catalog)
    return
  }
  // The first time: a core opened and closed without a catalog writes one from every feed.
  await rm(join(dataDir, 'catalog'), { recursive: true, force: true })
  const core = await preparingCore(dataDir)
  await core.close()
  if (existsSync(catalog)) await copyFile(catalog, kept)
}
