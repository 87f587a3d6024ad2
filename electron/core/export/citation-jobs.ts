// What the citation worker does, also run in-thread when there is no worker: render a batch of
// citations in one style and form, or build a style's engines ahead of the first export.
import type { Citation } from '../../../shared/domain'
import { renderCitations } from '../../../shared/export/formats/render-citations'
import type { CitationForm, CitationStyle } from '../../../shared/export/formats/styles'

export type CitationJob =
  | { kind: 'render'; citations: Citation[]; style: CitationStyle; form: CitationForm }
  | { kind: 'warm'; style: CitationStyle }

const SAMPLE: Citation = {
  title: 'Warming up',
  authors: ['Research Reader'],
  publisher: 'Research Reader',
  published: '2026-01-01',
  url: 'https://example.invalid/',
  accessed: '2026-01-01T00:00:00.000Z',
  language: 'en',
  type: 'webpage',
}

/** The forms an export in `style` renders (a footnote is a full note in Chicago NB). */
export function formsOf(style: CitationStyle): CitationForm[] {
  return style === 'chicago-nb' ? ['bibliography', 'note'] : ['bibliography']
}

export function runCitationJob(job: CitationJob): string[] {
  if (job.kind === 'render') return renderCitations(job.citations, job.style, job.form)
  // Building an engine is most of a style's first use; rendering once also warms the code.
  for (const form of formsOf(job.style)) renderCitations([SAMPLE], job.style, form)
  return []
}
