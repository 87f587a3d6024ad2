// Properties of the ingest sanitizer over generated tag soup — scripts, event handlers,
// javascript:/vbscript:/data: URLs in every disguise, svg and math (namespace confusion), style,
// comments, CDATA, unclosed and misnested tags: the output holds no script element, no on*
// attribute, no script URL and no forbidden element, and sanitizing it again changes nothing.
// Seeded so failures reproduce; PROPERTY_SCALE / PROPERTY_SEED search deeper (tests/helpers).
import fc from 'fast-check'
import { Parser } from 'htmlparser2'
import { beforeAll, describe, expect, it } from 'vitest'
import { FORBIDDEN_TAGS } from '../../../shared/sanitize-policy'
import { propertyOptions, propertyTimeout } from '../../../tests/helpers/property'
import { sanitizeHtml } from './sanitize-html'

const TAGS = [
  'script',
  'img',
  'a',
  'svg',
  'math',
  'style',
  'iframe',
  'object',
  'embed',
  'p',
  'div',
  'span',
  'b',
  'table',
  'tr',
  'td',
  'form',
  'input',
  'noscript',
  'template',
  'textarea',
  'title',
  'xmp',
  'select',
  'option',
  'base',
  'link',
  'meta',
  'video',
  'source',
  'audio',
  'blockquote',
  'pre',
  'foreignObject',
  'mglyph',
  'mtext',
  'annotation-xml',
  'desc',
  'use',
  'animate',
  'set',
  'image',
  'body',
  'html',
  'head',
  'frameset',
  'plaintext',
  'noembed',
  'details',
  'summary',
  'dialog',
]
const ATTRIBUTES = [
  'onerror',
  'onclick',
  'onload',
  'OnMouseOver',
  'onfocus',
  'href',
  'src',
  'style',
  'xlink:href',
  'formaction',
  'action',
  'srcdoc',
  'srcset',
  'class',
  'id',
  'data-x',
  'poster',
  'cite',
  'background',
  'dynsrc',
  'lowsrc',
  'autofocus',
  'open',
  'is',
  'encoding',
  'attributename',
  'values',
  'from',
  'to',
  'begin',
  'xmlns',
  'name',
  'target',
  'rel',
  'width',
  'height',
  'alt',
]
const VALUES = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java&#x09;script:x',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:x',
  'javascript&colon;x',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'data:image/png;base64,iVBORw0KGgo=',
  'http://a.example/b',
  'https://a.example/?q="x"',
  '/relative',
  '../up',
  '//proto.example/x',
  'mailto:a@b.example',
  'file:///etc/passwd',
  'alert(1)',
  'x" onerror="alert(1)',
  "x' onload='alert(1)",
  '1',
  '0',
  '</style><script>x</script>',
  'text/html',
  '\u0000javascript:x',
  '\u2028javascript:x',
  ' ',
]
const TEXTS = [
  'text',
  'alert(1)',
  '<',
  '>',
  '&',
  '&lt;script&gt;',
  '"',
  "'",
  '`',
  '\u0000',
  ' ',
  '\n',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '</script>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</noscript><img src=x onerror=alert(1)>',
  '<?xml ?>',
  '<!DOCTYPE html>',
  '</',
  '<a',
  '=',
]

const attribute = fc
  .tuple(fc.constantFrom(...ATTRIBUTES), fc.constantFrom(...VALUES), fc.constantFrom('"', "'", ''))
  .map(([name, value, quote]) => ` ${name}=${quote}${value}${quote}`)

/** An element: open tag (maybe unclosed or self-closed), children, close tag (maybe wrong). */
const { html } = fc.letrec<{ html: string; node: string }>((tie) => ({
  html: fc.array(tie('node'), { maxLength: 5 }).map((nodes) => nodes.join('')),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...TEXTS),
    fc.string({ maxLength: 8 }),
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.array(attribute, { maxLength: 3 }),
        fc.constantFrom('>', ' />', ''),
        tie('html'),
        fc.constantFrom('close', 'none', 'other'),
        fc.constantFrom(...TAGS),
      )
      .map(
        ([tag, attrs, end, inner, closing, other]) =>
          `<${tag}${attrs.join('')}${end}${inner}` +
          (closing === 'close' ? `</${tag}>` : closing === 'other' ? `</${other}>` : ''),
      ),
  ),
}))

/**
 * Attributes a browser follows or loads as URLs. A "javascript:" string in alt, title or xmlns is
 * inert text, and DOMPurify rightly leaves it (the first run of this test flagged <a alt=…>).
 */
const URL_BEARING = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'cite',
  'data',
  'codebase',
  'srcdoc',
  'srcset',
  'dynsrc',
  'lowsrc',
  'ping',
  'longdesc',
  'usemap',
  'manifest',
  'icon',
  'from',
  'to',
  'values',
  'is',
])
const SCRIPT_URL = /^(?:javascript|vbscript|data:(?!image\/(?:png|jpe?g|gif|webp|avif);base64,))/i
const FORBIDDEN = new Set([...FORBIDDEN_TAGS, 'script'].map((t) => t.toLowerCase()))

/** What a browser would find in the sanitized HTML: element names and attributes. */
function elementsOf(output: string): { name: string; attributes: Record<string, string> }[] {
  const found: { name: string; attributes: Record<string, string> }[] = []
  const parser = new Parser(
    { onopentag: (name, attributes) => found.push({ name, attributes }) },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(output)
  parser.end()
  return found
}

function expectSafe(output: string): void {
  expect(output).not.toMatch(/<script/i)
  for (const { name, attributes } of elementsOf(output)) {
    expect(FORBIDDEN.has(name), `<${name}> in ${output}`).toBe(false)
    for (const [attr, value] of Object.entries(attributes)) {
      expect(attr, `${attr} in ${output}`).not.toMatch(/^on/i)
      if (!URL_BEARING.has(attr)) continue
      // Browsers ignore whitespace and control characters inside a scheme.
      // eslint-disable-next-line no-control-regex
      expect(value.replace(/[\u0000-\u0020]/g, ''), `${attr} in ${output}`).not.toMatch(SCRIPT_URL)
    }
  }
}

describe('sanitizing article HTML (properties)', () => {
  // The first call loads jsdom (seconds): not part of any one input's time.
  beforeAll(() => void sanitizeHtml('<p>warm</p>', null))

  it(
    'leaves no script, event handler, script URL or forbidden element',
    () => {
      fc.assert(
        fc.property(html, fc.constantFrom('https://news.example/a/', null), (input, base) => {
          const started = performance.now()
          expectSafe(sanitizeHtml(input, base).html)
          expect(performance.now() - started).toBeLessThan(2000)
        }),
        propertyOptions(0x5eed21, 200),
      )
    },
    propertyTimeout(),
  )

  it(
    'is idempotent: sanitizing its own output changes nothing',
    () => {
      fc.assert(
        fc.property(html, fc.constantFrom('https://news.example/a/', null), (input, base) => {
          const once = sanitizeHtml(input, base)
          const twice = sanitizeHtml(once.html, base)
          expect(twice.html).toBe(once.html)
          expect(twice.text).toBe(once.text)
        }),
        {
          ...propertyOptions<[string, string | null]>(0x5eed22, 200),
          // Found by this property: a <pre> whose text starts with a newline (here left behind by
          // the removed script) lost it on every parse, so text offsets and display disagreed.
          examples: [
            ['<pre><script></script>\n</pre>', 'https://news.example/a/'],
            ['<pre>\n\ncode</pre>', null],
            // And: removing an <object> (content kept) left a <details> inside a <p>, which no parse
            // can build, so the output parsed into another tree (seed 4242 at PROPERTY_SCALE=20).
            [
              '<script><script></script><p></script><script><script>alert(1)</script><object><A</object></script><math /><details></details></math>',
              'https://news.example/a/',
            ],
          ],
        },
      )
    },
    propertyTimeout(),
  )
})
