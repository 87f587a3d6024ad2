// Writes a synthetic but realistic feed corpus for the sync benchmark: N feeds × M items, mostly
// RSS 2.0 with content:encoded, every fourth feed Atom, every tenth ISO-8859-1; bodies of a few
// KB of news-style HTML with links, quotes and entities. Deterministic: the same arguments give
// the same bytes, so runs are comparable and the corpus can be reused between runs.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { mulberry32 } from '../../helpers/prng'

export interface CorpusSpec {
  feeds: number
  items: number
}

export interface Corpus {
  dir: string
  files: string[]
  bytes: number
}

const WORDS =
  'government minister talks agreement border trade council vote housing climate report survey officials said according analysts market prices energy election parliament court ruling ceasefire envoy delegation statement spokesman policy budget inflation growth exports sanctions summit negotiations'.split(
    ' ',
  )

function sentence(random: () => number, words = 14): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]!)
  const text = out.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function body(random: () => number, feed: number, item: number, latin1: boolean): string {
  const paragraphs: string[] = []
  const count = 3 + Math.floor(random() * 3)
  for (let p = 0; p < count; p++) {
    const quote = latin1
      ? `"${sentence(random, 8)}," the minister said`
      : `“${sentence(random, 8)},” the minister said`
    paragraphs.push(
      `<p>${sentence(random, 18)} &amp; ${sentence(random, 12)}. ${quote}. <a href="/news/${feed}/${item}/related-${p}">Related</a> ${sentence(random, 10)}.</p>`,
    )
  }
  paragraphs.splice(2, 0, `<blockquote><p>${sentence(random, 20)}</p></blockquote>`)
  paragraphs.push(
    `<p><img src="https://img.example/${feed}/${item}.jpg" alt="${sentence(random, 4)}"></p>`,
  )
  return paragraphs.join('\n')
}

function date(feed: number, item: number): Date {
  return new Date(Date.UTC(2026, 0, 1) + (feed * 50 + item) * 60_000)
}

function rss(feed: number, items: number, latin1: boolean): string {
  const random = mulberry32(feed + 1)
  const entries: string[] = []
  for (let i = 0; i < items; i++) {
    entries.push(`    <item>
      <title>${sentence(random, 9)} (${feed}/${i})</title>
      <link>https://news${feed % 50}.example/${feed}/story-${i}.html</link>
      <guid isPermaLink="false">bench-${feed}-${i}</guid>
      <dc:creator>Reporter ${feed % 97}</dc:creator>
      <pubDate>${date(feed, i).toUTCString()}</pubDate>
      <description>${sentence(random, 25)}</description>
      <content:encoded><![CDATA[${body(random, feed, i, latin1)}]]></content:encoded>
    </item>`)
  }
  return `<?xml version="1.0" encoding="${latin1 ? 'ISO-8859-1' : 'UTF-8'}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Bench feed ${feed}${latin1 ? ' — Édition française' : ''}</title>
    <link>https://news${feed % 50}.example/${feed}/</link>
    <description>Synthetic feed ${feed} for the sync benchmark</description>
${entries.join('\n')}
  </channel>
</rss>
`
}

function atom(feed: number, items: number): string {
  const random = mulberry32(feed + 1)
  const entries: string[] = []
  for (let i = 0; i < items; i++) {
    const html = body(random, feed, i, false)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
    entries.push(`  <entry>
    <title>${sentence(random, 9)} (${feed}/${i})</title>
    <link rel="alternate" href="https://news${feed % 50}.example/${feed}/story-${i}.html"/>
    <id>urn:bench:${feed}:${i}</id>
    <published>${date(feed, i).toISOString()}</published>
    <updated>${date(feed, i).toISOString()}</updated>
    <author><name>Reporter ${feed % 97}</name></author>
    <summary>${sentence(random, 25)}</summary>
    <content type="html">${html}</content>
  </entry>`)
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Bench feed ${feed}</title>
  <link rel="alternate" href="https://news${feed % 50}.example/${feed}/"/>
  <id>urn:bench:${feed}</id>
  <updated>${date(feed, 0).toISOString()}</updated>
${entries.join('\n')}
</feed>
`
}

export async function generateCorpus(root: string, spec: CorpusSpec): Promise<Corpus> {
  const dir = join(root, `corpus-${spec.feeds}x${spec.items}`)
  const manifest = join(dir, 'manifest.json')
  try {
    return JSON.parse(await readFile(manifest, 'utf8')) as Corpus
  } catch {
    // Not generated yet.
  }
  await mkdir(dir, { recursive: true })
  const files: string[] = []
  let bytes = 0
  for (let f = 0; f < spec.feeds; f++) {
    const isAtom = f % 4 === 3
    const latin1 = !isAtom && f % 10 === 0
    const text = isAtom ? atom(f, spec.items) : rss(f, spec.items, latin1)
    const data = Buffer.from(text, latin1 ? 'latin1' : 'utf8')
    const name = `feed-${f}.${isAtom ? 'atom' : 'rss'}.xml`
    await writeFile(join(dir, name), data)
    files.push(name)
    bytes += data.length
  }
  const corpus = { dir, files, bytes }
  await writeFile(manifest, JSON.stringify(corpus))
  return corpus
}
