// What the reader makes of an article's (sanitized) HTML besides showing it: its citation —
// the in-body byline and dateline of a relay repost beat the feed's fields, and a bot named as
// the feed's author is never cited — and its text, cleaned of relay boilerplate or original.
// One function for getArticle, `reader show` and `reader parse --clean`, so all three agree.
import { cleanRelayPost } from '../../../shared/articles/clean-relay-post'
import { resolveCitation, type CitationInput } from '../../../shared/citation/resolve-citation'
import type { PageMetadata } from '../../../shared/citation/page-metadata-types'
import type { Citation } from '../../../shared/domain'
import { articleBlocks } from './article-blocks'

/** The feed's fields (its author may be a bot), when it was fetched, and what else is known. */
export type ArticleFacts = CitationInput['feed'] &
  Pick<CitationInput, 'accessed' | 'edits'> & {
    /** Citation metadata from the item's web page, when it was fetched. */
    page?: PageMetadata | null
  }

export interface ReadArticle {
  citation: Citation
  /** Block texts with relay boilerplate removed, paragraphs separated by blank lines. */
  cleanText: string
  originalText: string
}

export function readArticle(html: string, facts: ArticleFacts): ReadArticle {
  return readBlocks(articleBlocks(html), facts)
}

/** readArticle from the HTML's blocks (articleBlocks), when the caller has them already. */
export function readBlocks(blocks: string[], facts: ArticleFacts): ReadArticle {
  const cleaned = cleanRelayPost({ title: facts.title, blocks, feedAuthor: facts.author })
  const { accessed, edits, page, ...feed } = facts
  const record = resolveCitation({
    page: page ?? null,
    byline: cleaned.byline.author || cleaned.byline.date ? cleaned.byline : null,
    feed,
    accessed,
    ...(edits ? { edits } : {}),
  })
  return {
    // `sources` (which source won each field) stays in the core for now.
    citation: {
      title: record.title,
      authors: record.authors,
      publisher: record.publisher,
      published: record.published,
      url: record.url,
      accessed: record.accessed,
      language: record.language,
      type: record.type,
    },
    cleanText: blocks.filter((_, index) => cleaned.keep[index]).join('\n\n'),
    originalText: blocks.join('\n\n'),
  }
}
