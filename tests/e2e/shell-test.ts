// Playwright's `test` with a `shell` fixture: each test gets its own browser shell on a fresh
// data dir, stopped afterwards, with the shell's log attached when the test failed.
import { test as base } from '@playwright/test'
import {
  reportShellOnFailure,
  startBrowserShell,
  type RunningShell,
} from '../helpers/browser-shell'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

export { expect } from '@playwright/test'

export const test = base.extend<{ shell: RunningShell }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from the pattern
  shell: async ({}, use, testInfo) => {
    const shell = await startBrowserShell(await tempDir())
    await use(shell)
    await reportShellOnFailure(shell, testInfo)
    await shell.stop()
    await removeTempDirs()
  },
})
