// A second process for the shared-library and crash tests: opens the data dir with its own core
// and creates annotations on one item, one after another.
// Usage: annotate-loop <dataDir> <itemId> <n>
//        annotate-loop <dataDir> <itemId> until-killed
// The second form loads its modules, prints "loaded", waits for a line on stdin (so a test can
// start it ahead of time: loading costs ~1 s), then opens the core, prints "ready" and annotates
// until killed, printing "ack <id>" once each annotation is acknowledged (createAnnotation
// resolved: on disk).
// Writes to a pipe are synchronous on Linux and macOS: a printed ack is in the pipe before the
// next annotation starts, and survives the process being killed.
import { once } from 'node:events'
import { join } from 'node:path'
import { createCore } from '../../electron/core/create-core'

const [dataDirArg, itemIdArg, count] = process.argv.slice(2)
if (!dataDirArg || !itemIdArg) throw new Error('usage: annotate-loop <dataDir> <itemId> <n>')
const dataDir: string = dataDirArg
const itemId: string = itemIdArg
const untilKilled = count === 'until-killed'

async function main(): Promise<void> {
  if (untilKilled) {
    process.stdout.write('loaded\n')
    await once(process.stdin, 'data')
  }
  const core = await createCore({
    dataDir,
    // Bundled (see bundle-script), this file runs from elsewhere: the test says where they are.
    resourcesDir: process.env.READER_RESOURCES ?? join(__dirname, '..', '..', 'resources'),
    shell: 'test',
    seedSample: false,
  })
  if (untilKilled) process.stdout.write('ready\n')
  for (let n = 0; untilKilled || n < Number(count ?? 10); n++) {
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
    if (untilKilled) process.stdout.write(`ack ${result.value.id}\n`)
  }
  await core.close()
}

void main()
