// The cited Markdown note of one article: YAML frontmatter (id, title, authors, citekey, version
// hash, a marker that says the file is ours), its citation in the chosen style, then its
// highlights in document order — quotes attributed to their speaker, claims with status and
// evidence links, notes below, #tags, stable Obsidian block ids. Pure: citations are formatted by
// the caller's `cite` (memoised, citeproc is slow) and evidence links resolved by `evidenceLink`.
import type { Annotation, Citation } from '../domain'

/** The frontmatter key and value that mark a file as written by our export. */
export const EXPORT_MARKER = 'exported_by: "research-reader"'

export interface NoteArticle {
  itemId: string
  title: string
  citation: Citation
  /** A short hash of the current version's body. */
  versionHash: string
}

/** Where an evidence highlight lives when it was exported too: its file (null: this document). */
export interface BlockTarget {
  file: string | null
  blockId: string
}

/** An evidence highlight outside the export: its article's URL and its quote. */
export interface EvidenceSource {
  exact: string
  url: string | null
  title: string
}

export interface NoteOptions {
  citekey: string
  /** The bibliography entry in the chosen style. */
  citationText: string
  /** Where a linked evidence highlight is: a block exported with this one, else its source. */
  evidenceLink: (annotationId: string) => BlockTarget | EvidenceSource | null
  /** Appended to each highlight (e.g. a Pandoc cite or footnote reference). */
  cite?: string
  /** Heading level of the article title (1 in a note, 2 in a collection). */
  headingLevel?: 1 | 2
}

/** A short, stable Obsidian block id for an annotation (FNV-1a of its id, base 36). */
export function blockIdOf(annotationId: string): string {
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (let i = 0; i < annotationId.length; i++) {
    const c = annotationId.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0
  }
  return `rr-${(h1 % 46656).toString(36).padStart(3, '0')}${(h2 % 46656).toString(36).padStart(3, '0')}`
}

/** A double-quoted YAML scalar: JSON string escaping is valid YAML (colons, #, quotes, newlines). */
export function yamlString(value: string): string {
  return JSON.stringify(value)
}

function yamlList(values: readonly string[]): string {
  return `[${values.map(yamlString).join(', ')}]`
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The UTC day of an ISO timestamp. */
export function isoDay(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso.slice(0, 10) : date.toISOString().slice(0, 10)
}

export function hashtag(tag: string): string {
  return `#${tag.trim().replace(/^#/, '').replace(/\s+/g, '-')}`
}

/** Annotations by their place in the article (the caller's array is not reordered). */
export function inDocumentOrder(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort(
    (a, b) =>
      a.target.position.start - b.target.position.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

/** A link to the highlighted words on the original page (a text fragment). */
export function fragmentLink(url: string | null, exact: string): string | null {
  if (!url || !/^https?:/i.test(url)) return null
  const words = oneLine(exact).split(' ')
  const text =
    words.length > 8
      ? `${encodeFragment(words.slice(0, 4).join(' '))},${encodeFragment(words.slice(-4).join(' '))}`
      : encodeFragment(words.join(' '))
  return `${url.split('#')[0]}#:~:text=${text}`
}

function encodeFragment(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D')
}

function markdownLinkText(text: string): string {
  return text.replace(/([[\]\\])/g, '\\$1')
}

/** A Markdown link destination; <…> keeps spaces and parentheses safe. */
function destination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url
}

function shorten(text: string, max = 120): string {
  const line = oneLine(text)
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line
}

export function frontmatter(article: NoteArticle, citekey: string, tags: string[]): string[] {
  const { citation } = article
  return [
    '---',
    `id: ${yamlString(article.itemId)}`,
    `title: ${yamlString(citation.title)}`,
    `author: ${citation.authors.length ? yamlString(citation.authors.join('; ')) : 'null'}`,
    `authors: ${yamlList(citation.authors)}`,
    `publisher: ${citation.publisher === null ? 'null' : yamlString(citation.publisher)}`,
    `published: ${citation.published === null ? 'null' : yamlString(citation.published)}`,
    `url: ${citation.url === null ? 'null' : yamlString(citation.url)}`,
    `accessed: ${yamlString(isoDay(citation.accessed))}`,
    `tags: ${yamlList(tags.map((t) => t.replace(/\s+/g, '-')))}`,
    `citekey: ${yamlString(citekey)}`,
    `item_type: ${yamlString(citation.type)}`,
    `version: ${yamlString(article.versionHash)}`,
    EXPORT_MARKER,
    '---',
  ]
}

/** Every tag the article's annotations use, first use first. */
export function tagsOf(annotations: readonly Annotation[]): string[] {
  return [...new Set(annotations.flatMap((a) => a.tags))]
}

/** The Markdown of one highlight: blockquote (with block id), a kind line, note, evidence. */
export function highlightMarkdown(
  annotation: Annotation,
  url: string | null,
  options: Pick<NoteOptions, 'evidenceLink' | 'cite'>,
): string[] {
  const paragraphs = annotation.target.quote.exact
    .split(/\n\s*\n/)
    .map(oneLine)
    .filter(Boolean)
  const speaker = annotation.kind === 'quote' ? annotation.speaker : null
  if (speaker && paragraphs.length) {
    paragraphs[0] = `“${paragraphs[0]}`
    const role = speaker.role?.trim() ? `, ${oneLine(speaker.role)}` : ''
    paragraphs[paragraphs.length - 1] += `” — ${oneLine(speaker.name)}${role}`
  }
  const source = fragmentLink(url, annotation.target.quote.exact)
  const tail = [
    options.cite ?? '',
    source ? `[⤴](${destination(source)})` : '',
    `^${blockIdOf(annotation.id)}`,
  ]
    .filter(Boolean)
    .join(' ')
  const lines = paragraphs.flatMap((p, i) => (i === 0 ? [`> ${p}`] : ['>', `> ${p}`]))
  if (lines.length === 0) lines.push('>')
  lines[lines.length - 1] += ` ${tail}`
  const out = [...lines, '']
  const tags = annotation.tags.map(hashtag).join(' ')
  if (annotation.kind === 'claim' && annotation.claim) {
    out.push(`**Claim** (${annotation.claim.status})${tags ? ` ${tags}` : ''}`, '')
    if (annotation.claim.restated?.trim())
      out.push(`Restated: ${oneLine(annotation.claim.restated)}`, '')
  } else {
    const label = annotation.kind === 'quote' ? 'Quote' : 'Highlight'
    out.push(`*${label}*${tags ? ` ${tags}` : ''}`, '')
  }
  if (annotation.note.trim()) out.push(annotation.note.trim(), '')
  if (annotation.kind === 'claim' && annotation.evidence.length) {
    out.push('Evidence:', '')
    for (const link of annotation.evidence) {
      const target = options.evidenceLink(link.annotationId)
      if (!target) {
        out.push(`- ${link.stance}: (a highlight no longer in the library)`)
      } else if ('blockId' in target) {
        out.push(`- ${link.stance}: [[${target.file ?? ''}#^${target.blockId}]]`)
      } else {
        const quote = `“${markdownLinkText(shorten(target.exact))}”`
        out.push(
          `- ${link.stance}: ${target.url ? `[${quote}](${destination(target.url)})` : quote} — ${markdownLinkText(oneLine(target.title))}`,
        )
      }
    }
    out.push('')
  }
  return out
}

/** The body of one article: heading, citation, link to the original, its highlights. */
export function articleSection(
  article: NoteArticle,
  annotations: readonly Annotation[],
  options: NoteOptions,
): string[] {
  const level = '#'.repeat(options.headingLevel ?? 1)
  const url = article.citation.url
  const out = [`${level} ${oneLine(article.title) || 'Untitled'}`, '', options.citationText, '']
  if (url) out.push(`[Original article](${destination(url)})`, '')
  const sorted = inDocumentOrder(annotations)
  if (sorted.length && (options.headingLevel ?? 1) === 1) out.push('## Highlights', '')
  for (const annotation of sorted) out.push(...highlightMarkdown(annotation, url, options))
  return out
}

/** The whole note of one article: frontmatter then its section. */
export function buildCitedNote(
  article: NoteArticle,
  annotations: readonly Annotation[],
  options: NoteOptions,
): string {
  const lines = [
    ...frontmatter(article, options.citekey, tagsOf(annotations)),
    '',
    ...articleSection(article, annotations, options),
  ]
  return `${lines.join('\n').trimEnd()}\n`
}
