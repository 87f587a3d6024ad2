import { describe, expect, it } from 'vitest'
import { htmlToPlainText, snippetOf, textToHtml } from './html-to-text'

describe('htmlToPlainText', () => {
  it('keeps text, decodes entities and separates blocks', () => {
    expect(htmlToPlainText('<p>One &amp; <b>two</b>&hellip;</p><p>Three&nbsp;four</p>')).toBe(
      'One & two… Three four',
    )
  })

  it('drops script and style content, even when unclosed', () => {
    expect(htmlToPlainText('<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>')).toBe(
      'a b',
    )
    expect(htmlToPlainText('<p>kept</p><script>never closed')).toBe('kept')
  })

  it('gives text, not markup, for hostile input', () => {
    expect(htmlToPlainText('<img src=x onerror=alert(1)>&lt;script&gt;')).toBe('<script>')
  })

  it('keeps a "<" that starts no tag', () => {
    expect(htmlToPlainText('1 < 2 and 3 > 2')).toBe('1 < 2 and 3 > 2')
  })

  it('stays linear on many "<" without ">"', () => {
    const start = performance.now()
    htmlToPlainText('x<p'.repeat(200_000))
    expect(performance.now() - start).toBeLessThan(1000)
  })
})

describe('snippetOf', () => {
  it('collapses whitespace into one line', () => {
    expect(snippetOf('<h1>Title</h1>\n<p>Body   text</p>')).toBe('Title Body text')
  })

  it('cuts long text at a word boundary with an ellipsis', () => {
    const snippet = snippetOf(`<p>${'word '.repeat(100)}</p>`, 50)
    expect(snippet).toBe(`${'word '.repeat(10).trim()}…`)
    expect(snippet.length).toBeLessThanOrEqual(51)
  })
})

describe('textToHtml', () => {
  it('escapes text and turns blank lines into paragraphs', () => {
    expect(textToHtml('a < b\n\nc & d\ne')).toBe('<p>a &lt; b</p>\n<p>c &amp; d<br>e</p>')
  })
})
