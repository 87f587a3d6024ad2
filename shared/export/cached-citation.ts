// formatCitation memoised by style, form and citation: citeproc takes ~5 ms per entry, so a
// re-export (or a preview as options change) must not pay it again for an unchanged citation.
// Bounded (oldest dropped first); pure: the cache holds only what the function would return.
import type { Citation } from '../domain'
import { type CitationForm, type CitationStyle, formatCitation } from './formats/styles'

const MAX_ENTRIES = 20_000
const cache = new Map<string, string>()

export function cachedCitation(
  citation: Citation,
  style: CitationStyle,
  form: CitationForm,
): string {
  const key = `${style}|${form}|${JSON.stringify(citation)}`
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const text = formatCitation(citation, style, form)
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!)
  cache.set(key, text)
  return text
}

/** A footnote's text: Chicago notes-bibliography's full note, else the bibliography entry. */
export function footnoteCitation(citation: Citation, style: CitationStyle): string {
  return cachedCitation(citation, style, style === 'chicago-nb' ? 'note' : 'bibliography')
}
