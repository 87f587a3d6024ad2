// Bundles a TypeScript helper script into one CommonJS file a plain `node` runs: for tests that
// start a helper process many times (the crash test, 50 of them). Through tsx each start spends
// ~2.5 s loading and compiling the core's modules on a busy 2-core machine; bundled, ~1 s.
// Packages stay external, found through a node_modules link beside the bundle. esbuild comes with
// tsx and vite (the version in package-lock.json).
import { symlink } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { build } from 'esbuild'
import { tempDir } from './temp-dir'

const REPO = join(__dirname, '..', '..')

/** The bundled script's path (in a temp dir removed with the others). */
export async function bundleScript(entry: string): Promise<string> {
  const dir = await tempDir('reader-bundle-')
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir')
  const outfile = join(dir, basename(entry).replace(/\.ts$/, '.cjs'))
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
  })
  return outfile
}
