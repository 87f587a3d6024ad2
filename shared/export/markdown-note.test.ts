// buildMarkdownNote produces the Markdown file a user exports for an article: YAML frontmatter,
// a heading and citation, then each highlight as a blockquote with its kind, tags and note.
import { describe, expect, it } from 'vitest'
import type { Annotation, AnnotationKind, Article } from '../domain'
import { buildMarkdownNote, slugify } from './markdown-note'

const TEXT = [
  'The city council met on Tuesday evening to discuss the budget.',
  'After a long debate, members voted to delay the transit levy until spring.',
  'Residents who spoke at the meeting were divided on the question.',
].join('\n\n')

function article(overrides: Partial<Article> = {}): Article {
  const base: Omit<Article, 'citation'> = {
    id: 'i-0123456789abcdef',
    feedId: 'f-abcdef123456',
    feedTitle: 'The Riverside Courier',
    title: 'Council delays transit levy',
    link: 'https://courier.example/2026/01/levy',
    author: 'Jane Doe',
    published: '2026-01-23T10:40:00.000Z',
    firstSeenAt: '2026-01-23T11:00:00.000Z',
    snippet: 'The city council met on Tuesday evening…',
    read: true,
    starred: false,
    annotationCount: 0,
    alsoIn: [],
    contentHtml: '<p>The city council met on Tuesday evening to discuss the budget.</p>',
    feedUrl: 'https://courier.example/feed.xml',
    feedSiteUrl: 'https://courier.example/',
    fetchedAt: '2026-02-01T08:15:00.000Z',
    citationEdits: {},
    versions: [],
    summaryOnly: false,
    wantsFullText: false,
    fullText: { status: 'none' },
    ...overrides,
  }
  // The citation the core would resolve for these feed fields (no byline, no page metadata).
  return {
    ...base,
    citation: overrides.citation ?? {
      title: base.title,
      authors: base.author ? [base.author] : [],
      publisher: base.feedTitle,
      published: base.published,
      url: base.link,
      accessed: base.fetchedAt,
      language: null,
      type: 'newspaperArticle',
    },
  }
}

let nextId = 1
function annotation(
  quote: string,
  options: { kind?: AnnotationKind; note?: string; tags?: string[]; text?: string } = {},
): Annotation {
  const text = options.text ?? TEXT
  const start = text.indexOf(quote)
  if (start === -1) throw new Error(`fixture: "${quote}" not in text`)
  const end = start + quote.length
  return {
    id: `a-${nextId++}`,
    itemId: 'i-0123456789abcdef',
    feedId: 'f-abcdef123456',
    kind: options.kind ?? 'plain',
    note: options.note ?? '',
    tags: options.tags ?? [],
    color: 'yellow',
    speaker: null,
    claim: null,
    evidence: [],
    madeOn: null,
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: {
        type: 'TextQuoteSelector',
        exact: quote,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32),
      },
    },
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
  }
}

/** The lines between the opening and closing `---`. */
function frontmatterLines(markdown: string): string[] {
  const lines = markdown.split('\n')
  expect(lines[0]).toBe('---')
  const close = lines.indexOf('---', 1)
  expect(close).toBeGreaterThan(0)
  return lines.slice(1, close)
}

/** A tiny reader for our flat frontmatter: `key: value`, values double-quoted JSON or bare. */
function parseFrontmatter(markdown: string): Record<string, string | null> {
  const result: Record<string, string | null> = {}
  for (const line of frontmatterLines(markdown)) {
    const match = /^([a-z]+): (.*)$/.exec(line)
    if (!match) throw new Error(`not a "key: value" line: ${JSON.stringify(line)}`)
    const [, key, raw] = match as unknown as [string, string, string]
    if (raw === 'null') result[key] = null
    else if (raw.startsWith('"')) result[key] = JSON.parse(raw) as string
    else result[key] = raw
  }
  return result
}

/** Everything after the frontmatter's closing `---`. */
function body(markdown: string): string {
  const lines = markdown.split('\n')
  return lines.slice(lines.indexOf('---', 1) + 1).join('\n')
}

describe('buildMarkdownNote: frontmatter', () => {
  it('writes title, author, source, published, url and accessed date, in that order', () => {
    const { markdown } = buildMarkdownNote(article(), [])
    expect(frontmatterLines(markdown)).toEqual([
      'title: "Council delays transit levy"',
      'author: "Jane Doe"',
      'source: "The Riverside Courier"',
      'published: 2026-01-23T10:40:00.000Z',
      'url: "https://courier.example/2026/01/levy"',
      'accessed: 2026-02-01',
    ])
  })

  it('writes `author: null` when the article has no author', () => {
    const { markdown } = buildMarkdownNote(article({ author: null }), [])
    expect(frontmatterLines(markdown)).toContain('author: null')
    expect(parseFrontmatter(markdown).author).toBeNull()
  })

  it('writes `published: null` and `url: null` when the feed gave neither', () => {
    const { markdown } = buildMarkdownNote(article({ published: null, link: null }), [])
    const fields = parseFrontmatter(markdown)
    expect(fields.published).toBeNull()
    expect(fields.url).toBeNull()
    expect(fields.accessed).toBe('2026-02-01')
  })

  it.each([
    ['double quotes', 'He said "no" to the levy'],
    ['a colon', 'Transit: the levy is delayed'],
    ['a colon-space inside', 'Update: mayor responds: "wait"'],
    ['a newline', 'Council delays levy\nagain'],
    ['a carriage return and tab', 'Levy\r\n\tdelayed'],
    ['a leading hash', '#1 story: the levy'],
    ['a leading dash', '- not a list item'],
    ['a leading "---"', '--- the end'],
    ['backslashes', 'C:\\Users\\levy'],
    ['YAML indicators', '{[&anchor *alias !tag | > % @ `]}'],
    ['single quotes and unicode', "Bürgermeister’s 'plan' — 市議会"],
  ])('keeps a title with %s as one valid double-quoted YAML line', (_label, title) => {
    const { markdown } = buildMarkdownNote(
      article({ title, author: `${title} (author)`, feedTitle: `${title} (source)` }),
      [],
    )
    const lines = frontmatterLines(markdown)
    expect(lines).toHaveLength(6)
    expect(lines[0]).toMatch(/^title: ".*"$/)
    const fields = parseFrontmatter(markdown)
    expect(fields.title).toBe(title)
    expect(fields.author).toBe(`${title} (author)`)
    expect(fields.source).toBe(`${title} (source)`)
  })

  it('quotes a URL containing YAML-significant characters', () => {
    const link = 'https://courier.example/a?x=1&y=#frag: "q"'
    const fields = parseFrontmatter(buildMarkdownNote(article({ link }), []).markdown)
    expect(fields.url).toBe(link)
  })
})

describe('buildMarkdownNote: body', () => {
  it('has the title as a heading and the citation line under it', () => {
    const { markdown } = buildMarkdownNote(article(), [])
    expect(body(markdown)).toBe(
      [
        '',
        '# Council delays transit levy',
        '',
        'Jane Doe. (2026, January 23). *Council delays transit levy.* The Riverside Courier. ' +
          'https://courier.example/2026/01/levy (accessed 2026-02-01)',
        '',
      ].join('\n'),
    )
  })

  it('has no "## Highlights" section when there are no highlights', () => {
    const { markdown } = buildMarkdownNote(article(), [])
    expect(markdown).not.toContain('## Highlights')
    expect(markdown).not.toContain('>')
    expect(markdown.endsWith('\n')).toBe(true)
    expect(markdown.endsWith('\n\n')).toBe(false)
  })

  it('flattens a multi-line title into a one-line heading', () => {
    const { markdown } = buildMarkdownNote(article({ title: 'Council\ndelays   levy' }), [])
    expect(markdown).toContain('\n# Council delays levy\n')
  })

  it('writes each highlight as a blockquote with its kind, tags and note, in full', () => {
    const { markdown } = buildMarkdownNote(article(), [
      annotation('members voted to delay the transit levy', {
        kind: 'claim',
        tags: ['economy', 'public transit'],
        note: '  Check against the minutes.  ',
      }),
    ])
    expect(body(markdown)).toBe(
      [
        '',
        '# Council delays transit levy',
        '',
        'Jane Doe. (2026, January 23). *Council delays transit levy.* The Riverside Courier. ' +
          'https://courier.example/2026/01/levy (accessed 2026-02-01)',
        '',
        '## Highlights',
        '',
        '> members voted to delay the transit levy',
        '',
        '*Claim* #economy #public-transit',
        '',
        'Check against the minutes.',
        '',
      ].join('\n'),
    )
  })

  it.each([
    ['plain', '*Highlight*'],
    ['quote', '*Quote*'],
    ['claim', '*Claim*'],
  ] as const)('labels a %s highlight %s', (kind, label) => {
    const { markdown } = buildMarkdownNote(article(), [annotation('the budget', { kind })])
    expect(markdown).toContain(`> the budget\n\n${label}\n`)
  })

  it('turns every run of spaces in a tag into a single "-"', () => {
    const { markdown } = buildMarkdownNote(article(), [
      annotation('the budget', { tags: ['city  council', 'to read later'] }),
    ])
    expect(markdown).toContain('*Highlight* #city-council #to-read-later\n')
  })

  it('writes no note paragraph for a blank note', () => {
    const { markdown } = buildMarkdownNote(article(), [annotation('the budget', { note: ' \n ' })])
    expect(markdown.endsWith('> the budget\n\n*Highlight*\n')).toBe(true)
  })

  it('sorts highlights by their place in the article, whatever order they come in', () => {
    const first = annotation('The city council met', { note: 'note one' })
    const second = annotation('voted to delay', { note: 'note two' })
    const third = annotation('divided on the question', { note: 'note three' })
    for (const order of [
      [third, first, second],
      [second, third, first],
      [first, second, third],
    ]) {
      const { markdown } = buildMarkdownNote(article(), order)
      const positions = [
        '> The city council met',
        '> voted to delay',
        '> divided on the question',
      ].map((line) => markdown.indexOf(line))
      expect(positions.every((p) => p > 0)).toBe(true)
      expect([...positions].sort((a, b) => a - b)).toEqual(positions)
      // Each note stays directly under its own quote.
      expect(markdown).toContain('> voted to delay\n\n*Highlight*\n\nnote two\n')
    }
  })

  it('does not reorder the caller’s array', () => {
    const list = [annotation('the question'), annotation('The city council')]
    const ids = list.map((a) => a.id)
    buildMarkdownNote(article(), list)
    expect(list.map((a) => a.id)).toEqual(ids)
  })

  it('splits a multi-paragraph quote into blockquote paragraphs separated by ">"', () => {
    const quote = 'to discuss the budget.\n\nAfter a long debate, members voted'
    const { markdown } = buildMarkdownNote(article(), [annotation(quote, { kind: 'quote' })])
    expect(markdown).toContain(
      '\n> to discuss the budget.\n>\n> After a long debate, members voted\n\n*Quote*\n',
    )
  })

  it('joins the lines within one quoted paragraph so the blockquote never breaks', () => {
    const text = 'First line\nsecond line of the same paragraph.\n \n\nNext paragraph.'
    const quote = text
    const { markdown } = buildMarkdownNote(article(), [annotation(quote, { text })])
    expect(markdown).toContain(
      '\n> First line second line of the same paragraph.\n>\n> Next paragraph.\n\n',
    )
  })
})

describe('buildMarkdownNote: file name', () => {
  it('is the slugged title plus the first 8 characters of the item id', () => {
    expect(buildMarkdownNote(article(), []).fileName).toBe(
      'council-delays-transit-levy-i-012345.md',
    )
  })

  it('strips accents from Latin letters', () => {
    const { fileName } = buildMarkdownNote(article({ title: 'Crème brûlée à São Paulo' }), [])
    expect(fileName).toBe('creme-brulee-a-sao-paulo-i-012345.md')
  })

  it('keeps Cyrillic, Greek and Chinese letters', () => {
    expect(slugify('Привет, мир!')).toBe('привет-мир')
    expect(slugify('Η Ελλάδα σήμερα')).toBe('η-ελλαδα-σημερα')
    expect(slugify('中国经济 2026')).toBe('中国经济-2026')
  })

  it('keeps non-Latin words intact, including their combining vowel signs', () => {
    expect(slugify('हिन्दी समाचार')).toBe('हिन्दी-समाचार')
    expect(slugify('ガイドブック')).toBe('ガイドブック')
    expect(slugify('ข่าวไทย')).toBe('ข่าวไทย')
    expect(slugify('한국 뉴스')).toBe('한국-뉴스')
    expect(slugify('Новый закон')).toBe('новый-закон')
  })

  it('lowercases and replaces punctuation runs by single dashes, trimming the ends', () => {
    expect(slugify('  "Why?!" — A Q&A, part 2...  ')).toBe('why-a-q-a-part-2')
  })

  it('cuts the slug to at most 60 characters without a trailing dash', () => {
    const title =
      'The council met again on Tuesday and voted, after a long debate, to delay everything'
    const slug = slugify(title)
    expect(slug.length).toBeLessThanOrEqual(60)
    expect(slug).toBe('the-council-met-again-on-tuesday-and-voted-after-a-long-deba')
    const cutAtDash = slugify(`${'a'.repeat(59)} b`)
    expect(cutAtDash).toBe('a'.repeat(59))
    const { fileName } = buildMarkdownNote(article({ title }), [])
    expect(fileName).toBe(`${slug}-i-012345.md`)
  })

  it('falls back to "article" for a title with no letters or digits', () => {
    expect(buildMarkdownNote(article({ title: '!!! ??? ...' }), []).fileName).toBe(
      'article-i-012345.md',
    )
  })

  it('gives different file names to same-titled articles from different items', () => {
    const a = buildMarkdownNote(article({ id: 'i-aaaaaaaaaaaaaaaa' }), []).fileName
    const b = buildMarkdownNote(article({ id: 'i-bbbbbbbbbbbbbbbb' }), []).fileName
    expect(a).not.toBe(b)
    expect(a).toMatch(/^[\p{L}\p{N}-]+\.md$/u)
  })
})
