// A second process for the shared-library test: opens the data dir with its own core and
// creates N annotations on one item, one after another. Usage: annotate-loop <dataDir> <itemId> <n>
import { join } from 'node:path'
import { createCore } from '../../electron/core/create-core'

const [dataDirArg, itemIdArg, count] = process.argv.slice(2)
if (!dataDirArg || !itemIdArg) throw new Error('usage: annotate-loop <dataDir> <itemId> <n>')
const dataDir: string = dataDirArg
const itemId: string = itemIdArg
async function main(): Promise<void> {
  const core = await createCore({
    dataDir,
    resourcesDir: join(__dirname, '..', '..', 'resources'),
    shell: 'test',
    seedSample: false,
  })
  for (let n = 0; n < Number(count ?? 10); n++) {
    const result = await core.createAnnotation({
      itemId,
      kind: 'plain',
      note: `child ${n}`,
      tags: [],
      target: {
        position: { type: 'TextPositionSelector', start: n, end: n + 3 },
        quote: { type: 'TextQuoteSelector', exact: `c${n}`, prefix: '', suffix: '' },
      },
    })
    if (!result.ok) {
      console.error(result.error.message)
      process.exit(1)
    }
  }
  await core.close()
}

void main()
