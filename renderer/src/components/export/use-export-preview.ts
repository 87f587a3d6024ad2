// The export dialog's live preview: asked of the core a moment after the options stop changing
// (typing a tag is one request, not one per key), and only the answer to the newest options is
// shown — a slow answer to older options never replaces a newer one.
import { useEffect, useRef, useState } from 'react'
import type { MethodArgs } from '../../../../shared/contract'
import { fail, ok, type Result } from '../../../../shared/result'
import { reader } from '../../api/reader'
import { describeError } from '../../state/describe-error'
import type { ExportStyle } from '../../state/export-options'

/** Quiet time after the last change before the preview is asked for. */
export const PREVIEW_DELAY_MS = 250

export type PreviewRequest =
  | { kind: 'note'; itemId: string; style: ExportStyle }
  | { kind: 'collection'; args: MethodArgs<'previewExport'> }

export interface Preview {
  articles: number
  annotations: number
  fileNames: string[]
  text: string
  /** The text shows only the first articles. */
  truncated: boolean
}

export interface PreviewState {
  preview: Preview | null
  error: string | null
  /** Newer options are waiting for their preview (the one shown is older). */
  pending: boolean
}

async function loadPreview(request: PreviewRequest): Promise<Result<Preview>> {
  if (request.kind === 'collection') {
    const result = await reader.previewExport(request.args)
    return result.ok ? ok(result.value) : result
  }
  // One article's own note: the note itself, and the counts of the same selection.
  const [note, counts] = await Promise.all([
    reader.exportArticleMarkdown({ itemId: request.itemId, style: request.style, preview: true }),
    reader.previewExport({ selection: { itemIds: [request.itemId] } }),
  ])
  if (!note.ok) return note
  if (!counts.ok) return counts
  return ok({
    articles: counts.value.articles,
    annotations: counts.value.annotations,
    fileNames: [note.value.fileName],
    text: note.value.markdown,
    truncated: false,
  })
}

export function useExportPreview(request: PreviewRequest): PreviewState {
  const key = JSON.stringify(request)
  const [state, setState] = useState<PreviewState>({ preview: null, error: null, pending: true })
  const newest = useRef(0)
  useEffect(() => {
    const asked = ++newest.current
    setState((now) => (now.pending ? now : { ...now, pending: true }))
    const timer = setTimeout(() => {
      void loadPreview(JSON.parse(key) as PreviewRequest)
        .catch((error: unknown) => fail('offline', String(error)))
        .then((result) => {
          if (asked !== newest.current) return // options changed meanwhile: a newer answer comes
          setState(
            result.ok
              ? { preview: result.value, error: null, pending: false }
              : { preview: null, error: describeError(result.error), pending: false },
          )
        })
    }, PREVIEW_DELAY_MS)
    return () => clearTimeout(timer)
  }, [key])
  return state
}
