import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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

  it('made for a missing file, reads the file once another process has written it', async () => {
    const file = join(dir, 'absent.json')
    const journal = await FileChangeJournal.open(dir)
    const options = { journal, onSetAside: () => {} }
    const defaults = () => ({ schemaVersion: 1, notes: [] as string[] })
    const absent = SharedDocument.absent<Doc>(file, defaults, options)
    expect(absent.data.notes).toEqual([])
    expect(absent.dataStamp).toBeNull()
    const other = await SharedDocument.open<Doc>(file, defaults, options)
    await other.update((data) => data.notes.push('first'))
    expect(await absent.refresh()).toBe(true)
    expect(absent.data.notes).toEqual(['first'])
    await absent.update((data) => data.notes.push('second'))
    expect(absent.dataStamp).toMatchObject({ size: expect.any(Number) })
    await other.refresh()
    expect(other.data.notes).toEqual(['first', 'second'])
  })

  it('after a change that failed half-way, holds what the file holds again at once', async () => {
    const file = join(dir, 'half.json')
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, notes: ['on disk'] }))
    const journal = await FileChangeJournal.open(dir)
    const doc = await SharedDocument.open<Doc>(file, () => ({ schemaVersion: 1, notes: [] }), {
      journal,
      onSetAside: () => {},
    })
    const stamp = doc.dataStamp
    await expect(
      doc.update((data) => {
        data.notes.push('half')
        throw new Error('a bug half-way through a change')
      }),
    ).rejects.toThrow(/half-way/)
    // The change no file has is dropped (a mark the disk refused is not shown as made), and
    // what is derived from the data may again pass for the file's.
    expect(doc.data.notes).toEqual(['on disk'])
    expect(await doc.refresh()).toBe(false)
    expect(doc.dataStamp).toEqual(stamp)
  })
})
