// The shape of a labelled quote set: an article's normalized text (blocks joined by blank lines,
// as readArticle builds it), every speech quote in it with its speaker, and the quoted spans that
// are not speech (scare quotes, titles, names) as negatives. Data only; evaluate.ts scores it.

export interface LabelledQuote {
  /** The words inside the marks (whitespace and edge punctuation are ignored when matching). */
  text: string
  /** A person's full name, without honorifics; null for organisations, groups and the unnamed. */
  speaker: string | null
  /** The role as written (informational: scored loosely and reported, never asserted). */
  role?: string
}

export interface LabelledArticle {
  id: string
  /** What kind of piece it is (wire story, analysis, bot repost…). */
  shape: string
  article: string
  quotes: LabelledQuote[]
  /** Quoted spans that are nobody's speech: scare quotes, titles, names, words mentioned. */
  nonSpeech: string[]
}
