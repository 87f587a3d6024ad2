// The built browser shell (out/main/web.js, built before the tests by `npm test`) stopped the way
// a terminal or a service manager stops it: SIGTERM or Ctrl-C. It must close its core — finish
// the writes it acknowledged and write the listing catalog — so the next start opens from the
// catalog instead of reading every feed.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startBrowserShell } from '../helpers/browser-shell'
import { createNodeHttpBridge } from '../helpers/http-bridge'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

afterAll(removeTempDirs)

describe('stopping the browser shell', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal}, keeps what it acknowledged and writes the listing catalog`, async () => {
      const dataDir = await tempDir('reader-shell-stop-')
      const shell = await startBrowserShell(dataDir)
      const url = new URL(shell.url)
      const api = createNodeHttpBridge(url.origin, url.searchParams.get('token')!)
      const list = await api.listItems({ limit: 5 })
      if (!list.ok) throw new Error(list.error.message)
      const item = list.value.items[0]!
      expect(item.read).toBe(false)
      const marked = await api.setItemState({ itemId: item.id, read: true, starred: true })
      expect(marked.ok).toBe(true)
      api.close()

      const exited = new Promise<number | null>((resolve) => shell.process.once('exit', resolve))
      shell.process.kill(signal)
      expect(await exited).toBe(0)
      expect(existsSync(join(dataDir, 'catalog', 'listing.json'))).toBe(true)

      const core = await openCore({ dataDir })
      try {
        const again = await core.listItems({ limit: 5 })
        if (!again.ok) throw new Error(again.error.message)
        expect(again.value.items.find((i) => i.id === item.id)).toMatchObject({
          read: true,
          starred: true,
        })
      } finally {
        await core.close()
      }
    }, 30_000)
  }
})
