// Cleans a news story that a relay or import bot reposted (see ../shared/domain-notes.md, "What our
// users read"). The typical shape, top to bottom:
//   headline repeated 1–3 times · photo-credit line · the story · author name · date line ·
//   "Some NewsRead More" · "Author: <bot>" · "This is the imported news bot."
// The function only decides, per block, whether to keep it; it never rewrites text. It is
// conservative: every rule is anchored to the top or the tail of the post and to whole blocks, and
// when a block is not clearly boilerplate it stays. Pure: no I/O, no DOM (renderer and Node).
//
// The parts, in order:
//   1. the head: leading blocks equal to the title are removed, photo credits and an optional
//      byline/dateline there are recorded; the first other block is where the story starts;
//   2. the tail: walking back from the last block, link texts ("Read More"), "The post … appeared
//      first on …" lines and bot footers are removed, and one byline (name + date line) is
//      recorded; the first block that is none of these is where the story ends;
//   3. the byline found in the tail wins over one found in the head.

export type RemovalReason = 'repeated-headline' | 'read-more' | 'bot-footer' | 'source-link'

export interface CleanedPost {
  /** One flag per input block: false = do not show it in the cleaned story. */
  keep: boolean[]
  /** The blocks removed as boilerplate, by index, in ascending order. */
  removed: { index: number; reason: RemovalReason }[]
  /** Photo-credit lines near the top. They are kept (keep[i] stays true); a renderer may style them. */
  captions: number[]
  /**
   * The original author and date found as plain lines in the body. `date` is ISO 8601: a date
   * ("2026-01-23") or a local date-time without a zone ("2026-01-23T10:40") since the line gives
   * none (a zone is kept only when an ISO line states it). `rawDate` is the line as written.
   */
  byline: {
    author: string | null
    date: string | null
    authorIndex: number | null
    dateIndex: number | null
    rawDate: string | null
  }
}

export interface RelayPostInput {
  title: string
  /** Block-level texts in order (paragraphs, headings, list items), whitespace already collapsed. */
  blocks: string[]
  feedAuthor: string | null
}

// ---------------------------------------------------------------------------------------------
// Tuning constants

/** How many non-empty blocks after the head (headline repeats) may still be a photo credit. */
export const CAPTION_LOOKAHEAD_BLOCKS = 2

/** A photo credit is a short line; a longer one is a paragraph that happens to start "Photo:". */
export const CAPTION_MAX_CHARS = 160

/**
 * How many non-empty blocks from the end the tail walk may look at. The relay tail is at most
 * name, date, source link, two footer lines; a few spare for variants.
 */
export const TAIL_MAX_BLOCKS = 8

/** A link text with its source name glued on ("Meridian PressRead More"): at most this many words. */
export const SOURCE_NAME_MAX_WORDS = 6

/** Footer lines are short; a long paragraph that mentions a bot is story, not footer. */
export const FOOTER_MAX_CHARS = 200

/** A person's name on its own line: 2–4 words. */
export const NAME_MIN_WORDS = 2
export const NAME_MAX_WORDS = 4
export const NAME_MAX_CHARS = 60

// ---------------------------------------------------------------------------------------------
// Text normalisation (for comparing a block with the title)

const QUOTES = /["'`«»„‚‹›\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2039\u203a\u02bc]/gu
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b]/gu
const TRAILING_PUNCTUATION = /[\s.,;:!?…]+$/u

/** Case, whitespace, quote marks and dash variants, and trailing punctuation do not count. */
export function normalizeHeadline(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(QUOTES, '')
    .replace(DASHES, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(TRAILING_PUNCTUATION, '')
}

// ---------------------------------------------------------------------------------------------
// Bot authors

/**
 * Author names that are a relay, not a person: "NewsRelay Bot", "bot", "NewsBot", "NewsRelay",
 * "admin", "Imported", "RSS", "Feed", "Новостной бот". Whole words only, so "Abbott", "Talbot",
 * "Feedman" are people. CamelCase suffixes ("NewsBot", "TechFeed") count.
 */
export function isBotAuthor(name: string): boolean {
  const text = name.normalize('NFKC').trim()
  if (text === '') return false
  const word = (w: string): RegExp =>
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${w})(?![\\p{L}\\p{N}])`, 'iu')
  return (
    word(
      'bots?|бот|робот|relay|admin|administrator|адмін|админ|rss|feeds?|import|imported|importer|autopost|auto-?poster',
    ).test(text) ||
    /\p{Ll}(?:Bot|Relay|Feed|RSS)(?![\p{Ll}])/u.test(text) || // CamelCase: NewsBot, NewsRelay, TechFeed
    /^(?:\p{Lu}\p{Ll}+)?Relay/u.test(text) // "Relay…" names: RelayNews
  )
}

// ---------------------------------------------------------------------------------------------
// Photo credits (head only; kept, reported in `captions`)

const CAPTION_PATTERNS: RegExp[] = [
  // "Photo: Agency / Name", "Photograph: X/Reuters", "Фото: …", "Світлина: …", "Image credit: …"
  /^(?:photos?|photograph|image|picture|illustration|foto|фото|світлина|ілюстрація|иллюстрация)(?:\s+credits?)?\s*[:：—–-]\s*\S/iu,
  // "Photograph by …", "Photo by …", "Photos courtesy of …"
  /^(?:photos?|photograph|pictures?|images?)\s+(?:by|courtesy(?:\s+of)?)\s+\S/iu,
  // "(AP Photo/Evan Vucci)", "AP Photo / Name", "Reuters Photo/Name"
  /^\(?\s*(?:[\p{L}.&]+\s+){0,3}photo\s*\/\s*[^)]+\)?$/iu,
  // "Credit: …", "Credits: …"
  /^(?:credits?|фото\s+автора)\s*[:：]\s*\S/iu,
]

export function isPhotoCredit(text: string): boolean {
  return text.length <= CAPTION_MAX_CHARS && CAPTION_PATTERNS.some((re) => re.test(text))
}

// ---------------------------------------------------------------------------------------------
// Link texts and source links (tail only)

/** Link texts of "read the rest at the source", lower-case. Longest first (matched as suffixes). */
const LINK_TEXTS = [
  'read the full article',
  'read the full story',
  'read full article',
  'read full story',
  'continue reading',
  'keep reading',
  'read more here',
  'read more',
  'full story',
  'читать полностью',
  'читать далее',
  'читать дальше',
  'подробнее',
  'читати повністю',
  'читати далі',
  'детальніше',
  'докладніше',
]

const LINK_DECORATION_START = /^[\s«[(<]+/u
const LINK_DECORATION_END = /[\s.…»›→>)\]]+$/u

function stripLinkDecoration(text: string): string {
  return text.replace(LINK_DECORATION_START, '').replace(LINK_DECORATION_END, '')
}

/** "The post X appeared first on Y." (WordPress feeds) and its Russian/Ukrainian translations. */
const APPEARED_FIRST_PATTERNS: RegExp[] = [
  /^the post .+ appeared first on .+$/iu,
  /^запись .+ впервые появилась .+$/iu,
  /^сообщение .+ появились сначала на .+$/iu,
  /^запис .+ (?:спершу|вперше) з['’ʼ]явився .+$/iu,
]

/** Words a source name may contain in lower case ("Voice of America", "The Times and Post"). */
const SOURCE_NAME_CONNECTORS = new Set(['of', 'the', 'and', '&', 'for', 'on', 'de', 'la'])

function looksLikeSourceName(text: string): boolean {
  const words = text.split(' ').filter((w) => w !== '')
  if (words.length === 0 || words.length > SOURCE_NAME_MAX_WORDS) return false
  if (/[.!?:;]\s/u.test(text)) return false // a sentence, not a name
  return words.every(
    (w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && SOURCE_NAME_CONNECTORS.has(w.toLowerCase())),
  )
}

/** 'read-more' for a bare link text, 'source-link' when a source is named in it, else null. */
export function classifyLinkLine(text: string): 'read-more' | 'source-link' | null {
  if (APPEARED_FIRST_PATTERNS.some((re) => re.test(text))) return 'source-link'
  const bare = stripLinkDecoration(text)
  const lower = bare.toLocaleLowerCase()
  for (const link of LINK_TEXTS) {
    if (lower === link) return 'read-more'
    // "Read more at Meridian Press", "Читать далее на …", "Детальніше на …"
    if (lower.startsWith(link + ' ')) {
      const rest = bare.slice(link.length + 1)
      const source = rest.replace(/^(?:at|on|in|from|via|на|в|у)\s+/iu, '')
      if (source !== rest && looksLikeSourceName(source)) return 'source-link'
      if (link === 'read more' || link === 'continue reading') continue // "read more about …"
    }
    // "Meridian PressRead More", "Meridian Press Read More": a capitalised link text at the end of
    // a short capitalised source name. Case matters here: "…where you can read more" is a sentence.
    if (lower.endsWith(link) && lower.length > link.length) {
      const at = bare.length - link.length
      if (!/\p{Lu}/u.test(bare.charAt(at))) continue
      const source = bare.slice(0, at).trim()
      if (looksLikeSourceName(source)) return 'source-link'
    }
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Bot footers (tail only)

/** "Author: X", "Posted by X", "Автор: X": a label, then a name. */
const AUTHOR_LABEL =
  /^(?:author|posted by|published by|submitted by|imported by|by|автор|опубликовал|разместил|опубліковано|додав|від)\s*[:：]?\s+(.+?)\.?$/iu

/** "This is the imported news bot.", "Это новостной бот.", "Це імпортований новинний бот." */
const BOT_STATEMENT =
  /^(?:this is|i am|i['’]m|это|я|це)\s+.{0,60}(?<![\p{L}])(?:bot|бот)(?![\p{L}])\s*[.!]?$/iu

/** "Automatically imported from …", "This post was automatically generated", "Автоматически …". */
const AUTO_IMPORT =
  /^(?:this (?:post|article|story|item|entry) (?:was|has been|is) )?(?:automatically|auto-?)\s*(?:imported|reposted|generated|published|aggregated|posted)\b|^(?:автоматически|автоматично)\s+(?:импортировано|опубликовано|опубліковано|імпортовано|импортирован|імпортований)/iu

export function isBotFooter(text: string): boolean {
  if (text.length > FOOTER_MAX_CHARS) return false
  const labelled = AUTHOR_LABEL.exec(text)?.[1]
  if (labelled !== undefined && isBotAuthor(labelled)) return true
  return BOT_STATEMENT.test(text) || AUTO_IMPORT.test(text)
}

// ---------------------------------------------------------------------------------------------
// Person names on their own line

/** Lower-case name particles: "Ludwig van Beethoven", "Ibn al Haytham" (never first or last). */
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
])

/**
 * Capitalised words that make a short line an organisation or a heading, not a person: a source
 * name next to a date ("Meridian Press") must not become the author.
 */
const NOT_NAME_WORDS = new Set(
  [
    'press',
    'news',
    'agency',
    'times',
    'post',
    'daily',
    'media',
    'service',
    'bureau',
    'network',
    'group',
    'radio',
    'tv',
    'journal',
    'herald',
    'tribune',
    'reuters',
    'associated',
    'staff',
    'editorial',
    'editors',
    'desk',
    'team',
    'reporters',
    'correspondent',
    'read',
    'more',
    'continue',
    'reading',
    'story',
    'full',
    'source',
    'update',
    'updated',
    'breaking',
    'photo',
    'новости',
    'новини',
    'агентство',
    'редакция',
    'редакція',
    'служба',
    'пресс-служба',
    'прес-служба',
    'читать',
    'читати',
    'далее',
    'далі',
    'подробнее',
    'детальніше',
    'фото',
  ].map((w) => w.toLocaleLowerCase()),
)

const NAME_WORD = /^\p{Lu}\p{Ll}+(?:[-'’ʼ]\p{Lu}?\p{Ll}+)*$/u
const NAME_INITIAL = /^\p{Lu}\.$/u

/**
 * A line that is only a person's name: 2–4 capitalised words (Latin or Cyrillic), initials and
 * particles allowed, no sentence punctuation, no organisation words, not a bot.
 */
export function isPersonNameLine(text: string): boolean {
  if (text.length > NAME_MAX_CHARS || isBotAuthor(text)) return false
  const words = text.split(' ')
  if (words.length < NAME_MIN_WORDS || words.length > NAME_MAX_WORDS) return false
  let fullWords = 0
  for (const [i, w] of words.entries()) {
    if (NOT_NAME_WORDS.has(w.toLocaleLowerCase())) return false
    if (NAME_WORD.test(w)) fullWords++
    else if (NAME_INITIAL.test(w)) continue
    else if (i > 0 && i < words.length - 1 && NAME_PARTICLES.has(w)) continue
    else return false
  }
  return fullWords >= 1 && NAME_WORD.test(words.at(-1) ?? '')
}

/** The author a byline line names: a bare name, or "By Name" / "Author: Name" / "Автор: Name". */
function bylineName(text: string): { name: string; labelled: boolean } | null {
  if (isPersonNameLine(text)) return { name: text, labelled: false }
  const labelled = AUTHOR_LABEL.exec(text)?.[1]
  if (labelled !== undefined && isPersonNameLine(labelled))
    return { name: labelled, labelled: true }
  return null
}

// ---------------------------------------------------------------------------------------------
// Date lines

const MONTHS: Record<string, number> = {}
const monthNames: string[][] = [
  // English full and abbreviated, Russian genitive and nominative, Ukrainian genitive and nominative
  ['january', 'jan', 'января', 'январь', 'січня', 'січень'],
  ['february', 'feb', 'февраля', 'февраль', 'лютого', 'лютий'],
  ['march', 'mar', 'марта', 'март', 'березня', 'березень'],
  ['april', 'apr', 'апреля', 'апрель', 'квітня', 'квітень'],
  ['may', 'мая', 'май', 'травня', 'травень'],
  ['june', 'jun', 'июня', 'июнь', 'червня', 'червень'],
  ['july', 'jul', 'июля', 'июль', 'липня', 'липень'],
  ['august', 'aug', 'августа', 'август', 'серпня', 'серпень'],
  ['september', 'sep', 'sept', 'сентября', 'сентябрь', 'вересня', 'вересень'],
  ['october', 'oct', 'октября', 'октябрь', 'жовтня', 'жовтень'],
  ['november', 'nov', 'ноября', 'ноябрь', 'листопада', 'листопад'],
  ['december', 'dec', 'декабря', 'декабрь', 'грудня', 'грудень'],
]
monthNames.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)))

const WEEKDAYS = [
  'mon',
  'monday',
  'tue',
  'tues',
  'tuesday',
  'wed',
  'wednesday',
  'thu',
  'thur',
  'thurs',
  'thursday',
  'fri',
  'friday',
  'sat',
  'saturday',
  'sun',
  'sunday',
  'пн',
  'вт',
  'ср',
  'чт',
  'пт',
  'сб',
  'вс',
  'нд',
  'понедельник',
  'вторник',
  'среда',
  'четверг',
  'пятница',
  'суббота',
  'воскресенье',
  'понеділок',
  'вівторок',
  'середа',
  'четвер',
  "п'ятниця",
  'п’ятниця',
  'пʼятниця',
  'субота',
  'неділя',
].join('|')

const WEEKDAY_PREFIX = `(?:(?:${WEEKDAYS})\\.?,?\\s+)?`
/** An optional time after the date: ", 10:40", " – 10:40", " at 10:40 pm", " в 10:40", " о 10:40". */
const TIME_SUFFIX = `(?:\\s*(?:[,|\\u2013\\u2014-]|at|в|о)?\\s*(\\d{1,2}):(\\d{2})(?:\\s*([ap])\\.?m\\.?)?)?`
const YEAR_WORD = `(?:\\s*(?:г\\.|года|год|р\\.|року|рік))?`
const END = `\\s*\\.?$`

/**
 * Numeric dates with slashes are read month/day/year: the relay's source writes Drupal's default
 * "D, m/d/Y - H:i" ("Fri, 01/23/2026 – 10:40"). When the first number cannot be a month (> 12)
 * the line is read day/month/year instead.
 */
const SLASH_DATE = new RegExp(
  `^${WEEKDAY_PREFIX}(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME_SUFFIX}${END}`,
  'iu',
)
/** "23.01.2026 10:40", "23.01.2026, 10:40" — day.month.year as in Russian and Ukrainian. */
const DOT_DATE = new RegExp(
  `^${WEEKDAY_PREFIX}(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${YEAR_WORD}${TIME_SUFFIX}${END}`,
  'iu',
)
/** "January 23, 2026", "Friday, Jan. 23, 2026 10:40 am". */
const MONTH_DAY_YEAR = new RegExp(
  `^${WEEKDAY_PREFIX}(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_SUFFIX}${END}`,
  'iu',
)
/** "23 January 2026", "23 января 2026 г., 10:40", "23 січня 2026 року". */
const DAY_MONTH_YEAR = new RegExp(
  `^${WEEKDAY_PREFIX}(\\d{1,2})\\s+(\\p{L}+)\\.?,?\\s+(\\d{4})${YEAR_WORD},?${TIME_SUFFIX}${END}`,
  'iu',
)
/** "2026-01-23", "2026-01-23 10:40", "2026-01-23T10:40:00+01:00" (the zone is kept when given). */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?$/u

const pad = (n: number): string => String(n).padStart(2, '0')

function isoDate(
  year: number,
  month: number,
  day: number,
  hour?: string,
  minute?: string,
  meridiem?: string,
): string | null {
  const at = new Date(Date.UTC(year, month - 1, day))
  if (month < 1 || month > 12 || at.getUTCDate() !== day || at.getUTCMonth() !== month - 1) {
    return null
  }
  const date = `${year}-${pad(month)}-${pad(day)}`
  if (hour === undefined || minute === undefined) return date
  let h = Number(hour)
  const m = Number(minute)
  if (meridiem) {
    if (h < 1 || h > 12) return null
    h = (h % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0)
  }
  if (h > 23 || m > 59) return null
  return `${date}T${pad(h)}:${pad(m)}`
}

/**
 * The ISO 8601 form of a line that is only a date (with an optional weekday and time), else null.
 * No zone is given by these lines, so none is invented: "Fri, 01/23/2026 – 10:40" gives
 * "2026-01-23T10:40", a local time in the publisher's zone (which the caller may know).
 */
export function parseDateLine(text: string): string | null {
  const line = text.trim()
  let m = ISO_DATE.exec(line)
  if (m) {
    const base = isoDate(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5])
    if (!base || !m[4]) return base
    return base + (m[6] ? `:${m[6]}` : '') + (m[7] ?? '')
  }
  m = SLASH_DATE.exec(line)
  if (m) {
    let [month, day] = [Number(m[1]), Number(m[2])]
    if (month > 12 && day <= 12) [month, day] = [day, month]
    return isoDate(Number(m[3]), month, day, m[4], m[5], m[6])
  }
  m = DOT_DATE.exec(line)
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]), m[4], m[5], m[6])
  m = MONTH_DAY_YEAR.exec(line)
  const monthFirst = m ? MONTHS[(m[1] ?? '').toLocaleLowerCase()] : undefined
  if (m && monthFirst) {
    return isoDate(Number(m[3]), monthFirst, Number(m[2]), m[4], m[5], m[6])
  }
  m = DAY_MONTH_YEAR.exec(line)
  const monthSecond = m ? MONTHS[(m[2] ?? '').toLocaleLowerCase()] : undefined
  if (m && monthSecond) {
    return isoDate(Number(m[3]), monthSecond, Number(m[1]), m[4], m[5], m[6])
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// The cleaner

type Byline = CleanedPost['byline']

interface BylineHit {
  byline: Byline
  span: number
}

/** A non-empty block and its index in the input. Empty blocks are kept and skipped by the rules. */
interface Entry {
  index: number
  text: string
}

/**
 * A byline at position `at` of `entries`: a name line next to a date line (either order), or a
 * labelled name ("By …", "Author: …") alone, or a date line alone when `allowDateOnly` (the tail,
 * after the story, where a bare date line is not story text). `direction` -1 pairs with the entry
 * before, +1 with the entry after; the pair must lie within [lo, hi]. Returns the byline and the
 * number of entries it spans.
 */
function bylineAt(
  entries: Entry[],
  at: number,
  direction: -1 | 1,
  lo: number,
  hi: number,
  allowDateOnly: boolean,
): BylineHit | null {
  const here = entries[at]
  if (!here) return null
  const otherAt = at + direction
  const other = otherAt >= lo && otherAt <= hi ? (entries[otherAt] ?? null) : null
  const make = (nameLine: Entry | null, dateLine: Entry | null): Byline => ({
    author: nameLine ? (bylineName(nameLine.text)?.name ?? null) : null,
    authorIndex: nameLine?.index ?? null,
    date: dateLine ? parseDateLine(dateLine.text) : null,
    dateIndex: dateLine?.index ?? null,
    rawDate: dateLine?.text ?? null,
  })
  const date = parseDateLine(here.text)
  const name = bylineName(here.text)
  if (date && other && bylineName(other.text)) return { byline: make(other, here), span: 2 }
  if (name && other && parseDateLine(other.text)) return { byline: make(here, other), span: 2 }
  if (name?.labelled) return { byline: make(here, null), span: 1 }
  if (date && allowDateOnly) return { byline: make(null, here), span: 1 }
  return null
}

export function cleanRelayPost(input: RelayPostInput): CleanedPost {
  const { blocks } = input
  const keep = blocks.map(() => true)
  const removed: CleanedPost['removed'] = []
  const captions: number[] = []
  const remove = (index: number, reason: RemovalReason): void => {
    keep[index] = false
    removed.push({ index, reason })
  }
  // Positions below count non-empty blocks only.
  const entries: Entry[] = blocks.flatMap((text, index) =>
    text.trim() === '' ? [] : [{ index, text: text.trim() }],
  )
  const last = entries.length - 1
  const title = normalizeHeadline(input.title)

  // 1. The head: headline repeats, photo credits and a byline/dateline before the story starts.
  let headByline: Byline | null = null
  const headlineRepeats: number[] = []
  let storyStart = 0
  for (let entry = entries[0]; entry; entry = entries[storyStart]) {
    if (title !== '' && normalizeHeadline(entry.text) === title) {
      headlineRepeats.push(entry.index)
      storyStart++
    } else if (isPhotoCredit(entry.text)) {
      captions.push(entry.index)
      storyStart++
    } else {
      const found: BylineHit | null = headByline
        ? null
        : bylineAt(entries, storyStart, 1, 0, last, false)
      if (!found) break
      headByline = found.byline
      storyStart += found.span
    }
  }
  // A body that is nothing but the headline keeps its last copy: an empty story helps nobody.
  if (storyStart > last && headlineRepeats.length > 0) headlineRepeats.pop()
  for (const index of headlineRepeats) remove(index, 'repeated-headline')
  // A credit may also sit just after the first story-looking block (e.g. under a standfirst).
  for (const entry of entries.slice(storyStart + 1, storyStart + 1 + CAPTION_LOOKAHEAD_BLOCKS)) {
    if (isPhotoCredit(entry.text)) captions.push(entry.index)
  }

  // 2. The tail, walking back from the end: link texts, bot footers, one byline. It stops at the
  // first block that is none of these (the end of the story) and never reaches into the head.
  let tailByline: Byline | null = null
  const tailFloor = Math.max(storyStart, entries.length - TAIL_MAX_BLOCKS)
  for (let at = last; at >= tailFloor;) {
    const entry = entries[at]
    if (!entry) break
    const link = classifyLinkLine(entry.text)
    if (link || isBotFooter(entry.text)) {
      remove(entry.index, link ?? 'bot-footer')
      at--
      continue
    }
    const found: BylineHit | null = tailByline
      ? null
      : bylineAt(entries, at, -1, tailFloor, last, true)
    if (!found) break
    tailByline = found.byline
    at -= found.span
  }
  // A byline after the story is hidden from the cleaned text (not listed in `removed`: it is not
  // boilerplate): the citation header shows that author and date instead. A byline at the top
  // stays visible where the author put it.
  if (tailByline?.authorIndex != null) keep[tailByline.authorIndex] = false
  if (tailByline?.dateIndex != null) keep[tailByline.dateIndex] = false

  removed.sort((a, b) => a.index - b.index)
  captions.sort((a, b) => a - b)
  const none: Byline = {
    author: null,
    date: null,
    authorIndex: null,
    dateIndex: null,
    rawDate: null,
  }
  return { keep, removed, captions, byline: tailByline ?? headByline ?? none }
}
