// Our Citation → CSL-JSON (the shape Zotero, Pandoc and citeproc read), following Zotero's
// mapping: newspaperArticle → article-newspaper, webpage → webpage, blogPost → post-weblog;
// publisher → container-title, published → issued, accessed → accessed, url → URL.
// Dates keep only the parts the source gave: a year-only or year-month value never gains a day,
// and a timestamp keeps the calendar day written in it (the publisher's own day, not UTC's).
import type { Annotation, Citation } from '../../domain'

export interface CslName {
  family?: string
  given?: string
  'non-dropping-particle'?: string
  suffix?: string
  literal?: string
}

export interface CslDate {
  'date-parts': [[number] | [number, number] | [number, number, number]]
}

export interface CslItem {
  id: string
  type: 'article-newspaper' | 'webpage' | 'post-weblog'
  title: string
  author?: CslName[]
  'container-title'?: string
  issued?: CslDate
  accessed?: CslDate
  URL?: string
  language?: string
  'citation-key'?: string
}

/** One exported article: its citation, our item id, and (optionally) its annotations. */
export interface ExportEntry {
  citation: Citation
  itemId: string
  annotations?: Annotation[]
}

export const CSL_TYPE: Record<Citation['type'], CslItem['type']> = {
  newspaperArticle: 'article-newspaper',
  webpage: 'webpage',
  blogPost: 'post-weblog',
}

/** The date parts an ISO 8601 value names, as written: no day is invented, no zone is applied. */
export function dateParts(value: string | null): CslDate['date-parts'][0] | null {
  if (!value) return null
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(value.trim())
  if (!match) return null
  const year = Number(match[1])
  if (!match[2]) return [year]
  const month = Number(match[2])
  if (month < 1 || month > 12) return [year]
  if (!match[3]) return [year, month]
  const day = Number(match[3])
  return day >= 1 && day <= 31 ? [year, month, day] : [year, month]
}

const ORGANISATION =
  /\b(staff|news|press|agency|reuters|associated|team|editorial|board|desk|bureau|inc\.?|ltd\.?|llc|corp\.?|corporation|company|group|foundation|institute|university|ministry|department|office|council|committee|society|association|service|times|post|guardian|bbc|cnn|afp|international|network|media|magazine|journal|daily|tribune|herald|watch|project|centre|center|review|online|digital|tv|radio)\b/i
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'bin',
  'al',
])
const SUFFIXES = /^(jr\.?|sr\.?|ii|iii|iv)$/i

/**
 * A byline as a CSL name: "Given Family" or "Family, Given" become family/given (with particles
 * such as "van" kept on the family name); organisations and one-word names stay literal.
 */
export function toCslName(name: string, publisher: string | null = null): CslName {
  const text = name.trim().replace(/\s+/g, ' ')
  if (publisher && text.toLowerCase() === publisher.trim().toLowerCase()) return { literal: text }
  if (ORGANISATION.test(text) || /[&@/]|\d/.test(text)) return { literal: text }
  const comma = /^([^,]+),\s*([^,]+?)(?:,\s*(jr\.?|sr\.?|ii|iii|iv))?$/i.exec(text)
  if (comma && !SUFFIXES.test(comma[2] ?? '')) {
    const result: CslName = { family: comma[1]!.trim(), given: comma[2]!.trim() }
    if (comma[3]) result.suffix = comma[3]
    return result
  }
  const words = text.replace(/,/g, '').split(' ')
  let suffix: string | undefined
  if (words.length > 2 && SUFFIXES.test(words[words.length - 1]!)) suffix = words.pop()
  if (words.length < 2) return { literal: text }
  let familyStart = words.length - 1
  while (familyStart > 1 && PARTICLES.has(words[familyStart - 1]!.toLowerCase())) familyStart -= 1
  const result: CslName = {
    family: words.slice(familyStart).join(' '),
    given: words.slice(0, familyStart).join(' '),
  }
  if (suffix) result.suffix = suffix
  return result
}

/** One citation as a CSL-JSON item with the given id. */
export function toCslItem(citation: Citation, id: string): CslItem {
  const item: CslItem = {
    id,
    type: CSL_TYPE[citation.type],
    title: citation.title.trim() || 'Untitled',
  }
  const authors = citation.authors.map((a) => a.trim()).filter(Boolean)
  if (authors.length > 0)
    item.author = authors.map((author) => toCslName(author, citation.publisher))
  if (citation.publisher?.trim()) item['container-title'] = citation.publisher.trim()
  const issued = dateParts(citation.published)
  if (issued) item.issued = { 'date-parts': [issued] }
  const accessed = dateParts(citation.accessed)
  if (accessed) item.accessed = { 'date-parts': [accessed] }
  if (citation.url?.trim()) item.URL = citation.url.trim()
  if (citation.language?.trim()) item.language = citation.language.trim()
  return item
}
