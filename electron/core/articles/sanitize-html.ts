// Makes hostile feed HTML safe to store and show: DOMPurify (over a jsdom window) with an
// allowlist for articles, links and images resolved to absolute http(s) URLs, links opening
// outside the app. Inline styles are dropped (the reader has its own typography and the CSP
// forbids them). The renderer sanitizes again before display: two walls, not one.
import createDOMPurify, { type Config } from 'dompurify'
import { createRequire } from 'node:module'
import {
  ALLOWED_URI,
  FORBIDDEN_ATTRIBUTES,
  FORBIDDEN_TAGS,
  isAllowedUrl,
  keepLeadingNewlines,
  URL_ATTRIBUTES,
} from '../../../shared/sanitize-policy'

export interface SanitizedHtml {
  html: string
  text: string
}

const URL_ATTRIBUTE_SET = new Set(URL_ATTRIBUTES)

const CONFIG: Config = {
  FORBID_TAGS: FORBIDDEN_TAGS,
  FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
}

let purifier: ReturnType<typeof createDOMPurify> | null = null
/** Elements of the current pass that had child elements when sanitizing reached them. */
let withChildElements = new WeakSet<Node>()
let currentBase: string | null = null

function getPurifier(): ReturnType<typeof createDOMPurify> {
  if (purifier) return purifier
  // jsdom costs ~100 MB of memory: load it on the first article shown, not at start-up (a
  // sync, the CLI and the parser workers never need it).
  const { JSDOM } = createRequire(__filename)('jsdom') as typeof import('jsdom')
  const { window } = new JSDOM('')
  const instance = createDOMPurify(window as unknown as Window & typeof globalThis)
  // Seen before DOMPurify decides (a removed element's children are gone by the time it is in
  // `removed`): see sanitizeOnce.
  instance.addHook('uponSanitizeElement', (node) => {
    if ((node as Partial<Element>).firstElementChild) withChildElements.add(node)
  })
  instance.addHook('uponSanitizeAttribute', (node, data) => {
    if (!URL_ATTRIBUTE_SET.has(data.attrName)) return
    const resolved = resolveUrl(data.attrValue, currentBase)
    if (resolved && isAllowedUrl(node.nodeName, data.attrName, resolved)) data.attrValue = resolved
    else data.keepAttr = false
  })
  instance.addHook('afterSanitizeAttributes', (node) => {
    // A 1×1 image is a tracking pixel, not content.
    if (
      node.nodeName === 'IMG' &&
      isPixelSized(node.getAttribute('width')) &&
      isPixelSized(node.getAttribute('height'))
    ) {
      node.remove()
      return
    }
    if (node.nodeName === 'A' && node.hasAttribute('href')) {
      // Remove first so the two always come last, in this order: sanitizing stays idempotent.
      node.removeAttribute('target')
      node.removeAttribute('rel')
      node.setAttribute('target', '_blank')
      node.setAttribute('rel', 'noopener noreferrer')
    }
  })
  purifier = instance
  return instance
}

function isPixelSized(value: string | null): boolean {
  return value !== null && /^\s*[01](?:px)?\s*$/i.test(value)
}

function resolveUrl(value: string, base: string | null): string | null {
  const trimmed = value.trim()
  if (/^data:/i.test(trimmed)) return trimmed // URL() would re-encode the payload
  try {
    return new URL(trimmed, base ?? undefined).href
  } catch {
    return null
  }
}

/**
 * Passes at most: a removed element's kept content can make a tree the HTML parser would never
 * build (a <details> left inside a <p> once the <object> around it is gone), which serializes to
 * markup that parses differently. Sanitizing that output again reaches the parser's own shape;
 * one more pass is a margin (the property test finds none that need it).
 */
const MAX_PASSES = 3

/**
 * Sanitizes `html`, resolving relative URLs against `baseUrl` (the item link or feed URL). The
 * result is a fixed point: sanitizing it again gives it back unchanged, so what the renderer
 * parses is the tree whose text the core counted (highlight offsets) — see MAX_PASSES.
 */
export function sanitizeHtml(html: string, baseUrl: string | null): SanitizedHtml {
  const instance = getPurifier()
  currentBase = baseUrl
  try {
    let out = sanitizeOnce(instance, html)
    for (let pass = 1; pass < MAX_PASSES && out.reshaped; pass++) {
      const again = sanitizeOnce(instance, out.html)
      if (again.html === out.html) break
      out = again
    }
    return { html: out.html, text: out.text }
  } finally {
    currentBase = null
  }
}

function sanitizeOnce(
  instance: ReturnType<typeof createDOMPurify>,
  html: string,
): SanitizedHtml & { reshaped: boolean } {
  const body = instance.sanitize(html, { ...CONFIG, RETURN_DOM: true }) as HTMLElement | null
  // Only a removed element whose child elements were kept in its place (an <object>, a <form>)
  // can leave a tree the parser would not build: removed attributes, and removed elements that
  // held only text (scripts, styles) or nothing, cannot. Checking this spares most bodies the
  // second pass (it doubles the cost).
  const reshaped = instance.removed.some(
    (entry) => 'element' in entry && withChildElements.has(entry.element),
  )
  withChildElements = new WeakSet()
  // A document that parses without a <body> (content starting with <frameset>) comes back as
  // null: nothing in it is allowed, so it is empty.
  if (!body) return { html: '', text: '', reshaped: false }
  const text = body.textContent ?? ''
  keepLeadingNewlines(body)
  return { html: body.innerHTML, text, reshaped }
}
