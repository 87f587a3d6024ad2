// Literal expected files, each field checked against where Zotero's import translators put it
// (RIS.js: TY NEWS/ELEC, AU "Family, Given", T2 → publicationTitle / websiteTitle, DA
// "YYYY/MM/DD/", Y2 → accessDate, LA → language; BibTeX.js: @online → webpage, journal →
// publicationTitle, date wins over year, urldate → accessDate).
import { describe, expect, it } from 'vitest'
import type { Citation } from '../../domain'
import { toBibtex, toCslItems, toCslJson, toRis } from './bibliography-formats'
import { assignCitekeys, citekey } from './citekey'
import type { ExportEntry } from './csl-json'

const base = { language: 'en', accessed: '2026-02-03T09:00:00.000Z' }
const envoys: Citation = {
  ...base,
  title: 'Envoys meet in Geneva as talks resume',
  authors: ['Olena Kovalenko'],
  publisher: 'The Kyiv Independent',
  published: '2026-01-23T23:40:00-05:00',
  url: 'https://kyivindependent.com/envoys',
  type: 'newspaperArticle',
}
const ENTRIES: ExportEntry[] = [
  { itemId: 'item-b', citation: envoys },
  {
    itemId: 'item-a',
    // Accessed a day later: the earlier article keeps the plain key.
    citation: {
      ...envoys,
      title: 'The envoys’ second day',
      published: '2026-01-24',
      url: 'https://kyivindependent.com/envoys-2',
      accessed: '2026-02-04T09:00:00.000Z',
    },
  },
  {
    itemId: 'item-c',
    citation: {
      ...base,
      title: 'About the project',
      authors: ['Amnesty International'],
      publisher: 'Amnesty International',
      published: '2025-11',
      url: 'https://amnesty.org/about?a=1&b=50%{x}',
      type: 'webpage',
    },
  },
  {
    itemId: 'item-d',
    citation: {
      ...base,
      title: 'How we verify videos: 100% & more_',
      authors: ['Eliot Higgins', 'Zoë Ødegård'],
      publisher: 'Bellingcat',
      published: '2026-01-05',
      url: 'https://bellingcat.com/v',
      type: 'blogPost',
    },
  },
  {
    itemId: 'item-e',
    citation: {
      ...base,
      title: 'Ceasefire holds',
      authors: [],
      publisher: 'Reuters',
      published: null,
      url: null,
      language: null,
      type: 'newspaperArticle',
    },
  },
]

describe('citekey', () => {
  it('is surname + year + first significant title word, folded to ASCII', () => {
    expect(citekey(envoys)).toBe('kovalenko2026envoys')
    expect(citekey({ ...envoys, title: 'The Ødegård files', authors: ['Zoë Ødegård'] })).toBe(
      'odegard2026odegard',
    )
    expect(citekey({ ...envoys, authors: ['Maria van der Berg'] })).toBe('vanderberg2026envoys')
    expect(citekey({ ...envoys, authors: [], published: null })).toBe(
      'kyiv2026envoys'.replace('2026', 'nd'),
    )
  })

  it('deduplicates with a, b suffixes: the first accessed keeps the plain key, whatever the order', () => {
    const second = { ...ENTRIES[1]!, itemId: 'item-z' }
    const third = { ...ENTRIES[1]!, itemId: 'item-y' }
    const keys = assignCitekeys([third, second, ENTRIES[0]!, ENTRIES[1]!])
    expect(Object.fromEntries(keys)).toEqual({
      'item-b': 'kovalenko2026envoys',
      'item-a': 'kovalenko2026envoysa',
      'item-y': 'kovalenko2026envoysb',
      'item-z': 'kovalenko2026envoysc',
    })
    expect(assignCitekeys([ENTRIES[1]!, ENTRIES[0]!])).toEqual(
      assignCitekeys([ENTRIES[0]!, ENTRIES[1]!]),
    )
  })
})

describe('toBibtex', () => {
  it('writes @article for newspapers and @online for web pages and blog posts', () => {
    expect(toBibtex(ENTRIES)).toBe(
      [
        '@article{kovalenko2026envoys,',
        '  author = {Kovalenko, Olena},',
        '  title = {Envoys meet in Geneva as talks resume},',
        '  journal = {The Kyiv Independent},',
        '  entrysubtype = {newspaper},',
        '  year = {2026},',
        '  date = {2026-01-23},',
        '  url = {https://kyivindependent.com/envoys},',
        '  urldate = {2026-02-03},',
        '  language = {en}',
        '}',
        '',
        '@article{kovalenko2026envoysa,',
        '  author = {Kovalenko, Olena},',
        '  title = {The envoys’ second day},',
        '  journal = {The Kyiv Independent},',
        '  entrysubtype = {newspaper},',
        '  year = {2026},',
        '  date = {2026-01-24},',
        '  url = {https://kyivindependent.com/envoys-2},',
        '  urldate = {2026-02-04},',
        '  language = {en}',
        '}',
        '',
        '@online{amnesty2025project,',
        '  author = {{Amnesty International}},',
        '  title = {About the project},',
        '  organization = {Amnesty International},',
        '  year = {2025},',
        '  date = {2025-11},',
        '  url = {https://amnesty.org/about?a=1&b=50%%7Bx%7D},',
        '  urldate = {2026-02-03},',
        '  language = {en}',
        '}',
        '',
        '@online{higgins2026verify,',
        '  author = {Higgins, Eliot and Ødegård, Zoë},',
        '  title = {How we verify videos: 100\\% \\& more\\_},',
        '  organization = {Bellingcat},',
        '  type = {Blog post},',
        '  year = {2026},',
        '  date = {2026-01-05},',
        '  url = {https://bellingcat.com/v},',
        '  urldate = {2026-02-03},',
        '  language = {en}',
        '}',
        '',
        '@article{reutersndceasefire,',
        '  title = {Ceasefire holds},',
        '  journal = {Reuters},',
        '  entrysubtype = {newspaper},',
        '  urldate = {2026-02-03}',
        '}',
        '',
      ].join('\n'),
    )
  })
})

describe('toRis', () => {
  it('writes NEWS and ELEC records with CRLF line ends', () => {
    const lines = [
      'TY  - NEWS',
      'AU  - Kovalenko, Olena',
      'TI  - Envoys meet in Geneva as talks resume',
      'T2  - The Kyiv Independent',
      'PY  - 2026',
      'DA  - 2026/01/23/',
      'UR  - https://kyivindependent.com/envoys',
      'Y2  - 2026/02/03/',
      'LA  - en',
      'ER  - ',
      '',
      'TY  - NEWS',
      'AU  - Kovalenko, Olena',
      'TI  - The envoys’ second day',
      'T2  - The Kyiv Independent',
      'PY  - 2026',
      'DA  - 2026/01/24/',
      'UR  - https://kyivindependent.com/envoys-2',
      'Y2  - 2026/02/04/',
      'LA  - en',
      'ER  - ',
      '',
      'TY  - ELEC',
      'AU  - Amnesty International',
      'TI  - About the project',
      'T2  - Amnesty International',
      'PY  - 2025',
      'DA  - 2025/11//',
      'UR  - https://amnesty.org/about?a=1&b=50%{x}',
      'Y2  - 2026/02/03/',
      'LA  - en',
      'ER  - ',
      '',
      'TY  - ELEC',
      'AU  - Higgins, Eliot',
      'AU  - Ødegård, Zoë',
      'TI  - How we verify videos: 100% & more_',
      'T2  - Bellingcat',
      'M3  - Blog post',
      'PY  - 2026',
      'DA  - 2026/01/05/',
      'UR  - https://bellingcat.com/v',
      'Y2  - 2026/02/03/',
      'LA  - en',
      'ER  - ',
      '',
      'TY  - NEWS',
      'TI  - Ceasefire holds',
      'T2  - Reuters',
      'Y2  - 2026/02/03/',
      'ER  - ',
      '',
    ]
    expect(toRis(ENTRIES)).toBe(lines.join('\r\n'))
  })
})

describe('toCslJson', () => {
  it('maps types, names, dates (no invented day) and keys', () => {
    const items = toCslItems(ENTRIES)
    expect(items.map((item) => item.type)).toEqual([
      'article-newspaper',
      'article-newspaper',
      'webpage',
      'post-weblog',
      'article-newspaper',
    ])
    expect(items[0]).toEqual({
      id: 'kovalenko2026envoys',
      'citation-key': 'kovalenko2026envoys',
      type: 'article-newspaper',
      title: 'Envoys meet in Geneva as talks resume',
      author: [{ family: 'Kovalenko', given: 'Olena' }],
      'container-title': 'The Kyiv Independent',
      // 23:40 at UTC−5 is the 24th in UTC: the day written is kept.
      issued: { 'date-parts': [[2026, 1, 23]] },
      accessed: { 'date-parts': [[2026, 2, 3]] },
      URL: 'https://kyivindependent.com/envoys',
      language: 'en',
    })
    expect(items[2]!.author).toEqual([{ literal: 'Amnesty International' }])
    expect(items[2]!.issued).toEqual({ 'date-parts': [[2025, 11]] })
    expect(items[3]!.author).toEqual([
      { family: 'Higgins', given: 'Eliot' },
      { family: 'Ødegård', given: 'Zoë' },
    ])
    expect(items[4]).not.toHaveProperty('issued')
    expect(items[4]).not.toHaveProperty('author')
    expect(JSON.parse(toCslJson(ENTRIES))).toEqual(items)
  })
})
