// Citation metadata an article page states about itself, read in one streaming pass with
// htmlparser2 (no DOM): citation_* (Highwire/Google Scholar), JSON-LD (schema.org NewsArticle,
// BlogPosting, WebPage…, also inside @graph and through @id references), Open Graph og:* and
// article:*, Dublin Core, plain author meta (author, parsely-author, sailthru.author),
// <link rel=canonical>, <html lang> and <title>. Every value keeps its source so the resolver
// (shared/citation/resolve-citation.ts) can weigh them. Tolerant: broken JSON-LD is skipped.
import { Parser } from 'htmlparser2'
import { decodeHTML } from 'entities'
import {
  SOURCE_RANK,
  emptyPageMetadata,
  type CitationItemType,
  type Field,
  type MetadataSource,
  type PageMetadata,
} from '../../../shared/citation/page-metadata-types'
import {
  cleanAuthorNames,
  normalizeLanguage,
  toIsoDate,
} from '../../../shared/citation/resolve-citation'

export type { PageMetadata } from '../../../shared/citation/page-metadata-types'

// Most JSON-LD blocks are a few KB; a cap keeps a hostile page from making us parse megabytes.
const MAX_JSONLD_CHARS = 1_000_000
const MAX_TITLE_CHARS = 2_000

type StringKey = 'title' | 'publisher' | 'published' | 'modified' | 'canonicalUrl' | 'language'
type MetaRule =
  | { field: StringKey | 'section'; source: MetadataSource }
  | { field: 'authors'; source: MetadataSource }
  | { field: 'type'; source: MetadataSource }

// Keys are lower-cased name / property values.
const META_RULES: Record<string, MetaRule> = {
  citation_title: { field: 'title', source: 'citation' },
  citation_author: { field: 'authors', source: 'citation' },
  citation_publication_date: { field: 'published', source: 'citation' },
  citation_date: { field: 'published', source: 'citation' },
  citation_publisher: { field: 'publisher', source: 'citation' },
  citation_journal_title: { field: 'publisher', source: 'citation' },
  citation_language: { field: 'language', source: 'citation' },
  'dc.title': { field: 'title', source: 'dc' },
  'dc.creator': { field: 'authors', source: 'dc' },
  'dcterms.creator': { field: 'authors', source: 'dc' },
  'dc.date': { field: 'published', source: 'dc' },
  'dc.date.issued': { field: 'published', source: 'dc' },
  'dcterms.date': { field: 'published', source: 'dc' },
  'dcterms.issued': { field: 'published', source: 'dc' },
  'dcterms.created': { field: 'published', source: 'dc' },
  'dc.publisher': { field: 'publisher', source: 'dc' },
  'dcterms.publisher': { field: 'publisher', source: 'dc' },
  'dc.language': { field: 'language', source: 'dc' },
  'og:title': { field: 'title', source: 'og' },
  'og:site_name': { field: 'publisher', source: 'og' },
  'og:type': { field: 'type', source: 'og' },
  'og:url': { field: 'canonicalUrl', source: 'og' },
  'og:locale': { field: 'language', source: 'og' },
  'article:author': { field: 'authors', source: 'article' },
  'article:published_time': { field: 'published', source: 'article' },
  'article:modified_time': { field: 'modified', source: 'article' },
  'article:section': { field: 'section', source: 'article' },
  author: { field: 'authors', source: 'meta' },
  'parsely-author': { field: 'authors', source: 'meta' },
  'sailthru.author': { field: 'authors', source: 'meta' },
}

const NEWS_TYPES = new Set([
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
])
const BLOG_TYPES = new Set(['BlogPosting', 'LiveBlogPosting'])
const ARTICLE_TYPES = new Set([...NEWS_TYPES, ...BLOG_TYPES, 'Article', 'Report'])
const PAGE_TYPES = new Set(['WebPage', 'ItemPage', 'AboutPage', 'CollectionPage'])

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

export function extractPageMetadata(html: string, pageUrl: string): PageMetadata {
  const result = emptyPageMetadata()
  // Authors per meta key ("citation_author", "article:author"…), repeated tags gathered together.
  const metaAuthors = new Map<string, { source: MetadataSource; names: string[] }>()
  const jsonLdBlocks: string[] = []
  let htmlLang: string | null = null
  let htmlTitle: string | null = null

  let inTitle = false
  let titleText = ''
  let inJsonLd = false
  let scriptText = ''
  let jsonLdChars = 0

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'html') {
          htmlLang ??= attribs.lang ?? attribs['xml:lang'] ?? null
        } else if (name === 'meta') {
          const key = (attribs.name ?? attribs.property ?? '').trim().toLowerCase()
          const content = attribs.content
          const rule = META_RULES[key]
          if (!rule || content === undefined) return
          const value = collapse(content)
          if (value === '') return
          if (rule.field === 'authors') {
            const entry = metaAuthors.get(key) ?? { source: rule.source, names: [] }
            entry.names.push(...cleanAuthorNames(value))
            metaAuthors.set(key, entry)
          } else if (rule.field === 'type') {
            const type = ogType(value)
            if (type) push(result.type, type, rule.source)
          } else if (rule.field === 'published' || rule.field === 'modified') {
            const date = toIsoDate(value)
            if (date) push(result[rule.field], date, rule.source)
          } else if (rule.field === 'canonicalUrl') {
            const url = resolveUrl(value, pageUrl)
            if (url) push(result.canonicalUrl, url, rule.source)
          } else if (rule.field === 'language') {
            const language = normalizeLanguage(value)
            if (language) push(result.language, language, rule.source)
          } else {
            push(result[rule.field], value, rule.source)
          }
        } else if (name === 'link') {
          const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/)
          if (rel.includes('canonical') && attribs.href) {
            const url = resolveUrl(attribs.href, pageUrl)
            if (url) push(result.canonicalUrl, url, 'link')
          }
        } else if (name === 'title') {
          inTitle = htmlTitle === null
          titleText = ''
        } else if (name === 'script') {
          inJsonLd = (attribs.type ?? '').trim().toLowerCase() === 'application/ld+json'
          scriptText = ''
        }
      },
      ontext(text) {
        if (inTitle && titleText.length < MAX_TITLE_CHARS) titleText += text
        else if (inJsonLd && jsonLdChars < MAX_JSONLD_CHARS) {
          scriptText += text
          jsonLdChars += text.length
        }
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false
          htmlTitle = collapse(titleText)
        } else if (name === 'script' && inJsonLd) {
          inJsonLd = false
          jsonLdBlocks.push(scriptText)
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()

  for (const [, { source, names }] of metaAuthors) {
    const unique = dedupeNames(names)
    if (unique.length > 0) push(result.authors, unique, source)
  }
  for (const block of jsonLdBlocks) readJsonLd(block, pageUrl, result)
  const lang = normalizeLanguage(htmlLang)
  if (lang) push(result.language, lang, 'html')
  if (htmlTitle) push(result.title, htmlTitle, 'html')

  for (const key of Object.keys(result) as (keyof PageMetadata)[]) {
    const fields = result[key] as Field<unknown>[]
    fields.sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source])
  }
  return result
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

function readJsonLd(text: string, pageUrl: string, result: PageMetadata): void {
  const data = parseJson(text)
  if (data === undefined) return
  // Every node with an @id, for references like "author": {"@id": "#/schema/person/1"}.
  const byId = new Map<string, JsonObject>()
  const nodes: JsonObject[] = []
  collectNodes(data, nodes, 0)
  for (const node of nodes) {
    const id = node['@id']
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node)
  }
  const deref = (value: Json): Json => {
    if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length <= 2) {
      return byId.get(value['@id']) ?? value
    }
    return value
  }

  const articles = nodes.filter((node) => typesOf(node).some((t) => ARTICLE_TYPES.has(t)))
  const pages = nodes.filter(
    (node) => !articles.includes(node) && typesOf(node).some((t) => PAGE_TYPES.has(t)),
  )
  for (const node of [...articles, ...pages]) {
    const types = typesOf(node)
    const isArticle = articles.includes(node)
    if (types.some((t) => NEWS_TYPES.has(t))) push(result.type, 'newspaperArticle', 'jsonld')
    else if (types.some((t) => BLOG_TYPES.has(t))) push(result.type, 'blogPost', 'jsonld')
    else if (!isArticle) push(result.type, 'webpage', 'jsonld')

    const title = jsonText(
      (isArticle ? (node.headline ?? node.name) : (node.name ?? node.headline)) ?? null,
    )
    if (title) push(result.title, title, 'jsonld')

    const authors = dedupeNames(personNames(node.author ?? null, deref))
    if (authors.length > 0) push(result.authors, authors, 'jsonld')

    for (const publisher of asArray(node.publisher ?? null)) {
      const target = deref(publisher)
      const name =
        typeof target === 'string'
          ? jsonText(target)
          : isObject(target)
            ? jsonText(target.name ?? null)
            : null
      if (name) push(result.publisher, name, 'jsonld')
    }

    for (const [key, field] of [
      ['datePublished', 'published'],
      ['dateModified', 'modified'],
    ] as const) {
      const date = toIsoDate(jsonText(node[key] ?? null))
      if (date) push(result[field], date, 'jsonld')
    }

    const language = normalizeLanguage(jsonLanguage(node.inLanguage ?? null))
    if (language) push(result.language, language, 'jsonld')

    for (const section of asArray(node.articleSection ?? null)) {
      const text = jsonText(section)
      if (text) push(result.section, text, 'jsonld')
    }

    // The article's own address: mainEntityOfPage (a URL or a WebPage with @id/url), then url.
    // Fragments are dropped: schema @ids like "…/port-deal#webpage" name nodes, not pages.
    const main = deref(node.mainEntityOfPage ?? null)
    const candidates: Json[] = isObject(main) ? [main.url ?? null, main['@id'] ?? null] : [main]
    if (isArticle) candidates.push(node.url ?? null)
    else candidates.unshift(node.url ?? null)
    for (const candidate of candidates) {
      const url = typeof candidate === 'string' ? resolveUrl(candidate, pageUrl, true) : null
      if (url) {
        push(result.canonicalUrl, url, 'jsonld')
        break
      }
    }
  }
}

function parseJson(text: string): Json | undefined {
  const body = text
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)$/, '')
    // Raw newlines and tabs inside strings are invalid JSON but common; as spaces they are valid
    // both inside and between tokens.
    // eslint-disable-next-line no-control-regex -- replacing control characters on purpose
    .replace(/[\u0000-\u001F]+/g, ' ')
  try {
    return JSON.parse(body) as Json
  } catch {
    return undefined
  }
}

function collectNodes(value: Json, out: JsonObject[], depth: number): void {
  if (depth > 6 || out.length > 500) return
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out, depth + 1)
  } else if (isObject(value)) {
    out.push(value)
    const graph = value['@graph']
    if (graph !== undefined) collectNodes(graph, out, depth + 1)
    // A WebPage may carry its article as mainEntity.
    if (isObject(value.mainEntity ?? null)) collectNodes(value.mainEntity!, out, depth + 1)
  }
}

function typesOf(node: JsonObject): string[] {
  return asArray(node['@type'] ?? null)
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''))
}

function personNames(value: Json, deref: (value: Json) => Json): string[] {
  const names: string[] = []
  for (const item of asArray(value)) {
    const target = deref(item)
    if (typeof target === 'string') {
      const text = jsonText(target)
      if (text) names.push(...cleanAuthorNames(text))
    } else if (isObject(target)) {
      // Organisations as authors ("Reuters") are publishers, not people to cite by name.
      if (typesOf(target).some((t) => t === 'Organization' || t === 'NewsMediaOrganization'))
        continue
      let name = jsonText(target.name ?? null)
      if (!name) {
        name = [jsonText(target.givenName ?? null), jsonText(target.familyName ?? null)]
          .filter(Boolean)
          .join(' ')
      }
      if (name) names.push(...cleanAuthorNames(name))
    }
  }
  return names
}

function jsonLanguage(value: Json): string | null {
  const first = asArray(value)[0] ?? null
  if (typeof first === 'string') return first
  if (isObject(first)) return jsonText(first.alternateName ?? null) ?? jsonText(first.name ?? null)
  return null
}

function jsonText(value: Json): string | null {
  if (typeof value !== 'string') return null
  const text = collapse(value.includes('&') ? decodeHTML(value) : value)
  return text === '' ? null : text
}

function asArray(value: Json): Json[] {
  if (value === null) return []
  return Array.isArray(value) ? value : [value]
}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// ---------------------------------------------------------------------------------------------
// Helpers

function push<T>(fields: Field<T>[], value: T, source: MetadataSource): void {
  const key = JSON.stringify(value)
  if (fields.some((f) => f.source === source && JSON.stringify(f.value) === key)) return
  fields.push({ value, source })
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function dedupeNames(names: string[]): string[] {
  const seen = new Set<string>()
  return names.filter((name) => {
    const key = name.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function ogType(value: string): CitationItemType | null {
  const type = value.toLowerCase()
  if (type === 'article' || type.startsWith('article:') || type === 'news')
    return 'newspaperArticle'
  if (type === 'blog') return 'blogPost'
  if (type === 'website' || type === 'webpage') return 'webpage'
  return null
}

function resolveUrl(href: string, base: string, dropHash = false): string | null {
  try {
    const url = new URL(href.trim(), base)
    if (dropHash) url.hash = ''
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
