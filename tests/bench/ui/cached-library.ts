// Generated benchmark libraries kept in the temp dir between runs (100k items take a while to
// write): reused when complete, with every read/starred flag reset so each run starts unread.
// Background sync is off in them: its feeds point at a closed port, and whether a sync of 1,000
// failing feeds happened to start during the measured opens made runs incomparable (sync with a
// window open is the sync benchmark's subject).
import { existsSync } from 'node:fs'
import { readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateUiLibrary } from './generate-ui-library'

/** Bump when the generator changes, so stale caches are not measured. */
const CACHE_VERSION = 1
export const ITEMS_PER_FEED = 100
/** settings.json as the store keeps it (see LibraryStore's SettingsDoc). */
const SETTINGS = JSON.stringify({ schemaVersion: 1, values: { syncIntervalMinutes: 0 } })

export async function cachedLibrary(items: number): Promise<{ dataDir: string; fresh: boolean }> {
  const dataDir = join(tmpdir(), `reader-ui-bench-v${CACHE_VERSION}-${items}`)
  const marker = join(dataDir, '.complete')
  const settings = join(dataDir, 'settings.json')
  if (existsSync(marker)) {
    for (const feed of await readdir(join(dataDir, 'feeds'))) {
      await rm(join(dataDir, 'feeds', feed, 'state.json'), { force: true })
    }
    await writeFile(settings, SETTINGS)
    return { dataDir, fresh: false }
  }
  await rm(dataDir, { recursive: true, force: true })
  await generateUiLibrary(dataDir, {
    feeds: Math.ceil(items / ITEMS_PER_FEED),
    itemsPerFeed: Math.min(items, ITEMS_PER_FEED),
    bodyBytes: 4096,
    seed: items,
    repostEvery: 10,
  })
  await writeFile(settings, SETTINGS)
  await writeFile(marker, new Date().toISOString())
  return { dataDir, fresh: true }
}
