// Fresh data dirs for tests, removed afterwards — after whatever still works in them (a core's
// coalesced writes, its search index) has been stopped, so no file lands in a dir being removed.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const made: string[] = []
const stoppers: (() => Promise<void>)[] = []

export async function tempDir(prefix = 'reader-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

/** Runs `stop` before the temp dirs are removed (at most once). */
export function stopBeforeRemoval(stop: () => Promise<void>): void {
  stoppers.push(stop)
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(stoppers.splice(0).map((stop) => stop().catch(() => {})))
  await Promise.all(
    made
      .splice(0)
      .map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })),
  )
}
