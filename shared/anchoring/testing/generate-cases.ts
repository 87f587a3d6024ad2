// Generated re-anchoring cases: a quote is chosen in a news text, the text is edited, and every
// edit is tracked so the true new place of the quote is known (for edits inside the quote, the
// edited span; for a deleted quote, none). Deterministic for a given random function.
import type { TextSpan } from '../anchor-target'
import { EXTRA_SENTENCES, EXTRA_WORDS, NEWS_PARAGRAPHS, NEWS_TEXT } from './news-text'

export const CATEGORIES = [
  'unchanged',
  'insert-before',
  'delete-before',
  'insert-after',
  'delete-after',
  'context-edit',
  'whitespace',
  'punctuation',
  'inside-insert',
  'inside-delete',
  'inside-replace',
  'paragraph-move',
  'duplicate-phrase',
  'mixed',
  'quote-deleted',
] as const
export type Category = (typeof CATEGORIES)[number]

export interface AnchoringCase {
  category: Category
  original: string
  /** The highlighted range in `original`. */
  start: number
  end: number
  updated: string
  /** Where the quote's text is in `updated`, or null when it was deleted. */
  expected: TextSpan | null
}

/** Phrases that occur more than once in the news text. */
const REPEATED = [
  'Envoys resume ceasefire talks as border towns count the cost',
  'the envoy said',
  'The ministry said in a statement',
  'a mechanism that holds when',
  'the talks',
  'Kellerby',
  'Dunmore',
  'on Friday',
  'the road to the coast',
]

/** A text with one tracked span that follows every edit. */
class Tracked {
  constructor(
    public text: string,
    public span: TextSpan | null,
  ) {}

  replace(at: number, remove: number, insert: string): void {
    const delta = insert.length - remove
    const span = this.span
    if (span) {
      const { start: a, end: b } = span
      if (at + remove <= a) {
        this.span = { start: a + delta, end: b + delta }
      } else if (at >= b) {
        // after the quote: nothing moves
      } else if (at <= a && at + remove >= b) {
        this.span = null // the whole quote is replaced or deleted
      } else if (at >= a && at + remove <= b) {
        const end = b + delta
        this.span = end > a ? { start: a, end } : null
      } else {
        throw new Error(`generator: edit ${at}+${remove} cuts across the quote ${a}..${b}`)
      }
    }
    this.text = this.text.slice(0, at) + insert + this.text.slice(at + remove)
  }

  /** Moves text[from, from + length) to just before index `to` of the text without it. */
  move(from: number, length: number, to: number): void {
    const piece = this.text.slice(from, from + length)
    const span = this.span
    const inside = span && span.start >= from && span.end <= from + length
    const offset = inside ? span.start - from : 0
    const quoteLength = span ? span.end - span.start : 0
    if (inside) this.span = null
    this.replace(from, length, '')
    this.replace(to, 0, piece)
    if (inside) this.span = { start: to + offset, end: to + offset + quoteLength }
  }
}

export function generateCases(random: () => number, perCategory: number): AnchoringCase[] {
  const cases: AnchoringCase[] = []
  for (const category of CATEGORIES) {
    let made = 0
    let attempts = 0
    while (made < perCategory && attempts++ < perCategory * 50) {
      const c = makeCase(random, category)
      if (c) {
        cases.push(c)
        made++
      }
    }
  }
  return cases
}

function makeCase(random: () => number, category: Category): AnchoringCase | null {
  const int = (n: number) => Math.floor(random() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T
  const chance = (p: number) => random() < p

  // Vary the article a little: sometimes drop or reorder a paragraph before starting.
  const paragraphs = [...NEWS_PARAGRAPHS]
  if (chance(0.3)) paragraphs.splice(4 + int(paragraphs.length - 4), 1)
  const original = paragraphs.join('\n\n')

  let start: number
  let end: number
  if (category === 'duplicate-phrase') {
    const phrase = pick(REPEATED)
    const all: number[] = []
    for (let at = original.indexOf(phrase); at !== -1; at = original.indexOf(phrase, at + 1)) {
      all.push(at)
    }
    if (all.length < 2) return null
    start = pick(all)
    end = start + phrase.length
  } else {
    const quote = pickQuote(original, int, category.startsWith('inside') ? 3 : 1)
    if (!quote) return null
    ;({ start, end } = quote)
  }

  const doc = new Tracked(original, { start, end })
  const span = () => doc.span as TextSpan

  const wordStartsIn = (from: number, to: number): number[] => {
    const out: number[] = []
    for (let i = Math.max(0, from); i <= Math.min(to, doc.text.length); i++) {
      if (i === 0 || /\s/.test(doc.text[i - 1] as string)) {
        if (i === doc.text.length || !/\s/.test(doc.text[i] as string)) out.push(i)
      }
    }
    return out
  }
  const sentence = () => pick(EXTRA_SENTENCES)

  const insertBefore = () => {
    const at = pick(wordStartsIn(0, span().start))
    doc.replace(at, 0, `${sentence()}${chance(0.3) ? '\n\n' : ' '}`)
  }
  const insertAfter = () => {
    const points = wordStartsIn(span().end + 1, doc.text.length)
    const at = points.length ? pick(points) : doc.text.length
    doc.replace(at, 0, at === doc.text.length ? ` ${sentence()}` : `${sentence()} `)
  }
  const deleteRange = (from: number, to: number) => {
    // Delete whole words between two word starts inside [from, to].
    const points = wordStartsIn(from, to)
    if (points.length < 2) return false
    const i = int(points.length - 1)
    const j = i + 1 + int(Math.min(points.length - 1 - i, 40))
    doc.replace(points[i] as number, (points[j] as number) - (points[i] as number), '')
    return true
  }
  const deleteBefore = () => deleteRange(0, span().start)
  const deleteAfter = () => deleteRange(span().end + 1, doc.text.length)
  const contextEdit = () => {
    const { start: a, end: b } = span()
    switch (int(4)) {
      case 0:
        return doc.replace(a, 0, `${pick(EXTRA_WORDS)} `)
      case 1:
        return doc.replace(b, 0, ` ${pick(EXTRA_WORDS)}`)
      case 2: {
        // Delete the word (and its space) just before the quote.
        const m = /\S+\s+$/.exec(doc.text.slice(Math.max(0, a - 40), a))
        if (m) doc.replace(a - m[0].length, m[0].length, '')
        return
      }
      default: {
        const m = /^\s+\S+/.exec(doc.text.slice(b, b + 40))
        if (m) doc.replace(b, m[0].length, '')
      }
    }
  }
  const whitespace = () => {
    const kind = int(4)
    const positions: number[] = []
    for (let i = 0; i < doc.text.length; i++) {
      const ch = doc.text[i]
      if (kind === 0 && doc.text.startsWith('\n\n', i)) positions.push(i)
      else if (kind > 0 && ch === ' ') positions.push(i)
    }
    // Touch a few spaces around and inside the quote, and some elsewhere.
    const { start: a, end: b } = span()
    const chosen = positions.filter((i) =>
      kind === 0 ? true : i >= a - 40 && i <= b + 40 ? chance(0.5) : chance(0.05),
    )
    for (const i of chosen.sort((x, y) => y - x)) {
      if (kind === 0) doc.replace(i, 2, '\n')
      else if (kind === 1) doc.replace(i, 1, '  ')
      else if (kind === 2) doc.replace(i, 1, '\n')
      else doc.replace(i, 1, '\u00a0')
    }
  }
  const punctuation = () => {
    const kind = int(4)
    const { start: a, end: b } = span()
    const edits: { at: number; remove: number; insert: string }[] = []
    for (let i = 0; i < doc.text.length; i++) {
      const ch = doc.text[i] as string
      const near = i >= a - 40 && i < b + 40
      if (kind === 0 && /[“”]/.test(ch)) edits.push({ at: i, remove: 1, insert: '"' })
      else if (kind === 0 && ch === '’') edits.push({ at: i, remove: 1, insert: "'" })
      else if (kind === 1 && ch === '—') edits.push({ at: i, remove: 1, insert: '--' })
      else if (kind === 1 && ch === ',' && near && chance(0.6))
        edits.push({ at: i, remove: 1, insert: '' })
      else if (kind === 2 && ch === ' ' && near && chance(0.15))
        edits.push({ at: i, remove: 0, insert: ',' })
      else if (kind === 3 && ch === '.' && near) edits.push({ at: i, remove: 1, insert: ';' })
      else if (kind === 3 && ch === '“' && near) edits.push({ at: i, remove: 1, insert: '' })
    }
    for (const e of edits.sort((x, y) => y.at - x.at)) doc.replace(e.at, e.remove, e.insert)
  }
  const innerSpaces = () => {
    const { start: a, end: b } = span()
    const out: number[] = []
    for (let i = a + 1; i < b - 1; i++) if (doc.text[i] === ' ') out.push(i)
    return out
  }
  const insideInsert = () => {
    const spaces = innerSpaces()
    if (!spaces.length) return false
    doc.replace(pick(spaces) + 1, 0, `${pick(EXTRA_WORDS)} `)
    return true
  }
  const insideDelete = () => {
    const spaces = innerSpaces()
    if (spaces.length < 2) return false
    const i = int(spaces.length - 1)
    doc.replace((spaces[i] as number) + 1, (spaces[i + 1] as number) - (spaces[i] as number), '')
    return true
  }
  const insideReplace = () => {
    const { start: a, end: b } = span()
    const spaces = innerSpaces()
    if (chance(0.5) || spaces.length < 2) {
      // A one-letter typo fix somewhere inside.
      const i = a + 1 + int(b - a - 2)
      if (!/[a-z]/.test(doc.text[i] as string)) return false
      doc.replace(i, 1, doc.text[i] === 'e' ? 'a' : 'e')
      return true
    }
    const i = int(spaces.length - 1)
    const from = (spaces[i] as number) + 1
    doc.replace(from, (spaces[i + 1] as number) - from, pick(EXTRA_WORDS))
    return true
  }
  const paragraphMove = () => {
    const breaks: number[] = [0]
    for (let i = doc.text.indexOf('\n\n'); i !== -1; i = doc.text.indexOf('\n\n', i + 1)) {
      breaks.push(i + 2)
    }
    const { start: a } = span()
    let own = 0
    for (let k = 0; k < breaks.length; k++) if ((breaks[k] as number) <= a) own = k
    const k = chance(0.6) ? own : int(breaks.length - 1)
    const from = breaks[k] as number
    const next = breaks[k + 1]
    if (next === undefined) return false // the last paragraph has no "\n\n" after it
    const length = next - from
    const rest = doc.text.length - length
    const targets = breaks
      .filter((b) => b < from || b > from + length)
      .map((b) => (b > from ? b - length : b))
    const to = pick(targets.filter((t) => t <= rest))
    if (to === undefined) return false
    const s = doc.span as TextSpan
    // A paragraph move must not cut the quote (the quote could span two paragraphs).
    if (s.start < from + length && s.end > from && !(s.start >= from && s.end <= from + length)) {
      return false
    }
    doc.move(from, length, to)
    return true
  }
  const quoteDeleted = () => {
    const { start: a, end: b } = span()
    // Remove the quote and a little around it, up to word boundaries.
    const before = wordStartsIn(Math.max(0, a - 60), a)
    const after = wordStartsIn(b, Math.min(doc.text.length, b + 60))
    const from = chance(0.5) ? pick(before) : a
    const to = after.length && chance(0.5) ? pick(after) : b
    doc.replace(from, to - from, chance(0.3) ? pick(EXTRA_SENTENCES) + ' ' : '')
  }

  let ok: boolean | void = true
  switch (category) {
    case 'unchanged':
      break
    case 'insert-before':
      for (let n = 1 + int(3); n > 0; n--) insertBefore()
      break
    case 'delete-before':
      ok = deleteBefore()
      break
    case 'insert-after':
      for (let n = 1 + int(3); n > 0; n--) insertAfter()
      break
    case 'delete-after':
      ok = deleteAfter()
      break
    case 'context-edit':
      contextEdit()
      if (chance(0.5)) contextEdit()
      break
    case 'whitespace':
      whitespace()
      break
    case 'punctuation':
      punctuation()
      break
    case 'inside-insert':
      ok = insideInsert()
      break
    case 'inside-delete':
      ok = insideDelete()
      break
    case 'inside-replace':
      ok = insideReplace()
      break
    case 'paragraph-move':
      ok = paragraphMove()
      break
    case 'duplicate-phrase':
      if (chance(0.5)) insertBefore()
      else deleteBefore()
      if (chance(0.5)) insertAfter()
      break
    case 'mixed': {
      const edits = [
        insertBefore,
        insertAfter,
        deleteBefore,
        deleteAfter,
        contextEdit,
        whitespace,
        punctuation,
        insideInsert,
        insideDelete,
        insideReplace,
        paragraphMove,
      ]
      for (let n = 2 + int(3); n > 0 && doc.span; n--) pick(edits)()
      break
    }
    case 'quote-deleted':
      quoteDeleted()
      break
  }
  if (ok === false) return null
  if (category !== 'unchanged' && doc.text === original) return null
  if (category !== 'quote-deleted' && !doc.span) return null
  return { category, original, start, end, updated: doc.text, expected: doc.span }
}

/** A run of whole words inside one paragraph, of a length typical of highlights. */
function pickQuote(text: string, int: (n: number) => number, minWords: number): TextSpan | null {
  const paragraphs: TextSpan[] = []
  for (const m of text.matchAll(/[^\n]+/g)) {
    paragraphs.push({ start: m.index, end: m.index + m[0].length })
  }
  // A paragraph chosen in proportion to its length, as a reader's selections fall: mostly in
  // the body, now and then in the headline, credit or byline lines.
  const total = paragraphs.reduce((sum, p) => sum + p.end - p.start, 0)
  let at = int(total)
  let para = paragraphs[0] as TextSpan
  for (const p of paragraphs) {
    para = p
    if (at < p.end - p.start) break
    at -= p.end - p.start
  }
  const words = [...text.slice(para.start, para.end).matchAll(/\S+/g)]
  const r = int(100)
  const length = r < 5 ? 1 : r < 30 ? 2 + int(3) : r < 75 ? 5 + int(8) : 13 + int(28)
  if (words.length < Math.max(minWords, Math.min(length, 2))) return null
  const n = Math.max(minWords, Math.min(length, words.length))
  const first = int(words.length - n + 1)
  const a = words[first] as RegExpMatchArray
  const z = words[first + n - 1] as RegExpMatchArray
  return { start: para.start + (a.index ?? 0), end: para.start + (z.index ?? 0) + z[0].length }
}

/** Prose-like text of the fixture's words in random order: no long passage repeats, so every
 * quote has a single true place. For timing on long articles. */
export function wordSoup(length: number, random: () => number): string {
  const words = NEWS_TEXT.split(/\s+/)
  let text = ''
  while (text.length < length) {
    const sentence = Array.from(
      { length: 6 + Math.floor(random() * 14) },
      () => words[Math.floor(random() * words.length)],
    ).join(' ')
    text += `${sentence}.${random() < 0.2 ? '\n\n' : ' '}`
  }
  return text
}
