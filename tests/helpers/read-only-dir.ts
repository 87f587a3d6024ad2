// Makes a data dir read-only for a test, in a way that holds for the user the tests run as. As a
// normal user, chmod a-w on every folder. As root, chmod is ignored (root writes anyway), so the
// folders get the ext4/xfs "immutable" attribute (chattr +i: nothing can be created, renamed or
// removed in them; root needs CAP_LINUX_IMMUTABLE, which containers usually keep). Null when
// neither works here (the caller skips): a probe file must fail to appear for it to count.
import { execFileSync } from 'node:child_process'
import { chmodSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface ReadOnlyDir {
  method: string
  undo(): void
}

function foldersUnder(dir: string): string[] {
  const found = [dir]
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) found.push(...foldersUnder(path))
  }
  return found
}

function probeFails(dir: string): boolean {
  const probe = join(dir, '.probe')
  try {
    writeFileSync(probe, 'x')
    rmSync(probe)
    return false
  } catch {
    return true
  }
}

export function makeReadOnly(dir: string): ReadOnlyDir | null {
  const folders = foldersUnder(dir)
  if (process.getuid?.() !== 0) {
    for (const folder of folders) chmodSync(folder, 0o555)
    const undo = () => folders.forEach((folder) => chmodSync(folder, 0o755))
    if (probeFails(dir)) return { method: 'chmod 555', undo }
    undo()
    return null
  }
  try {
    execFileSync('chattr', ['+i', ...folders], { stdio: 'ignore' })
  } catch {
    return null
  }
  const undo = () => execFileSync('chattr', ['-i', ...folders], { stdio: 'ignore' })
  if (probeFails(dir)) return { method: 'chattr +i (running as root)', undo }
  undo()
  return null
}
