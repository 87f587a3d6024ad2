// Pairs quotation marks in normalized article text (paragraphs separated by blank lines): curly
// and straight doubles, singles, «» ‹› (and German »« ), „“ and ‚‘. Marks are judged by what flanks
// them, so apostrophes (don't, Ruth’s, the '90s, ’27) are not quotes. One pass with a stack per
// paragraph; an opener left open continues into the next paragraph when that one opens with a mark
// (multi-paragraph quotes); a lone closer at the start of a paragraph marks a missing opener.
// Linear: a closer only searches the stack when a compatible opener is known to be on it.

export interface Paragraph {
  start: number
  end: number
}

export interface QuoteSpan {
  /** Offset of the opening mark, or of the paragraph start when the opener is missing. */
  markStart: number
  /** Offset just past the closing mark, or the paragraph end when the closer is missing. */
  markEnd: number
  /** The quoted text runs [start, end): inside the marks. */
  start: number
  end: number
  /** Opening marks of continued paragraphs inside [start, end), left out of the quote's text. */
  continuations: number[]
  /** How many quotes enclose this one (0 = top level). */
  depth: number
  missingOpen: boolean
  missingClose: boolean
}

/** Which openers each closing mark can close. */
const CLOSES: Record<string, string> = {
  '”': '“„”',
  '“': '„“',
  '"': '"',
  '’': "‘‚'",
  '‘': '‚‘',
  "'": "'‘",
  '»': '«»',
  '«': '»',
  '›': '‹›',
  '‹': '›',
}
const ALL_MARKS = '“”„"‘’‚\'«»‹›'
const MARK = /[“”„"‘’‚'«»‹›]/g
/** Marks whose quote may run over paragraphs or lack an opener (not the single-quote family). */
const DOUBLE_FAMILY = '“”„"«»'
const FAMILY: Record<string, string> = {
  '“': 'd',
  '”': 'd',
  '„': 'd',
  '"': 'd',
  '«': 'g',
  '»': 'g',
}

const isSpace = (ch: string): boolean =>
  ch === '' ||
  ch === ' ' ||
  ch === '\n' ||
  ch === '\t' ||
  ch === '\u00a0' ||
  (ch > '~' && /\s/.test(ch))
const isWordChar = (ch: string): boolean =>
  ch !== '' && (/[A-Za-z0-9]/.test(ch) || (ch > '~' && /[\p{L}\p{N}]/u.test(ch)))
const isOpenContext = (ch: string): boolean =>
  isSpace(ch) || /[([{—–\-/:]/.test(ch) || ALL_MARKS.includes(ch)
const isCloseContext = (ch: string): boolean =>
  isSpace(ch) || /[\p{P}]/u.test(ch) || ALL_MARKS.includes(ch)

/** Paragraph ranges: text split at blank lines (a line break with only spaces between). */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  const breaks = /\n[ \t]*\n\s*/g
  let start = 0
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    paragraphs.push({ start, end: m.index })
    start = m.index + m[0].length
  }
  paragraphs.push({ start, end: text.length })
  return paragraphs.filter((p) => p.end > p.start)
}

interface Role {
  canOpen: boolean
  canClose: boolean
}

function markRole(text: string, i: number, p: Paragraph): Role {
  const ch = text[i] ?? ''
  const prev = i > p.start ? (text[i - 1] ?? '') : ''
  const next = i + 1 < p.end ? (text[i + 1] ?? '') : ''
  const left = !isSpace(next) && isOpenContext(prev) // can start a quote
  const right = !isSpace(prev) && isCloseContext(next) // can end one
  const apostrophe =
    (isWordChar(prev) && isWordChar(next)) || // don't, Ruth’s, l'avenir
    (isSpace(prev) && /\d/.test(next) && /^\d\d(s\b|\b)/.test(text.slice(i + 1, i + 4))) // '90s, ’27
  switch (ch) {
    case '“':
      return { canOpen: !(right && !left), canClose: right && !left }
    case '”':
      return { canOpen: left && !right, canClose: !(left && !right) }
    case '„':
    case '‚':
      return { canOpen: true, canClose: false }
    case '"':
      return { canOpen: left, canClose: right }
    case '‘':
      return apostrophe ? NONE : { canOpen: !(right && !left), canClose: right && !left }
    case '’':
    case "'":
      if (apostrophe) return NONE
      return { canOpen: left && !right, canClose: right }
    case '«':
    case '‹':
      return { canOpen: !(right && !left), canClose: right && !left }
    case '»':
    case '›':
      return { canOpen: left && !right, canClose: !(left && !right) }
    default:
      return NONE
  }
}
const NONE: Role = { canOpen: false, canClose: false }

interface Open {
  at: number
  mark: string
  /** Where the quote's text starts (after the first opening mark, across continued paragraphs). */
  start: number
  continuations: number[]
}

export function scanQuoteMarks(text: string, paragraphs = splitParagraphs(text)): QuoteSpan[] {
  const spans: QuoteSpan[] = []
  let carried: Open | null = null // a quote left open at the end of the previous paragraph
  let previousEnd = 0
  for (const p of paragraphs) {
    const stack: Open[] = []
    const onStack = new Map<string, number>()
    const push = (open: Open): void => {
      stack.push(open)
      onStack.set(open.mark, (onStack.get(open.mark) ?? 0) + 1)
    }
    const pop = (): Open | undefined => {
      const open = stack.pop()
      if (open) onStack.set(open.mark, (onStack.get(open.mark) ?? 1) - 1)
      return open
    }
    let i = p.start
    let sawMark = false
    if (carried) {
      const first = text[p.start] ?? ''
      if (FAMILY[first] !== undefined && FAMILY[first] === FAMILY[carried.mark]) {
        carried.continuations.push(p.start)
        push(carried)
        i = p.start + 1
        sawMark = true
      } else {
        spans.push(unclosed(carried, previousEnd))
      }
      carried = null
    }
    MARK.lastIndex = i
    for (let hit = MARK.exec(text); hit && hit.index < p.end; hit = MARK.exec(text)) {
      i = hit.index
      const ch = hit[0]
      const role = markRole(text, i, p)
      if (!role.canOpen && !role.canClose) continue
      const closable = CLOSES[ch] ?? ''
      let hasOpener = false
      if (role.canClose) for (const c of closable) if ((onStack.get(c) ?? 0) > 0) hasOpener = true
      if (role.canClose && hasOpener) {
        let open = pop()
        while (open && !closable.includes(open.mark)) open = pop()
        if (open) {
          spans.push({
            markStart: open.at,
            markEnd: i + 1,
            start: open.start,
            end: i,
            continuations: open.continuations,
            depth: 0,
            missingOpen: false,
            missingClose: false,
          })
        }
      } else if (role.canClose && !sawMark && DOUBLE_FAMILY.includes(ch) && i > p.start) {
        // A closer with nothing before it in the paragraph: the opening mark went missing.
        spans.push({
          markStart: p.start,
          markEnd: i + 1,
          start: p.start,
          end: i,
          continuations: [],
          depth: 0,
          missingOpen: true,
          missingClose: false,
        })
      } else if (role.canOpen) {
        push({ at: i, mark: ch, start: i + 1, continuations: [] })
      }
      sawMark = true
    }
    // The outermost quote still open may continue in the next paragraph; inner ones are dropped.
    const outer = stack[0]
    if (outer && DOUBLE_FAMILY.includes(outer.mark)) carried = outer
    previousEnd = p.end
  }
  if (carried) spans.push(unclosed(carried, previousEnd))
  return withDepth(spans.filter((s) => s.end > s.start))
}

function unclosed(open: Open, paragraphEnd: number): QuoteSpan {
  return {
    markStart: open.at,
    markEnd: paragraphEnd,
    start: open.start,
    end: paragraphEnd,
    continuations: open.continuations,
    depth: 0,
    missingOpen: false,
    missingClose: true,
  }
}

/** Sorts spans by position and counts, for each, the spans that enclose it. */
function withDepth(spans: QuoteSpan[]): QuoteSpan[] {
  spans.sort((a, b) => a.markStart - b.markStart || b.markEnd - a.markEnd)
  const ends: number[] = []
  for (const span of spans) {
    while (ends.length > 0 && (ends[ends.length - 1] ?? 0) <= span.markStart) ends.pop()
    span.depth = ends.length
    ends.push(span.markEnd)
  }
  return spans
}
