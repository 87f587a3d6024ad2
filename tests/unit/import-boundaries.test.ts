// The layering rules are lint rules; this proves they fire, so a broken config cannot pass
// silently: shared/ is pure, the renderer sees only shared/, only main/preload import electron.
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..')
const eslint = new ESLint({ cwd: ROOT })

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe('import boundaries', () => {
  it('keep shared/ free of Node, electron, and the other folders', async () => {
    expect(
      await restrictedImports(
        'shared/x.ts',
        "import { readFile } from 'node:fs'\nexport const a = readFile\n",
      ),
    ).toHaveLength(1)
    expect(
      await restrictedImports(
        'shared/x.ts',
        "import { app } from 'electron'\nexport const a = app\n",
      ),
    ).toHaveLength(1)
    expect(
      await restrictedImports(
        'shared/x.ts',
        "import { a } from '../electron/core/ids'\nexport const b = a\n",
      ),
    ).toHaveLength(1)
    expect(
      await restrictedImports(
        'shared/x.ts',
        "import { a } from '../renderer/src/App'\nexport const b = a\n",
      ),
    ).toHaveLength(1)
    expect(
      await restrictedImports('shared/x.ts', "import { z } from 'zod'\nexport const a = z\n"),
    ).toEqual([])
  })

  it('let the renderer import only shared/', async () => {
    expect(
      await restrictedImports(
        'renderer/src/x.ts',
        "import { a } from '../../electron/core/ids'\nexport const b = a\n",
      ),
    ).toHaveLength(1)
    expect(
      await restrictedImports(
        'renderer/src/x.ts',
        "import { readFile } from 'fs'\nexport const a = readFile\n",
      ),
    ).toHaveLength(1)
    expect(
      await restrictedImports(
        'renderer/src/x.ts',
        "import { contract } from '../../shared/contract'\nexport const a = contract\n",
      ),
    ).toEqual([])
  })

  it('let only electron/main and electron/preload import electron', async () => {
    const code = "import { app } from 'electron'\nexport const a = app\n"
    for (const file of [
      'electron/core/x.ts',
      'electron/web/x.ts',
      'electron/cli/x.ts',
      'electron/launcher/x.ts',
    ]) {
      expect(await restrictedImports(file, code), file).toHaveLength(1)
    }
    expect(await restrictedImports('electron/main/x.ts', code)).toEqual([])
    expect(await restrictedImports('electron/preload/x.ts', code)).toEqual([])
  })
})
