// `npm run pack:check` (after `npm run build`): package the app for Linux as an unpacked dir,
// offline, against a stub Electron (the real binary cannot be downloaded here), then open the
// produced app.asar and check what went in: the built app and its runtime dependencies, and no
// sources, tests or devDependencies. Everything happens in a temp dir that is removed afterwards.
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractFile, listPackage, statFile } from '@electron/asar'

const started = Date.now()
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const require = createRequire(join(root, 'package.json'))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const BUILDER_TIMEOUT_MS = 180_000

const REQUIRED_FILES = [
  'package.json',
  'out/main/index.js',
  'out/main/cli.js',
  'out/preload/index.js',
  'out/renderer/index.html',
  'resources/sample/feed.xml',
]
const REQUIRED_DEPS = [
  ...new Set(['dompurify', 'jsdom', 'rss-parser', 'zod', ...Object.keys(pkg.dependencies ?? {})]),
]
const DEV_DEPS = Object.keys(pkg.devDependencies ?? {}).filter(
  (name) => !REQUIRED_DEPS.includes(name),
)
const SOURCE_DIRS = ['electron', 'renderer', 'shared', 'tests', 'src']

/** Stops the check at once (the temp dir is still removed). */
class Fatal extends Error {}
function fatal(message) {
  throw new Fatal(message)
}

for (const built of ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']) {
  if (!existsSync(join(root, built))) {
    console.error(`pack-check: ${built} is missing — run \`npm run build\` first.`)
    process.exit(1)
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'reader-pack-'))
const failures = []
try {
  // 1. A stub unpacked Electron: electron-builder copies it and renames the binary; it never runs it.
  const electronVersion = JSON.parse(
    readFileSync(require.resolve('electron/package.json'), 'utf8'),
  ).version
  const stub = join(tmp, 'electron-stub')
  mkdirSync(join(stub, 'resources'), { recursive: true })
  writeFileSync(
    join(stub, 'electron'),
    '#!/bin/sh\necho "stub Electron for pack-check: not runnable" >&2\nexit 1\n',
  )
  chmodSync(join(stub, 'electron'), 0o755)
  writeFileSync(join(stub, 'version'), electronVersion)
  writeFileSync(join(stub, 'LICENSE'), 'Stub Electron licence for pack-check.\n')
  writeFileSync(join(stub, 'LICENSES.chromium.html'), '<!doctype html><title>stub</title>\n')

  // 2. Package: Linux dir target, the project's electron-builder.yml, output in the temp dir.
  const output = join(tmp, 'dist')
  const cli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js')
  const builder = spawnSync(
    process.execPath,
    [
      cli,
      '--linux',
      'dir',
      '--projectDir',
      root,
      `-c.electronDist=${stub}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${output}`,
      '--publish',
      'never',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: BUILDER_TIMEOUT_MS,
      env: {
        ...process.env,
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        ELECTRON_BUILDER_DISABLE_BUILD_CACHE: 'true',
        CI: process.env.CI ?? 'true',
      },
    },
  )
  if (builder.error || builder.status !== 0) {
    console.error(builder.stdout)
    console.error(builder.stderr)
    fatal(
      builder.error
        ? `electron-builder did not finish: ${builder.error.message}`
        : `electron-builder exited with ${builder.status} (output above).`,
    )
  }

  // 3. Find the unpacked app and its archive.
  const unpacked = readdirSync(output).find((name) => name.endsWith('-unpacked'))
  if (!unpacked) fatal(`no *-unpacked folder in the output: ${readdirSync(output).join(', ')}`)
  const appDir = join(output, unpacked)
  const asarPath = join(appDir, 'resources', 'app.asar')
  if (!existsSync(asarPath)) fatal(`${asarPath} was not produced (is asar disabled?)`)
  const executable = join(appDir, pkg.name)
  if (!existsSync(executable))
    failures.push(`the app executable ${pkg.name} is missing from ${unpacked}/`)

  // 4. What is inside app.asar. Paths normalised to 'a/b/c' without a leading slash.
  const entries = listPackage(asarPath, { isPack: false }).map((entry) =>
    entry.replaceAll('\\', '/').replace(/^\/+/, ''),
  )
  const entrySet = new Set(entries)
  const isFile = (entry) => !('files' in statFile(asarPath, entry))
  const files = entries.filter(isFile)
  const appFiles = files.filter(
    (entry) => !entry.startsWith('node_modules/') && !entry.includes('/node_modules/'),
  )

  for (const file of REQUIRED_FILES) {
    if (!entrySet.has(file)) failures.push(`missing from app.asar: ${file}`)
  }

  const packagedPkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8'))
  const main = String(packagedPkg.main ?? '').replace(/^\.\//, '')
  if (!main) failures.push('the packaged package.json has no "main"')
  else if (!entrySet.has(main))
    failures.push(`the packaged package.json's main (${main}) is not in app.asar`)
  if (
    !extractFile(asarPath, 'out/main/index.js').toString('utf8').includes('require("electron")')
  ) {
    failures.push('out/main/index.js in app.asar does not look like the Electron main bundle')
  }

  const depsFound = []
  for (const dep of REQUIRED_DEPS) {
    if (entrySet.has(`node_modules/${dep}/package.json`)) depsFound.push(dep)
    else failures.push(`runtime dependency missing from app.asar: node_modules/${dep}`)
  }

  for (const dev of DEV_DEPS) {
    if (entrySet.has(`node_modules/${dev}`))
      failures.push(`devDependency packaged: node_modules/${dev}`)
  }

  const sources = appFiles.filter((entry) => /\.(ts|tsx|mts|cts)$/.test(entry))
  if (sources.length) failures.push(`TypeScript sources packaged: ${sample(sources)}`)
  const maps = appFiles.filter((entry) => entry.endsWith('.map'))
  if (maps.length) failures.push(`source maps packaged: ${sample(maps)}`)
  const testFiles = appFiles.filter(
    (entry) =>
      /(^|\/)(tests?|__tests__)\//.test(entry) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(entry),
  )
  if (testFiles.length) failures.push(`tests packaged: ${sample(testFiles)}`)
  for (const dir of SOURCE_DIRS) {
    if (entrySet.has(dir)) failures.push(`source folder packaged: ${dir}/`)
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const sizeMb = (statSync(asarPath).size / 1024 / 1024).toFixed(1)
  console.log(
    [
      `pack-check: electron-builder --linux dir (stub Electron ${electronVersion}) → ${unpacked}/resources/app.asar`,
      `  ${files.length} files (${appFiles.length} of the app, ${files.length - appFiles.length} in node_modules), ${sizeMb} MB`,
      `  runtime deps found: ${depsFound.join(', ') || '(none)'}`,
      `  devDependencies checked absent: ${DEV_DEPS.length}`,
      `  took ${seconds} s`,
    ].join('\n'),
  )
} catch (error) {
  if (!(error instanceof Fatal)) throw error
  failures.push(error.message)
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

if (failures.length) {
  console.error(`pack-check: FAILED (${failures.length})`)
  for (const failure of failures) console.error(`  ✗ ${failure}`)
  process.exit(1)
}
console.log('pack-check: OK')

function sample(list) {
  return list.slice(0, 5).join(', ') + (list.length > 5 ? ` … (+${list.length - 5} more)` : '')
}
