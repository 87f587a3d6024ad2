// A large, realistic-looking library for benchmarks, written with LibraryStore directly (no
// network, no parsing): `feeds` feeds × `itemsPerFeed` items with ~`bodyBytes` HTML bodies of
// varied English-like text, plus `annotations` highlights with notes and tags. Deterministic
// (seeded PRNG): the same options give the same library, so runs compare. Word frequencies follow
// a Zipf law over a real common-word list and a large generated vocabulary, so some words are in
// most articles and most words are rare — queries over it are as selective as over real news.
import { sha256Hex } from '../../electron/core/ids'
import { LibraryStore, type StoredItem } from '../../electron/core/store/library-store'
import type { StoredAnnotation as Annotation } from '../../electron/core/annotations/stored-annotation'
import { mulberry32 } from '../helpers/prng'

export interface LibraryOptions {
  feeds: number
  itemsPerFeed: number
  /** Approximate size of each article body in bytes of HTML. */
  bodyBytes: number
  /** Highlights (with a note and tags) spread over random items. */
  annotations: number
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

  const store = await LibraryStore.open(dataDir)
  const start = Date.parse('2025-01-01T00:00:00Z')
  const span = Date.parse('2026-06-30T00:00:00Z') - start
  const feedIds: string[] = []
  const itemIds: string[] = []
  const feedTitles: string[] = []
  const itemTexts = new Map<string, { feedId: string; sentences: string[] }>()
  const annotatedItems = new Set<number>()
  const totalItems = options.feeds * options.itemsPerFeed
  while (annotatedItems.size < Math.min(options.annotations, totalItems))
    annotatedItems.add(Math.floor(random() * totalItems))

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
      folder: [['World', 'Science', 'Business', 'Local'][f % 4]!],
    })
    const bodies: { hash: string; html: string }[] = []
    const items: StoredItem[] = []
    for (let i = 0; i < options.itemsPerFeed; i++) {
      const index = f * options.itemsPerFeed + i
      const paragraphs: string[] = []
      const sentences: string[] = []
      let bytes = 0
      while (bytes < options.bodyBytes) {
        const p = paragraph(topic)
        sentences.push(...p.split(/(?<=\.) /))
        paragraphs.push(`<p>${p}</p>`)
        bytes += p.length + 8
      }
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
        storyKey: `127.0.0.1/site/${f}/${i}.html`,
        author: random() < 0.8 ? person() : null,
        published,
        firstSeenAt: published,
        fetchedAt: published,
        snippet: sentences.slice(0, 2).join(' ').slice(0, 240),
        bodyHash: hash,
      })
      if (annotatedItems.has(index)) itemTexts.set(id, { feedId, sentences })
    }
    const refs = store.bodies.writePack(bodies)
    await store.upsertItems(
      feedId,
      items.map((item) => ({ ...item, body: refs.get(item.bodyHash)! })),
    )
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
  return { feedIds, itemIds, words, tags: TAGS, feedTitles }
}
