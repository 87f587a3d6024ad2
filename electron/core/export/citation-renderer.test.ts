// The citation renderer gives, on its worker thread, exactly what renderCitations gives on this
// one; without a usable worker it renders here, the same strings.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Citation } from '../../../shared/domain'
import { renderCitations } from '../../../shared/export/formats/render-citations'
import { CitationRenderer } from './citation-renderer'

const DEV_WORKER = join(__dirname, '..', '..', '..', 'tests', 'helpers', 'citation-worker-dev.cjs')

const base = {
  publisher: 'The Kyiv Independent',
  accessed: '2026-02-03T09:00:00.000Z',
  language: 'en',
  type: 'newspaperArticle' as const,
}
const CITATIONS: Citation[] = [
  {
    ...base,
    title: 'Envoys meet in Geneva',
    authors: ['Olena Kovalenko'],
    published: '2026-01-23T23:40:00-05:00',
    url: 'https://kyivindependent.com/envoys',
  },
  {
    ...base,
    title: 'Talks resume',
    authors: ['Olena Kovalenko'],
    published: '2026-03-02',
    url: null,
  },
  { ...base, title: 'Ceasefire holds', authors: [], published: null, url: 'https://r.example/1' },
]

const renderers: CitationRenderer[] = []
afterEach(async () => {
  for (const renderer of renderers.splice(0)) await renderer.close()
})
function renderer(workerScript: string | null): CitationRenderer {
  const made = new CitationRenderer({ workerScript })
  renderers.push(made)
  return made
}

describe('CitationRenderer', () => {
  it('renders on its worker exactly what renderCitations renders here', async () => {
    const onWorker = renderer(DEV_WORKER)
    for (const style of ['apa', 'mla', 'chicago-nb', 'chicago-ad'] as const)
      for (const form of ['bibliography', 'note', 'in-text'] as const)
        expect(await onWorker.render(CITATIONS, style, form)).toEqual(
          renderCitations(CITATIONS, style, form),
        )
    expect(onWorker.usesWorker).toBe(true)
  })

  it('warms a style on the worker, which then renders', async () => {
    const onWorker = renderer(DEV_WORKER)
    await onWorker.warm('chicago-nb')
    expect(onWorker.usesWorker).toBe(true)
    expect(await onWorker.render(CITATIONS.slice(0, 1), 'chicago-nb', 'note')).toEqual([
      'Olena Kovalenko, “Envoys Meet in Geneva,” The Kyiv Independent, January 23, 2026, https://kyivindependent.com/envoys.',
    ])
  })

  it('renders on this thread when the worker does not load, and gives up on it', async () => {
    const broken = renderer(join(tmpdir(), 'no-such-citation-worker.cjs'))
    expect(await broken.render(CITATIONS, 'apa', 'bibliography')).toEqual(
      renderCitations(CITATIONS, 'apa', 'bibliography'),
    )
    expect(broken.usesWorker).toBe(false)
  })

  it('renders on this thread without a script, and after close', async () => {
    const here = renderer(null)
    expect(here.usesWorker).toBe(false)
    expect(await here.render(CITATIONS, 'mla', 'in-text')).toEqual(
      renderCitations(CITATIONS, 'mla', 'in-text'),
    )
    const closed = renderer(DEV_WORKER)
    await closed.close()
    expect(await closed.render(CITATIONS, 'apa', 'note')).toEqual(
      renderCitations(CITATIONS, 'apa', 'note'),
    )
  })
})
