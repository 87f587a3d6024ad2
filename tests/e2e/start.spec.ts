// `npm start` on a machine without the Electron binary: one clear line naming ELECTRON_MIRROR,
// then the browser shell's URL, whose page shows the sample library. And the `reader` bin runs.
import { spawn, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { REPO_ROOT } from '../helpers/browser-shell'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

const electronInstalled = existsSync(join(REPO_ROOT, 'node_modules', 'electron', 'path.txt'))

test.afterEach(async () => {
  await removeTempDirs()
})

test('npm start falls back to the browser shell with one clear line and a working URL', async ({
  page,
}) => {
  test.skip(
    electronInstalled,
    'the Electron binary is installed here, so npm start opens the desktop app',
  )
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'out', 'main', 'start.js'), '--data', await tempDir()],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  try {
    await expect
      .poll(() => output, { timeout: 30_000 })
      .toMatch(/Open http:\/\/127\.0\.0\.1:\d+\/\?token=/)
    const lines = output.trim().split('\n')
    expect(lines[0]).toMatch(
      /^Electron binary not available \(.+\) — starting the browser shell instead; .*ELECTRON_MIRROR/,
    )
    expect(lines).toHaveLength(3) // the fallback line, the library line, the URL
    const url = /Open (\S+)/.exec(output)![1]!
    await page.goto(url)
    await expect(page.getByRole('navigation', { name: 'Feeds' })).toContainText(
      'Research Reader — Sample Newsroom',
    )
    await expect(page.getByRole('option')).toHaveCount(5)
  } finally {
    child.kill('SIGTERM')
  }
})

test('the reader bin runs the built CLI', () => {
  const version = execFileSync(
    process.execPath,
    [join(REPO_ROOT, 'electron', 'cli', 'bin.cjs'), '--version'],
    { encoding: 'utf8' },
  )
  expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/)
})
