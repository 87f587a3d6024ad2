// CSL-JSON, BibTeX (BibLaTeX fields) and RIS for a set of articles, written so that Zotero's
// import translators file each field where it belongs:
// - RIS (Zotero RIS.js): TY NEWS → newspaperArticle, TY ELEC → webpage; AU "Family, Given" (an
//   organisation without a comma stays one name); TI title; T2 → publicationTitle for NEWS and
//   websiteTitle for ELEC (JO is not used: Zotero reads it as a journal abbreviation); PY year;
//   DA "YYYY/MM/DD/" with empty parts for what the source did not give; UR; Y2 → accessDate;
//   LA language; M3 → websiteType ("Blog post" for blog posts, which RIS has no ELEC subtype for).
// - BibTeX (Zotero BibTeX.js): @article (journal = publication, entrysubtype = newspaper) for
//   newspaper articles, @online for web pages and blog posts (organization = site); year, then
//   date (Zotero keeps date when both are present); url; urldate → accessDate; language.
import type { Citation } from '../../domain'
import { assignCitekeys } from './citekey'
import { type CslItem, type ExportEntry, dateParts, toCslItem, toCslName } from './csl-json'

export type { CslItem, ExportEntry } from './csl-json'

function keyed(entries: ExportEntry[]): { entry: ExportEntry; key: string }[] {
  const keys = assignCitekeys(entries)
  const seen = new Set<string>()
  const out: { entry: ExportEntry; key: string }[] = []
  for (const entry of entries) {
    if (seen.has(entry.itemId)) continue
    seen.add(entry.itemId)
    out.push({ entry, key: keys.get(entry.itemId)! })
  }
  return out
}

/** CSL-JSON items, each with its citekey as id and citation-key. */
export function toCslItems(entries: ExportEntry[]): CslItem[] {
  return keyed(entries).map(({ entry, key }) => ({
    ...toCslItem(entry.citation, key),
    'citation-key': key,
  }))
}

/** A CSL-JSON file (an array of items), as Zotero and Pandoc read it. */
export function toCslJson(entries: ExportEntry[]): string {
  return `${JSON.stringify(toCslItems(entries), null, 2)}\n`
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function isoDate(parts: number[] | null): string | null {
  if (!parts) return null
  return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-')
}

const BIB_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
}

function bibEscape(text: string): string {
  return oneLine(text).replace(/[\\{}#$%&_~^]/g, (c) => BIB_SPECIAL[c] ?? `\\${c}`)
}

function bibName(name: string, publisher: string | null): string {
  const csl = toCslName(name, publisher)
  if (csl.literal !== undefined) return `{${bibEscape(csl.literal)}}`
  const family = bibEscape(csl.family ?? '')
  const given = bibEscape(csl.given ?? '')
  return csl.suffix ? `${family}, ${bibEscape(csl.suffix)}, ${given}` : `${family}, ${given}`
}

/** BibTeX entries (with the BibLaTeX fields Zotero and biber read). UTF-8; URLs verbatim. */
export function toBibtex(entries: ExportEntry[]): string {
  return keyed(entries)
    .map(({ entry, key }) => bibtexEntry(entry.citation, key))
    .join('\n')
}

function bibtexEntry(citation: Citation, key: string): string {
  const fields: [string, string][] = []
  const authors = citation.authors.map((a) => a.trim()).filter(Boolean)
  if (authors.length)
    fields.push(['author', authors.map((a) => bibName(a, citation.publisher)).join(' and ')])
  fields.push(['title', bibEscape(citation.title) || 'Untitled'])
  const site = citation.publisher?.trim() ? bibEscape(citation.publisher) : null
  const newspaper = citation.type === 'newspaperArticle'
  if (site) fields.push([newspaper ? 'journal' : 'organization', site])
  if (newspaper) fields.push(['entrysubtype', 'newspaper'])
  if (citation.type === 'blogPost') fields.push(['type', 'Blog post'])
  const published = dateParts(citation.published)
  if (published) fields.push(['year', String(published[0])], ['date', isoDate(published)!])
  // url is verbatim in BibLaTeX: only the characters that would unbalance the field are encoded.
  if (citation.url?.trim()) {
    const url = oneLine(citation.url).replace(
      /[{}\\]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    )
    fields.push(['url', url])
  }
  const accessed = isoDate(dateParts(citation.accessed))
  if (accessed) fields.push(['urldate', accessed])
  if (citation.language?.trim()) fields.push(['language', bibEscape(citation.language)])
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')
  return `@${newspaper ? 'article' : 'online'}{${key},\n${body}\n}\n`
}

function risDate(parts: number[]): string {
  const [year, month, day] = parts
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'))
  return `${year}/${pad(month)}/${pad(day)}/`
}

function risName(name: string, publisher: string | null): string {
  const csl = toCslName(name, publisher)
  if (csl.literal !== undefined) return oneLine(csl.literal).replace(/,/g, '')
  return `${csl.family}, ${csl.given}${csl.suffix ? `, ${csl.suffix}` : ''}`
}

/** RIS records (CRLF line ends, as the format specifies), one per article. */
export function toRis(entries: ExportEntry[]): string {
  return keyed(entries)
    .map(({ entry }) => risRecord(entry.citation))
    .join('\r\n')
}

function risRecord(citation: Citation): string {
  const lines: [string, string][] = [['TY', citation.type === 'newspaperArticle' ? 'NEWS' : 'ELEC']]
  for (const author of citation.authors.map((a) => a.trim()).filter(Boolean)) {
    lines.push(['AU', risName(author, citation.publisher)])
  }
  lines.push(['TI', oneLine(citation.title) || 'Untitled'])
  if (citation.publisher?.trim()) lines.push(['T2', oneLine(citation.publisher)])
  if (citation.type === 'blogPost') lines.push(['M3', 'Blog post'])
  const published = dateParts(citation.published)
  if (published) lines.push(['PY', String(published[0])], ['DA', risDate(published)])
  if (citation.url?.trim()) lines.push(['UR', oneLine(citation.url)])
  const accessed = dateParts(citation.accessed)
  if (accessed) lines.push(['Y2', risDate(accessed)])
  if (citation.language?.trim()) lines.push(['LA', oneLine(citation.language)])
  lines.push(['ER', ''])
  return (
    lines.map(([tag, value]) => (value ? `${tag}  - ${value}` : `${tag}  - `)).join('\r\n') + '\r\n'
  )
}
