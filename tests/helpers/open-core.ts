// Opens a real core over a temp data dir with the repository's resources/ (sample library).
import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../../electron/core/create-core'
import { tempDir } from './temp-dir'

export const RESOURCES_DIR = join(__dirname, '..', '..', 'resources')

export async function openCore(options: Partial<CoreOptions> = {}): Promise<Core> {
  return createCore({
    dataDir: options.dataDir ?? (await tempDir()),
    resourcesDir: RESOURCES_DIR,
    shell: 'test',
    seedSample: false,
    fetchOptions: { timeoutMs: 3000 },
    ...options,
  })
}
