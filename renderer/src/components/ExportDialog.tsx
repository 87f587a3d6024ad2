// The Markdown note of the open article, previewed, with copy and download. (Native save dialogs
// in Electron and vault export come with the cited-notes issue.)
import { useEffect, useRef, useState } from 'react'

interface Props {
  note: { fileName: string; markdown: string }
  onClose: () => void
}

export function ExportDialog({ note, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const download = (): void => {
    const url = URL.createObjectURL(
      new Blob([note.markdown], { type: 'text/markdown;charset=utf-8' }),
    )
    const link = document.createElement('a')
    link.href = url
    link.download = note.fileName
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  const copy = async (): Promise<void> => {
    await navigator.clipboard.writeText(note.markdown)
    setCopied(true)
  }

  return (
    <dialog ref={ref} className="export-dialog" aria-label="Markdown export" onClose={onClose}>
      <header>
        <h2>Markdown note</h2>
        <code>{note.fileName}</code>
      </header>
      <textarea readOnly value={note.markdown} data-testid="markdown-preview" rows={20} />
      <footer>
        <button type="button" className="primary" onClick={download}>
          Download .md
        </button>
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </footer>
    </dialog>
  )
}
