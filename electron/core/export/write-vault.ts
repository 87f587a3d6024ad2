// Writes an export into a user's folder (an Obsidian vault) without ever touching their files.
// Ours are recognised by the export marker and `id` in a note's frontmatter (a note keeps its
// file name even when its article's title changes), and other files (the bibliography sidecar)
// by the manifest we keep beside them. A name taken by a file that is not ours gets the file
// written beside it (name-2.md). Identical content is not rewritten; writes are atomic.
import { randomBytes } from 'node:crypto'
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { extname, isAbsolute, join } from 'node:path'
import { EXPORT_MARKER } from '../../../shared/export/cited-note'

export interface VaultFile {
  fileName: string
  /** The frontmatter id of a note (null: not a note; owned through the manifest). */
  id: string | null
}

export interface VaultReport {
  written: string[]
  updated: string[]
  unchanged: string[]
  renamed: { wanted: string; wroteAs: string }[]
}

export const MANIFEST = '.research-reader-export.json'

type FolderProblem = { code: 'not-absolute' | 'not-found' | 'not-a-folder'; message: string }

export async function checkFolder(folder: string): Promise<FolderProblem | null> {
  if (!isAbsolute(folder))
    return { code: 'not-absolute', message: 'The folder must be an absolute path' }
  try {
    if (!(await stat(folder)).isDirectory())
      return { code: 'not-a-folder', message: `${folder} is not a folder` }
  } catch {
    return { code: 'not-found', message: `No folder at ${folder}` }
  }
  return null
}

/** The `id` of a note we wrote (its frontmatter has our marker), else null. */
function ownNoteId(text: string): string | null {
  if (!text.startsWith('---\n')) return null
  const end = text.indexOf('\n---', 4)
  if (end === -1) return null
  const head = text.slice(4, end)
  if (!head.split('\n').includes(EXPORT_MARKER)) return null
  const match = /^id: (".*")$/m.exec(head)
  if (!match) return null
  try {
    return JSON.parse(match[1]!) as string
  } catch {
    return null
  }
}

async function atomicWrite(path: string, folder: string, text: string): Promise<void> {
  const temp = join(folder, `.rr-${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temp, text)
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/**
 * Places each file (its own earlier note, else its name, else a free name beside a file that is
 * not ours), then has `render` write the texts knowing where every file went (notes link to each
 * other by file name), then writes those that changed.
 */
export async function writeVault(
  folder: string,
  files: VaultFile[],
  render: (placedAs: (fileName: string) => string) => string[],
): Promise<{ ok: true; report: VaultReport } | { ok: false; message: string }> {
  try {
    const names = await readdir(folder)
    const present = new Set(names)
    let manifest: string[] = []
    if (present.has(MANIFEST)) {
      try {
        const parsed = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')) as {
          files?: unknown
        }
        if (Array.isArray(parsed.files))
          manifest = parsed.files.filter((f): f is string => typeof f === 'string')
      } catch {
        manifest = []
      }
    }
    const contents = new Map<string, string>()
    const oursById = new Map<string, string>()
    const ours = new Set<string>(manifest.filter((f) => present.has(f)))
    for (const name of names.sort()) {
      if (extname(name).toLowerCase() !== '.md') continue
      let text: string
      try {
        text = await readFile(join(folder, name), 'utf8')
      } catch {
        continue // a folder named *.md, or unreadable: not ours
      }
      contents.set(name, text)
      const id = ownNoteId(text)
      if (id === null) continue
      ours.add(name)
      // Two copies of one note: the one with the name we would give it wins.
      if (!oursById.has(id) || files.some((f) => f.id === id && f.fileName === name))
        oursById.set(id, name)
    }
    const report: VaultReport = { written: [], updated: [], unchanged: [], renamed: [] }
    const taken = new Set<string>()
    const owned: string[] = []
    const targets: string[] = []
    for (const file of files) {
      let target = file.id !== null ? oursById.get(file.id) : undefined
      if (target === undefined || taken.has(target)) {
        target = file.fileName
        const dot = file.fileName.lastIndexOf('.')
        const stem = dot > 0 ? file.fileName.slice(0, dot) : file.fileName
        const ext = dot > 0 ? file.fileName.slice(dot) : ''
        for (let n = 2; (present.has(target) && !ours.has(target)) || taken.has(target); n++)
          target = `${stem}-${n}${ext}`
        if (target !== file.fileName)
          report.renamed.push({ wanted: file.fileName, wroteAs: target })
      }
      taken.add(target)
      owned.push(target)
      targets.push(target)
    }
    const placed = new Map(files.map((f, i) => [f.fileName, targets[i]!]))
    const texts = render((fileName) => placed.get(fileName) ?? fileName)
    for (const [i, target] of targets.entries()) {
      const text = texts[i]!
      const path = join(folder, target)
      const before =
        contents.get(target) ??
        (present.has(target) ? await readFile(path, 'utf8').catch(() => null) : null)
      if (before === text) {
        report.unchanged.push(target)
        continue
      }
      await atomicWrite(path, folder, text)
      if (before === null) report.written.push(target)
      else report.updated.push(target)
    }
    const manifestText = `${JSON.stringify({ files: [...new Set([...manifest.filter((f) => present.has(f)), ...owned.filter((f) => !f.endsWith('.md'))])].sort() }, null, 2)}\n`
    const oldManifest = present.has(MANIFEST)
      ? await readFile(join(folder, MANIFEST), 'utf8').catch(() => null)
      : null
    if (oldManifest !== manifestText)
      await atomicWrite(join(folder, MANIFEST), folder, manifestText)
    return { ok: true, report }
  } catch (error) {
    return { ok: false, message: `Could not write into ${folder}: ${(error as Error).message}` }
  }
}
