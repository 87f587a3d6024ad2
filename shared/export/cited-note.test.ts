import { describe, expect, it } from 'vitest'
import type { Annotation, Citation } from '../domain'
import { buildCitedNote, type NoteArticle, type NoteOptions } from './cited-note'
import { slugify } from './slugify'

const CITATION: Citation = {
  title: 'Talks: "round two" # resumes\nat dawn',
  authors: ['Daria Kovalenko'],
  publisher: 'Harbour Wire',
  published: '2026-01-23T08:40:00Z',
  url: 'https://example.org/a?x=1&y=[2]#frag',
  accessed: '2026-01-24T09:00:00.000Z',
  language: 'en',
  type: 'newspaperArticle',
}

const ARTICLE: NoteArticle = {
  itemId: 'i-0123456789abcdef',
  title: CITATION.title,
  citation: CITATION,
  versionHash: 'abcdef123456',
}

const OPTIONS: NoteOptions = {
  citekey: 'kovalenko2026talks',
  citationText: 'Kovalenko, D. (2026, January 23). Talks. Harbour Wire.',
  evidenceLink: () => null,
}

let next = 1
function annotation(exact: string, start: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id: `a-${next++}`,
    itemId: ARTICLE.itemId,
    feedId: 'f-abcdef123456',
    kind: 'plain',
    note: '',
    tags: [],
    color: 'green',
    target: {
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    },
    speaker: null,
    claim: null,
    evidence: [],
    madeOn: null,
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
    ...extra,
  }
}

describe('buildCitedNote', () => {
  it('quotes hostile titles and URLs so the frontmatter stays valid YAML, and keeps the heading on one line', () => {
    const note = buildCitedNote(ARTICLE, [], OPTIONS)
    const head = note.split('\n---\n')[0]!
    expect(head).toContain('title: "Talks: \\"round two\\" # resumes\\nat dawn"\n')
    expect(head).toContain('url: "https://example.org/a?x=1&y=[2]#frag"\n')
    expect(note).toContain('\n# Talks: "round two" # resumes at dawn\n')
    expect(note).not.toContain('## Highlights')
  })

  it('lists highlights in document order without reordering the caller’s array', () => {
    const late = annotation('later words', 200)
    const early = annotation('earlier words', 10)
    const given = [late, early]
    const note = buildCitedNote(ARTICLE, given, OPTIONS)
    expect(note.indexOf('> earlier words')).toBeLessThan(note.indexOf('> later words'))
    expect(given).toEqual([late, early])
  })

  it('keeps a quote over several paragraphs in one blockquote, attributed at its end', () => {
    const quote = annotation('First part of it.\n\nSecond   part\nof it.', 5, {
      kind: 'quote',
      speaker: { name: 'Anatol Brenner', role: 'envoy' },
      tags: ['border talks'],
      note: 'Sets the tone.',
    })
    const note = buildCitedNote(ARTICLE, [quote], OPTIONS)
    expect(note).toContain('> “First part of it.\n>\n> Second part of it.” — Anatol Brenner, envoy')
    expect(note).toContain('*Quote* #border-talks\n\nSets the tone.')
  })
})

describe('slugify', () => {
  it('keeps words of every script, drops Latin accents and punctuation, and cuts at 60', () => {
    expect(slugify('  "Why?!" — A Q&A, part 2...  ')).toBe('why-a-q-a-part-2')
    expect(slugify('Café Müller')).toBe('cafe-muller')
    expect(slugify('Привет, мир!')).toBe('привет-мир')
    expect(slugify('हिन्दी समाचार')).toBe('हिन्दी-समाचार')
    expect(Array.from(slugify('word '.repeat(40))).length).toBeLessThanOrEqual(60)
    expect(slugify('word '.repeat(40))).not.toMatch(/-$/)
  })
})
