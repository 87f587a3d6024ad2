// A word-level diff between two texts of an article (jsdiff's diffWords), as the contract's
// WordDiff: runs of same, added and removed text in order. Whitespace-only changes count as same.
import { diffWords } from 'diff'
import type { WordDiff } from '../../../shared/domain'

export function wordDiff(before: string, after: string): WordDiff {
  const diff: WordDiff = []
  for (const change of diffWords(before, after)) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same'
    const last = diff[diff.length - 1]
    if (last && last.kind === kind) last.text += change.value
    else diff.push({ kind, text: change.value })
  }
  return diff
}
