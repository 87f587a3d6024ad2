import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FileChangeJournal } from './change-journal'

const dir = mkdtempSync(join(tmpdir(), 'reader-journal-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('FileChangeJournal', () => {
  it("reports other writers' files once, skips its own, and survives many lookers at once", async () => {
    const app = await FileChangeJournal.open(dir)
    const cli = await FileChangeJournal.open(dir)
    await cli.note(join(dir, 'feeds', 'f-1', 'state.json'))
    await app.note(join(dir, 'library.json'))
    // Ten requests refreshing at the same moment (a regression: they read from one offset).
    const looks = await Promise.all(Array.from({ length: 10 }, () => app.changedSinceLastLook()))
    const seen = looks.flatMap((look) => (look === 'all' ? ['all'] : [...look]))
    expect(seen).toEqual(['feeds/f-1/state.json'])
    expect(await cli.changedSinceLastLook()).toEqual(new Set(['library.json']))
  })
})
