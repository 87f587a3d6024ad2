// cleanRelayPost decides which blocks of a bot-reposted news story are boilerplate: headline
// repeats at the top, link texts and bot footers at the tail. It keeps photo credits (reported as
// captions) and reports the original byline. Each relay fixture below asserts exactly which blocks
// go; each counter-example asserts that story text stays.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  classifyLinkLine,
  cleanRelayPost,
  isBotAuthor,
  parseDateLine,
  type CleanedPost,
} from './clean-relay-post'

/** Indices whose keep flag is false. */
function hidden(result: CleanedPost): number[] {
  return result.keep.flatMap((k, i) => (k ? [] : [i]))
}

const NO_BYLINE = { author: null, date: null, authorIndex: null, dateIndex: null, rawDate: null }

/** The <p> texts of the n-th (1-based) item's content:encoded in the sample feed. */
function sampleItem(n: number): { title: string; blocks: string[]; feedAuthor: string | null } {
  const xml = readFileSync(new URL('../../resources/sample/feed.xml', import.meta.url), 'utf8')
  const item = xml.split('<item>')[n]
  if (!item) throw new Error(`sample feed has no item ${n}`)
  const title = /<title>([\s\S]*?)<\/title>/.exec(item)?.[1] ?? ''
  const creator = /<dc:creator>([\s\S]*?)<\/dc:creator>/.exec(item)?.[1] ?? null
  const content = /<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/.exec(item)?.[1]
  const blocks = [...(content ?? '').matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim(),
  )
  return { title, blocks, feedAuthor: creator }
}

const STORY_EN = [
  'Negotiators met for six hours on Thursday in the capital.',
  '“We made progress,” the mediator said after the session.',
  'A further round is expected next month.',
]

describe('cleanRelayPost: relay-shaped posts', () => {
  it('cleans the sample feed’s relay item (5th item)', () => {
    const input = sampleItem(5)
    expect(input.blocks).toHaveLength(16)
    expect(isBotAuthor(input.feedAuthor ?? '')).toBe(true)
    const result = cleanRelayPost(input)
    expect(result.removed).toEqual([
      { index: 0, reason: 'repeated-headline' },
      { index: 1, reason: 'repeated-headline' },
      { index: 2, reason: 'repeated-headline' },
      { index: 13, reason: 'source-link' },
      { index: 14, reason: 'bot-footer' },
      { index: 15, reason: 'bot-footer' },
    ])
    expect(result.captions).toEqual([3])
    expect(result.byline).toEqual({
      author: 'Daria Kovalenko',
      date: '2026-01-23T10:40',
      authorIndex: 11,
      dateIndex: 12,
      rawDate: 'Fri, 01/23/2026 – 10:40',
    })
    expect(hidden(result)).toEqual([0, 1, 2, 11, 12, 13, 14, 15])
    // The story, including the quote with a missing opening mark, is all kept.
    expect(result.keep.slice(3, 11).every(Boolean)).toBe(true)
  })

  it('English: two repeats with different punctuation and quotes, AP caption, "Read more at X"', () => {
    const result = cleanRelayPost({
      title: 'Senate passes "border deal" — at last',
      blocks: [
        'SENATE PASSES “BORDER DEAL” – AT LAST.',
        'Senate passes ‘border deal’ - at last',
        '(AP Photo/Evan Vucci)',
        ...STORY_EN,
        'John Carter',
        'January 23, 2026',
        'Read more at Capitol Wire',
        'Posted by FeedBot',
      ],
      feedAuthor: 'FeedBot',
    })
    expect(result.removed).toEqual([
      { index: 0, reason: 'repeated-headline' },
      { index: 1, reason: 'repeated-headline' },
      { index: 8, reason: 'source-link' },
      { index: 9, reason: 'bot-footer' },
    ])
    expect(result.captions).toEqual([2])
    expect(result.byline).toEqual({
      author: 'John Carter',
      date: '2026-01-23',
      authorIndex: 6,
      dateIndex: 7,
      rawDate: 'January 23, 2026',
    })
    expect(hidden(result)).toEqual([0, 1, 6, 7, 8, 9])
  })

  it('Russian: three repeats, "Фото:", dotted date with time, "Читать далее", bot footers', () => {
    const title = 'Переговоры о границе возобновятся в феврале'
    const result = cleanRelayPost({
      title,
      blocks: [
        title,
        title,
        title + '.',
        'Фото: РИА Новости / Иван Петров',
        'ВЕЛЬГРАД — Стороны договорились возобновить переговоры.',
        '«Мы возвращаемся за стол», — сказал посланник.',
        'Анна Смирнова',
        '23.01.2026 10:40',
        'Читать далее',
        'Автор: Новостной бот',
        'Это новостной бот.',
      ],
      feedAuthor: 'Новостной бот',
    })
    expect(result.removed).toEqual([
      { index: 0, reason: 'repeated-headline' },
      { index: 1, reason: 'repeated-headline' },
      { index: 2, reason: 'repeated-headline' },
      { index: 8, reason: 'read-more' },
      { index: 9, reason: 'bot-footer' },
      { index: 10, reason: 'bot-footer' },
    ])
    expect(result.captions).toEqual([3])
    expect(result.byline).toMatchObject({
      author: 'Анна Смирнова',
      date: '2026-01-23T10:40',
      authorIndex: 6,
      dateIndex: 7,
    })
    expect(hidden(result)).toEqual([0, 1, 2, 6, 7, 8, 9, 10])
  })

  it('Ukrainian: date before name, "Детальніше на X", automatic-import footer', () => {
    const title = 'Уряд ухвалив нову програму підтримки фермерів'
    const result = cleanRelayPost({
      title,
      blocks: [
        title,
        'Світлина: Укрінформ / Олена Коваль',
        'КИЇВ — Кабінет міністрів ухвалив програму на засіданні у п’ятницю.',
        'Програма розрахована на три роки.',
        '23 січня 2026 року',
        'Дар’я Ковальчук',
        'Детальніше на Укрінформ',
        'Автоматично імпортовано з ukrinform.ua',
      ],
      feedAuthor: 'RSS Імпорт',
    })
    expect(result.removed).toEqual([
      { index: 0, reason: 'repeated-headline' },
      { index: 6, reason: 'source-link' },
      { index: 7, reason: 'bot-footer' },
    ])
    expect(result.captions).toEqual([1])
    expect(result.byline).toEqual({
      author: 'Дар’я Ковальчук',
      date: '2026-01-23',
      authorIndex: 5,
      dateIndex: 4,
      rawDate: '23 січня 2026 року',
    })
    expect(hidden(result)).toEqual([0, 4, 5, 6, 7])
  })

  it('WordPress relay: "Photograph by", "The post … appeared first on …", import footer', () => {
    const result = cleanRelayPost({
      title: 'Port strike ends after 12 days',
      blocks: [
        'Port strike ends after 12 days',
        'Photograph by Jane Doe for the Harbour Gazette',
        ...STORY_EN,
        'The post Port strike ends after 12 days appeared first on Harbour Gazette.',
        'Automatically imported from harbourgazette.example',
      ],
      feedAuthor: 'admin',
    })
    expect(result.removed).toEqual([
      { index: 0, reason: 'repeated-headline' },
      { index: 5, reason: 'source-link' },
      { index: 6, reason: 'bot-footer' },
    ])
    expect(result.captions).toEqual([1])
    expect(result.byline).toEqual(NO_BYLINE)
  })

  it('byline at the top stays visible; "Continue reading" and bot statement at the tail go', () => {
    const result = cleanRelayPost({
      title: 'City approves transit levy',
      blocks: [
        'City approves transit levy',
        'Maria Lopez',
        '2026-01-23',
        'Credit: Reuters',
        ...STORY_EN,
        'Continue reading',
        'This is the imported news bot.',
      ],
      feedAuthor: 'Imported',
    })
    expect(result.removed).toEqual([
      { index: 0, reason: 'repeated-headline' },
      { index: 7, reason: 'read-more' },
      { index: 8, reason: 'bot-footer' },
    ])
    expect(result.captions).toEqual([3])
    expect(result.byline).toEqual({
      author: 'Maria Lopez',
      date: '2026-01-23',
      authorIndex: 1,
      dateIndex: 2,
      rawDate: '2026-01-23',
    })
    expect(hidden(result)).toEqual([0, 7, 8])
  })

  it('footer before the link, a date line with no name, glued source with space', () => {
    const result = cleanRelayPost({
      title: 'Flood warnings lifted',
      blocks: [
        ...STORY_EN,
        'Fri, 01/23/2026 – 10:40',
        'Author: NewsRelay',
        'Harbour Gazette Read More',
      ],
      feedAuthor: 'NewsRelay',
    })
    expect(result.removed).toEqual([
      { index: 4, reason: 'bot-footer' },
      { index: 5, reason: 'source-link' },
    ])
    expect(result.captions).toEqual([])
    expect(result.byline).toEqual({
      author: null,
      date: '2026-01-23T10:40',
      authorIndex: null,
      dateIndex: 3,
      rawDate: 'Fri, 01/23/2026 – 10:40',
    })
    expect(hidden(result)).toEqual([3, 4, 5])
  })

  it('Russian: source glued to "Читать далее", month-name date with time, "Опубликовал: admin"', () => {
    const result = cleanRelayPost({
      title: 'Цены на жильё выросли',
      blocks: [
        'Цены на жильё выросли!',
        'Цены на жильё выросли',
        'Стоимость квадратного метра за год выросла на 8%.',
        'Аналитики ожидают замедления роста.',
        'Пётр Иванов',
        '23 января 2026 г., 10:40',
        'ИнтерфаксЧитать далее',
        'Опубликовал: admin',
      ],
      feedAuthor: 'admin',
    })
    expect(result.removed).toEqual([
      { index: 0, reason: 'repeated-headline' },
      { index: 1, reason: 'repeated-headline' },
      { index: 6, reason: 'source-link' },
      { index: 7, reason: 'bot-footer' },
    ])
    expect(result.byline).toMatchObject({
      author: 'Пётр Иванов',
      date: '2026-01-23T10:40',
      authorIndex: 4,
      dateIndex: 5,
    })
    expect(hidden(result)).toEqual([0, 1, 4, 5, 6, 7])
  })

  it('Ukrainian with English link text, labelled byline and "Posted by RSS Importer"', () => {
    const title = 'Львів відкрив новий міст'
    const result = cleanRelayPost({
      title,
      blocks: [
        title,
        title,
        'Фото — Олег Гнатюк',
        'Міст з’єднав два райони міста.',
        'Будівництво тривало два роки.',
        'Автор: Ірина Мельник',
        'Read the full story',
        'Posted by RSS Importer',
      ],
      feedAuthor: 'RSS Importer',
    })
    expect(result.removed).toEqual([
      { index: 0, reason: 'repeated-headline' },
      { index: 1, reason: 'repeated-headline' },
      { index: 6, reason: 'read-more' },
      { index: 7, reason: 'bot-footer' },
    ])
    expect(result.captions).toEqual([2])
    expect(result.byline).toEqual({
      author: 'Ірина Мельник',
      date: null,
      authorIndex: 5,
      dateIndex: null,
      rawDate: null,
    })
    expect(hidden(result)).toEqual([0, 1, 5, 6, 7])
  })
})

describe('cleanRelayPost: counter-examples that must stay', () => {
  it('keeps a first paragraph that merely starts with the headline words', () => {
    const result = cleanRelayPost({
      title: 'Envoys agree to resume talks',
      blocks: [
        'Envoys agree to resume talks after a three-month pause, officials said on Friday.',
        ...STORY_EN,
      ],
      feedAuthor: 'Meridian Press',
    })
    expect(result.removed).toEqual([])
    expect(hidden(result)).toEqual([])
  })

  it('keeps a leading headline that appears once and differs from the title', () => {
    const result = cleanRelayPost({
      title: 'Envoys agree to resume talks',
      blocks: ['Analysis: what the new talks mean for the border', ...STORY_EN],
      feedAuthor: null,
    })
    expect(result.removed).toEqual([])
  })

  it('keeps a final paragraph that says "read more about this in our report"', () => {
    const result = cleanRelayPost({
      title: 'Budget delayed',
      blocks: [
        ...STORY_EN,
        'You can read more about this in our report on the transit levy.',
        'Read more about the levy in our explainer.',
        'Subscribers can read more',
      ],
      feedAuthor: null,
    })
    expect(result.removed).toEqual([])
    expect(hidden(result)).toEqual([])
  })

  it('keeps "Author: Jane Smith wrote…" inside a sentence, even at the tail', () => {
    const result = cleanRelayPost({
      title: 'A memoir revisited',
      blocks: [
        ...STORY_EN,
        'Author: Jane Smith wrote in her memoir that the talks were doomed.',
        'Read More',
      ],
      feedAuthor: null,
    })
    expect(result.removed).toEqual([{ index: 4, reason: 'read-more' }])
    expect(result.byline).toEqual(NO_BYLINE)
    expect(hidden(result)).toEqual([4])
  })

  it('keeps one-line names in a list, in the middle and at the end of the story', () => {
    const blocks = [
      'The delegation included:',
      'Anatol Brenner',
      'Miroslav Hauke',
      'Kasimir Doll',
      'Talks resume in February.',
      'Observers named as monitors:',
      'Олена Коваль',
      'Ірина Мельник',
      'Read More',
    ]
    const result = cleanRelayPost({ title: 'Delegations named', blocks, feedAuthor: null })
    expect(result.removed).toEqual([{ index: 8, reason: 'read-more' }])
    expect(result.byline).toEqual(NO_BYLINE)
    expect(hidden(result)).toEqual([8])
  })

  it('keeps a date line in the middle of a story', () => {
    const result = cleanRelayPost({
      title: 'Timeline of the talks',
      blocks: [
        'The first round began in spring.',
        'January 23, 2026',
        'Both sides agreed to resume talks.',
        '23.01.2026 10:40',
        'The next round is in February.',
      ],
      feedAuthor: null,
    })
    expect(result.removed).toEqual([])
    expect(result.byline).toEqual(NO_BYLINE)
    expect(hidden(result)).toEqual([])
  })

  it('keeps bot-like lines and link text that are not in the tail', () => {
    const result = cleanRelayPost({
      title: 'Automation in newsrooms',
      blocks: [
        'This is the imported news bot.',
        'Automatically imported from the wire, stories like this one fill many feeds.',
        'Read More',
        ...STORY_EN,
      ],
      feedAuthor: null,
    })
    expect(result.removed).toEqual([])
    expect(hidden(result)).toEqual([])
  })

  it('does not take a source name next to a date for the author', () => {
    const result = cleanRelayPost({
      title: 'Rates unchanged',
      blocks: [...STORY_EN, 'Meridian Press', 'January 23, 2026'],
      feedAuthor: null,
    })
    expect(result.removed).toEqual([])
    expect(result.byline).toEqual({
      author: null,
      date: '2026-01-23',
      authorIndex: null,
      dateIndex: 4,
      rawDate: 'January 23, 2026',
    })
    expect(hidden(result)).toEqual([4])
  })

  it('keeps the last copy when the body is nothing but the headline', () => {
    const result = cleanRelayPost({
      title: 'Markets closed',
      blocks: ['Markets closed', 'Markets closed.'],
      feedAuthor: null,
    })
    expect(result.removed).toEqual([{ index: 0, reason: 'repeated-headline' }])
    expect(hidden(result)).toEqual([0])
  })

  it('does not take a long paragraph starting "Photo:" or a later credit for a caption', () => {
    const long = `Photo: ${'the exhibition shows decades of work by local photographers, '.repeat(3)}`
    const result = cleanRelayPost({
      title: 'Gallery reopens',
      blocks: [long.trim(), ...STORY_EN, 'Photo: City Archive / Anna Berg', 'The end.'],
      feedAuthor: null,
    })
    expect(result.captions).toEqual([])
    expect(result.removed).toEqual([])
  })

  it('keeps a headline repeat that comes after the story has started', () => {
    const result = cleanRelayPost({
      title: 'Markets closed',
      blocks: ['Trading halted at noon.', 'Markets closed', 'Brokers went home.'],
      feedAuthor: null,
    })
    expect(result.removed).toEqual([])
  })
})

describe('isBotAuthor', () => {
  it.each([
    'NewsRelay Bot',
    'bot',
    'NewsBot',
    'NewsRelay',
    'admin',
    'Imported',
    'RSS',
    'Feed',
    'RSS Importer',
    'Новостной бот',
  ])('flags %s', (name) => expect(isBotAuthor(name)).toBe(true))

  it.each(['Daria Kovalenko', 'Abbott', 'Talbot Smith', 'Feedman', 'Meridian Press', 'Ботанов'])(
    'does not flag %s',
    (name) => expect(isBotAuthor(name)).toBe(false),
  )
})

describe('parseDateLine', () => {
  it.each([
    ['Fri, 01/23/2026 – 10:40', '2026-01-23T10:40'],
    ['Fri, 01/23/2026 - 10:40', '2026-01-23T10:40'],
    ['23/01/2026', '2026-01-23'],
    ['January 23, 2026', '2026-01-23'],
    ['Friday, Jan. 23, 2026 at 10:40 pm', '2026-01-23T22:40'],
    ['23 January 2026', '2026-01-23'],
    ['23.01.2026 10:40', '2026-01-23T10:40'],
    ['23 января 2026 г., 10:40', '2026-01-23T10:40'],
    ['пт, 23 січня 2026 року', '2026-01-23'],
    ['2026-01-23', '2026-01-23'],
    ['2026-01-23T10:40:00+01:00', '2026-01-23T10:40:00+01:00'],
  ])('%s → %s', (line, iso) => expect(parseDateLine(line)).toBe(iso))

  it.each(['02/30/2026', 'On January 23, 2026 the talks resumed.', '10:40', 'Fri', '2026'])(
    'rejects %s',
    (line) => expect(parseDateLine(line)).toBeNull(),
  )
})

describe('classifyLinkLine', () => {
  it.each([
    ['Read More', 'read-more'],
    ['Read more »', 'read-more'],
    ['Continue reading…', 'read-more'],
    ['Meridian PressRead More', 'source-link'],
    ['Read more at The Kyiv Independent', 'source-link'],
    ['The post Talks resume appeared first on Meridian Press.', 'source-link'],
    ['read more about this in our report', null],
    ['Subscribers can read more', null],
  ] as const)('%s → %s', (line, reason) => expect(classifyLinkLine(line)).toBe(reason))
})
