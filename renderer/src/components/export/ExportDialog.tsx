// The export dialog: what to export (this article, or highlights selected by kind, tag, claim
// status, feed and search query — the Annotations view's filters to start with), the format and
// the citation style, a live preview with its counts and file names, and the ways out: Copy,
// Download (every file of the format: a note and its bibliography are two) and Export to folder
// (a vault: a note per article, the bibliography and an index; a re-export rewrites only what
// changed). The style, format, bibliography file and folder are remembered in the settings.
import { useId, useState } from 'react'
import type { ReaderError } from '../../../../shared/result'
import {
  BIBLIOGRAPHY_SIDECARS,
  CITATION_STYLES,
  EXPORT_FORMATS,
} from '../../../../shared/settings/settings'
import { reader } from '../../api/reader'
import { desktopShell } from '../../api/shell'
import type { AnnotationFilters } from '../../state/annotation-filters'
import { describeError } from '../../state/describe-error'
import {
  collectionArgs,
  describeCounts,
  describeVaultReport,
  fieldsFromFilters,
  fittingFormat,
  formatFits,
  FORMAT_LABELS,
  selectionOf,
  SIDECAR_LABELS,
  STYLE_LABELS,
  usesStyle,
  type ExportFormat,
  type ExportScope,
  type ExportSidecar,
  type ExportStyle,
  type SelectionFields,
} from '../../state/export-options'
import { useSettings } from '../../state/settings-store'
import { copyText } from '../../ui/clipboard'
import { downloadText } from '../../ui/download'
import { Modal } from '../../ui/Modal'
import { ExportSelectionFields } from './ExportSelectionFields'
import { useExportPreview, type PreviewRequest } from './use-export-preview'

interface Props {
  /** The article open in the reader (offered as "This article"). */
  article: { id: string; title: string } | null
  /** The Annotations view's filters, when the dialog was opened there. */
  filters: AnnotationFilters | null
  onClose: () => void
}

interface ExportFile {
  fileName: string
  mediaType: string
  text: string
}

type Action = 'copy' | 'download' | 'folder'

/** Folder export failures whose message already says it all (a path, a permission). */
const FOLDER_CODES = [
  'not-found',
  'not-absolute',
  'not-a-folder',
  'write-failed',
  'nothing-selected',
]

export function ExportDialog({ article, filters, onClose }: Props) {
  const id = useId()
  const settings = useSettings((s) => s.settings)
  const remember = useSettings((s) => s.update)
  const [start] = useState(() => fieldsFromFilters(filters ?? {}))
  const [scopeKind, setScopeKind] = useState<ExportScope['kind']>(article ? 'article' : 'selection')
  const [fields, setFields] = useState<SelectionFields>(start.fields)
  const [folder, setFolder] = useState(settings.exportFolder)
  const [busy, setBusy] = useState<Action | null>(null)
  const [outcome, setOutcome] = useState('')
  const [renamed, setRenamed] = useState<{ wanted: string; wroteAs: string }[]>([])
  const [failure, setFailure] = useState<string | null>(null)

  const scope: ExportScope =
    scopeKind === 'article' && article
      ? { kind: 'article', itemId: article.id }
      : { kind: 'selection', fields }
  const format = fittingFormat(settings.exportFormat, scope.kind)
  const style = settings.exportStyle
  const sidecar = settings.exportSidecar
  const request: PreviewRequest =
    format === 'note' && scope.kind === 'article'
      ? { kind: 'note', itemId: scope.itemId, style }
      : {
          kind: 'collection',
          args: collectionArgs(scope, format === 'note' ? 'footnotes' : format, style, sidecar),
        }
  const { preview, error: previewError, pending } = useExportPreview(request)
  const empty = preview !== null && preview.articles === 0

  /** Runs one action at a time, saying how it went (or why it failed) in words. */
  const run = async (action: Action, work: () => Promise<void>): Promise<void> => {
    setBusy(action)
    setFailure(null)
    setOutcome('')
    setRenamed([])
    try {
      await work()
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(null)
    }
  }

  const raise = (error: ReaderError): never => {
    throw new Error(describeError(error))
  }

  /** The export's files, complete (the preview may show only the first articles). */
  const exportFiles = async (): Promise<ExportFile[]> => {
    if (request.kind === 'note') {
      const note = await reader.exportArticleMarkdown({ itemId: request.itemId, style })
      if (!note.ok) return raise(note.error)
      return [
        { fileName: note.value.fileName, mediaType: 'text/markdown', text: note.value.markdown },
      ]
    }
    const result = await reader.exportCollection(request.args)
    if (!result.ok) return raise(result.error)
    return result.value.files
  }

  const copy = () =>
    run('copy', async () => {
      const [main] = await exportFiles()
      if (!main) return
      try {
        await copyText(main.text)
      } catch (error) {
        throw new Error(`Could not copy to the clipboard: ${String(error)}`)
      }
      setOutcome(`Copied ${main.fileName} to the clipboard.`)
    })

  const download = () =>
    run('download', async () => {
      const files = await exportFiles()
      for (const file of files)
        downloadText(file.fileName, file.text, `${file.mediaType};charset=utf-8`)
      setOutcome(`Downloaded ${files.map((f) => f.fileName).join(', ')}.`)
    })

  const exportTo = async (target: string): Promise<void> => {
    const result = await reader.exportVault({
      folder: target,
      selection: selectionOf(scope),
      style,
      sidecar,
    })
    if (!result.ok) {
      if (FOLDER_CODES.includes(result.error.code)) throw new Error(result.error.message)
      return raise(result.error)
    }
    setFolder(result.value.folder)
    setOutcome(describeVaultReport(result.value))
    setRenamed(result.value.renamed)
    void remember({ exportFolder: result.value.folder })
  }

  const exportToFolder = () =>
    run('folder', async () => {
      if (desktopShell) {
        const chosen = await desktopShell.pickFolder({
          title: 'Export to folder',
          ...(folder ? { defaultPath: folder } : {}),
        })
        if (chosen) await exportTo(chosen)
        return
      }
      if (!folder.trim()) throw new Error('Type the folder to export into first.')
      await exportTo(folder.trim())
    })

  const styleHintId = `${id}-style-hint`
  const folderHintId = `${id}-folder-hint`
  const canAct = busy === null && preview !== null && !empty && !previewError

  return (
    <Modal title="Export" onClose={onClose} className="export-dialog">
      <div className="export-options">
        <fieldset className="field-group export-scope">
          <legend>What to export</legend>
          {article && (
            <>
              <label className="choice">
                <input
                  type="radio"
                  name={`${id}-scope`}
                  checked={scopeKind === 'article'}
                  onChange={() => setScopeKind('article')}
                />
                <span>
                  This article: <cite>{article.title}</cite>
                </span>
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name={`${id}-scope`}
                  checked={scopeKind === 'selection'}
                  onChange={() => setScopeKind('selection')}
                />
                Highlights from the whole library
              </label>
            </>
          )}
          {scope.kind === 'selection' && (
            <>
              <ExportSelectionFields fields={fields} onChange={setFields} />
              {start.droppedDates && (
                <p className="hint">
                  The Annotations view’s date range is not part of an export: highlights of every
                  date are included.
                </p>
              )}
            </>
          )}
        </fieldset>

        <fieldset className="field-group export-format">
          <legend>How</legend>
          <label className="field">
            Format
            <select
              value={format}
              onChange={(e) => void remember({ exportFormat: e.target.value as ExportFormat })}
            >
              {EXPORT_FORMATS.map((value) => (
                <option key={value} value={value} disabled={!formatFits(value, scope.kind)}>
                  {FORMAT_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Citation style
            <select
              value={style}
              aria-describedby={usesStyle(format) ? undefined : styleHintId}
              onChange={(e) => void remember({ exportStyle: e.target.value as ExportStyle })}
            >
              {CITATION_STYLES.map((value) => (
                <option key={value} value={value}>
                  {STYLE_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
          {!usesStyle(format) && (
            <p className="hint" id={styleHintId}>
              This format carries the citation data, not formatted citations: the style applies to
              notes, footnotes and the folder export.
            </p>
          )}
          <label className="field">
            Bibliography file (Pandoc and folder export)
            <select
              value={sidecar}
              onChange={(e) => void remember({ exportSidecar: e.target.value as ExportSidecar })}
            >
              {BIBLIOGRAPHY_SIDECARS.map((value) => (
                <option key={value} value={value}>
                  {SIDECAR_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      </div>

      <section className="export-preview" aria-labelledby={`${id}-preview`}>
        <h3 id={`${id}-preview`}>Preview</h3>
        <p className="export-summary" aria-live="polite" data-testid="export-summary">
          {previewError
            ? ''
            : preview === null
              ? 'Preparing the preview…'
              : empty
                ? 'Nothing selected: no highlight matches these choices.'
                : `${describeCounts(preview)} · ${preview.fileNames.join(', ')}`}
        </p>
        {previewError && (
          <p className="form-error" role="alert">
            The preview failed: {previewError}
          </p>
        )}
        <textarea
          readOnly
          rows={12}
          aria-label="Preview"
          aria-busy={pending}
          data-testid="export-preview"
          value={empty ? '' : (preview?.text ?? '')}
        />
        {preview?.truncated && (
          <p className="hint">
            The preview shows the first articles; the export holds all {preview.articles}.
          </p>
        )}
      </section>

      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={!canAct}
          onClick={() => void download()}
        >
          {busy === 'download' ? 'Downloading…' : 'Download'}
        </button>
        <button type="button" disabled={!canAct} onClick={() => void copy()}>
          {busy === 'copy' ? 'Copying…' : 'Copy'}
        </button>
      </div>

      <fieldset className="field-group export-folder">
        <legend>Export to folder</legend>
        <p className="hint" id={folderHintId}>
          A note per article, the bibliography file and an index — for an Obsidian vault. A
          re-export updates only the files it wrote and never touches yours.
        </p>
        {desktopShell ? (
          folder && <p className="hint">Last folder: {folder}</p>
        ) : (
          <label className="field">
            Folder on this computer (its full path)
            <input
              type="text"
              value={folder}
              placeholder="/home/you/Notes/Research"
              aria-describedby={folderHintId}
              spellCheck={false}
              onChange={(e) => setFolder(e.target.value)}
            />
          </label>
        )}
        <button type="button" disabled={!canAct} onClick={() => void exportToFolder()}>
          {busy === 'folder'
            ? 'Exporting…'
            : desktopShell
              ? 'Export to folder…'
              : 'Export to folder'}
        </button>
      </fieldset>

      <p className="export-outcome" aria-live="polite" data-testid="export-outcome">
        {outcome}
      </p>
      {renamed.length > 0 && (
        <ul className="hint">
          {renamed.map((r) => (
            <li key={r.wanted}>
              {r.wanted} is not ours: wrote {r.wroteAs} beside it
            </li>
          ))}
        </ul>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </Modal>
  )
}
