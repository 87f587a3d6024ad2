// Finds where a stored annotation target lies in the current text of an article, in the manner of
// the Hypothesis client (src/annotator/anchoring/match-quote): try the stored position, then every
// exact occurrence of the quote, then occurrences that differ only in whitespace or quote/dash
// style, then approximate matches (approx-string-match, Myers' bit-parallel algorithm). Every
// candidate is scored by quote similarity, prefix similarity, suffix similarity and closeness to
// the old position (weights 50/20/20/2, as Hypothesis). Unlike Hypothesis, a doubtful match is
// refused: the highlight becomes an orphan (the caller lists it with its text, never drops it)
// rather than painted on the wrong words. See ACCEPT below for the thresholds and why.
import approxSearch from 'approx-string-match'
import type { AnnotationTarget } from '../domain'
import {
  indexFromOriginal,
  normalizeText,
  spanToOriginal,
  type NormalizedText,
} from './normalize-text'

export interface TextSpan {
  start: number
  end: number
}

/** How a span was found: at the stored position, by exact search, by exact search over the
 * normalized text (whitespace / quote-style changes), or by approximate search. */
export type AnchorMethod = 'position' | 'exact' | 'normalized' | 'fuzzy'

export interface AnchoredSpan extends TextSpan {
  how: AnchorMethod
  /** 0..1, the weighted quote/prefix/suffix/position score of the match (1 = perfect). */
  score: number
}

/** Hypothesis' weights (match-quote): the quote matters most, context next, position barely. */
export const MATCH_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const

/**
 * Acceptance rules. Tuned with tests/bench/anchoring-eval.ts on 1,800 generated edits of news
 * text (testing/generate-cases): minEvidence 20/24/32, minScoreShort 0.75/0.8/0.85 and minScore
 * 0.65/0.7/0.75 all gave 97.5-98% right; these values gave the fewest wrong anchors (2, both in
 * the thrice-repeated headline) with the fewest orphans (6). Looser short-quote scores let a
 * repeated phrase ("The ministry said") jump to another sentence; stricter ones only add orphans.
 * - `minScore`: the weighted score (above) an approximate match needs. The true place after
 *   ordinary edits scores 0.75-1; unrelated words with unrelated context stay below 0.6.
 * - `minEvidence`: how many stored characters (prefix + quote + suffix) must match beyond
 *   chance. Each part counts its length times (similarity - chance) / (1 - chance), or the
 *   context characters that match right beside the candidate, whichever is more. `chance` is
 *   the similarity two unrelated 32-character snippets of news prose reach (median 0.28, 99th
 *   percentile 0.44 on our fixture). So a short quote ("the talks", 9 chars) needs part of its
 *   context too, while a long exact quote carries itself.
 * - `minScoreShort`: the score a verbatim quote shorter than `minEvidence` needs when other
 *   copies of it exist: its context must mostly match.
 * - `margin`: the best match is refused when another, non-overlapping candidate scores within
 *   this distance of it and its own context is not intact: we would be guessing. (Verbatim twins,
 *   such as a repeated headline, are told apart by the old position instead.)
 * - `early`: a verbatim match scoring at least this is taken without trying approximate ones.
 */
export const ACCEPT = {
  minScore: 0.7,
  minEvidence: 24,
  chance: 0.4,
  margin: 0.03,
  early: 0.9,
  minScoreShort: 0.8,
} as const

/** Approximate search allows at most this many errors (Hypothesis: min(256, quote length / 2)). */
function maxErrorsFor(length: number): number {
  return Math.min(256, Math.floor(length / 2))
}

/** Beyond this many exact occurrences (a one-word quote in a long text) we stop collecting. */
const MAX_EXACT_CANDIDATES = 2000
/** Approximate matches of the context kept as starting points for a local quote search. */
const MAX_CONTEXT_ANCHORS = 16
/** Approximate candidates whose ends are re-aligned with the context (the best ones first). */
const MAX_REFINED = 6
/** Context characters used to place the ends of an approximate match. */
const BOUNDARY_CONTEXT = 16
/** How far beyond a rough match's ends the alignment may move them. */
const BOUNDARY_SLACK = 32
/** Longest quote whose approximate ends are re-aligned (the alignment is quadratic). */
const MAX_REFINE_LENGTH = 1500

export interface PreparedText {
  text: string
  norm: NormalizedText
}

let lastPrepared: PreparedText | null = null

/** The text with its normalized form; the last one is cached so anchoring many highlights over
 * the same article normalizes it once. */
export function prepareText(text: string): PreparedText {
  if (lastPrepared?.text === text) return lastPrepared
  lastPrepared = { text, norm: normalizeText(text) }
  return lastPrepared
}

export type AcceptRules = { [K in keyof typeof ACCEPT]: number }

export function anchorTarget(
  text: string,
  target: AnnotationTarget,
  rules: AcceptRules = ACCEPT,
): AnchoredSpan | null {
  return anchorPrepared(prepareText(text), target, rules)
}

interface Candidate {
  /** Span in the normalized text. */
  start: number
  end: number
  errors: number
  how: AnchorMethod
  /** Span in the original text, when known exactly (raw exact matches). */
  original?: TextSpan
}

interface Scored extends Candidate {
  score: number
  evidence: number
}

export function anchorPrepared(
  prepared: PreparedText,
  target: AnnotationTarget,
  rules: AcceptRules = ACCEPT,
): AnchoredSpan | null {
  const { text, norm } = prepared
  const { exact, prefix, suffix } = target.quote
  if (!exact || !text) return null
  const hint = target.position.start

  // Normalize prefix + exact + suffix together, so a whitespace run across a boundary collapses
  // exactly as it does in the text.
  const joint = normalizeText(prefix + exact + suffix)
  const q0 = indexFromOriginal(joint, prefix.length)
  const q1 = indexFromOriginal(joint, prefix.length + exact.length)
  const quoteN = joint.text.slice(q0, q1)
  const prefixN = joint.text.slice(0, q0)
  const suffixN = joint.text.slice(q1)
  const textN = norm.text
  if (!quoteN.trim()) {
    // A whitespace-only quote has no normalized form worth searching; only its position counts.
    return text.startsWith(exact, hint)
      ? { start: hint, end: hint + exact.length, how: 'position', score: 1 }
      : null
  }

  // Where the text's leading and trailing whitespace ends, to tell "at the edge of the text".
  const lead = textN.length - textN.trimStart().length
  const tail = textN.trimEnd().length
  const w = MATCH_WEIGHTS
  const totalWeight = w.quote + w.prefix + w.suffix + w.position
  const beyondChance = (similarity: number) =>
    Math.max(0, (similarity - rules.chance) / (1 - rules.chance))

  // Whether the quote began (ended) inside a word. A match that disagrees ("a" inside "talks",
  // "the" inside "other") has the context on that side counted at half its similarity.
  const startsInWord = isWordChar(prefixN.at(-1)) && isWordChar(quoteN[0])
  const endsInWord = isWordChar(quoteN.at(-1)) && isWordChar(suffixN[0])
  const score = (c: Candidate): Scored => {
    const q = 1 - c.errors / quoteN.length
    const startOk = startsInWord === (isWordChar(textN[c.start - 1]) && isWordChar(textN[c.start]))
    const endOk = endsInWord === (isWordChar(textN[c.end - 1]) && isWordChar(textN[c.end]))
    const before = textN.slice(Math.max(0, c.start - prefixN.length), c.start)
    const after = textN.slice(c.end, c.end + suffixN.length)
    const p = contextScore(before, prefixN, c.start <= lead) * (startOk ? 1 : 0.5)
    const s = contextScore(after, suffixN, c.end >= tail) * (endOk ? 1 : 0.5)
    const at = c.original?.start ?? (norm.toOriginal[c.start] as number)
    const pos = Math.max(0, 1 - Math.abs(at - hint) / Math.max(1, text.length))
    const weighted = (w.quote * q + w.prefix * p + w.suffix * s + w.position * pos) / totalWeight
    // Context characters that match right beside the candidate count in full.
    const prefixEvidence = Math.max(
      prefixN.length * beyondChance(p),
      startOk ? commonSuffixLength(before, prefixN) : 0,
    )
    const suffixEvidence = Math.max(
      suffixN.length * beyondChance(s),
      endOk ? commonPrefixLength(after, suffixN) : 0,
    )
    const evidence = quoteN.length * beyondChance(q) + prefixEvidence + suffixEvidence
    return { ...c, score: weighted, evidence }
  }
  // A verbatim quote at least `minEvidence` long, or the only verbatim copy in the text, is judged
  // by evidence alone (found whatever its context); a shorter one with copies elsewhere must
  // reach `minScoreShort`, an approximate match `minScore`.
  const acceptable = (c: Scored, unique = false) =>
    (c.errors === 0 && (unique || quoteN.length >= rules.minEvidence)
      ? true
      : c.score >= (c.errors === 0 ? rules.minScoreShort : rules.minScore)) &&
    (c.evidence >= rules.minEvidence ||
      // A quote and context shorter than the evidence asked for (a tiny article) can only
      // match completely.
      c.evidence >= quoteN.length + prefixN.length + suffixN.length)
  const intact = (c: Candidate) => contextIntact(c, textN, prefixN, suffixN, lead, tail)
  /** The best candidate, or null when it fails the rules or another place is nearly as good
   * (we would be guessing). A candidate with its whole stored context beside it is never in
   * doubt. */
  const decide = (candidates: Scored[]): Scored | null => {
    const best = pickBest(candidates)
    if (!best) return null
    const elsewhere = (c: Candidate) => c.end <= best.start || c.start >= best.end
    const unique = !candidates.some((c) => c.errors === 0 && elsewhere(c))
    if (!acceptable(best, unique)) return null
    if (intact(best)) return best
    for (const other of candidates) {
      // Two verbatim copies with equally good context (a headline repeated at the top of a
      // story) are told apart by the old position, which the score already includes.
      const twins = best.errors === 0 && other.errors === 0
      if (elsewhere(other) && !twins && other.score > best.score - rules.margin) return null
    }
    return best
  }

  const toSpan = (c: Scored): AnchoredSpan => {
    const span = c.original ?? spanToOriginal(norm, c.start, c.end)
    return { ...span, how: c.how, score: Math.round(c.score * 1000) / 1000 }
  }

  // 1. The stored position, when the quote and its whole context are still there.
  if (hint >= 0 && text.startsWith(exact, hint)) {
    const scored = score(rawCandidate(norm, hint, hint + exact.length, 'position'))
    if (intact(scored)) {
      return toSpan(scored)
    }
  }

  // 1b. The stored place with its whole context still beside it, but the quote itself edited
  //     (a typo fixed, a word inserted): the prefix ends exactly at the old position and the
  //     suffix follows a span close to the quote in length and content.
  const hintN = indexFromOriginal(norm, hint)
  const maxErrors = maxErrorsFor(quoteN.length)
  if (
    quoteN.length <= MAX_REFINE_LENGTH &&
    (prefixN ? textN.slice(0, hintN).endsWith(prefixN) : hintN <= lead)
  ) {
    const from = hintN + quoteN.length - maxErrors
    const to = hintN + quoteN.length + maxErrors
    const ends: number[] = []
    if (!suffixN) {
      if (tail >= from && tail <= to) ends.push(tail)
    } else {
      for (
        let at = textN.indexOf(suffixN, Math.max(hintN, from));
        at !== -1 && at <= to;
        at = textN.indexOf(suffixN, at + 1)
      ) {
        ends.push(at)
      }
    }
    const edited = ends
      .filter((end) => end > hintN && !textN.slice(hintN, end).includes(quoteN))
      .map((end) => ({ end, errors: editDistance(textN.slice(hintN, end), quoteN) }))
      .filter((e) => e.errors <= maxErrors)
      .sort((a, b) => a.errors - b.errors)[0]
    if (edited) {
      // Words added right beside the quote belong to the context: let the alignment trim them.
      const rough: Candidate = {
        start: hintN,
        end: edited.end,
        errors: edited.errors,
        how: 'fuzzy',
      }
      const head = prefixN.slice(-BOUNDARY_CONTEXT)
      const refined = refine(textN, rough, head, quoteN, suffixN.slice(0, BOUNDARY_CONTEXT))
      const inside =
        refined && refined.start >= hintN && refined.end <= edited.end ? refined : rough
      const c = score(inside)
      if (c.score >= rules.minScore) return toSpan(c)
    }
  }

  // 2. Exact occurrences of the quote, in the text as it is and in its normalized form
  //    (whitespace, quote or dash style changed), scored in the normalized form; the best
  //    context wins and the old position breaks ties.
  const exacts: Scored[] = []
  const seen = new Set<number>()
  for (
    let at = text.indexOf(exact);
    at !== -1 && exacts.length < MAX_EXACT_CANDIDATES;
    at = text.indexOf(exact, at + 1)
  ) {
    const c = rawCandidate(norm, at, at + exact.length, 'exact')
    seen.add(c.start)
    exacts.push(score(c))
  }
  for (
    let at = textN.indexOf(quoteN);
    at !== -1 && exacts.length < MAX_EXACT_CANDIDATES;
    at = textN.indexOf(quoteN, at + 1)
  ) {
    const c: Candidate = { start: at, end: at + quoteN.length, errors: 0, how: 'normalized' }
    if (!seen.has(at)) exacts.push(score(c))
  }
  const bestExact = decide(exacts)
  if (bestExact && bestExact.score >= rules.early) return toSpan(bestExact)

  // 4. Approximate matches: the quote's best matches over the whole text, plus the best local
  //    match just after each place the prefix matches and just before each place the suffix
  //    matches (so an edited quote is found even when unrelated words are closer to it in edit
  //    distance). The ends of each are then re-aligned using the context (see refine).
  if (maxErrors === 0) return bestExact ? toSpan(bestExact) : null
  const rough: Candidate[] = approxSearch(textN, quoteN, maxErrors)
    .slice(0, MAX_EXACT_CANDIDATES)
    .map((m) => ({ ...m, how: 'fuzzy' as const }))
  const slack = quoteN.length + maxErrors
  const covered = (at: number) => rough.some((c) => Math.abs(c.start - at) <= maxErrors)
  const coveredEnd = (at: number) => rough.some((c) => Math.abs(c.end - at) <= maxErrors)
  if (prefixN.length >= 8) {
    for (const m of contextAnchors(textN, prefixN)) {
      if (covered(m.end)) continue
      const local = approxSearch(textN.slice(m.end, m.end + slack), quoteN, maxErrors)
      const first = local.reduce<StringMatch | null>(
        (a, b) => (!a || b.start < a.start ? b : a),
        null,
      )
      if (first)
        rough.push({
          start: m.end + first.start,
          end: m.end + first.end,
          errors: first.errors,
          how: 'fuzzy',
        })
    }
  }
  if (suffixN.length >= 8) {
    for (const m of contextAnchors(textN, suffixN)) {
      if (coveredEnd(m.start)) continue
      const from = Math.max(0, m.start - slack)
      const local = approxSearch(textN.slice(from, m.start), quoteN, maxErrors)
      const last = local.reduce<StringMatch | null>((a, b) => (!a || b.end > a.end ? b : a), null)
      if (last)
        rough.push({
          start: from + last.start,
          end: from + last.end,
          errors: last.errors,
          how: 'fuzzy',
        })
    }
  }
  // Re-aligning the ends can only lower the quote's similarity (the rough match already has the
  // fewest errors) while it may raise the context's, so a candidate that could not pass even
  // with a perfect context is dropped before the (quadratic) alignment.
  const ceiling = (c: Scored) =>
    (w.quote * (1 - c.errors / quoteN.length) + w.prefix + w.suffix + w.position) / totalWeight
  const fuzzy = clusters(rough)
    .map(score)
    .filter((c) => ceiling(c) >= rules.minScore)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_REFINED)
    .map((c) => {
      if (quoteN.length > MAX_REFINE_LENGTH) return c
      const refined = refine(
        textN,
        c,
        prefixN.slice(-BOUNDARY_CONTEXT),
        quoteN,
        suffixN.slice(0, BOUNDARY_CONTEXT),
      )
      // The new ends come from the alignment; how well the quote matches here is still judged
      // by the rough match (edit distance to the closest piece of text, as Hypothesis does).
      // The alignment may only adjust the ends, not move the match elsewhere.
      const overlap = refined ? Math.min(refined.end, c.end) - Math.max(refined.start, c.start) : 0
      return refined && overlap * 2 >= c.end - c.start
        ? score({ ...refined, errors: Math.min(c.errors, refined.errors) })
        : c
    })
  const best = decide([...exacts, ...dedupe(fuzzy)])
  return best ? toSpan(best) : null
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}

function commonSuffixLength(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++
  return i
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let prev = new Int32Array(b.length + 1)
  let next = new Int32Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    next[0] = i
    const ch = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (ch === b.charCodeAt(j - 1) ? 0 : 1)
      next[j] = Math.min(sub, (prev[j] as number) + 1, (next[j - 1] as number) + 1)
    }
    ;[prev, next] = [next, prev]
  }
  return prev[b.length] as number
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch)
}

type StringMatch = ReturnType<typeof approxSearch>[number]

function pickBest<T extends Scored>(candidates: T[]): T | null {
  let best: T | null = null
  for (const c of candidates) if (!best || c.score > best.score) best = c
  return best
}

/** True when the stored prefix and suffix are exactly beside the candidate. */
function contextIntact(
  c: Candidate,
  textN: string,
  prefixN: string,
  suffixN: string,
  lead: number,
  tail: number,
): boolean {
  const prefixOk = prefixN ? textN.slice(0, c.start).endsWith(prefixN) : c.start <= lead
  const suffixOk = suffixN ? textN.startsWith(suffixN, c.end) : c.end >= tail
  return prefixOk && suffixOk
}

function rawCandidate(
  norm: NormalizedText,
  start: number,
  end: number,
  how: AnchorMethod,
): Candidate {
  return {
    start: indexFromOriginal(norm, start),
    end: indexFromOriginal(norm, end),
    errors: 0,
    how,
    original: { start, end },
  }
}

function dedupe<T extends Candidate>(candidates: T[]): T[] {
  const seen = new Set<string>()
  return candidates.filter((c) => {
    const key = `${c.start}:${c.end}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** One candidate (the fewest errors) per group of overlapping rough matches. */
function clusters(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || a.errors - b.errors)
  const kept: Candidate[] = []
  for (const c of sorted) {
    const last = kept[kept.length - 1]
    if (last && c.start < last.end && c.end > last.start) {
      if (c.errors < last.errors) kept[kept.length - 1] = c
      continue
    }
    kept.push(c)
  }
  return kept
}

/** Places where a context string (prefix or suffix) approximately occurs. */
function contextAnchors(textN: string, context: string): { start: number; end: number }[] {
  const matches = approxSearch(textN, context, Math.floor(context.length / 4))
  // Consecutive ends of one match share errors; keep one per run.
  const kept: { start: number; end: number }[] = []
  for (const m of matches) {
    const last = kept[kept.length - 1]
    if (last && m.end - last.end <= 2) continue
    kept.push(m)
    if (kept.length >= MAX_CONTEXT_ANCHORS) break
  }
  return kept
}

/**
 * Similarity (0..1) of a stored context string with the text beside a candidate: 1 minus the
 * fewest edits of `context` against any part of `window` (as Hypothesis' textMatchScore). An empty
 * stored context means the quote was at the start (or end) of the text: full marks if the
 * candidate is too, half otherwise.
 */
function contextScore(window: string, context: string, atEdge: boolean): number {
  if (!context) return atEdge ? 1 : 0.5
  if (window === context) return 1
  if (!window) return 0
  return 1 - substringDistance(window, context) / context.length
}

/** Fewest edits turning `pattern` into some substring of `text` (Sellers' algorithm). For the
 * short context strings this is cheaper than approx-string-match, which would report (and find
 * the start of) a match at nearly every position when any number of errors is allowed. */
function substringDistance(text: string, pattern: string): number {
  const m = pattern.length
  let prev = new Int32Array(m + 1)
  let next = new Int32Array(m + 1)
  for (let i = 0; i <= m; i++) prev[i] = i
  let best = prev[m] as number
  for (let j = 1; j <= text.length; j++) {
    const t = text.charCodeAt(j - 1)
    next[0] = 0
    for (let i = 1; i <= m; i++) {
      const sub = (prev[i - 1] as number) + (pattern.charCodeAt(i - 1) === t ? 0 : 1)
      next[i] = Math.min(sub, (prev[i] as number) + 1, (next[i - 1] as number) + 1)
    }
    best = Math.min(best, next[m] as number)
    ;[prev, next] = [next, prev]
  }
  return best
}

/**
 * Re-places the ends of an approximate match. Edit distance alone often prefers a shorter span
 * ("the week al" for "the week of" in "the week also of"); aligning `head + quote + tail` (the
 * stored context right beside the quote) against the text around the match puts each end where
 * the context begins. Returns the candidate with its new span and the errors inside the quote,
 * or null when the alignment leaves no quote.
 */
function refine(
  textN: string,
  c: Candidate,
  head: string,
  quote: string,
  tail: string,
): Candidate | null {
  const from = Math.max(0, c.start - head.length - BOUNDARY_SLACK)
  const to = Math.min(textN.length, c.end + tail.length + BOUNDARY_SLACK)
  const window = textN.slice(from, to)
  const pattern = head + quote + tail
  const rowStart = head.length // row reached once the head is consumed
  const rowEnd = head.length + quote.length
  const m = pattern.length
  const n = window.length
  const cols = n + 1
  // cost[i * cols + j]: fewest edits aligning pattern[0, i) with a text piece ending at j.
  const cost = new Uint16Array((m + 1) * cols)
  for (let i = 1; i <= m; i++) {
    cost[i * cols] = i
    const p = pattern.charCodeAt(i - 1)
    for (let j = 1; j <= n; j++) {
      const diag =
        (cost[(i - 1) * cols + j - 1] as number) + (p === window.charCodeAt(j - 1) ? 0 : 1)
      const up = (cost[(i - 1) * cols + j] as number) + 1
      const left = (cost[i * cols + j - 1] as number) + 1
      cost[i * cols + j] = Math.min(diag, up, left)
    }
  }
  let j = 0
  for (let k = 1; k <= n; k++)
    if ((cost[m * cols + k] as number) < (cost[m * cols + j] as number)) j = k
  // Walk back. The quote ends where the path leaves row rowEnd, and starts where it enters
  // rowStart; text between the quote and its context stays outside the quote.
  let i = m
  let end = -1
  let start = -1
  let errors = 0
  while (i > 0) {
    const here = cost[i * cols + j] as number
    const inQuoteRow = i > rowStart && i <= rowEnd
    if (j > 0) {
      const same = pattern.charCodeAt(i - 1) === window.charCodeAt(j - 1)
      if ((cost[(i - 1) * cols + j - 1] as number) + (same ? 0 : 1) === here) {
        if (inQuoteRow && !same) errors++
        if (i === rowEnd + 0 && end < 0) end = j
        i--
        j--
        if (i === rowStart && start < 0) start = j
        continue
      }
    }
    if ((cost[(i - 1) * cols + j] as number) + 1 === here) {
      if (inQuoteRow) errors++
      if (i === rowEnd && end < 0) end = j
      i--
      if (i === rowStart && start < 0) start = j
      continue
    }
    // Text character inserted after pattern[i - 1].
    if (i > rowStart && i < rowEnd) errors++
    j--
  }
  if (end < 0) end = j
  if (start < 0) start = j
  if (end <= start) return null
  return { start: from + start, end: from + end, errors, how: c.how }
}
