import { existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeReadOnly } from '../../../tests/helpers/read-only-dir'
import { removeTempDirs, tempDir } from '../../../tests/helpers/temp-dir'
import {
  backupFile,
  StoreWriteError,
  tempFileOf,
  writeFileDurably,
  writeFileDurablySync,
  type WriterFs,
} from './durable-write'

afterAll(removeTempDirs)

/** Real fs calls, recorded in order (a file handle's sync is recorded with the path it writes). */
function recordingFs(calls: string[]): WriterFs {
  const name = (path: unknown) => String(path).split('/').pop()
  return {
    open: (async (path: string, flags: string) => {
      const handle = await fsp.open(path, flags)
      calls.push(`open ${name(path)}`)
      const sync = handle.sync.bind(handle)
      handle.sync = async () => {
        calls.push(`fsync ${name(path)}`)
        await sync()
      }
      return handle
    }) as WriterFs['open'],
    rename: (async (from: string, to: string) => {
      calls.push(`rename ${name(from)} ${name(to)}`)
      await fsp.rename(from, to)
    }) as WriterFs['rename'],
    link: (async (from: string, to: string) => {
      calls.push(`link ${name(from)} ${name(to)}`)
      await fsp.link(from, to)
    }) as WriterFs['link'],
    unlink: fsp.unlink,
    copyFile: fsp.copyFile,
  }
}

describe('writeFileDurably', () => {
  it('fsyncs the new bytes before the rename, keeps the old version as .bak, fsyncs the folder', async () => {
    const dir = await tempDir()
    const file = join(dir, 'state.json')
    await writeFile(file, '{"v":1}')
    const oldInode = statSync(file).ino
    const calls: string[] = []
    await writeFileDurably(file, '{"v":2}', { backup: true, fs: recordingFs(calls) })
    expect(readFileSync(file, 'utf8')).toBe('{"v":2}')
    expect(readFileSync(backupFile(file), 'utf8')).toBe('{"v":1}')
    // A hard link, not a copy: the old version's bytes are not written again.
    expect(statSync(backupFile(file)).ino).toBe(oldInode)
    const dirName = dir.split('/').pop()
    expect(calls).toEqual([
      'open .state.json.tmp',
      'fsync .state.json.tmp',
      'link state.json state.json.bak.tmp',
      'rename state.json.bak.tmp state.json.bak',
      'rename .state.json.tmp state.json',
      `open ${dirName}`,
      `fsync ${dirName}`,
    ])
    expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.bak'])
  })

  it('a first write leaves no .bak, and a write without a current file keeps the old .bak', async () => {
    const dir = await tempDir()
    const file = join(dir, 'a.json')
    await writeFileDurably(file, 'one', { backup: true })
    expect(existsSync(backupFile(file))).toBe(false)
    await writeFile(backupFile(file), 'older')
    await fsp.rm(file)
    await writeFileDurably(file, 'two', { backup: true })
    expect(readFileSync(backupFile(file), 'utf8')).toBe('older')
  })

  it.runIf(existsSync('/dev/full'))(
    'a full disk (ENOSPC from /dev/full) is a disk-full error and leaves the file as it was',
    async () => {
      const dir = await tempDir()
      const file = join(dir, 'items.json')
      await writeFile(file, '{"v":1}')
      // The temp file is a link to /dev/full: the kernel answers the write with ENOSPC.
      symlinkSync('/dev/full', tempFileOf(file))
      const error = await writeFileDurably(file, 'x'.repeat(100_000), { backup: true }).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(StoreWriteError)
      expect(error).toMatchObject({ problem: 'disk-full', code: 'ENOSPC' })
      expect((error as Error).message).toMatch(/disk is full.*left as it was/)
      expect(readFileSync(file, 'utf8')).toBe('{"v":1}')
      expect(readdirSync(dir)).toEqual(['items.json'])
    },
  )

  it('a failure at the rename (injected EIO) leaves the file and no temp', async () => {
    const dir = await tempDir()
    const file = join(dir, 'items.json')
    await writeFile(file, '{"v":1}')
    const fs = recordingFs([])
    const failing: WriterFs = {
      ...fs,
      rename: (async (from: string, to: string) => {
        if (String(to) === file) throw Object.assign(new Error('EIO'), { code: 'EIO' })
        await fsp.rename(from, to)
      }) as WriterFs['rename'],
    }
    await expect(writeFileDurably(file, '{"v":2}', { fs: failing })).rejects.toMatchObject({
      problem: 'io',
    })
    expect(readFileSync(file, 'utf8')).toBe('{"v":1}')
    expect(existsSync(tempFileOf(file))).toBe(false)
  })

  it('a read-only folder is a read-only error and leaves the file as it was', async (context) => {
    const dir = await tempDir()
    const file = join(dir, 'settings.json')
    await writeFile(file, '{"v":1}')
    const readOnly = makeReadOnly(dir)
    if (!readOnly) return context.skip('no way to make a folder read-only here')
    try {
      await expect(writeFileDurably(file, '{"v":2}', { backup: true })).rejects.toMatchObject({
        problem: 'read-only',
      })
    } finally {
      readOnly.undo()
    }
    expect(readFileSync(file, 'utf8')).toBe('{"v":1}')
    expect(readdirSync(dir)).toEqual(['settings.json'])
  })

  it.runIf(existsSync('/dev/full'))(
    'synchronously (body packs): whole or absent, and a full disk is a disk-full error',
    async () => {
      const dir = await tempDir()
      const file = join(dir, 'p-1.pack')
      writeFileDurablySync(file, Buffer.from('pack bytes'), `${file}.1.tmp`)
      expect(readFileSync(file, 'utf8')).toBe('pack bytes')
      const other = join(dir, 'p-2.pack')
      symlinkSync('/dev/full', `${other}.2.tmp`)
      expect(() => writeFileDurablySync(other, Buffer.alloc(100_000), `${other}.2.tmp`)).toThrow(
        StoreWriteError,
      )
      expect(readdirSync(dir)).toEqual(['p-1.pack'])
    },
  )
})
