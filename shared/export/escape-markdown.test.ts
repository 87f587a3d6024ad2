import { describe, expect, it } from 'vitest'
import { escapeMarkdownText, linkDestination } from './escape-markdown'

/** What a CommonMark renderer shows for escaped text: a backslash before punctuation vanishes. */
const rendered = (markdown: string): string => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1')

const HOSTILE = [
  'See [the ministry](javascript:alert(1)) now',
  '![pixel](https://evil.example/p.png)',
  '<img src=x onerror=alert(1)> and <script>alert(1)</script>',
  '<https://evil.example/autolink>',
  '# Not a heading',
  '- not a list',
  '+ not a list either',
  '12. not numbered',
  '3) nor this',
  '> not nested',
  '---',
  '***bold*** and _emphasis_ and `code`',
  '[[Wiki link]] and [^1] and [!warning] callout',
  '#tag and ^block-id and ==highlight== and %%comment%%',
  'costs $5 and $10 ~~struck~~ | a | table |',
  '&amp; &#60; &#x3C; AT&T',
  'a \\ backslash \\[ already',
]

describe('escapeMarkdownText', () => {
  it('renders back to exactly the words it was given', () => {
    for (const text of HOSTILE) expect(rendered(escapeMarkdownText(text)), text).toBe(text)
  })

  it('leaves no link, image, HTML, autolink or wiki link to form', () => {
    for (const text of HOSTILE) {
      const escaped = escapeMarkdownText(text)
      // Every [ ] < > is escaped: nothing can open a link, an image, a tag or an autolink.
      expect(escaped, text).not.toMatch(/(^|[^\\])[[\]<>]/)
    }
    expect(escapeMarkdownText('&amp;')).toBe('\\&amp;')
    expect(escapeMarkdownText('AT&T')).toBe('AT&T')
  })

  it('escapes what would start a block at the beginning of the line only', () => {
    expect(escapeMarkdownText('# Not a heading')).toBe('\\# Not a heading')
    expect(escapeMarkdownText('- not a list')).toBe('\\- not a list')
    expect(escapeMarkdownText('12. not numbered')).toBe('12\\. not numbered')
    expect(escapeMarkdownText('3) nor this')).toBe('3\\) nor this')
    expect(escapeMarkdownText('---')).toBe('\\---')
    expect(escapeMarkdownText('In 2026. A year - of talks')).toBe('In 2026. A year - of talks')
  })

  it('escapes Obsidian’s pairs but not a lone = or %', () => {
    expect(escapeMarkdownText('==x== %%y%%')).toBe('\\=\\=x\\=\\= \\%\\%y\\%\\%')
    expect(escapeMarkdownText('a = b, 5% up')).toBe('a = b, 5% up')
  })
})

describe('linkDestination', () => {
  it('takes only http(s) URLs', () => {
    expect(linkDestination('javascript:alert(1)')).toBeNull()
    expect(linkDestination('data:text/html,<b>x</b>')).toBeNull()
    expect(linkDestination('file:///etc/passwd')).toBeNull()
    expect(linkDestination('https://example.org/a?b=1')).toBe('https://example.org/a?b=1')
  })

  it('wraps a URL with spaces, parentheses or angle brackets so it cannot end early', () => {
    expect(linkDestination('https://example.org/a (b)')).toBe('<https://example.org/a%20(b)>')
    expect(linkDestination('https://example.org/<x>')).toBe('<https://example.org/%3Cx%3E>')
  })
})
