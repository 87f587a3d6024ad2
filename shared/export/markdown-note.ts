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
  const fields = {
    title: article.title,
    author: article.author,
    publisher: article.feedTitle,
    published: article.published,
    url: article.link,
    accessed: article.fetchedAt,
  }
  const frontmatter = [
    '---',
    `title: ${yamlString(fields.title)}`,
    `author: ${fields.author ? yamlString(fields.author) : 'null'}`,
    `source: ${yamlString(fields.publisher)}`,
    `published: ${fields.published ?? 'null'}`,
    `url: ${fields.url ? yamlString(fields.url) : 'null'}`,
    `accessed: ${fields.accessed.slice(0, 10)}`,
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

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}
