import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Markdown } from './Markdown'

const html = (source: string): string => renderToStaticMarkup(createElement(Markdown, { source }))

describe('Markdown notes', () => {
  it('renders emphasis, strong, code, lists and code blocks', () => {
    expect(html('**Key** and *soft* and `x<y`')).toBe(
      '<div><p><strong>Key</strong> and <em>soft</em> and <code>x&lt;y</code></p></div>',
    )
    expect(html('- one\n- two\n\n1. first')).toBe(
      '<div><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol></div>',
    )
    expect(html('```\n<b>\n```')).toBe('<div><pre><code>&lt;b&gt;</code></pre></div>')
  })

  it('links only to http(s), opened outside with rel=noopener', () => {
    expect(html('[site](https://example.org/a)')).toBe(
      '<div><p><a href="https://example.org/a" target="_blank" rel="noopener noreferrer">site</a></p></div>',
    )
    expect(html('[x](javascript:alert(1))')).not.toContain('<a')
    expect(html('[x](data:text/html,hi)')).not.toContain('<a')
  })

  it('shows raw HTML as text', () => {
    const out = html('<img src=x onerror=alert(1)> <script>bad()</script>')
    expect(out).not.toContain('<img')
    expect(out).not.toContain('<script')
    expect(out).toContain('&lt;img')
  })
})
