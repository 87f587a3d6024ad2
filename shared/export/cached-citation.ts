// Rendered citations memoised by style, form and citation: citeproc takes milliseconds per entry,
// so a re-export (or a preview as options change) must not pay it again for an unchanged
// citation. What is not cached yet is rendered in one citeproc pass (renderCitations). Keyed by
// the citation itself, so a corrected citation is a different key and can never get the old
// text. Bounded (oldest dropped first); pure: the cache holds only what the functions return.
import type { Citation } from '../domain'
import { renderCitations } from './formats/render-citations'
import type { CitationForm, CitationStyle } from './formats/styles'

const MAX_ENTRIES = 20_000
const cache = new Map<string, string>()

const keyOf = (citation: Citation, style: CitationStyle, form: CitationForm): string =>
  `${style}|${form}|${JSON.stringify(citation)}`

/** Each citation's text in `style` and `form`, in order: the uncached ones in one pass. */
export function cachedCitations(
  citations: readonly Citation[],
  style: CitationStyle,
  form: CitationForm,
): string[] {
  const keys = citations.map((citation) => keyOf(citation, style, form))
  const missing = new Map<string, Citation>()
  keys.forEach((key, i) => {
    if (!cache.has(key)) missing.set(key, citations[i]!)
  })
  if (missing.size > 0) {
    const texts = renderCitations([...missing.values()], style, form)
    ;[...missing.keys()].forEach((key, i) => remember(key, texts[i]!))
  }
  // Rendered just now, or already there (a batch larger than the bound renders anew).
  return keys.map((key, i) => cache.get(key) ?? renderCitations([citations[i]!], style, form)[0]!)
}

/** The distinct citations among `citations` whose text is not cached yet. */
export function uncachedCitations(
  citations: readonly Citation[],
  style: CitationStyle,
  form: CitationForm,
): Citation[] {
  const missing = new Map<string, Citation>()
  for (const citation of citations) {
    const key = keyOf(citation, style, form)
    if (!cache.has(key)) missing.set(key, citation)
  }
  return [...missing.values()]
}

/** Caches texts rendered elsewhere (a worker): `texts[i]` is `citations[i]`'s. */
export function cacheCitations(
  citations: readonly Citation[],
  style: CitationStyle,
  form: CitationForm,
  texts: readonly string[],
): void {
  citations.forEach((citation, i) => remember(keyOf(citation, style, form), texts[i]!))
}

let revision = 0

function remember(key: string, text: string): void {
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!)
  cache.set(key, text)
  revision++
}

/** Bumped whenever a text is cached: whether there is anything new to keep. */
export function citationCacheRevision(): number {
  return revision
}

/** Every cached text with its key, oldest first (to be kept across restarts). */
export function cachedCitationEntries(): [string, string][] {
  return [...cache]
}

/**
 * Puts texts kept by an earlier run back (pairs from cachedCitationEntries, rendered by the same
 * citeproc, styles and code — see citation-cache-file). What this run rendered already stays.
 */
export function restoreCachedCitations(entries: Iterable<readonly [string, string]>): void {
  for (const [key, text] of entries) if (!cache.has(key)) remember(key, text)
}

export function cachedCitation(
  citation: Citation,
  style: CitationStyle,
  form: CitationForm,
): string {
  return cachedCitations([citation], style, form)[0]!
}

/** The form of a footnote: Chicago notes-bibliography's full note, else the bibliography entry. */
export function footnoteForm(style: CitationStyle): CitationForm {
  return style === 'chicago-nb' ? 'note' : 'bibliography'
}

/** A footnote's text: Chicago notes-bibliography's full note, else the bibliography entry. */
export function footnoteCitation(citation: Citation, style: CitationStyle): string {
  return cachedCitation(citation, style, footnoteForm(style))
}
