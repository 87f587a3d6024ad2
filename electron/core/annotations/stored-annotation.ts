// Annotations as stored (annotations.json of each feed) → the contract's Annotation. Highlights
// saved by earlier versions lack colour, speaker, claim state, evidence and version: they get
// the defaults here, on the way out, and their file is never rewritten just to add them.
import type {
  Annotation,
  AnnotationKind,
  Claim,
  ClaimStatus,
  HighlightColor,
} from '../../../shared/domain'

/** What may be on disk: today's shape, or an older one with fields missing. */
export type StoredAnnotation = Omit<
  Annotation,
  'color' | 'speaker' | 'claim' | 'evidence' | 'madeOn'
> &
  Partial<Pick<Annotation, 'color' | 'speaker' | 'claim' | 'evidence' | 'madeOn'>>

export const DEFAULT_COLORS: Record<AnnotationKind, HighlightColor> = {
  quote: 'yellow',
  claim: 'blue',
  plain: 'green',
}

export function newClaim(status: ClaimStatus, restated: string | null, at: string): Claim {
  return { status, restated, history: [{ status, at }] }
}

export function toAnnotation(stored: StoredAnnotation): Annotation {
  return {
    ...stored,
    color: stored.color ?? DEFAULT_COLORS[stored.kind],
    speaker: stored.kind === 'quote' ? (stored.speaker ?? null) : null,
    claim:
      stored.kind === 'claim'
        ? (stored.claim ?? newClaim('unverified', null, stored.createdAt))
        : null,
    evidence: stored.evidence ?? [],
    madeOn: stored.madeOn ?? null,
  }
}
