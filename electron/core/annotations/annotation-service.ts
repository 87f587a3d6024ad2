// The annotation methods of the contract: create, change (a claim's status changes are kept as
// its history), delete with an undo, list across the library, link evidence to claims, a claim
// with its evidence, and the quote finder over an article. Every change is on disk before the
// call resolves (the store writes under its lock); create-core only routes to these.
import type { AnnotationEntry, MethodArgs, MethodResult } from '../../../shared/contract'
import { describeTextRange } from '../../../shared/anchoring/describe-text-range'
import type { Annotation, ClaimStatus } from '../../../shared/domain'
import { findQuotes } from '../../../shared/quotes/find-quotes'
import { fail, ok } from '../../../shared/result'
import { newAnnotationId } from '../ids'
import type { LibraryStore } from '../store/library-store'
import { DEFAULT_COLORS, newClaim, toAnnotation, type StoredAnnotation } from './stored-annotation'

export interface AnnotationDeps {
  store: LibraryStore
  now: () => Date
  /** Something changed: lists and the search index follow. */
  changed: () => void
  /** An item's text as the quote finder reads it (paragraphs joined by a blank line). */
  articleText: (itemId: string) => Promise<string | null>
}

type Entry = AnnotationEntry

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().replace(/^#/, '')).filter(Boolean))]
}

/** A claim's state after a status change: the new status, and one more line of history. */
function withStatus(annotation: Annotation, status: ClaimStatus, at: string): Annotation['claim'] {
  const claim = annotation.claim ?? newClaim(status, null, at)
  if (claim.status === status && annotation.claim) return claim
  return { ...claim, status, history: [...claim.history, { status, at }] }
}

export function createAnnotationService(deps: AnnotationDeps) {
  const { store, now, changed } = deps

  const entryOf = (annotation: StoredAnnotation): Entry | null => {
    const found = store.findItem(annotation.itemId)
    if (!found) return null
    const feed = store.feed(found.feedId)
    return {
      annotation: toAnnotation(annotation),
      item: {
        id: found.item.id,
        title: found.item.title,
        feedId: found.feedId,
        feedTitle: feed?.title || feed?.url || '',
        link: found.item.link,
        author: found.item.author,
        published: found.item.published,
      },
    }
  }

  const allAnnotations = (): StoredAnnotation[] =>
    store.feeds().flatMap((feed) => store.annotations(feed.id))

  return {
    async create(args: MethodArgs<'createAnnotation'>): Promise<MethodResult<'createAnnotation'>> {
      const found = store.findItem(args.itemId)
      if (!found) return fail('not-found', 'No such item')
      const at = now().toISOString()
      const annotation: Annotation = {
        id: newAnnotationId(),
        itemId: args.itemId,
        feedId: found.feedId,
        kind: args.kind,
        note: args.note,
        tags: cleanTags(args.tags),
        color: args.color ?? DEFAULT_COLORS[args.kind],
        target: args.target,
        speaker: args.kind === 'quote' ? (args.speaker ?? null) : null,
        claim:
          args.kind === 'claim'
            ? newClaim(args.status ?? 'unverified', args.restated ?? null, at)
            : null,
        evidence: [],
        madeOn: args.madeOn ?? null,
        createdAt: at,
        updatedAt: at,
      }
      await store.addAnnotation(annotation)
      changed()
      return ok(annotation)
    },

    async update(args: MethodArgs<'updateAnnotation'>): Promise<MethodResult<'updateAnnotation'>> {
      const at = now().toISOString()
      const updated = await store.updateAnnotation(args.annotationId, (stored) => {
        const current = toAnnotation(stored)
        const kind = args.kind ?? current.kind
        let next: Annotation = {
          ...current,
          kind,
          note: args.note ?? current.note,
          tags: args.tags ? cleanTags(args.tags) : current.tags,
          color: args.color ?? current.color,
          speaker:
            kind === 'quote' ? (args.speaker !== undefined ? args.speaker : current.speaker) : null,
          updatedAt: at,
        }
        if (kind === 'claim') {
          // Becoming a claim starts its history; a status change adds to it.
          next = { ...next, claim: current.claim ?? newClaim('unverified', null, at) }
          if (args.status) next = { ...next, claim: withStatus(next, args.status, at) }
          if (args.restated !== undefined)
            next = { ...next, claim: { ...next.claim!, restated: args.restated } }
        } else {
          // The claim state is kept on disk (a kind change can be taken back), shown as null.
          next = { ...next, claim: current.claim }
        }
        return next
      })
      if (!updated) return fail('not-found', 'No such annotation')
      changed()
      return ok(toAnnotation(updated))
    },

    async remove(annotationId: string): Promise<MethodResult<'deleteAnnotation'>> {
      const deleted = await store.deleteAnnotation(annotationId)
      if (!deleted) return fail('not-found', 'No such annotation')
      changed()
      return ok({ deleted: true as const, annotation: toAnnotation(deleted) })
    },

    async restore(annotation: Annotation): Promise<MethodResult<'restoreAnnotation'>> {
      const found = store.findItem(annotation.itemId)
      if (!found) return fail('not-found', 'Its article is no longer in the library')
      const restored = { ...annotation, feedId: found.feedId }
      if (!(await store.addAnnotation(restored)))
        return fail('exists', 'That highlight is already there')
      changed()
      return ok(restored)
    },

    listAll(args: MethodArgs<'listAllAnnotations'>): MethodResult<'listAllAnnotations'> {
      const tagCounts = new Map<string, number>()
      const matching: StoredAnnotation[] = []
      const tag = args.tag?.toLowerCase()
      for (const stored of allAnnotations()) {
        for (const t of stored.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1)
        const annotation = toAnnotation(stored)
        if (args.kind && annotation.kind !== args.kind) continue
        if (tag && !annotation.tags.some((t) => t.toLowerCase() === tag)) continue
        if (args.status && annotation.claim?.status !== args.status) continue
        if (args.feedId && annotation.feedId !== args.feedId) continue
        if (args.itemId && annotation.itemId !== args.itemId) continue
        if (args.after && annotation.createdAt < args.after) continue
        if (args.before && annotation.createdAt >= args.before) continue
        matching.push(stored)
      }
      matching.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
      const offset = args.offset ?? 0
      const entries = matching
        .slice(offset, offset + (args.limit ?? 200))
        .map(entryOf)
        .filter((entry): entry is Entry => entry !== null)
      const tags = [...tagCounts]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([t, count]) => ({ tag: t, count }))
      return ok({ total: matching.length, entries, tags })
    },

    async link(args: MethodArgs<'linkEvidence'>): Promise<MethodResult<'linkEvidence'>> {
      if (args.claimId === args.evidenceId)
        return fail('same-annotation', 'A claim cannot be its own evidence')
      const claim = store.findAnnotation(args.claimId)
      if (!claim) return fail('not-found', 'No such claim')
      if (claim.annotation.kind !== 'claim')
        return fail('not-a-claim', 'That highlight is not a claim')
      if (!store.findAnnotation(args.evidenceId)) return fail('not-found', 'No such highlight')
      const at = now().toISOString()
      const updated = await store.updateAnnotation(args.claimId, (stored) => {
        const evidence = (stored.evidence ?? []).filter((e) => e.annotationId !== args.evidenceId)
        return {
          ...stored,
          evidence: [...evidence, { annotationId: args.evidenceId, stance: args.stance, at }],
          updatedAt: at,
        }
      })
      if (!updated) return fail('not-found', 'No such claim')
      changed()
      return ok(toAnnotation(updated))
    },

    async unlink(args: MethodArgs<'unlinkEvidence'>): Promise<MethodResult<'unlinkEvidence'>> {
      const at = now().toISOString()
      const updated = await store.updateAnnotation(args.claimId, (stored) => ({
        ...stored,
        evidence: (stored.evidence ?? []).filter((e) => e.annotationId !== args.evidenceId),
        updatedAt: at,
      }))
      if (!updated) return fail('not-found', 'No such claim')
      changed()
      return ok(toAnnotation(updated))
    },

    getClaim(annotationId: string): MethodResult<'getClaim'> {
      const found = store.findAnnotation(annotationId)
      if (!found) return fail('not-found', 'No such claim')
      if (found.annotation.kind !== 'claim')
        return fail('not-a-claim', 'That highlight is not a claim')
      const claim = entryOf(found.annotation)
      if (!claim) return fail('not-found', 'Its article is no longer in the library')
      const evidence: { stance: 'supports' | 'disputes'; at: string; entry: Entry }[] = []
      const missing: string[] = []
      for (const link of found.annotation.evidence ?? []) {
        const linked = store.findAnnotation(link.annotationId)
        const entry = linked ? entryOf(linked.annotation) : null
        if (entry) evidence.push({ stance: link.stance, at: link.at, entry })
        else missing.push(link.annotationId)
      }
      return ok({ claim, evidence, missing })
    },

    async quotes(itemId: string): Promise<MethodResult<'findQuotes'>> {
      const text = await deps.articleText(itemId)
      if (text === null) return fail('not-found', 'No such item')
      const quotes = findQuotes(text).map((quote) => ({
        text: quote.text,
        speaker: quote.speaker,
        role: quote.role,
        confidence: quote.confidence,
        isSpeech: quote.isSpeech,
        kind: quote.kind,
        start: quote.start,
        end: quote.end,
        target: describeTextRange(text, quote.start, quote.end),
      }))
      return ok({ quotes })
    },
  }
}
