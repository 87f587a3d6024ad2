// Puts a library file found damaged at start-up into words: which file, why, what it was restored
// from (and so what may be missing), and where the damaged copy is kept, for the user to act on.
import type { z } from 'zod'
import type { StoreRecoverySchema } from '../../../shared/contract'

export type StoreRecovery = z.infer<typeof StoreRecoverySchema>

/** What the user knows the file as: settings, or a feed's highlights / read marks / items. */
function whatFile(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file
  if (name === 'settings.json') return 'Your settings'
  if (name === 'library.json') return 'Your list of subscriptions'
  if (name === 'annotations.json') return "A feed's highlights"
  if (name === 'state.json') return "A feed's read and starred marks"
  if (name === 'items.json') return "A feed's stored articles"
  return name
}

export function describeRecovery(
  recovery: StoreRecovery,
  formatTime: (iso: string) => string,
): string {
  const what = `${whatFile(recovery.file)} (${recovery.file}) could not be read: ${recovery.reason}.`
  const restored = recovery.restoredFrom
    ? ` They were restored from the backup made ${
        recovery.backupSavedAt ? formatTime(recovery.backupSavedAt) : 'earlier'
      }; the last change before that may be missing.`
    : ' There was no usable backup: they start empty.'
  return `${what}${restored} The damaged file is kept as ${recovery.movedTo}.`
}
