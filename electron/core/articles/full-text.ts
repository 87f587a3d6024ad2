// Full text for summary-only items: decides when a feed gives only a teaser, and extracts the
// article from its web page with Readability (over jsdom, which never runs the page's scripts),
// sanitized like every other body. Page metadata for citations is read from the same page.
import { createRequire } from 'node:module'
import { fail, ok, type Result } from '../../../shared/result'
import { htmlToPlainText } from './html-to-text'
import { sanitizeHtml } from './sanitize-html'

/** Below this much text a body is a teaser, not an article. */
export const SUMMARY_MAX_CHARS = 600
/** Below this much text an extraction found no article (a cookie wall, a login page). */
export const EXTRACTED_MIN_CHARS = 200

const TEASER_TAIL =
  /(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$|(?:read more|continue reading|read the full (?:story|article)|читать далее|читати далі)\W*$/i

/** Whether a feed body is only a teaser: short, or ending in an ellipsis or a "read more". */
export function looksSummaryOnly(html: string): boolean {
  const text = htmlToPlainText(html)
  return text.length < SUMMARY_MAX_CHARS || TEASER_TAIL.test(text)
}

export interface ExtractedArticle {
  title: string
  /** Sanitized, absolute URLs. */
  contentHtml: string
  byline: string | null
  textLength: number
}

export function extractFullText(
  pageHtml: string,
  pageUrl: string,
): Result<ExtractedArticle, 'no-article'> {
  const require = createRequire(__filename)
  // Loaded on first use: both are large and most sessions never extract.
  const { JSDOM } = require('jsdom') as typeof import('jsdom')
  const { Readability } = require('@mozilla/readability') as typeof import('@mozilla/readability')
  const dom = new JSDOM(pageHtml, { url: pageUrl })
  try {
    const article = new Readability(dom.window.document).parse()
    const content = article?.content ?? ''
    const clean = sanitizeHtml(content, pageUrl)
    const textLength = clean.text.replace(/\s+/g, ' ').trim().length
    if (!article || textLength < EXTRACTED_MIN_CHARS) {
      return fail(
        'no-article',
        'The page has no readable article (a paywall, a login or a cookie wall?)',
      )
    }
    return ok({
      title: article.title ?? '',
      contentHtml: clean.html,
      byline: article.byline ?? null,
      textLength,
    })
  } finally {
    dom.window.close()
  }
}
