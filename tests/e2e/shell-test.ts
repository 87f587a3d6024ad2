// Playwright's `test` with a `shell` fixture: each test gets its own browser shell on a fresh
// data dir, stopped afterwards, with the shell's log attached when the test failed. A spec may
// `test.use({ generatedLibrary: { feeds, itemsPerFeed } })` to start on a generated library
// instead of the bundled sample.
import { test as base } from '@playwright/test'
import { generateUiLibrary, type UiLibraryOptions } from '../bench/ui/generate-ui-library'
import {
  reportShellOnFailure,
  startBrowserShell,
  type RunningShell,
} from '../helpers/browser-shell'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

export { expect } from '@playwright/test'

export const test = base.extend<{
  shell: RunningShell
  generatedLibrary: UiLibraryOptions | null
}>({
  generatedLibrary: [null, { option: true }],
  shell: async ({ generatedLibrary }, use, testInfo) => {
    const dataDir = await tempDir()
    if (generatedLibrary) await generateUiLibrary(dataDir, generatedLibrary)
    const shell = await startBrowserShell(dataDir)
    await use(shell)
    await reportShellOnFailure(shell, testInfo)
    await shell.stop()
    await removeTempDirs()
  },
})
