// The fast path must never disagree with the slow one: whenever plainBodyBlocks answers, its
// blocks are those of the sanitized HTML. Checked on generated news bodies, on thousands of
// random tag soups and well-formed trees, and on the cases each rule exists for (where reading
// the raw body would give other blocks than the sanitized one).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../tests/helpers/prng'
import { articleBlocks } from './article-blocks'
import { isPlainBody, plainBodyBlocks } from './plain-blocks'
import { sanitizeHtml } from './sanitize-html'

const BASE = 'https://news.example/2026/story.html'
const slow = (html: string): string[] => articleBlocks(sanitizeHtml(html, BASE).html)

function agrees(html: string): boolean {
  const fast = plainBodyBlocks(html)
  if (fast !== null) expect(fast, html).toEqual(slow(html))
  return fast !== null
}

const TEXTS = [
  'The envoy said',
  ' talks ',
  'resumed.',
  '&amp;',
  '&nbsp;',
  '&#8220;quoted&#8221;',
  '&mdash;',
  '&#x2019;',
  '&#32;',
  '&#x2003;',
  '&emsp;',
  '&notin',
  '&bogus;',
  '&#0;',
  '&#128;',
  'a & b',
  '\u2003',
  '\n',
  '  ',
  'x > y',
  'x < y',
]
const SOUP = [
  ...['<p>', '</p>', '<P class="lead">', '</P>', '<div>', '</div>', '<div/>', '<span>', '</span>'],
  ...['<ul>', '</ul>', '<ol>', '</ol>', '<li>', '</li>', '<dl>', '</dl>', '<dt>', '</dt>', '<dd>'],
  ...['</dd>', '<b>', '</b>', '<em>', '</em>', '<a href="/x">', '<a href=y>', '</a>', '<h2>'],
  ...['</h2>', '<h3>', '</h3>', '<br>', '<br/>', '</br>', '<hr>', '<img src="i.png" alt="">'],
  ...['<img src=p.gif width=1 height=1>', '<figure>', '</figure>', '<figcaption>'],
  ...['</figcaption>', '<blockquote>', '</blockquote>', '<pre>\n', '</pre>', '<script></script>'],
  ...['<script>var p = "<p>"</script>', '<script src="w.js" async></script>', '<script/>'],
  ...['<iframe src="https://v.example/e"></iframe>', '<iframe>x</iframe>', '<style>p{}</style>'],
  ...['<table>', '<tr>', '<td>', '</td>', '</table>', '<!-- note -->', '<!doctype html>'],
  ...['<noscript><p>n</p></noscript>', '<svg><text>s</text></svg>', '<title>t</title>'],
  ...['<form>', '</form>', '<button>b</button>', '<textarea>t</textarea>', '<p title="a>b">'],
  ...['<custom-el>', '</custom-el>', '<font>', '</font>', '<center>', '</center>'],
]

/** A random sequence of tags and texts: mostly nonsense, sometimes plain. */
function soup(random: () => number): string {
  const parts: string[] = []
  const length = 1 + Math.floor(random() * 30)
  for (let i = 0; i < length; i++) {
    const list = random() < 0.5 ? TEXTS : SOUP
    parts.push(list[Math.floor(random() * list.length)]!)
  }
  return parts.join('')
}

const INLINE = ['b', 'i', 'em', 'strong', 'span', 'a', 'code', 'small', 'q', 'mark', 'time']
const BLOCK = ['p', 'div', 'blockquote', 'section', 'figure', 'h2', 'ul', 'ol', 'dl', 'pre']

/** A well-formed tree of kept elements; now and then a rule is broken on purpose. */
function tree(random: () => number, depth = 0): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const text = (): string => pick(TEXTS.slice(0, 8))
  const inline = (d: number): string => {
    if (d > 3 || random() < 0.4) return text()
    const tag = pick(INLINE)
    const open = tag === 'a' ? `<a href="/l${d}">` : `<${tag}>`
    return `${open}${text()}${inline(d + 1)}</${tag}>${random() < 0.2 ? '<br>' : ''}`
  }
  const children = (tag: string, d: number): string => {
    const n = 1 + Math.floor(random() * 3)
    const out: string[] = []
    for (let i = 0; i < n; i++) {
      if (tag === 'ul' || tag === 'ol')
        out.push(`<li>${inline(d)}${random() < 0.3 ? tree(random, d + 1) : ''}</li>`)
      else if (tag === 'dl') out.push(`<dt>${inline(d)}</dt><dd>${inline(d)}</dd>`)
      else if (tag === 'p' || tag === 'h2' || tag === 'pre') out.push(inline(d))
      else out.push(random() < 0.5 ? inline(d) : tree(random, d + 1))
    }
    return out.join(random() < 0.5 ? '\n' : '')
  }
  if (depth > 3) return `<p>${inline(depth)}</p>`
  const tag = pick(BLOCK)
  let body = children(tag, depth)
  if (tag === 'figure')
    body = `<img src="/f.jpg" alt="">${body}<figcaption>${inline(depth)}</figcaption>`
  // A broken rule now and then: a block in a paragraph, a stray item, a missing end tag.
  const roll = random()
  if (roll < 0.05 && tag === 'p') body += '<div>inside</div>'
  if (roll >= 0.05 && roll < 0.08) body += '<li>stray</li>'
  const close = roll >= 0.08 && roll < 0.1 ? '' : `</${tag}>`
  return `<${tag}>${body}${close}${random() < 0.1 ? '<script src="/e.js"></script>' : ''}`
}

describe('plainBodyBlocks', () => {
  it('agrees with the sanitized blocks on random tag soup', () => {
    const random = mulberry32(1)
    let answered = 0
    for (let n = 0; n < 3000; n++) if (agrees(soup(random))) answered++
    expect(answered).toBeGreaterThan(30)
  })

  it('agrees with the sanitized blocks on random well-formed articles, and answers for most', () => {
    const random = mulberry32(2)
    let answered = 0
    const total = 1500
    for (let n = 0; n < total; n++) {
      const html = Array.from({ length: 1 + Math.floor(random() * 5) }, () => tree(random)).join(
        '\n',
      )
      if (agrees(html)) answered++
    }
    expect(answered).toBeGreaterThan(total * 0.6)
  })

  it('answers for bodies as news feeds send them: links, figures, quotes, empty embeds', () => {
    const body = [
      '<p>The envoy said talks would resume. <a href="https://x.example/a" class="inline">Read the statement</a>.</p>',
      '<figure><img src="/p.jpg" alt="" width="800" height="533"><figcaption>Photo: Agency / Jane Doe</figcaption></figure>',
      '<p>&#8220;We are close,&#8221; she said &mdash; and left.</p>',
      '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Talks resume.</p>&mdash; Jane (@jane) <a href="https://twitter.com/x/status/1">January 5, 2026</a></blockquote>',
      '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
      '<iframe width="560" height="315" src="https://www.youtube.com/embed/v1" allowfullscreen></iframe>',
      '<ul><li>One</li><li>Two <em>three</em></li></ul>',
      '<p>Jane Doe</p><p>Fri, 01/23/2026 &ndash; 10:40</p>',
    ].join('\n')
    expect(isPlainBody(body)).toBe(true)
    expect(plainBodyBlocks(body)).toEqual(slow(body))
  })

  it('answers for the bundled sample articles exactly as the sanitizer would', () => {
    const feed = readFileSync(join(__dirname, '../../../resources/sample/feed.xml'), 'utf8')
    const bodies = [...feed.matchAll(/<content:encoded><!\[CDATA\[([\s\S]*?)\]\]>/g)].map(
      (m) => m[1]!,
    )
    expect(bodies.length).toBeGreaterThan(0)
    for (const body of bodies) expect(agrees(body), body.slice(0, 80)).toBe(true)
  })

  // Each rule, with a body where reading it raw gives other blocks than sanitizing it.
  const NEEDED: [string, string][] = [
    ['a script with content', '<p>Before</p><script>var x = 1</script><p>After</p>'],
    ['a style sheet', '<style>p { color: red }</style><p>Text</p>'],
    ['white space as a character reference', '<p>a&#32;&#32;&#32;b</p>'],
    ['an em space as a named reference', '<p>a&emsp;&emsp;b</p>'],
    ['a block in a paragraph', '<p>One <span>two<div>three</div></span></p>'],
    ['a template', '<template><p>hidden</p></template><p>shown</p>'],
    ['a no-script fallback', '<noscript><p>Enable JS</p></noscript><p>Story</p>'],
    ['a list item in a list item', '<ul><li>one<li>two</li></li></ul>'],
  ]
  for (const [what, html] of NEEDED) {
    it(`leaves ${what} to the sanitizer`, () => {
      expect(isPlainBody(html)).toBe(false)
      expect(plainBodyBlocks(html)).toBeNull()
    })
  }

  it('is right to leave those to the sanitizer: read raw, most would give other blocks', () => {
    const differ = NEEDED.filter(
      ([, html]) => JSON.stringify(articleBlocks(html)) !== JSON.stringify(slow(html)),
    )
    expect(differ.length).toBeGreaterThanOrEqual(5)
  })

  it('refuses what it cannot vouch for', () => {
    for (const html of [
      '<p>unclosed',
      '<p>a</p></div>',
      '<div/>text',
      '<p>a < b</p>',
      '<!-- c --><p>x</p>',
      '<table><tr><td>x</td></tr></table>',
      '<a href="/1">one <a href="/2">two</a></a>',
      '<h2>one <h3>two</h3></h2>',
      '<p>bad &#0; char</p>',
      '<p>unknown &bogus; entity</p>',
      '<p>legacy &notin entity</p>',
      '<p>nul \u0000 char</p>',
      '<script/><p>x</p>',
      '<iframe src="x">fallback</iframe>',
      '<li>loose item</li>',
    ])
      expect(isPlainBody(html), html).toBe(false)
  })
})
