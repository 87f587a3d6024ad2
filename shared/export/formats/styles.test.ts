// Expected strings checked by hand against each style's rules (one comment per style below).
// Seven articles: newspaper article, web page and blog post, with and without author, with and
// without a date (timestamp with a zone, wall-clock timestamp, date-only, year-month, none).
//
// APA 7 — APA 7 (9.16, 10.2, 10.16): Author, A. (Year, Month Day). Title. Site. URL — article
//   titles in sentence case, not quoted in the reference; no author: the title moves to the author
//   position and the in-text citation uses it (quoted title case for an article, italic — plain
//   here — for a web page, 8.14); no date: (n.d.) plus "Retrieved Month Day, Year, from URL";
//   group author same as site: site name omitted; in-text (Author, Year) with & for two authors.
// MLA 9 — MLA 9 (5.1–5.5, 6.1): Family, Given. "Title in Title Case." Container (italics, plain
//   here), Day Mon. Year, URL. — two authors "A, and B"; no author: starts with the title; an
//   organisation that is also the publisher is not repeated as author (2.1.3); no date: "Accessed
//   Day Mon. Year." at the end; in-text: (Family) or the quoted short title, no year.
// Chicago NB — Chicago 17 notes-bibliography (14.206–14.207, 14.191): bibliography Family, Given.
//   "Title." Site, Month Day, Year. URL.; a blog's name is followed by (blog); no date: "Accessed
//   Month Day, Year."; no author: the site's owner as author; full note (14.20) Given Family,
//   "Title," Site, Month Day, Year, URL.; in-text = shortened note (14.29): Family, "Title.";
//   Dutch particles sort after the given name in the bibliography (8.7, per the CSL style).
// Chicago AD — Chicago 17 author-date (15.9, 15.51–15.52): Family, Given. Year. "Title." Site,
//   Month Day, Year. URL.; no date: n.d. and an access date; no author: the owner or the title in
//   the author position; in-text (Family Year), (Author, n.d.).
import { describe, expect, it } from 'vitest'
import type { Citation } from '../../domain'
import { formatCitation, type CitationForm, type CitationStyle } from './styles'

const accessed = '2026-02-03T09:00:00.000Z'
const base = { language: 'en', accessed }

const ARTICLES: Record<string, Citation> = {
  // 23:40 in New York is already the 24th in UTC: the day printed is the one written (the 23rd).
  kovalenko: {
    ...base,
    title: 'Envoys meet in Geneva as talks resume',
    authors: ['Olena Kovalenko'],
    publisher: 'The Kyiv Independent',
    published: '2026-01-23T23:40:00-05:00',
    url: 'https://kyivindependent.com/envoys',
    type: 'newspaperArticle',
  },
  reuters: {
    ...base,
    title: 'Ceasefire holds overnight',
    authors: [],
    publisher: 'Reuters',
    published: null,
    url: 'https://reuters.com/x',
    type: 'newspaperArticle',
  },
  // Year and month only: no day is invented.
  amnesty: {
    ...base,
    title: 'About the project',
    authors: ['Amnesty International'],
    publisher: 'Amnesty International',
    published: '2025-11',
    url: 'https://amnesty.org/about',
    type: 'webpage',
  },
  bellingcat: {
    ...base,
    title: 'How we verify videos',
    authors: ['Eliot Higgins', 'Aric Toler'],
    publisher: 'Bellingcat',
    published: '2026-01-05',
    url: 'https://bellingcat.com/v',
    type: 'blogPost',
  },
  rsf: {
    ...base,
    title: 'World press freedom index',
    authors: [],
    publisher: 'Reporters Without Borders',
    published: null,
    url: 'https://rsf.org/en/index',
    type: 'webpage',
  },
  fieldNotes: {
    ...base,
    title: 'Notes from the border crossing',
    authors: ['Maria van der Berg'],
    publisher: 'Field Notes',
    published: null,
    url: 'https://fieldnotes.example/border',
    type: 'blogPost',
  },
  // A wall-clock dateline without a zone, and no URL.
  nowak: {
    ...base,
    title: 'Grain corridor reopens',
    authors: ['Jan Nowak'],
    publisher: 'Daily Ledger',
    published: '2026-01-23T23:30',
    url: null,
    type: 'newspaperArticle',
  },
}

const EXPECTED: Record<string, Record<CitationStyle, Record<CitationForm, string>>> = {
  kovalenko: {
    apa: {
      bibliography:
        'Kovalenko, O. (2026, January 23). Envoys meet in Geneva as talks resume. The Kyiv Independent. https://kyivindependent.com/envoys',
      'in-text': '(Kovalenko, 2026)',
      note: '(Kovalenko, 2026)',
    },
    mla: {
      bibliography:
        'Kovalenko, Olena. “Envoys Meet in Geneva as Talks Resume.” The Kyiv Independent, 23 Jan. 2026, https://kyivindependent.com/envoys.',
      'in-text': '(Kovalenko)',
      note: '(Kovalenko)',
    },
    'chicago-nb': {
      bibliography:
        'Kovalenko, Olena. “Envoys Meet in Geneva as Talks Resume.” The Kyiv Independent, January 23, 2026. https://kyivindependent.com/envoys.',
      'in-text': 'Kovalenko, “Envoys Meet in Geneva as Talks Resume.”',
      note: 'Olena Kovalenko, “Envoys Meet in Geneva as Talks Resume,” The Kyiv Independent, January 23, 2026, https://kyivindependent.com/envoys.',
    },
    'chicago-ad': {
      bibliography:
        'Kovalenko, Olena. 2026. “Envoys Meet in Geneva as Talks Resume.” The Kyiv Independent, January 23, 2026. https://kyivindependent.com/envoys.',
      'in-text': '(Kovalenko 2026)',
      note: '(Kovalenko 2026)',
    },
  },
  reuters: {
    apa: {
      bibliography:
        'Ceasefire holds overnight. (n.d.). Reuters. Retrieved February 3, 2026, from https://reuters.com/x',
      'in-text': '(“Ceasefire Holds Overnight,” n.d.)',
      note: '(“Ceasefire Holds Overnight,” n.d.)',
    },
    mla: {
      bibliography:
        '“Ceasefire Holds Overnight.” Reuters, https://reuters.com/x. Accessed 3 Feb. 2026.',
      'in-text': '(“Ceasefire Holds Overnight”)',
      note: '(“Ceasefire Holds Overnight”)',
    },
    'chicago-nb': {
      bibliography:
        'Reuters. “Ceasefire Holds Overnight.” Accessed February 3, 2026. https://reuters.com/x.',
      'in-text': '“Ceasefire Holds Overnight.”',
      note: '“Ceasefire Holds Overnight,” Reuters, accessed February 3, 2026, https://reuters.com/x.',
    },
    'chicago-ad': {
      bibliography:
        'Reuters. n.d. “Ceasefire Holds Overnight.” Accessed February 3, 2026. https://reuters.com/x.',
      'in-text': '(Reuters, n.d.)',
      note: '(Reuters, n.d.)',
    },
  },
  amnesty: {
    apa: {
      bibliography:
        'Amnesty International. (2025, November). About the project. https://amnesty.org/about',
      'in-text': '(Amnesty International, 2025)',
      note: '(Amnesty International, 2025)',
    },
    mla: {
      bibliography:
        '“About the Project.” Amnesty International, Nov. 2025, https://amnesty.org/about.',
      'in-text': '(“About the Project”)',
      note: '(“About the Project”)',
    },
    'chicago-nb': {
      bibliography:
        'Amnesty International. “About the Project.” Amnesty International, November 2025. https://amnesty.org/about.',
      'in-text': 'Amnesty International, “About the Project.”',
      note: 'Amnesty International, “About the Project,” Amnesty International, November 2025, https://amnesty.org/about.',
    },
    'chicago-ad': {
      bibliography:
        'Amnesty International. 2025. “About the Project.” Amnesty International. November 2025. https://amnesty.org/about.',
      'in-text': '(Amnesty International 2025)',
      note: '(Amnesty International 2025)',
    },
  },
  bellingcat: {
    apa: {
      bibliography:
        'Higgins, E., & Toler, A. (2026, January 5). How we verify videos. Bellingcat. https://bellingcat.com/v',
      'in-text': '(Higgins & Toler, 2026)',
      note: '(Higgins & Toler, 2026)',
    },
    mla: {
      bibliography:
        'Higgins, Eliot, and Aric Toler. “How We Verify Videos.” Bellingcat, 5 Jan. 2026, https://bellingcat.com/v.',
      'in-text': '(Higgins and Toler)',
      note: '(Higgins and Toler)',
    },
    'chicago-nb': {
      bibliography:
        'Higgins, Eliot, and Aric Toler. “How We Verify Videos.” Bellingcat (blog), January 5, 2026. https://bellingcat.com/v.',
      'in-text': 'Higgins and Toler, “How We Verify Videos.”',
      note: 'Eliot Higgins and Aric Toler, “How We Verify Videos,” Bellingcat (blog), January 5, 2026, https://bellingcat.com/v.',
    },
    'chicago-ad': {
      bibliography:
        'Higgins, Eliot, and Aric Toler. 2026. “How We Verify Videos.” Bellingcat (blog). January 5, 2026. https://bellingcat.com/v.',
      'in-text': '(Higgins and Toler 2026)',
      note: '(Higgins and Toler 2026)',
    },
  },
  rsf: {
    apa: {
      bibliography:
        'World press freedom index. (n.d.). Reporters Without Borders. Retrieved February 3, 2026, from https://rsf.org/en/index',
      'in-text': '(World Press Freedom Index, n.d.)',
      note: '(World Press Freedom Index, n.d.)',
    },
    mla: {
      bibliography:
        '“World Press Freedom Index.” Reporters Without Borders, https://rsf.org/en/index. Accessed 3 Feb. 2026.',
      'in-text': '(“World Press Freedom Index”)',
      note: '(“World Press Freedom Index”)',
    },
    'chicago-nb': {
      bibliography:
        'Reporters Without Borders. “World Press Freedom Index.” Accessed February 3, 2026. https://rsf.org/en/index.',
      'in-text': '“World Press Freedom Index.”',
      note: '“World Press Freedom Index,” Reporters Without Borders, accessed February 3, 2026, https://rsf.org/en/index.',
    },
    'chicago-ad': {
      bibliography:
        '“World Press Freedom Index.” n.d. Reporters Without Borders. Accessed February 3, 2026. https://rsf.org/en/index.',
      'in-text': '(“World Press Freedom Index,” n.d.)',
      note: '(“World Press Freedom Index,” n.d.)',
    },
  },
  fieldNotes: {
    apa: {
      bibliography:
        'van der Berg, M. (n.d.). Notes from the border crossing. Field Notes. Retrieved February 3, 2026, from https://fieldnotes.example/border',
      'in-text': '(van der Berg, n.d.)',
      note: '(van der Berg, n.d.)',
    },
    mla: {
      bibliography:
        'van der Berg, Maria. “Notes from the Border Crossing.” Field Notes, https://fieldnotes.example/border. Accessed 3 Feb. 2026.',
      'in-text': '(van der Berg)',
      note: '(van der Berg)',
    },
    'chicago-nb': {
      bibliography:
        'Berg, Maria van der. “Notes from the Border Crossing.” Field Notes (blog). Accessed February 3, 2026. https://fieldnotes.example/border.',
      'in-text': 'van der Berg, “Notes from the Border Crossing.”',
      note: 'Maria van der Berg, “Notes from the Border Crossing,” Field Notes (blog), accessed February 3, 2026, https://fieldnotes.example/border.',
    },
    'chicago-ad': {
      bibliography:
        'Berg, Maria van der. n.d. “Notes from the Border Crossing.” Field Notes (blog). Accessed February 3, 2026. https://fieldnotes.example/border.',
      'in-text': '(van der Berg, n.d.)',
      note: '(van der Berg, n.d.)',
    },
  },
  nowak: {
    apa: {
      bibliography: 'Nowak, J. (2026, January 23). Grain corridor reopens. Daily Ledger.',
      'in-text': '(Nowak, 2026)',
      note: '(Nowak, 2026)',
    },
    mla: {
      bibliography: 'Nowak, Jan. “Grain Corridor Reopens.” Daily Ledger, 23 Jan. 2026.',
      'in-text': '(Nowak)',
      note: '(Nowak)',
    },
    'chicago-nb': {
      bibliography: 'Nowak, Jan. “Grain Corridor Reopens.” Daily Ledger, January 23, 2026.',
      'in-text': 'Nowak, “Grain Corridor Reopens.”',
      note: 'Jan Nowak, “Grain Corridor Reopens,” Daily Ledger, January 23, 2026.',
    },
    'chicago-ad': {
      bibliography: 'Nowak, Jan. 2026. “Grain Corridor Reopens.” Daily Ledger, January 23, 2026.',
      'in-text': '(Nowak 2026)',
      note: '(Nowak 2026)',
    },
  },
}

describe('formatCitation', () => {
  for (const [key, citation] of Object.entries(ARTICLES)) {
    for (const style of ['apa', 'mla', 'chicago-nb', 'chicago-ad'] as const) {
      it(`${key} in ${style}`, () => {
        for (const form of ['bibliography', 'in-text', 'note'] as const) {
          expect(formatCitation(citation, style, form), form).toBe(EXPECTED[key]![style][form])
        }
      })
    }
  }

  it('never prints a day for a year-only date', () => {
    const citation = { ...ARTICLES['nowak']!, published: '2025' }
    expect(formatCitation(citation, 'apa', 'bibliography')).toBe(
      'Nowak, J. (2025). Grain corridor reopens. Daily Ledger.',
    )
    expect(formatCitation(citation, 'mla', 'bibliography')).toBe(
      'Nowak, Jan. “Grain Corridor Reopens.” Daily Ledger, 2025.',
    )
  })
})
