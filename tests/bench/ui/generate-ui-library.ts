// A generated library for the reading-UI benchmark and the list tests: `feeds` × `itemsPerFeed`
// items written straight through LibraryStore (no HTTP, no parsing), deterministic from a seed
// (mulberry32): dates spread over a year, varied titles, ~`bodyBytes` of HTML per body in one
// pack per feed, feeds spread over nested folders, and a few stories repeated across feeds.
import {
  LibraryStore,
  type StoredFeed,
  type StoredItem,
} from '../../../electron/core/store/library-store'
import { sha256Hex } from '../../../electron/core/ids'
import { mulberry32 } from '../../helpers/prng'

export interface UiLibraryOptions {
  feeds: number
  itemsPerFeed: number
  /** Approximate size of each article body (default 4 KB). */
  bodyBytes?: number
  seed?: number
  /** Every Nth item of odd feeds repeats a story of the feed before (0: none; default 0). */
  repostEvery?: number
}

const WORDS = (
  'harbour envoy glacier survey talks council budget river election court storm grain port ' +
  'minister report record winter summer trade union strike museum archive vaccine trial coast ' +
  'rail bridge senate ballot market drought flood energy grid satellite launch treaty border'
).split(' ')

const YEAR_MS = 365 * 86_400_000
/** Newest possible date of a generated item; fixed so runs compare. */
export const GENERATED_UNTIL = Date.UTC(2026, 0, 31)

export function feedIdOf(f: number): string {
  return `f-${sha256Hex(`ui feed ${f}`).slice(0, 12)}`
}

export function folderOf(f: number): string[] {
  // Ten topics, each with three sub-folders; every fifth feed sits at the topic's top.
  const topic = `Topic ${f % 10}`
  return f % 5 === 0 ? [topic] : [topic, `Desk ${f % 3}`]
}

export async function generateUiLibrary(dataDir: string, options: UiLibraryOptions): Promise<void> {
  const { feeds, itemsPerFeed, bodyBytes = 4096, seed = 1, repostEvery = 0 } = options
  const random = mulberry32(seed)
  const word = (): string => WORDS[Math.floor(random() * WORDS.length)]!
  const words = (n: number): string => Array.from({ length: n }, word).join(' ')
  const store = await LibraryStore.open(dataDir)
  const at = new Date(GENERATED_UNTIL).toISOString()
  const stored: StoredFeed[] = Array.from({ length: feeds }, (_, f) => ({
    id: feedIdOf(f),
    url: `http://127.0.0.1:9/feeds/${f}.xml`,
    title: `Generated ${words(2)} ${f}`,
    siteUrl: `http://127.0.0.1:9/site/${f}/`,
    description: '',
    folder: folderOf(f),
    addedAt: at,
    lastSuccessAt: at,
    lastError: null,
    nextCheckAt: null,
    http: { etag: null, lastModified: null, bodyHash: null },
  }))
  await store.addFeeds(stored)
  for (let f = 0; f < feeds; f++) {
    const bodies: { hash: string; html: string }[] = []
    const items: StoredItem[] = []
    for (let i = 0; i < itemsPerFeed; i++) {
      const headline = words(8)
      const title = `${headline[0]!.toUpperCase()}${headline.slice(1)} (${f}.${i})`
      const paragraphs: string[] = []
      for (let size = 0; size < bodyBytes;) {
        const p = `<p>${words(40)}.</p>`
        paragraphs.push(p)
        size += p.length
      }
      const html = `<p>Generated item ${f}.${i}.</p>${paragraphs.join('')}`
      const hash = sha256Hex(html)
      bodies.push({ hash, html })
      const published = new Date(GENERATED_UNTIL - Math.floor(random() * YEAR_MS)).toISOString()
      // An odd feed reposts a story of the even feed before it (never a repost itself).
      const repost = repostEvery > 0 && f % 2 === 1 && i % repostEvery === 0
      items.push({
        id: `i-${sha256Hex(`ui item ${f}/${i}`).slice(0, 16)}`,
        guid: `ui-${f}-${i}`,
        title,
        link: `http://127.0.0.1:9/site/${f}/${i}.html`,
        storyKey: repost ? `127.0.0.1:9/story/${f - 1}/${i}` : `127.0.0.1:9/story/${f}/${i}`,
        author: 'A. Reporter',
        published,
        firstSeenAt: at,
        fetchedAt: at,
        snippet: words(30),
        bodyHash: hash,
      })
    }
    const refs = store.bodies.writePack(bodies)
    for (const item of items) item.body = refs.get(item.bodyHash)!
    await store.upsertItems(feedIdOf(f), items)
  }
  await store.flush()
}
