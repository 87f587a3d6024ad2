// Direct quotations in an article's normalized text, each attributed to a speaker and judged
// speech or not. Input: the text readArticle builds (block texts, whitespace collapsed, joined by
// blank lines). Offsets [start, end) cover the quoted words, excluding the marks. Pure and about
// linear: every look-around is bounded to the quote's sentence and a few hundred characters.
// Heuristic, English attribution shapes only; quotes nested inside quotes are never speech here.
import type { SpeakerRef } from './person-names'
import {
  attributionAfter,
  attributionBefore,
  MASK,
  parseDashByline,
  type How,
} from './read-attribution'
import { PeopleIndex, type Resolved } from './resolve-speaker'
import { scanQuoteMarks, splitParagraphs, type Paragraph, type QuoteSpan } from './scan-quote-marks'

export type QuoteKind = 'speech' | 'scare' | 'title' | 'name' | 'other'

export interface FoundQuote {
  /** The quoted words, without the marks (continuation marks of multi-paragraph quotes dropped). */
  text: string
  /** Offsets of the quoted words in the input, marks excluded: highlight [start, end). */
  start: number
  end: number
  speaker: string | null
  role: string | null
  /** How likely this is someone's speech, 0..1. */
  confidence: number
  isSpeech: boolean
  kind: QuoteKind
  /** 0 for a top-level quote, 1 for a quote inside a quote, and so on. */
  depth: number
}

/** Confidence at or above which a quote is judged speech. */
export const SPEECH_THRESHOLD = 0.5
/** How far attribution is looked for before and after a quote, in characters. */
const LOOK_BEFORE = 300
const LOOK_AFTER = 200
/** How many neighbouring quotes in a paragraph an unattributed quote looks at for a speaker. */
const MAX_INHERIT_STEPS = 8

const SCARE_CUE = /\bso-called\s*$/i
const TITLE_CUE =
  /\b(?:film|movie|documentary|book|novel|memoir|song|album|single|play|musical|series|show|programme|program|podcast|essay|article|column|poem|painting|exhibition|episode|opera|headline|headlined|titled|entitled)\s*[:,]?\s*$/i
const WORD_CUE = /\bthe\s+(?:word|words|term|phrase|label|slogan|hashtag|name|expression)\s*$/i
const NAMING_CUE =
  /\b(?:called|calls|call|dubbed|nicknamed|named|branded|labell?ed|titled|known as|billed as|renamed)\s+(?:\S+\s+){0,3}$/i
const SMALL_WORDS = /^(?:of|the|and|for|a|an|in|on|to|at|de|der|die|das|la|le|el|von|van|du|y|&)$/i

interface Attribution {
  how: How
  resolved: Resolved
}

interface Work {
  span: QuoteSpan
  paragraph: Paragraph
  attribution: Attribution | null
  kind: QuoteKind | null
  terminology: boolean
}

export function findQuotes(text: string): FoundQuote[] {
  const paragraphs = splitParagraphs(text)
  const spans = scanQuoteMarks(text, paragraphs)
  const top = spans.filter((s) => s.depth === 0)
  const masked = maskQuotes(text, top)
  const boundaries = sentenceStarts(masked, paragraphs)
  const sentenceOf = (at: number): { start: number; end: number } => {
    const i = lastAtOrBefore(boundaries, at)
    return { start: boundaries[i] ?? 0, end: boundaries[i + 1] ?? text.length }
  }
  const people = new PeopleIndex(masked, sentenceOf)
  const paragraphOf = paragraphLocator(paragraphs)

  const works: Work[] = top.map((span) => ({
    span,
    paragraph: paragraphOf(span.markStart),
    attribution: null,
    kind: null,
    terminology: false,
  }))
  const paragraphIndex = new Map(paragraphs.map((p, i) => [p, i]))
  const ctx: Context = { text, masked, paragraphs, paragraphIndex, sentenceOf, people }
  for (let i = 0; i < works.length; i++) {
    const work = works[i]
    if (!work) continue
    attribute(work, works[i - 1] ?? null, ctx)
  }
  inheritWithinParagraphs(works, text)

  const found: FoundQuote[] = []
  for (const work of works) {
    if (work.span.missingOpen && !work.attribution) continue // a stray closing mark
    found.push(judge(work, text))
  }
  for (const span of spans) if (span.depth > 0) found.push(nested(span, text))
  return found.sort((a, b) => a.start - b.start || a.depth - b.depth)
}

interface Context {
  text: string
  masked: string
  paragraphs: Paragraph[]
  paragraphIndex: Map<Paragraph, number>
  sentenceOf: (at: number) => { start: number; end: number }
  people: PeopleIndex
}

function attribute(work: Work, previous: Work | null, ctx: Context): void {
  const { span, paragraph } = work
  const { masked } = ctx
  const sentence = ctx.sentenceOf(span.markStart)
  const beforeFrom = Math.max(sentence.start, paragraph.start, span.markStart - LOOK_BEFORE)
  const before = masked.slice(beforeFrom, span.markStart)
  const afterEnd = Math.min(paragraph.end, span.markEnd + LOOK_AFTER, afterSentenceEnd(ctx, span))
  const after = masked.slice(span.markEnd, afterEnd)
  const content = ctx.text.slice(span.start, span.end).trim()
  const resolve = (ref: SpeakerRef | null, at: number): Resolved | null =>
    ref ? ctx.people.resolve(ref, at) : null

  if (SCARE_CUE.test(before)) {
    work.kind = 'scare'
    return
  }
  if (WORD_CUE.test(before)) {
    work.kind = 'other'
    return
  }

  // "“…” — Name, role" on the next line (a blockquote byline) or right after the quote.
  const wholeParagraph = before.trim() === '' && after.trim() === '' && !span.missingOpen
  const nextParagraph = ctx.paragraphs[(ctx.paragraphIndex.get(paragraph) ?? -2) + 1]
  const dashLine =
    (wholeParagraph && nextParagraph
      ? /^[—–-]\s*(.+)$/.exec(ctx.text.slice(nextParagraph.start, nextParagraph.end))
      : null) ?? /^\s*[—–]\s*(\p{Lu}[^.;]*)$/u.exec(after)
  if (dashLine) {
    const byline = parseDashByline(dashLine[1] ?? '')
    const resolved = resolve(byline, span.markEnd)
    if (resolved && byline?.kind === 'name') {
      work.attribution = { how: 'dash', resolved }
      return
    }
  }

  // Joined to the previous quote: "called the talks “substantive” and “frank”".
  if (previous && previous.span.markEnd <= span.markStart && previous.paragraph === paragraph) {
    const between = ctx.text.slice(previous.span.markEnd, span.markStart)
    if (
      /^\s*(?:,|and|or|but)?\s*(?:,\s*)?(?:and\s+|or\s+)?(?:that\s+)?$/.test(between) &&
      between.trim()
    ) {
      if (previous.attribution && previous.kind === null) {
        work.attribution = { how: 'joined', resolved: previous.attribution.resolved }
        work.terminology = previous.terminology
        return
      }
    }
  }

  // A title or name introduced as one ("the documentary “…”", "branded the project “…”"), unless
  // the quote ends in a comma and a speaker follows, as speech does ("“Curiosity,” she said").
  const classicAfter = /[,?!]$/.test(content)
  if (TITLE_CUE.test(before) && !classicAfter) {
    work.kind = 'title'
    return
  }
  if (NAMING_CUE.test(before) && isTitleCase(content) && !classicAfter) {
    work.kind = 'name'
    return
  }

  // After the quote: "…,” X said" / "…,” said X, role" / "…,” according to X".
  const contentEnd = content.slice(-1)
  if (/[,?!…—–-]/.test(contentEnd) || /^\s*[,—–]/.test(after)) {
    const found = attributionAfter(after.replace(/^[\s,—–]+/, ''))
    const resolved = resolve(found?.ref ?? null, span.markEnd)
    if (found && resolved) {
      work.attribution = { how: found.according ? 'according' : 'after', resolved }
      return
    }
  }
  if (span.missingOpen) return // only an attribution after it makes a lone closer a quote

  // Before the quote, in the same sentence: "X said: “…”", "X said the plan was “…”".
  const before2 = attributionBefore(before)
  if (before2) {
    if (before2.terminology) {
      work.kind = 'scare'
      work.terminology = true
      return
    }
    const resolved = resolve(before2.ref, beforeFrom + before2.at)
    if (resolved) {
      work.attribution = { how: before2.how, resolved }
      return
    }
  }

  // "Abernathy said:" closing the previous paragraph, the quote opening this one.
  if (before.trim() === '' && span.markStart === paragraph.start) {
    const prev = ctx.paragraphs[(ctx.paragraphIndex.get(paragraph) ?? 0) - 1]
    if (prev && /:\s*$/.test(ctx.text.slice(prev.start, prev.end))) {
      const prevSentence = ctx.sentenceOf(prev.end - 1)
      const from = Math.max(prevSentence.start, prev.start, prev.end - LOOK_BEFORE)
      const lead = attributionBefore(masked.slice(from, prev.end))
      const resolved = lead ? resolve(lead.ref, from + lead.at) : null
      if (lead && resolved) work.attribution = { how: 'before', resolved }
    }
  }
}

/** End of the sentence that continues after a quote (the quote's own final stop ends it). */
function afterSentenceEnd(ctx: Context, span: QuoteSpan): number {
  const content = ctx.text.slice(span.start, span.end).trimEnd()
  if (/[.!?]$/.test(content)) return span.markEnd
  return ctx.sentenceOf(span.markEnd).end
}

/**
 * Quotes without an attribution take the speaker of an attributed quote in their paragraph —
 * sentences and longer fragments only: a lone quoted word there is a word mentioned.
 */
function inheritWithinParagraphs(works: Work[], text: string): void {
  for (let i = 0; i < works.length; i++) {
    const work = works[i]
    if (!work || work.attribution || work.kind !== null) continue
    const content = quoteText(work.span, text).trim()
    const words = content.split(/\s+/).length
    if (words < 3 && !(/^\p{Lu}/u.test(content) && /[.!?]$/.test(content))) continue
    for (const step of [-1, 1]) {
      // The nearest few quotes only: a paragraph of thousands of quotes stays linear.
      for (let j = i + step; Math.abs(j - i) <= MAX_INHERIT_STEPS; j += step) {
        if (!works[j] || works[j]?.paragraph !== work.paragraph) break
        const other = works[j]
        if (other?.attribution && other.kind === null && other.attribution.how !== 'partial') {
          work.attribution = { how: 'paragraph', resolved: other.attribution.resolved }
          break
        }
      }
      if (work.attribution) break
    }
  }
}

const BASE: Record<How, number> = {
  after: 0.95,
  before: 0.95,
  dash: 0.9,
  according: 0.9,
  colon: 0.8,
  joined: 0.75,
  paragraph: 0.85,
  'previous-paragraph': 0.65,
  partial: 0.8,
}

function judge(work: Work, text: string): FoundQuote {
  const { span, attribution } = work
  const content = quoteText(span, text)
  const words = content.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
  let kind: QuoteKind
  let confidence: number
  let speaker: string | null = null
  let role: string | null = null
  if (work.kind !== null) {
    kind = work.kind
    confidence = kind === 'scare' ? 0.15 : kind === 'other' ? 0.2 : 0.05
  } else if (attribution) {
    const strong =
      attribution.how === 'after' || attribution.how === 'before' || attribution.how === 'dash'
    if (!strong && isTitleCase(content) && words <= 6) {
      kind = 'name'
      confidence = 0.1
    } else {
      kind = 'speech'
      confidence = BASE[attribution.how] * attribution.resolved.certainty
      if (attribution.how === 'partial' || attribution.how === 'joined') {
        confidence *= words >= 3 ? 1 : 0.85
      }
      speaker = attribution.resolved.speaker
      role = attribution.resolved.role
    }
  } else if (words <= 3) {
    kind = isTitleCase(content) ? 'name' : 'scare'
    confidence = 0.15
  } else if (/^[\p{Lu}\p{N}]/u.test(content) && words >= 5 && !isTitleCase(content)) {
    kind = 'speech' // a full sentence in quotes, speaker unknown
    confidence = 0.55
  } else {
    kind = isTitleCase(content) ? 'name' : 'other'
    confidence = 0.3
  }
  if (span.missingOpen) confidence *= 0.85
  if (span.missingClose) confidence *= 0.8
  confidence = Math.round(confidence * 100) / 100
  return {
    text: content,
    start: span.start,
    end: span.end,
    speaker,
    role,
    confidence,
    isSpeech: kind === 'speech' && confidence >= SPEECH_THRESHOLD,
    kind,
    depth: 0,
  }
}

function nested(span: QuoteSpan, text: string): FoundQuote {
  const content = quoteText(span, text)
  return {
    text: content,
    start: span.start,
    end: span.end,
    speaker: null,
    role: null,
    confidence: 0.2,
    isSpeech: false,
    kind: isTitleCase(content) ? 'name' : 'other',
    depth: span.depth,
  }
}

/** The quoted words: the span's text without the opening marks of continued paragraphs. */
function quoteText(span: QuoteSpan, text: string): string {
  if (span.continuations.length === 0) return text.slice(span.start, span.end)
  let out = ''
  let from = span.start
  for (const mark of span.continuations) {
    out += text.slice(from, mark)
    from = mark + 1
  }
  return out + text.slice(from, span.end)
}

function isTitleCase(content: string): boolean {
  const words = content
    .replace(/[,.;:!?]+$/, '')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w))
  if (words.length === 0 || words.length > 8) return false
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && SMALL_WORDS.test(w)))
}

/** The text with every top-level quote's words blanked (a final . ! or ? kept for sentences). */
function maskQuotes(text: string, spans: QuoteSpan[]): string {
  const parts: string[] = []
  let from = 0
  for (const span of spans) {
    if (span.start < from) continue
    parts.push(text.slice(from, span.start))
    const inner = text.slice(span.start, span.end)
    const keep = /[.!?]$/.test(inner) ? 1 : 0
    const body = inner.slice(0, inner.length - keep)
    parts.push(body.includes('\n') ? body.replace(/[^\n]/g, MASK) : MASK.repeat(body.length))
    parts.push(inner.slice(inner.length - keep))
    from = span.end
  }
  parts.push(text.slice(from))
  return parts.join('')
}

const ABBREVIATION =
  /\b(?:Dr|Mr|Mrs|Ms|Mx|St|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|No|vs|etc|Jr|Sr|Inc|Ltd|Co|[A-Z])\.$/

/** Offsets where sentences start (paragraph starts included), ascending. One pass over the text. */
function sentenceStarts(masked: string, paragraphs: Paragraph[]): number[] {
  const starts: number[] = []
  const end = /[.!?…]["”’»“'›]*\s+/g
  let m = end.exec(masked)
  for (const p of paragraphs) {
    starts.push(p.start)
    while (m && m.index < p.start) m = end.exec(masked)
    for (; m && m.index < p.end; m = end.exec(masked)) {
      const next = m.index + m[0].length
      if (next >= p.end) continue
      if (ABBREVIATION.test(masked.slice(Math.max(p.start, m.index - 5), m.index + 1))) continue
      starts.push(next)
    }
  }
  return starts
}

function lastAtOrBefore(sorted: number[], at: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] ?? 0) <= at) lo = mid + 1
    else hi = mid
  }
  return Math.max(0, lo - 1)
}

function paragraphLocator(paragraphs: Paragraph[]): (at: number) => Paragraph {
  const starts = paragraphs.map((p) => p.start)
  return (at) => paragraphs[lastAtOrBefore(starts, at)] ?? { start: 0, end: 0 }
}
