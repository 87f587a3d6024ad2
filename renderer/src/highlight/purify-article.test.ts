// @vitest-environment jsdom
// The renderer's wall, as ArticleContent uses it (its string set as innerHTML): what the reader
// sees must be the text the core counted offsets in.
import { describe, expect, it } from 'vitest'
import { purifyArticleHtml } from './purify-article'

function shown(html: string): { html: string; text: string } {
  const root = document.createElement('div')
  root.innerHTML = purifyArticleHtml(html)
  return { html: root.innerHTML, text: root.textContent ?? '' }
}

describe('the renderer sanitizing pass', () => {
  // Regression (found by the sanitizer property test): the newline after <pre> was lost on each
  // parse, so the reader showed "foo" where the core's text (and highlight offsets) had "\nfoo".
  it('keeps the blank first line of a <pre> the core sanitized', () => {
    const fromCore = '<pre>\n\nfoo</pre>'
    expect(shown(fromCore).text).toBe('\nfoo')
    expect(purifyArticleHtml(purifyArticleHtml(fromCore))).toBe(purifyArticleHtml(fromCore))
  })

  it('still removes scripts and handlers', () => {
    expect(shown('<p onclick="x()">a<script>alert(1)</script></p>').html).toBe('<p>a</p>')
  })
})
