// Walking the list with j: while the reader reads one article, the window's core prepares the
// next ones (sanitized on the worker, split into blocks), so opening the next takes no trip to
// the sanitizer — and shows exactly what an unprepared open shows.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

const COUNTING = join(__dirname, '..', 'helpers', 'sanitize-worker-counting.cjs')

afterAll(removeTempDirs)

function sanitized(log: string): number {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('preparing the next articles', () => {
  it('opens the next article in the list without sanitizing it again, as an unprepared open shows it', async () => {
    const dataDir = await tempDir()
    const log = join(await tempDir(), 'sanitized.log')
    process.env.READER_SANITIZE_LOG = log
    try {
      const core = await openCore({
        dataDir,
        seedSample: true,
        shell: 'browser',
        sanitizer: { workerScript: COUNTING },
      })
      const list = await core.listItems({ limit: 20 })
      if (!list.ok) throw new Error(list.error.message)
      const ids = list.value.items.map((item) => item.id)
      expect(ids.length).toBeGreaterThanOrEqual(5)

      const first = await core.getArticle({ itemId: ids[0]! })
      expect(first.ok).toBe(true)
      // The next two are prepared in the background once the first is answered.
      await until(() => sanitized(log) >= 3)
      await new Promise((resolve) => setTimeout(resolve, 200))
      const before = sanitized(log)
      // Read as soon as it is answered: the preparations this open starts come after.
      const second = await core.getArticle({ itemId: ids[1]! })
      expect(sanitized(log)).toBe(before)
      if (!second.ok) throw new Error(second.error.message)
      await until(() => sanitized(log) >= before + 1) // the one two further, ids[3]
      await new Promise((resolve) => setTimeout(resolve, 200))
      const prepared = sanitized(log)

      // One three further was not prepared: opening it reaches the sanitizer.
      const far = await core.getArticle({ itemId: ids[4]! })
      expect(far.ok).toBe(true)
      expect(sanitized(log)).toBe(prepared + 1)

      // What a prepared open shows is what a core that prepares nothing shows.
      const plain = await openCore({ dataDir, seedSample: false })
      const again = await plain.getArticle({ itemId: ids[1]! })
      if (!again.ok) throw new Error(again.error.message)
      expect(second.value.contentHtml).toBe(again.value.contentHtml)
      expect(second.value.citation).toEqual(again.value.citation)
      expect(second.value.summaryOnly).toBe(again.value.summaryOnly)
    } finally {
      delete process.env.READER_SANITIZE_LOG
    }
  }, 30_000)
})
