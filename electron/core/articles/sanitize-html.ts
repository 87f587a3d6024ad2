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
let currentBase: string | null = null

function getPurifier(): ReturnType<typeof createDOMPurify> {
  if (purifier) return purifier
  // jsdom costs ~100 MB of memory: load it on the first article shown, not at start-up (a
  // sync, the CLI and the parser workers never need it).
  const { JSDOM } = createRequire(__filename)('jsdom') as typeof import('jsdom')
  const { window } = new JSDOM('')
  const instance = createDOMPurify(window as unknown as Window & typeof globalThis)
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

/** Sanitizes `html`, resolving relative URLs against `baseUrl` (the item link or feed URL). */
export function sanitizeHtml(html: string, baseUrl: string | null): SanitizedHtml {
  const instance = getPurifier()
  currentBase = baseUrl
  try {
    const body = instance.sanitize(html, { ...CONFIG, RETURN_DOM: true }) as HTMLElement | null
    // A document that parses without a <body> (content starting with <frameset>) comes back as
    // null: nothing in it is allowed, so it is empty.
    if (!body) return { html: '', text: '' }
    return { html: body.innerHTML, text: body.textContent ?? '' }
  } finally {
    currentBase = null
  }
}
