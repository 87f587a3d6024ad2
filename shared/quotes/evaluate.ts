// Scores a quote finder against a labelled set: precision and recall of top-level quotes judged
// speech, and speaker accuracy on the speech quotes it found. A found quote matches a label when
// their words agree after normalizing (case, whitespace, edge punctuation) or one contains the
// other and covers ≥ 80% of it. Quotes inside quotes (depth > 0) are outside the score.
import type { FoundQuote } from './find-quotes'
import type { LabelledArticle, LabelledQuote } from './labelled-set'

/** Share of the longer text the shorter must cover to match when they are not equal. */
export const MATCH_COVERAGE = 0.8

export interface ArticleScore {
  id: string
  labelled: number
  foundSpeech: number
  matched: number
  speakerCorrect: number
  missed: LabelledQuote[]
  falsePositives: FoundQuote[]
  wrongSpeakers: { label: LabelledQuote; found: FoundQuote }[]
  /** Labelled non-speech spans the finder judged speech. */
  negativesJudgedSpeech: string[]
}

export interface Evaluation {
  precision: number
  recall: number
  speakerAccuracy: number
  /** Speaker accuracy over labels that name a person (null speakers left out). */
  namedSpeakerAccuracy: number
  /** Of matched labels with a role, the found role contains it or is contained in it. */
  roleAgreement: number
  counts: {
    articles: number
    labelled: number
    foundSpeech: number
    matched: number
    speakerCorrect: number
    named: number
    namedCorrect: number
    withRole: number
    roleAgreed: number
    negatives: number
    negativesJudgedSpeech: number
  }
  articles: ArticleScore[]
}

export function normalizeQuoteText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
}

export function normalizeSpeaker(name: string | null): string | null {
  return name === null ? null : name.toLowerCase().replace(/\s+/g, ' ').trim()
}

export function quotesMatch(a: string, b: string): boolean {
  const x = normalizeQuoteText(a)
  const y = normalizeQuoteText(b)
  if (x === y) return x !== ''
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  return short !== '' && long.includes(short) && short.length / long.length >= MATCH_COVERAGE
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d)

export function evaluate(set: LabelledArticle[], find: (text: string) => FoundQuote[]): Evaluation {
  const articles: ArticleScore[] = []
  const c = {
    articles: set.length,
    labelled: 0,
    foundSpeech: 0,
    matched: 0,
    speakerCorrect: 0,
    named: 0,
    namedCorrect: 0,
    withRole: 0,
    roleAgreed: 0,
    negatives: 0,
    negativesJudgedSpeech: 0,
  }
  for (const article of set) {
    const found = find(article.article).filter((q) => q.depth === 0)
    const speech = found.filter((q) => q.isSpeech)
    const used = new Set<FoundQuote>()
    const score: ArticleScore = {
      id: article.id,
      labelled: article.quotes.length,
      foundSpeech: speech.length,
      matched: 0,
      speakerCorrect: 0,
      missed: [],
      falsePositives: [],
      wrongSpeakers: [],
      negativesJudgedSpeech: [],
    }
    for (const label of article.quotes) {
      const hit = speech.find((q) => !used.has(q) && quotesMatch(q.text, label.text))
      if (label.speaker !== null) c.named++
      if (!hit) {
        score.missed.push(label)
        continue
      }
      used.add(hit)
      score.matched++
      if (normalizeSpeaker(hit.speaker) === normalizeSpeaker(label.speaker)) {
        score.speakerCorrect++
        if (label.speaker !== null) c.namedCorrect++
      } else score.wrongSpeakers.push({ label, found: hit })
      if (label.role) {
        c.withRole++
        const want = normalizeQuoteText(label.role)
        const got = normalizeQuoteText(hit.role ?? '')
        if (got !== '' && (got.includes(want) || want.includes(got))) c.roleAgreed++
      }
    }
    score.falsePositives = speech.filter((q) => !used.has(q))
    const negativesLeft = [...article.nonSpeech]
    for (const q of score.falsePositives) {
      const i = negativesLeft.findIndex((n) => quotesMatch(n, q.text))
      if (i !== -1) score.negativesJudgedSpeech.push(...negativesLeft.splice(i, 1))
    }
    c.labelled += score.labelled
    c.foundSpeech += score.foundSpeech
    c.matched += score.matched
    c.speakerCorrect += score.speakerCorrect
    c.negatives += article.nonSpeech.length
    c.negativesJudgedSpeech += score.negativesJudgedSpeech.length
    articles.push(score)
  }
  return {
    precision: ratio(c.matched, c.foundSpeech),
    recall: ratio(c.matched, c.labelled),
    speakerAccuracy: ratio(c.speakerCorrect, c.matched),
    namedSpeakerAccuracy: ratio(c.namedCorrect, c.named),
    roleAgreement: ratio(c.roleAgreed, c.withRole),
    counts: c,
    articles,
  }
}

/** A few lines for a test log or the CLI. */
export function formatEvaluation(name: string, e: Evaluation): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
  const k = e.counts
  const lines = [
    `${name}: ${k.articles} articles, ${k.labelled} labelled speech quotes, ${k.negatives} labelled non-speech`,
    `  precision ${pct(e.precision)} (${k.matched}/${k.foundSpeech})  recall ${pct(e.recall)} (${k.matched}/${k.labelled})`,
    `  speaker accuracy ${pct(e.speakerAccuracy)} (${k.speakerCorrect}/${k.matched})  named speakers ${pct(e.namedSpeakerAccuracy)} (${k.namedCorrect}/${k.named})  roles ${pct(e.roleAgreement)} (${k.roleAgreed}/${k.withRole})`,
    `  non-speech judged speech: ${k.negativesJudgedSpeech}/${k.negatives}`,
  ]
  for (const a of e.articles) {
    for (const m of a.missed)
      lines.push(`  [${a.id}] missed: ${JSON.stringify(m.text.slice(0, 60))}`)
    for (const f of a.falsePositives)
      lines.push(`  [${a.id}] false positive: ${JSON.stringify(f.text.slice(0, 60))}`)
    for (const w of a.wrongSpeakers) {
      lines.push(
        `  [${a.id}] speaker ${JSON.stringify(w.found.speaker)} ≠ ${JSON.stringify(w.label.speaker)}: ${JSON.stringify(w.label.text.slice(0, 40))}`,
      )
    }
  }
  return lines.join('\n')
}
