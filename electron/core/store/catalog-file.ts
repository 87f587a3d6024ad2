// Where the listing catalog lives (<dataDir>/catalog/listing.json) and how it is read and
// written. Written whole to a temp file and renamed over the old one, so a reader (this process
// at its next start, or another process) sees the old catalog or the new one, never a mix; two
// processes writing at once leave one of their catalogs, and each is true for every feed whose
// stamps still match. A catalog that is missing, damaged or of another format is not used (and is
// replaced at the next write): it is derived data, rebuilt from the feeds, so unlike the user's
// documents there is nothing in it to set aside.
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CatalogError, decodeCatalog, type DecodedCatalog } from './listing-catalog'

export function catalogFile(dataDir: string): string {
  return join(dataDir, 'catalog', 'listing.json')
}

export type CatalogRead =
  { catalog: DecodedCatalog; problem: null } | { catalog: null; problem: string | null }

/** The catalog; or null with why (problem null: there is no catalog yet). */
export async function readCatalogFile(dataDir: string): Promise<CatalogRead> {
  let bytes: Buffer
  try {
    bytes = await readFile(catalogFile(dataDir))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { catalog: null, problem: null }
    return { catalog: null, problem: `unreadable (${(error as Error).message})` }
  }
  try {
    return { catalog: decodeCatalog(bytes), problem: null }
  } catch (error) {
    if (error instanceof CatalogError) return { catalog: null, problem: error.message }
    throw error
  }
}

export async function writeCatalogFile(dataDir: string, bytes: Buffer): Promise<void> {
  const file = catalogFile(dataDir)
  // Not recursive: a data dir removed meanwhile (a test's temp dir) is not made again.
  await mkdir(join(dataDir, 'catalog')).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error
  })
  // Unique per writer: two processes writing at once must not share a temp file.
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(temp, bytes)
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
