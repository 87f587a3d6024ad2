// A large, realistic-looking library for benchmarks, written with LibraryStore directly (no
// network, no parsing): `feeds` feeds × `itemsPerFeed` items with ~`bodyBytes` HTML bodies of
// varied English-like text, plus `annotations` highlights with notes and tags — one on each of
// that many items, or (with `annotatedItems`) several per article as a researcher makes them:
// quotes with speakers, claims with a status and evidence, notes and tags. Deterministic
// (seeded PRNG): the same options give the same library, so runs compare. Word frequencies follow
// a Zipf law over a real common-word list and a large generated vocabulary, so some words are in
// most articles and most words are rare — queries over it are as selective as over real news.
import { readerText } from '../../electron/core/articles/reader-text'
import { sha256Hex } from '../../electron/core/ids'
import { LibraryStore, type StoredItem } from '../../electron/core/store/library-store'
import type { StoredAnnotation as Annotation } from '../../electron/core/annotations/stored-annotation'
import type { ClaimStatus } from '../../shared/domain'
import { mulberry32 } from '../helpers/prng'
import { folderOf } from './ui/generate-ui-library'

export interface LibraryOptions {
  feeds: number
  itemsPerFeed: number
  /** Approximate size of each article body in bytes of HTML. */
  bodyBytes: number
  /** Highlights (with a note and tags) spread over random items. */
  annotations: number
  /**
   * Spread the `annotations` over this many random items, several per article (a few articles
   * heavily annotated, most lightly), with real offsets, speakers, claim statuses, evidence links,
   * notes (not always) and 0–3 tags. Default: one annotation on each of `annotations` items.
   */
  annotatedItems?: number
  /**
   * `plain`: bodies of bare <p> paragraphs (the default). `news`: bodies as news feeds send them —
   * links, emphasis and direct quotes (“…” as character references) in the text, a photo with a
   * caption in some, a tweet or video embed (script, iframe) in a few, and in a few an original
   * byline and dateline as plain lines at the end (a relay repost).
   */
  markup?: 'plain' | 'news'
  /**
   * Folders as the reading-UI library has them (ten topics with desks beneath; default: four
   * flat folders), and every Nth item of an odd feed a repost of the story of the feed before
   * (the same story key: the list shows it once, "also in" the other; default 0: none).
   */
  nestedFolders?: boolean
  repostEvery?: number
  seed?: number
  /** Size of the generated (made-up) part of the vocabulary. */
  vocabulary?: number
}

export interface GeneratedLibrary {
  feedIds: string[]
  itemIds: string[]
  /** Words by frequency rank (0 = most common), for choosing benchmark queries. */
  words: readonly string[]
  /** The tags the annotations use. */
  tags: readonly string[]
  /** Feed titles, by feed index. */
  feedTitles: string[]
  /** How many annotations were written. */
  annotationCount: number
}

/** Common English words, most frequent first: the head of the Zipf distribution. */
const COMMON = (
  'the of and to a in that is was he for it with as his on be at by had are but from or have ' +
  'an they which one you were her all she there would their we him been has when who will more ' +
  'no if out so said what up its about into than them can only other new some could time these ' +
  'two may then do first any my now such like our over man me even most made after also did ' +
  'many before must through back years where much your way well down should because each just ' +
  'those people how too little state good very make world still own see men work long get here ' +
  'between both life being under never day same another know while last might us great old ' +
  'year off come since against go came right used take three government minister officials ' +
  'report city country market police court election company talks policy public health week ' +
  'percent according president party national water energy climate change security research ' +
  'study data school military economy trade border prices workers union council vote budget ' +
  'police agreement crisis hospital river harbour port bank investors inflation drought flood ' +
  'ceasefire envoy parliament senator judge ruling lawsuit protest strike vaccine outbreak ' +
  'scientists survey analysis evidence claim sources statement spokesman interview quoted ' +
  'reported announced denied confirmed warned estimated'
).split(' ')

const SYLLABLES = (
  'ka lo mi ne tar ven sol dra phi lum bor cas tel mar gen rin dos vel pra qui zen hal tor ' +
  'ber sen lin cor fal mon dar tis nor pel gar ris sun ham wel ost ard ine ley ton'
).split(' ')

const FIRST_NAMES =
  'Daria Tomas Amina Lars Priya Kofi Elena Mateo Ingrid Yusuf Hana Oscar Leila Marco Sofia Ravi'.split(
    ' ',
  )
const LAST_NAMES =
  'Kovalenko Berg Haddad Lindqvist Sharma Mensah Rossi Alvarez Nakamura Okafor Novak Dubois Weber Costa'.split(
    ' ',
  )
const TAGS = ['claim', 'quote', 'evidence', 'followup', 'disputed', 'source', 'data', 'todo']

function makeVocabulary(random: () => number, size: number): string[] {
  const seen = new Set(COMMON)
  const words = [...COMMON]
  while (words.length < COMMON.length + size) {
    const count = 2 + Math.floor(random() * 3)
    let word = ''
    for (let s = 0; s < count; s++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]
    if (!seen.has(word)) {
      seen.add(word)
      words.push(word)
    }
  }
  return words
}

/** A Zipf(s≈1) sampler over ranks 0..n-1 by inverse CDF on a precomputed table. */
function zipfSampler(random: () => number, n: number): () => number {
  const cdf = new Float64Array(n)
  let sum = 0
  for (let r = 0; r < n; r++) cdf[r] = sum += 1 / Math.pow(r + 1, 1.05)
  return () => {
    const target = random() * sum
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cdf[mid]! < target) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

export async function generateLibrary(
  dataDir: string,
  options: LibraryOptions,
): Promise<GeneratedLibrary> {
  const random = mulberry32(options.seed ?? 20260101)
  const words = makeVocabulary(random, options.vocabulary ?? 60_000)
  const word = zipfSampler(random, words.length)
  // Each feed has a topic: a few mid-frequency words it uses far more than others do.
  const topicWord = (): string => words[200 + Math.floor(random() * 3000)]!
  const sentence = (topic: string[]): string => {
    const length = 8 + Math.floor(random() * 18)
    const parts: string[] = []
    for (let w = 0; w < length; w++) {
      parts.push(random() < 0.08 ? topic[Math.floor(random() * topic.length)]! : words[word()]!)
    }
    let text = capitalize(parts.join(' '))
    if (random() < 0.15) text += `, ${words[word()]} said`
    return `${text}.`
  }
  const paragraph = (topic: string[]): string => {
    const parts: string[] = []
    const count = 2 + Math.floor(random() * 4)
    for (let s = 0; s < count; s++) parts.push(sentence(topic))
    return parts.join(' ')
  }
  const person = (): string =>
    `${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]}`

  const news = options.markup === 'news'
  /** A sentence as a news feed writes it: maybe a direct quote, a link, an emphasised word. */
  const dress = (text: string, index: number): { text: string; html: string } => {
    const roll = random()
    if (roll < 0.1) return { text: `“${text}”`, html: `&#8220;${text}&#8221;` }
    const words = text.split(' ')
    if (roll < 0.3 && words.length > 4) {
      const at = 1 + Math.floor(random() * (words.length - 3))
      const link = `<a href="http://127.0.0.1/site/ref/${index}-${at}.html" class="inline">${words.slice(at, at + 2).join(' ')}</a>`
      return { text, html: [...words.slice(0, at), link, ...words.slice(at + 2)].join(' ') }
    }
    if (roll < 0.4 && words.length > 2) {
      const at = 1 + Math.floor(random() * (words.length - 2))
      return {
        text,
        html: [...words.slice(0, at), `<em>${words[at]}</em>`, ...words.slice(at + 1)].join(' '),
      }
    }
    return { text, html: text }
  }
  /** A photo after the first paragraph, an embed in the middle, an original byline at the end. */
  const extras = (paragraphs: string[], index: number): void => {
    if (random() < 0.35)
      paragraphs.splice(
        1,
        0,
        `<figure><img src="http://127.0.0.1/media/${index}.jpg" alt="" width="800" height="533"><figcaption>Photo: ${capitalize(words[word()]!)} Agency / ${person()}</figcaption></figure>`,
      )
    const roll = random()
    const middle = Math.floor(paragraphs.length / 2)
    if (roll < 0.06)
      paragraphs.splice(
        middle,
        0,
        `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">${capitalize(words[word()]!)} ${words[word()]} ${words[word()]}.</p>&mdash; ${person()} (@${words[word()]}) <a href="https://twitter.com/x/status/${index}">January 5, 2026</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`,
      )
    else if (roll < 0.1)
      paragraphs.splice(
        middle,
        0,
        `<iframe width="560" height="315" src="https://www.youtube.com/embed/v${index}" title="Video" allowfullscreen></iframe>`,
      )
    if (random() < 0.05)
      paragraphs.push(`<p>${person()}</p>`, `<p>Fri, 01/23/2026 &ndash; 10:40</p>`)
  }

  const store = await LibraryStore.open(dataDir)
  const start = Date.parse('2025-01-01T00:00:00Z')
  const span = Date.parse('2026-06-30T00:00:00Z') - start
  const feedIds: string[] = []
  const itemIds: string[] = []
  const feedTitles: string[] = []
  const itemTexts = new Map<
    string,
    { feedId: string; sentences: string[]; paragraphs: string[][]; published: string; html: string }
  >()
  const annotatedItems = new Set<number>()
  const totalItems = options.feeds * options.itemsPerFeed
  const spread = options.annotatedItems !== undefined
  // Several per article: the articles are chosen with a PRNG of their own, so the bodies are the
  // same as a library without annotations; one per item: as this generator always did.
  const choose = spread ? mulberry32((options.seed ?? 20260101) ^ 0x2545f491) : random
  const wanted = spread
    ? Math.min(options.annotatedItems!, totalItems, options.annotations)
    : Math.min(options.annotations, totalItems)
  while (annotatedItems.size < wanted) annotatedItems.add(Math.floor(choose() * totalItems))

  for (let f = 0; f < options.feeds; f++) {
    const topic = [topicWord(), topicWord(), topicWord(), topicWord()]
    const feedId = `f-${sha256Hex(`bench feed ${f}`).slice(0, 12)}`
    const title = `The ${capitalize(topic[0]!)} ${capitalize(topic[1]!)} ${['Review', 'Wire', 'Daily', 'Journal', 'Post'][f % 5]}`
    feedIds.push(feedId)
    feedTitles.push(title)
    const at = new Date(start).toISOString()
    await store.addFeed({
      id: feedId,
      url: `http://127.0.0.1/feeds/${f}.xml`,
      title,
      siteUrl: `http://127.0.0.1/site/${f}/`,
      description: '',
      addedAt: at,
      lastSuccessAt: at,
      lastError: null,
      http: { etag: null, lastModified: null, bodyHash: null },
      folder: options.nestedFolders
        ? folderOf(f)
        : [['World', 'Science', 'Business', 'Local'][f % 4]!],
    })
    const bodies: { hash: string; html: string }[] = []
    const items: StoredItem[] = []
    for (let i = 0; i < options.itemsPerFeed; i++) {
      const index = f * options.itemsPerFeed + i
      const paragraphs: string[] = []
      const sentences: string[] = []
      const split: string[][] = []
      let bytes = 0
      while (bytes < options.bodyBytes) {
        const p = paragraph(topic)
        const parts = p.split(/(?<=\.) /)
        if (news) {
          const dressed = parts.map((text) => dress(text, index))
          sentences.push(...dressed.map((d) => d.text))
          split.push(dressed.map((d) => d.text))
          paragraphs.push(`<p>${dressed.map((d) => d.html).join(' ')}</p>`)
        } else {
          sentences.push(...parts)
          split.push(parts)
          paragraphs.push(`<p>${p}</p>`)
        }
        bytes += p.length + 8
      }
      if (news) extras(paragraphs, index)
      const html = paragraphs.join('\n')
      const hash = sha256Hex(html)
      bodies.push({ hash, html })
      const published = new Date(start + Math.floor(random() * span)).toISOString()
      const id = `i-${sha256Hex(`${feedId}/${i}`).slice(0, 16)}`
      itemIds.push(id)
      const titleWords = Array.from({ length: 5 + Math.floor(random() * 7) }, () =>
        random() < 0.3 ? topic[Math.floor(random() * topic.length)]! : words[word()]!,
      )
      items.push({
        id,
        guid: id,
        title: capitalize(titleWords.join(' ')),
        link: `http://127.0.0.1/site/${f}/${i}.html`,
        storyKey:
          options.repostEvery && f % 2 === 1 && i % options.repostEvery === 0
            ? `127.0.0.1/site/${f - 1}/${i}.html`
            : `127.0.0.1/site/${f}/${i}.html`,
        author: random() < 0.8 ? person() : null,
        published,
        firstSeenAt: published,
        fetchedAt: published,
        snippet: sentences.slice(0, 2).join(' ').slice(0, 240),
        bodyHash: hash,
      })
      if (annotatedItems.has(index))
        itemTexts.set(id, { feedId, sentences, paragraphs: split, published, html })
    }
    const refs = store.bodies.writePack(bodies)
    await store.upsertItems(
      feedId,
      items.map((item) => ({ ...item, body: refs.get(item.bodyHash)! })),
    )
  }

  if (spread) {
    const count = await addSpreadAnnotations(store, itemTexts, options.annotations, {
      random,
      sentence: () => sentence([words[word()]!, words[word()]!]),
      person,
      end: start + span,
    })
    await store.flush(true)
    return { feedIds, itemIds, words, tags: TAGS, feedTitles, annotationCount: count }
  }
  for (const [itemId, { feedId, sentences }] of itemTexts) {
    const exact = sentences[Math.floor(random() * sentences.length)]!
    const at = new Date(start + span).toISOString()
    const annotation: Annotation = {
      id: `a-${sha256Hex(`annotation ${itemId}`).slice(0, 16)}`,
      itemId,
      feedId,
      kind: random() < 0.5 ? 'claim' : 'quote',
      note: sentence([words[word()]!]),
      tags: [TAGS[Math.floor(random() * TAGS.length)]!],
      target: {
        position: { type: 'TextPositionSelector', start: 0, end: exact.length },
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      },
      createdAt: at,
      updatedAt: at,
    }
    await store.addAnnotation(annotation)
  }
  await store.flush(true)
  return { feedIds, itemIds, words, tags: TAGS, feedTitles, annotationCount: itemTexts.size }
}

const ROLES = [
  null,
  null,
  'the envoy',
  'a government spokesman',
  'the energy minister',
  'an aide to the president',
  'a senior researcher at the institute',
  'the union’s leader',
  'a police spokeswoman',
  'chief economist at the bank',
]
const STATUSES = ['unverified', 'unverified', 'supported', 'disputed', 'refuted'] as const
const MORE_TAGS = ['border', 'energy', 'talks', 'budget', 'health', 'court']

/**
 * `total` annotations over the articles of `texts`: every article gets one, the rest go to
 * articles by an exponential weight (a few long reads carry many, most carry two or three), each
 * on a different sentence with its real offsets in the reader's text (paragraphs joined by a
 * blank line), so document order and fragment links are as in the app.
 */
async function addSpreadAnnotations(
  store: LibraryStore,
  texts: Map<string, { feedId: string; paragraphs: string[][]; published: string; html: string }>,
  total: number,
  make: { random: () => number; sentence: () => string; person: () => string; end: number },
): Promise<number> {
  const { random } = make
  const articles = [...texts.entries()]
  const capacity = articles.map(([, t]) => t.paragraphs.reduce((n, p) => n + p.length, 0))
  if (total > capacity.reduce((a, b) => a + b, 0))
    throw new Error(`${total} annotations do not fit on ${articles.length} articles' sentences`)
  const counts = articles.map(() => 1)
  const weights = articles.map(() => -Math.log(1 - random()))
  const weightSum = weights.reduce((a, b) => a + b, 0)
  let placed = articles.length
  while (placed < total) {
    let target = random() * weightSum
    let i = 0
    while (i < weights.length - 1 && target >= weights[i]!) target -= weights[i++]!
    if (counts[i]! >= capacity[i]!) continue
    counts[i]! += 1
    placed++
  }
  const made: { id: string; itemId: string }[] = []
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  let written = 0
  for (const [a, [itemId, { feedId, paragraphs, published, html }]] of articles.entries()) {
    // Every sentence of the story with its offset in the reader's text (the text content of
    // the article's HTML, where the window counts a selection's offsets).
    const text = readerText(html)
    const spans: { exact: string; start: number; prefix: string; suffix: string }[] = []
    let cursor = 0
    for (const exact of paragraphs.flat()) {
      const start = text.indexOf(exact, cursor)
      if (start === -1) throw new Error(`a sentence is not in the text of ${itemId}`)
      cursor = start + exact.length
      spans.push({
        exact,
        start,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(cursor, cursor + 32),
      })
    }
    const chosen = new Set<number>()
    while (chosen.size < counts[a]!) chosen.add(Math.floor(random() * spans.length))
    const from = Date.parse(published)
    for (const s of chosen) {
      const roll = random()
      const kind = roll < 0.4 ? 'quote' : roll < 0.75 ? 'claim' : 'plain'
      // A quote is selected inside its quotation marks.
      const quoted = kind === 'quote' && /^“.*”$/.test(spans[s]!.exact)
      const span = quoted
        ? {
            exact: spans[s]!.exact.slice(1, -1),
            start: spans[s]!.start + 1,
            prefix: `${spans[s]!.prefix}“`.slice(-32),
            suffix: `”${spans[s]!.suffix}`.slice(0, 32),
          }
        : spans[s]!
      const created = new Date(from + Math.floor(random() * Math.max(1, make.end - from)))
      const at = created.toISOString()
      const id = `a-${sha256Hex(`annotation ${itemId} ${s}`).slice(0, 16)}`
      const tags = [
        ...new Set(
          Array.from({ length: Math.floor(random() * 4) }, () =>
            random() < 0.7 ? pick(TAGS) : pick(MORE_TAGS),
          ),
        ),
      ]
      const annotation: Annotation = {
        id,
        itemId,
        feedId,
        kind,
        note:
          random() < 0.6
            ? random() < 0.3
              ? `${make.sentence()} ${make.sentence()}`
              : make.sentence()
            : '',
        tags,
        target: {
          position: {
            type: 'TextPositionSelector',
            start: span.start,
            end: span.start + span.exact.length,
          },
          quote: {
            type: 'TextQuoteSelector',
            exact: span.exact,
            prefix: span.prefix,
            suffix: span.suffix,
          },
        },
        madeOn: { version: 0, view: 'feed' },
        createdAt: at,
        updatedAt: at,
      }
      if (kind === 'quote') annotation.speaker = { name: make.person(), role: pick(ROLES) }
      if (kind === 'claim') {
        const status = pick(STATUSES)
        const history: { status: ClaimStatus; at: string }[] = [{ status: 'unverified', at }]
        if (status !== 'unverified')
          history.push({ status, at: new Date(created.getTime() + 86_400_000).toISOString() })
        annotation.claim = { status, restated: random() < 0.4 ? make.sentence() : null, history }
        // A quarter of the claims cite evidence: earlier highlights, often in other articles.
        if (made.length && random() < 0.25)
          annotation.evidence = Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({
            annotationId: pick(made).id,
            stance: random() < 0.6 ? ('supports' as const) : ('disputes' as const),
            at,
          })).filter(
            (link, i, all) => all.findIndex((l) => l.annotationId === link.annotationId) === i,
          )
      }
      await store.addAnnotation(annotation)
      made.push({ id, itemId })
      written++
    }
  }
  return written
}
