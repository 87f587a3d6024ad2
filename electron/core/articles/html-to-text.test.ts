import { describe, expect, it } from 'vitest'
import { htmlToText, snippetOf } from './html-to-text'

describe('htmlToText', () => {
  it('keeps text, decodes entities and breaks lines at blocks', () => {
    expect(htmlToText('<p>One &amp; <b>two</b>&hellip;</p><p>Three&nbsp;four</p>')).toBe(
      'One & two…\nThree four',
    )
  })

  it('drops script and style content, even when nested or unclosed', () => {
    expect(htmlToText('<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>')).toBe('a\nb')
    expect(htmlToText('<p>kept</p><script>never closed')).toBe('kept')
  })

  it('gives text, not markup, for hostile input', () => {
    expect(htmlToText('<img src=x onerror=alert(1)>&lt;script&gt;')).toBe('<script>')
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
