// Walking the list with j, or clicking a row in view: while the reader reads one article, the
// window's core prepares those around it (sanitized on the worker, split into blocks), so
// opening them takes no trip to the sanitizer — and shows exactly what an unprepared open shows.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

const COUNTING = join(__dirname, '..', 'helpers', 'sanitize-worker-counting.cjs')

afterAll(removeTempDirs)

/** How many bodies the sanitizer was asked for. */
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

describe('preparing the articles around the one opened', () => {
  it('sanitizes each body once, before it is opened, and opens it as an unprepared open shows it', async () => {
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

      // At start the first article is opened ahead, then those after it are prepared.
      await until(() => sanitized(log) >= ids.length)
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(sanitized(log)).toBe(ids.length)

      const opened = []
      for (const itemId of [ids[1]!, ids[0]!, ids[ids.length - 1]!, ids[2]!]) {
        const article = await core.getArticle({ itemId })
        if (!article.ok) throw new Error(article.error.message)
        opened.push(article.value)
      }
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(sanitized(log)).toBe(ids.length)

      // What a prepared open shows is what a core that prepares nothing shows.
      const plain = await openCore({ dataDir, seedSample: false })
      for (const article of opened) {
        const again = await plain.getArticle({ itemId: article.id })
        if (!again.ok) throw new Error(again.error.message)
        expect(article.contentHtml).toBe(again.value.contentHtml)
        expect(article.citation).toEqual(again.value.citation)
        expect(article.summaryOnly).toBe(again.value.summaryOnly)
      }
    } finally {
      delete process.env.READER_SANITIZE_LOG
    }
  }, 30_000)
})
