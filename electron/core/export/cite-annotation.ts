// The citeAnnotation method: one highlight as Markdown to paste (shared/export/cited-quote), cited
// to its article's resolved citation (never a relay bot) in the chosen style. Reads only: nothing
// is written, and the article is not marked exported (a paste is not an export).
import type { MethodArgs, MethodResult } from '../../../shared/contract'
import type { Article } from '../../../shared/domain'
import { cachedCitation } from '../../../shared/export/cached-citation'
import { buildCitedQuote } from '../../../shared/export/cited-quote'
import { fail, ok } from '../../../shared/result'
import { toAnnotation } from '../annotations/stored-annotation'
import type { LibraryStore } from '../store/library-store'

export interface CiteDeps {
  store: LibraryStore
  /** The article as getArticle returns it (its resolved citation). */
  articleOf: (itemId: string) => Promise<Article | null>
}

export function createCiteAnnotation(deps: CiteDeps) {
  return async (args: MethodArgs<'citeAnnotation'>): Promise<MethodResult<'citeAnnotation'>> => {
    const found = deps.store.findAnnotation(args.annotationId)
    if (!found) return fail('not-found', 'No such highlight')
    const annotation = toAnnotation(found.annotation)
    const article = await deps.articleOf(annotation.itemId)
    if (!article) return fail('not-found', 'The highlight’s article is no longer in the library')
    const markdown = buildCitedQuote({
      annotation,
      url: article.citation.url,
      citationText: cachedCitation(article.citation, args.style ?? 'apa', 'bibliography'),
    })
    return ok({ markdown })
  }
}
