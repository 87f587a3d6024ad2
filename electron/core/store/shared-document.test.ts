import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FileChangeJournal } from './change-journal'
import { SharedDocument } from './shared-document'

const dir = mkdtempSync(join(tmpdir(), 'reader-shared-doc-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Doc {
  schemaVersion: number
  notes: string[]
}

describe('SharedDocument', () => {
  it('keeps its own change in view when a re-read lands while the change is being written', async () => {
    const file = join(dir, 'notes.json')
    const journal = await FileChangeJournal.open(dir)
    const open = () =>
      SharedDocument.open<Doc>(file, () => ({ schemaVersion: 1, notes: [] }), {
        journal,
        onSetAside: () => {},
      })
    const app = await open()
    const cli = await open()
    for (let round = 0; round < 25; round++) {
      // The other process writes, so the app's copy is stale; then the app changes the file and,
      // at the same moment, a request re-reads it (as every contract call does).
      await cli.update((data) => data.notes.push(`cli ${round}`))
      await Promise.all([
        app.update((data) => data.notes.push(`app ${round}`)),
        ...Array.from({ length: 8 }, (_, ms) =>
          new Promise((resolve) => setTimeout(resolve, ms)).then(() => app.refresh()),
        ),
      ])
      expect(app.data.notes).toContain(`app ${round}`)
      expect(app.data.notes).toContain(`cli ${round}`)
    }
    expect(app.data.notes).toHaveLength(50)
  })
})
