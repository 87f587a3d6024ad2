// Rendered citations kept across restarts (cache/citations.json). citeproc takes ~2.5 ms an
// entry in a fresh process: an export of 2,000 highlights over 400 articles spent about a second
// of CPU right after start rendering texts an earlier run had already rendered (or rendered in
// idle time when the highlights were made: see create-core's citation pre-rendering). The texts
// are keyed by the citation itself (style, form and every field: a corrected citation is another
// key), and the whole file by what renders them — citeproc's and citation-js's versions, the
// styles' text and CITATION_RENDERING_VERSION — so an update never shows an old rendering.
// Derived data: a file that is damaged, from another renderer or unreadable is ignored (and
// replaced at the next save), never an error.
import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  cachedCitationEntries,
  citationCacheRevision,
  restoreCachedCitations,
} from '../../../shared/export/cached-citation'
import { CSL_STYLES } from '../../../shared/export/formats/csl/styles'
import { CITATION_RENDERING_VERSION } from '../../../shared/export/formats/render-citations'
import { writeFileDurably } from '../store/durable-write'
import { acquireLock } from '../store/file-lock'

export function citationCacheFile(dataDir: string): string {
  return join(dataDir, 'cache', 'citations.json')
}

interface CacheFile {
  renderer: string
  entries: [string, string][]
}

let rendererId: string | null = null

/** What renders the texts: a file written by anything else is not used. */
export function citationRendererId(): string {
  if (rendererId) return rendererId
  const require = createRequire(__filename)
  const version = (name: string): string => {
    try {
      return (require(`${name}/package.json`) as { version: string }).version
    } catch {
      return 'unknown'
    }
  }
  rendererId = createHash('sha256')
    .update(
      JSON.stringify([
        CITATION_RENDERING_VERSION,
        version('citeproc'),
        version('@citation-js/core'),
        version('@citation-js/plugin-csl'),
        CSL_STYLES,
      ]),
    )
    .digest('hex')
    .slice(0, 16)
  return rendererId
}

/** Puts the texts kept in `dataDir` back into the cache; how many were read (0: none usable). */
export async function loadCitationCache(dataDir: string): Promise<number> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(citationCacheFile(dataDir), 'utf8'))
  } catch {
    return 0
  }
  const file = parsed as Partial<CacheFile> | null
  if (file?.renderer !== citationRendererId() || !Array.isArray(file.entries)) return 0
  const entries = file.entries.filter(
    (entry): entry is [string, string] =>
      Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string',
  )
  restoreCachedCitations(entries)
  return entries.length
}

/** Writes every cached text to `dataDir` (whole, atomically; under its lock: the CLI may too). */
export async function saveCitationCache(dataDir: string): Promise<void> {
  const file = citationCacheFile(dataDir)
  await mkdir(dirname(file), { recursive: true })
  const body: CacheFile = { renderer: citationRendererId(), entries: cachedCitationEntries() }
  const lock = await acquireLock(file)
  try {
    await writeFileDurably(file, JSON.stringify(body))
  } finally {
    await lock.release()
  }
}

/** Save this long after the last change (a burst of highlights is one write). */
const SAVE_DELAY_MS = 2_000

/**
 * The kept texts of one library: read once, when a citation is first wanted; written a while
 * after new texts were cached, and at close.
 */
export class KeptCitations {
  private loading: Promise<void> | null = null
  private savedRevision = -1
  private timer: NodeJS.Timeout | null = null
  private saving: Promise<void> = Promise.resolve()
  /** How many texts the file gave (0: none, or not read yet). */
  found = 0

  constructor(
    private readonly dataDir: string,
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** Resolves once the kept texts are in the cache (read at the first call). */
  ready(): Promise<void> {
    this.loading ??= loadCitationCache(this.dataDir).then((found) => {
      this.found = found
      this.savedRevision = citationCacheRevision()
    })
    return this.loading
  }

  /** New texts may have been cached: write them a little later. */
  changed(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS)
    this.timer.unref()
  }

  /** Writes now what was cached since the last write, if anything. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.saving = this.saving.then(async () => {
      // Not read yet: nothing of this library's was rendered (and an empty write would drop
      // what the file holds).
      if (!this.loading) return
      await this.loading
      const revision = citationCacheRevision()
      if (revision === this.savedRevision) return
      try {
        await saveCitationCache(this.dataDir)
        this.savedRevision = revision
      } catch (error) {
        this.log(`Rendered citations not kept: ${String(error)}`)
      }
    })
    return this.saving
  }
}
