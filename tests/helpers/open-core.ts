// Opens a real core over a temp data dir with the repository's resources/ (sample library).
// Every core opened here is closed before the temp dirs go (closing twice is harmless).
import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../../electron/core/create-core'
import { stopBeforeRemoval, tempDir } from './temp-dir'

export const RESOURCES_DIR = join(__dirname, '..', '..', 'resources')

export async function openCore(options: Partial<CoreOptions> = {}): Promise<Core> {
  const core = await createCore({
    dataDir: options.dataDir ?? (await tempDir()),
    resourcesDir: RESOURCES_DIR,
    shell: 'test',
    seedSample: false,
    fetchOptions: { timeoutMs: 3000 },
    ...options,
  })
  let closing: Promise<void> | null = null
  const close = core.close.bind(core)
  const closeOnce = (): Promise<void> => (closing ??= close())
  stopBeforeRemoval(closeOnce)
  return Object.assign(core, { close: closeOnce })
}
