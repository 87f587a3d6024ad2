// Parses RSS 0.9x/1.0/2.0 and Atom text with rss-parser into the parser's own output type,
// ParsedFeed. It is not the domain item: to-stored-items converts it. Input that is not a feed
// (an HTML page, garbage) becomes a 'not-a-feed' value with rss-parser's reason.
import Parser from 'rss-parser'
import { fail, ok, type Result } from '../../../shared/result'

export interface ParsedItem {
  guid: string | null
  title: string
  link: string | null
  author: string | null
  published: string | null
  contentHtml: string
  summary: string
}

export interface ParsedFeed {
  title: string
  link: string | null
  description: string
  items: ParsedItem[]
}

type RawItem = Record<string, unknown>

const parser = new Parser<Record<string, unknown>, RawItem>({
  customFields: { item: [['dc:creator', 'dcCreator']] },
})

export async function parseFeed(xml: string): Promise<Result<ParsedFeed, 'not-a-feed'>> {
  if (!/<(rss|feed|rdf:RDF)[\s>]/i.test(xml.slice(0, 4096))) {
    const looksHtml = /<html[\s>]/i.test(xml.slice(0, 4096))
    return fail(
      'not-a-feed',
      looksHtml ? 'This is a web page, not a feed' : 'This is not an RSS or Atom feed',
    )
  }
  let raw: Awaited<ReturnType<typeof parser.parseString>>
  try {
    raw = await parser.parseString(xml)
  } catch (error) {
    return fail(
      'not-a-feed',
      `The feed could not be read: ${(error as Error).message.split('\n')[0]}`,
    )
  }
  return ok({
    title: text(raw.title),
    link: text(raw.link) || null,
    description: text(raw.description),
    items: (raw.items ?? []).map(toParsedItem),
  })
}

function toParsedItem(item: RawItem): ParsedItem {
  const published = text(item.isoDate)
  return {
    guid: text(item.guid) || text(item.id) || null,
    title: text(item.title),
    link: text(item.link) || null,
    author: text(item.dcCreator) || text(item.creator) || text(item.author) || null,
    published:
      published && !Number.isNaN(Date.parse(published)) ? new Date(published).toISOString() : null,
    contentHtml: text(item['content:encoded']) || text(item.content) || text(item.summary),
    summary: text(item.contentSnippet) || text(item.summary),
  }
}

/** rss-parser gives strings, arrays or xml2js objects depending on the feed; take the text. */
function text(value: unknown): string {
  if (typeof value === 'string') return value.trim()
  if (Array.isArray(value)) return text(value[0])
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if ('_' in record) return text(record._)
    if ('name' in record) return text(record.name)
  }
  return ''
}
