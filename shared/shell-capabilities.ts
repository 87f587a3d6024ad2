// What a desktop shell offers the window beside the library contract: things only the operating
// system can do for the user, such as a native folder picker. Not contract methods — the browser
// shell and the CLI have no such thing — so the renderer checks for window.readerShell and falls
// back (a typed path) without it. The main process validates each request with these schemas.
import { z } from 'zod'

export const PickFolderArgsSchema = z.strictObject({
  /** The dialog's title, e.g. "Export to folder". */
  title: z.string().min(1).max(200).optional(),
  /** Where the dialog opens (the last folder used). */
  defaultPath: z.string().max(4096).optional(),
})
export type PickFolderArgs = z.infer<typeof PickFolderArgsSchema>

export interface ShellCapabilities {
  /** A folder the user chose in the system's dialog (may be created there), or null if cancelled. */
  pickFolder(args: PickFolderArgs): Promise<string | null>
}
