// Builds the Markdown note for one article: YAML frontmatter (title, author, source, published,
// url, accessed), a citation line, then each highlight as a blockquote with its kind and note.
// Pure: the caller supplies the article, its annotations and already-anchored order.
import type { Annotation, Article } from '../domain'
import { formatCitation } from '../citation/format-citation'

const KIND_LABEL: Record<Annotation['kind'], string> = {
  plain: 'Highlight',
  quote: 'Quote',
  claim: 'Claim',
}

export interface MarkdownNote {
  fileName: string
  markdown: string
}

export function buildMarkdownNote(article: Article, annotations: Annotation[]): MarkdownNote {
  // Cited from the resolved citation: the real byline of a relay repost, never the bot.
  const { citation } = article
  const fields = {
    title: citation.title,
    author: citation.authors.length ? citation.authors.join('; ') : null,
    publisher: citation.publisher ?? article.feedTitle,
    published: citation.published,
    url: citation.url,
    accessed: citation.accessed,
  }
  const frontmatter = [
    '---',
    `title: ${yamlString(fields.title)}`,
    `author: ${fields.author ? yamlString(fields.author) : 'null'}`,
    `source: ${yamlString(fields.publisher)}`,
    `published: ${fields.published ?? 'null'}`,
    `url: ${fields.url ? yamlString(fields.url) : 'null'}`,
    `accessed: ${isoDay(fields.accessed)}`,
    '---',
  ]
  const sorted = [...annotations].sort((a, b) => a.target.position.start - b.target.position.start)
  const body = [`# ${oneLine(article.title) || 'Untitled'}`, '', formatCitation(fields), '']
  if (sorted.length > 0) body.push('## Highlights', '')
  for (const annotation of sorted) {
    body.push(...blockquote(annotation.target.quote.exact), '')
    const tags = annotation.tags.map((tag) => `#${tag.replace(/\s+/g, '-')}`).join(' ')
    body.push(`*${KIND_LABEL[annotation.kind]}*${tags ? ` ${tags}` : ''}`, '')
    if (annotation.note.trim()) body.push(annotation.note.trim(), '')
  }
  return {
    fileName: `${slugify(article.title) || 'article'}-${article.id.slice(0, 8)}.md`,
    markdown: `${[...frontmatter, '', ...body].join('\n').trimEnd()}\n`,
  }
}

/** The UTC day of an ISO timestamp, as the citation line prints it. */
function isoDay(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso.slice(0, 10) : date.toISOString().slice(0, 10)
}

/** A double-quoted YAML scalar; JSON string escaping is valid YAML. */
function yamlString(value: string): string {
  return JSON.stringify(value)
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function blockquote(text: string): string[] {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map(oneLine)
    .filter(Boolean)
  return paragraphs.flatMap((paragraph, i) =>
    i === 0 ? [`> ${paragraph}`] : ['>', `> ${paragraph}`],
  )
}

/**
 * A file-name slug: lower case, words joined by '-', at most 60 characters. Accents are dropped
 * from Latin and Greek letters only (Cyrillic й must stay й); other scripts keep their combining
 * marks (Devanagari vowel signs, Japanese dakuten), which are part of the word.
 */
export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  // Cut by code points, never inside a surrogate pair.
  return Array.from(words).slice(0, 60).join('').replace(/-+$/, '')
}
