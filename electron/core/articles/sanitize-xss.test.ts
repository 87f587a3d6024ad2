// The XSS corpus (tests/fixtures/xss/vectors.ts) against the ingest wall: for every vector the
// sanitized output, parsed again as HTML, holds no executable or embedding element, no event
// handler, no style attribute and no script-capable URL, and sanitizing it again changes nothing.
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { XSS_VECTORS } from '../../../tests/fixtures/xss/vectors'
import { sanitizeHtml } from './sanitize-html'

const BASE = 'https://news.example/articles/2026/levy.html'

const FORBIDDEN_ELEMENTS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'form',
  'input',
  'button',
  'style',
  'link',
  'svg',
  'math',
  'template',
  'noscript',
  'portal',
]

/**
 * Names a clobbering id/name could shadow on document or a form (DOMPurify's SANITIZE_DOM drops
 * those). Window globals are not in the list: named access on window only fills names nothing
 * defines, and the renderer reads its one optional global (window.reader) before any article.
 */
const CLOBBER_NAMES = new Set([
  'cookie',
  'location',
  'body',
  'domain',
  'defaultView',
  'documentElement',
  'getElementById',
  'createElement',
  'implementation',
  'innerHTML',
  'attributes',
  'nodeName',
])

const { window } = new JSDOM('')

/** Parses like the renderer does (innerHTML into a div), so checks see elements, not text. */
function parse(html: string): HTMLElement {
  const root = window.document.createElement('div')
  root.innerHTML = html
  return root
}

/** Every element, including those inside <template> contents. */
function allElements(root: Element | DocumentFragment): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) =>
    el instanceof window.HTMLTemplateElement ? [el, ...allElements(el.content)] : [el],
  )
}

/** The scheme a browser would see: control chars and whitespace removed, lower-cased. */
function schemeOf(value: string): string | null {
  // eslint-disable-next-line no-control-regex
  let cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  try {
    cleaned = decodeURIComponent(cleaned)
  } catch {
    // not percent-encoded: keep as is
  }
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)
  return match?.[1]?.toLowerCase() ?? null
}

describe.each(XSS_VECTORS)('XSS corpus $category/$id', ({ html }) => {
  // Computed here, not per test: a vector that throws fails the whole group, loudly.
  const out = sanitizeHtml(html, BASE).html
  const root = parse(out)
  const elements = allElements(root)
  const attributes = elements.flatMap((el) =>
    [...el.attributes].map((a) => ({ element: el.localName, name: a.name, value: a.value })),
  )

  it('leaves no executable or embedding element', () => {
    const found = elements.map((el) => el.localName).filter((n) => FORBIDDEN_ELEMENTS.includes(n))
    expect(found).toEqual([])
    // Namespaced leftovers (svg/math children) would carry their own namespace.
    const foreign = elements.filter((el) => el.namespaceURI !== 'http://www.w3.org/1999/xhtml')
    expect(foreign.map((el) => el.tagName)).toEqual([])
  })

  it('leaves no event handler and no style attribute', () => {
    expect(attributes.filter((a) => /^on/i.test(a.name) || a.name === 'style')).toEqual([])
  })

  it('leaves no javascript:, vbscript: or data: URL (but data:image/* in <img src>)', () => {
    const bad = attributes.filter((a) => {
      const scheme = schemeOf(a.value)
      if (scheme === 'data') {
        return !(a.element === 'img' && a.name === 'src' && /^data:image\//i.test(a.value))
      }
      return scheme === 'javascript' || scheme === 'vbscript'
    })
    expect(bad).toEqual([])
  })

  it('leaves no id or name that clobbers a document or window property', () => {
    const clobbering = attributes.filter(
      (a) => (a.name === 'id' || a.name === 'name') && CLOBBER_NAMES.has(a.value),
    )
    expect(clobbering).toEqual([])
  })

  it('is idempotent', () => {
    expect(sanitizeHtml(out, BASE).html).toBe(out)
  })
})
