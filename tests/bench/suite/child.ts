// One measurement of the suite in a fresh process (so each starts cold and none inherits
// another's memory, caches or worker threads): `node --import tsx child.ts <task> <dataDir>`.
// Prints the result as JSON on its last line. The core is opened as the app opens it (built
// worker threads); the measuring code is the bench:* scripts' own.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GeneratedLibrary } from '../generate-library'
import { appCoreOptions } from '../bench-core'

export type ChildTask = 'open' | 'toggles' | 'highlights' | 'export'

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await run()
  return [value, performance.now() - started]
}

async function run(task: ChildTask, dataDir: string): Promise<unknown> {
  const [{ createCore }, importMs] = await timed(() => import('../../../electron/core/create-core'))
  const lib = JSON.parse(
    await readFile(join(dataDir, 'bench-library.json'), 'utf8'),
  ) as GeneratedLibrary
  const size = lib.itemIds.length
  if (task === 'open') {
    // As a window opens it: the core warms up as the shells' do, then the first list.
    const { measureCore } = await import('../ui/ui-bench')
    return { importMs, ...(await measureCore(dataDir, appCoreOptions(dataDir, 'browser'))) }
  }
  if (task === 'export') {
    const { measureExport } = await import('../export-bench')
    const vault = await mkdtemp(join(tmpdir(), 'reader-bench-vault-'))
    try {
      return await measureExport(dataDir, {
        vault,
        expectAnnotations: lib.annotationCount,
        core: appCoreOptions(dataDir),
      })
    } finally {
      await rm(vault, { recursive: true, force: true })
    }
  }
  const core = await createCore(appCoreOptions(dataDir))
  try {
    const [, settleMs] = await timed(() => core.searchIdle())
    if (task === 'toggles') {
      const { measureToggles } = await import('../store-bench')
      return { settleMs, ...(await measureToggles(core, lib.itemIds, { seed: size, star: true })) }
    }
    const { measureHighlights } = await import('../annotate-bench')
    return { settleMs, ...(await measureHighlights(core, lib.itemIds, { seed: size })) }
  } finally {
    await core.close()
  }
}

if (require.main === module) {
  const [task, dataDir] = process.argv.slice(2)
  if (!['open', 'toggles', 'highlights', 'export'].includes(task ?? '') || !dataDir) {
    console.error('usage: child.ts open|toggles|highlights|export <dataDir>')
    process.exit(2)
  }
  run(task as ChildTask, dataDir).then(
    (result) => {
      console.log(JSON.stringify(result))
      // Worker threads a core leaves behind must not keep a measured process alive.
      process.exit(0)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
