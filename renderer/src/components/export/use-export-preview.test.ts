// @vitest-environment jsdom
// The export preview hook with a fake core and fake timers: one request once the options stop
// changing, and an answer to older options never replaces the newer one's.
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MethodArgs } from '../../../../shared/contract'

const previewExport = vi.fn()
const exportArticleMarkdown = vi.fn()
vi.mock('../../api/reader', () => ({
  reader: {
    previewExport: (args: unknown) => previewExport(args),
    exportArticleMarkdown: (args: unknown) => exportArticleMarkdown(args),
  },
}))

const { PREVIEW_DELAY_MS, useExportPreview } = await import('./use-export-preview')
type PreviewRequest = Parameters<typeof useExportPreview>[0]
type PreviewState = ReturnType<typeof useExportPreview>
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let root: Root
let seen: PreviewState
function Probe({ request }: { request: PreviewRequest }) {
  seen = useExportPreview(request)
  return null
}
const show = (request: PreviewRequest): void =>
  act(() => root.render(createElement(Probe, { request })))

const byTag = (tag: string): PreviewRequest => ({
  kind: 'collection',
  args: { selection: { tag } } as MethodArgs<'previewExport'>,
})
const answer = (text: string) => ({
  ok: true,
  value: { articles: 1, annotations: 2, fileNames: ['a.md'], text, truncated: false },
})

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

beforeEach(() => {
  vi.useFakeTimers()
  previewExport.mockReset()
  exportArticleMarkdown.mockReset()
  root = createRoot(document.createElement('div'))
})
afterEach(() => {
  act(() => root.unmount())
  vi.useRealTimers()
})

describe('useExportPreview', () => {
  it('asks the core once, for the newest options, after they stop changing', async () => {
    previewExport.mockResolvedValue(answer('tagged b'))
    show(byTag('b'))
    show(byTag('bo'))
    await act(() => vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS - 1))
    show(byTag('border'))
    expect(previewExport).not.toHaveBeenCalled()
    expect(seen.pending).toBe(true)
    await act(() => vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS))
    expect(previewExport.mock.calls).toEqual([[{ selection: { tag: 'border' } }]])
    expect(seen).toMatchObject({ pending: false, error: null, preview: { text: 'tagged b' } })
  })

  it('drops an answer to older options that comes after the newer one', async () => {
    const older = deferred<unknown>()
    const newer = deferred<unknown>()
    previewExport.mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise)
    show(byTag('old'))
    await act(() => vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS))
    show(byTag('new'))
    await act(() => vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS))
    expect(previewExport).toHaveBeenCalledTimes(2)
    await act(async () => newer.resolve(answer('new')))
    expect(seen.preview?.text).toBe('new')
    await act(async () => older.resolve(answer('old')))
    expect(seen.preview?.text).toBe('new')
    expect(seen.pending).toBe(false)
  })

  it('shows one article’s own note with the counts of the same selection, and failures in words', async () => {
    exportArticleMarkdown.mockResolvedValue({
      ok: true,
      value: { fileName: 'note--i-1234.md', markdown: '---\nid: "i-1"\n---\n' },
    })
    previewExport.mockResolvedValue(answer('ignored'))
    show({ kind: 'note', itemId: 'i-1', style: 'mla' })
    await act(() => vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS))
    expect(exportArticleMarkdown).toHaveBeenCalledWith({
      itemId: 'i-1',
      style: 'mla',
      preview: true,
    })
    expect(previewExport).toHaveBeenCalledWith({ selection: { itemIds: ['i-1'] } })
    expect(seen.preview).toEqual({
      articles: 1,
      annotations: 2,
      fileNames: ['note--i-1234.md'],
      text: '---\nid: "i-1"\n---\n',
      truncated: false,
    })

    previewExport.mockResolvedValue({
      ok: false,
      error: { code: 'not-found', message: 'No such feed' },
    })
    show(byTag('x'))
    await act(() => vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS))
    expect(seen.preview).toBeNull()
    expect(seen.error).toBe('It is no longer in the library. No such feed')
  })
})
