// Many citations rendered by one citeproc call per style and form, each exactly as it would be
// rendered alone. citeproc costs ~10 ms per citation when each gets its own Cite (input parsing,
// an engine reset, a one-item registry); here the CSL items go straight to citation-js's cached
// engine for the style (built once per process, ~1–2 s for APA) and a whole export is one
// updateItems + makeBibliography (or one rebuildProcessorState for in-text and note forms).
//
// Citations rendered together would affect each other: citeproc disambiguates ambiguous cites
// (APA's 2026a/2026b, added initials or given names, Chicago's "disambiguate" branches) and
// replaces a repeated author by a dash (subsequent-author-substitute). A note or a citation line
// stands alone, so the styles are registered without those cross-entry rules — and without their
// sort keys, which only order entries (ours are ordered by the caller): for one item none of
// them can apply, so each entry is the same string as when rendered on its own.
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { Citation } from '../../domain'
import { CSL_STYLES } from './csl/styles'
import { type CslItem, toCslItem } from './csl-json'
import type { CitationForm, CitationStyle } from './styles'

/** The citeproc engine citation-js keeps per style (the calls used here). */
interface CiteprocEngine {
  updateItems(ids: string[], nosort?: boolean): string[]
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false
  rebuildProcessorState(
    citations: { citationID: string; citationItems: { id: string }[]; properties: object }[],
    format: string,
    uncited: string[],
  ): [string, number, string][]
}

/**
 * Bump when a change here or in csl-json (the CSL items, the styles' adjustments) changes what a
 * citation renders to: rendered texts kept on disk are keyed by it (see citation-cache-file),
 * together with citeproc's and citation-js's versions and the styles' text.
 */
export const CITATION_RENDERING_VERSION = 1

/** A CSL variable our items never carry (toCslItem): a condition on it is always false. */
export const NEVER_SET_VARIABLE = 'annote'

/**
 * A CSL style without what only matters between entries: disambiguation (year suffixes, added
 * names and given names, `disambiguate="true"` branches), the repeated-author dash and sort
 * keys. Rendering one item with it gives what the full style gives for that item alone.
 */
export function isolatedStyle(xml: string): string {
  return xml
    .replace(
      / (?:disambiguate-add-givenname|disambiguate-add-names|disambiguate-add-year-suffix|givenname-disambiguation-rule|subsequent-author-substitute|subsequent-author-substitute-rule)="[^"]*"/g,
      '',
    )
    .replace(/ disambiguate="true"/g, ` variable="${NEVER_SET_VARIABLE}"`)
    .replace(/<sort>[\s\S]*?<\/sort>/g, '')
}

type Template = 'apa' | 'mla' | 'chicago-nb' | 'chicago-fullnote' | 'chicago-ad'

const SOURCES: Record<Template, () => string> = {
  apa: () => plugins.config.get('@csl').styles.get('apa'),
  mla: () => CSL_STYLES['modern-language-association'],
  'chicago-nb': () => CSL_STYLES['chicago-note-bibliography'],
  'chicago-fullnote': () => CSL_STYLES['chicago-fullnote-bibliography'],
  'chicago-ad': () => CSL_STYLES['chicago-author-date'],
}

const registered = new Set<Template>()

function templateName(template: Template): string {
  const name = `rr-isolated-${template}`
  if (!registered.has(template)) {
    plugins.config.get('@csl').styles.add(name, isolatedStyle(SOURCES[template]()))
    registered.add(template)
  }
  return name
}

function templateOf(style: CitationStyle, form: CitationForm): Template {
  return form === 'note' && style === 'chicago-nb' ? 'chicago-fullnote' : style
}

/** The CSL item a style renders for a citation (with the style's own adjustments). */
export function styledItem(citation: Citation, style: CitationStyle, id: string): CslItem {
  const item = toCslItem(citation, id)
  // An organisation that is both author and site: APA 7 (9.16) drops the repeated site name;
  // MLA 9 (2.1.3) starts with the title and keeps the organisation as the container.
  const sameAsSite = item.author?.some(
    (name) => name.literal && name.literal === item['container-title'],
  )
  if (sameAsSite && style === 'apa') delete item['container-title']
  if (sameAsSite && style === 'mla') delete item.author
  return item
}

const plain = (text: string): string => text.replace(/\s+/g, ' ').trim()

/**
 * Each citation in `style` and `form` (see CitationForm), plain text, in the order given: the
 * same strings formatCitation gives one by one, in one citeproc pass. Identical citations are
 * rendered once.
 */
export function renderCitations(
  citations: readonly Citation[],
  style: CitationStyle,
  form: CitationForm,
): string[] {
  if (citations.length === 0) return []
  const idOf = new Map<string, string>()
  const ids = citations.map((citation) => {
    const key = JSON.stringify(citation)
    let id = idOf.get(key)
    if (id === undefined) idOf.set(key, (id = `c${idOf.size}`))
    return id
  })
  const items = [...idOf.keys()].map((key, i) =>
    styledItem(JSON.parse(key) as Citation, style, `c${i}`),
  )
  const unique = items.map((item) => item.id)
  const csl = plugins.config.get('@csl')
  const engine = csl.engine(
    items,
    templateName(templateOf(style, form)),
    'en-US',
    'text',
  ) as CiteprocEngine
  const text = new Map<string, string>()
  if (form === 'bibliography') {
    engine.updateItems(unique, true)
    const bibliography = engine.makeBibliography()
    if (bibliography) {
      const [meta, entries] = bibliography
      meta.entry_ids.forEach(([id], k) => text.set(id!, plain(entries[k]!)))
    }
  } else {
    const clusters = unique.map((id) => ({
      citationID: `cluster-${id}`,
      citationItems: [{ id }],
      properties: { noteIndex: 0 },
    }))
    for (const [clusterId, , output] of engine.rebuildProcessorState(clusters, 'text', []))
      text.set(clusterId.slice('cluster-'.length), plain(output))
  }
  return ids.map((id) => text.get(id) ?? '')
}
