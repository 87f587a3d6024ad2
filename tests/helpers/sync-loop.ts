// A process syncing a data dir's feeds again and again (a CLI `reader sync` beside the app), for
// the concurrency test. Usage: sync-loop <dataDir> <rounds>. Prints "synced <round> <new items>"
// after each round; exits 1 with the message when a sync fails as a whole.
import { join } from 'node:path'
import { createCore } from '../../electron/core/create-core'

const [dataDir, rounds] = process.argv.slice(2)
if (!dataDir || !rounds) throw new Error('usage: sync-loop <dataDir> <rounds>')

async function main(dir: string): Promise<void> {
  const core = await createCore({
    dataDir: dir,
    resourcesDir: process.env.READER_RESOURCES ?? join(__dirname, '..', '..', 'resources'),
    shell: 'test',
    seedSample: false,
  })
  for (let round = 0; round < Number(rounds); round++) {
    const summary = await core.syncAll({})
    if (!summary.ok) {
      console.error(summary.error.message)
      process.exit(1)
    }
    process.stdout.write(`synced ${round} ${JSON.stringify(summary.value)}\n`)
  }
  await core.close()
}

void main(dataDir)
