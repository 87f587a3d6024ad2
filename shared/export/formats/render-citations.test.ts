// renderCitations must give, for every citation of a batch, exactly the string the citation gets
// when rendered alone with the full CSL style (as formatCitation did before batching: one Cite
// per citation). The oracle below is that old single-item path. The corpus is made of citations
// that the full styles, rendered together, would change: same author and year (APA 2026a/b),
// same family name with other given names (added initials), repeated authors (Chicago's and
// MLA's dash), identical titles without an author, and duplicates.
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import { describe, expect, it } from 'vitest'
import type { Citation } from '../../domain'
import { CSL_STYLES } from './csl/styles'
import { toCslItem } from './csl-json'
import { NEVER_SET_VARIABLE, isolatedStyle, renderCitations, styledItem } from './render-citations'
import type { CitationForm, CitationStyle } from './styles'

const STYLES: CitationStyle[] = ['apa', 'mla', 'chicago-nb', 'chicago-ad']
const FORMS: CitationForm[] = ['bibliography', 'in-text', 'note']

const FULL: Record<string, string> = {
  apa: 'apa',
  mla: 'oracle-mla',
  'chicago-nb': 'oracle-chicago-nb',
  'chicago-fullnote': 'oracle-chicago-fullnote',
  'chicago-ad': 'oracle-chicago-ad',
}
const styles = plugins.config.get('@csl').styles
styles.add('oracle-mla', CSL_STYLES['modern-language-association'])
styles.add('oracle-chicago-nb', CSL_STYLES['chicago-note-bibliography'])
styles.add('oracle-chicago-fullnote', CSL_STYLES['chicago-fullnote-bibliography'])
styles.add('oracle-chicago-ad', CSL_STYLES['chicago-author-date'])

const fullStyle = (style: CitationStyle, form: CitationForm): string =>
  FULL[form === 'note' && style === 'chicago-nb' ? 'chicago-fullnote' : style]!

/** The citation alone, with the full style: the pre-batching formatCitation. */
function alone(citation: Citation, style: CitationStyle, form: CitationForm): string {
  const cite = new Cite([styledItem(citation, style, 'item')])
  const options = { style: fullStyle(style, form), lang: 'en-US', format: 'text' }
  const output =
    form === 'bibliography'
      ? (cite.format('bibliography', options) as string)
      : (cite.format('citation', {
          ...options,
          entry: 'item',
          citationsPre: [],
          citationsPost: [],
        }) as string)
  return output.replace(/\s+/g, ' ').trim()
}

const accessed = '2026-02-03T09:00:00.000Z'
const article = (fields: Partial<Citation>): Citation => ({
  title: 'Untitled',
  authors: [],
  publisher: 'The Daily Ledger',
  published: '2026-01-23',
  url: 'https://ledger.example/a',
  accessed,
  language: 'en',
  type: 'newspaperArticle',
  ...fields,
})

const CORPUS: Citation[] = [
  // Same author, same year: APA and Chicago author-date would add 2026a / 2026b together.
  article({ title: 'Envoys meet in Geneva', authors: ['Olena Kovalenko'] }),
  article({
    title: 'Talks resume after a pause',
    authors: ['Olena Kovalenko'],
    published: '2026-03-02T10:00:00Z',
  }),
  article({ title: 'A third story that year', authors: ['Olena Kovalenko'], published: '2026' }),
  // Same family name, other given name: APA would add initials in text.
  article({ title: 'Border crossing reopens', authors: ['Andrii Kovalenko'] }),
  // Two authors sharing a family name, and a particle.
  article({ title: 'Siblings report', authors: ['Jan Smith', 'Anna Smith'], type: 'webpage' }),
  article({
    title: 'Notes from the border',
    authors: ['Maria van der Berg'],
    publisher: 'Field Notes',
    published: null,
    type: 'blogPost',
  }),
  article({
    title: 'More notes from the border',
    authors: ['Maria van der Berg'],
    publisher: 'Field Notes',
    published: null,
    type: 'blogPost',
  }),
  // No author, same title, no date: title-based cites that collide.
  article({
    title: 'Ceasefire holds',
    publisher: 'Reuters',
    published: null,
    url: 'https://r.example/1',
  }),
  article({
    title: 'Ceasefire holds',
    publisher: 'Reuters',
    published: null,
    url: 'https://r.example/2',
  }),
  // An organisation that is also the site (APA drops the site, MLA the author).
  article({
    title: 'About the project',
    authors: ['Amnesty International'],
    publisher: 'Amnesty International',
    published: '2025-11',
    type: 'webpage',
  }),
  // Three authors (et al. in text), no URL, wall-clock date.
  article({
    title: 'Grain corridor reopens',
    authors: ['Jan Nowak', 'Eliot Higgins', 'Aric Toler'],
    published: '2026-01-23T23:30',
    url: null,
  }),
  article({
    title: 'Grain corridor closes again',
    authors: ['Jan Nowak', 'Eliot Higgins', 'Aric Toler'],
    published: '2026-02-01T08:00',
    url: null,
  }),
  // Same author, same title, another day: a short note alone cannot tell them apart.
  article({ title: 'Daily briefing', authors: ['Leila Haddad'], published: '2026-01-05' }),
  article({ title: 'Daily briefing', authors: ['Leila Haddad'], published: '2026-01-06' }),
]
// A duplicate is rendered once and given back twice.
CORPUS.push(CORPUS[0]!)

describe('renderCitations', () => {
  for (const style of STYLES) {
    for (const form of FORMS) {
      it(`gives each citation what it gets alone: ${style} ${form}`, () => {
        const batch = renderCitations(CORPUS, style, form)
        expect(batch).toHaveLength(CORPUS.length)
        CORPUS.forEach((citation, i) =>
          expect(batch[i], `${citation.title} (${i})`).toBe(alone(citation, style, form)),
        )
      })
    }
  }

  it('keeps the order given, with duplicates, and renders nothing for nothing', () => {
    const [a, b] = [CORPUS[3]!, CORPUS[5]!]
    const one = renderCitations([a], 'apa', 'bibliography')[0]!
    const two = renderCitations([b], 'apa', 'bibliography')[0]!
    expect(renderCitations([b, a, b], 'apa', 'bibliography')).toEqual([two, one, two])
    expect(renderCitations([], 'mla', 'note')).toEqual([])
  })

  it('renders a changed citation anew (no stale engine state between calls)', () => {
    const before = CORPUS[0]!
    const after = { ...before, title: 'Envoys meet in Vienna', authors: ['Olena Kovalenka'] }
    expect(renderCitations([before], 'apa', 'bibliography')[0]).toContain('Geneva')
    const [text] = renderCitations([after], 'apa', 'bibliography')
    expect(text).toContain('Vienna')
    expect(text).toContain('Kovalenka, O.')
  })

  // Proof that the corpus would catch a batch that lets entries affect each other: the full
  // styles, given the corpus in one bibliography, do change entries.
  it('uses a corpus on which the full styles disambiguate and substitute', () => {
    const items = CORPUS.slice(0, -1).map((c, i) => ({ ...styledItem(c, 'apa', `i${i}`) }))
    const apa = new Cite(items).format('bibliography', { style: 'apa', format: 'text' }) as string
    expect(apa).toMatch(/\(2026a, January 23\)/)
    const nbItems = CORPUS.slice(0, -1).map((c, i) => styledItem(c, 'chicago-nb', `i${i}`))
    const nb = new Cite(nbItems).format('bibliography', {
      style: 'oracle-chicago-nb',
      format: 'text',
    }) as string
    expect(nb).toContain('———')
    expect(renderCitations(CORPUS, 'apa', 'bibliography').join('\n')).not.toMatch(/2026[abc]/)
    expect(renderCitations(CORPUS, 'chicago-nb', 'bibliography').join('\n')).not.toContain('———')
  })
})

describe('isolatedStyle', () => {
  it('drops disambiguation, the repeated-author dash and sort keys, and nothing else', () => {
    for (const xml of [
      CSL_STYLES['modern-language-association'],
      CSL_STYLES['chicago-note-bibliography'],
      CSL_STYLES['chicago-fullnote-bibliography'],
      CSL_STYLES['chicago-author-date'],
      plugins.config.get('@csl').styles.get('apa'),
    ]) {
      const isolated = isolatedStyle(xml)
      expect(isolated).not.toMatch(
        /disambiguate-add|givenname-disambiguation-rule|subsequent-author-substitute|disambiguate="true"|<sort>/,
      )
      expect(isolated).toContain('<bibliography')
      expect(isolated.match(/<macro /g)?.length).toBe(xml.match(/<macro /g)?.length)
    }
  })

  it('stands in for disambiguate="true" with a variable our items never have', () => {
    const everything = toCslItem(
      article({ authors: ['A B'], language: 'en', published: '2026-01-02' }),
      'x',
    )
    expect(Object.keys(everything)).not.toContain(NEVER_SET_VARIABLE)
  })
})
