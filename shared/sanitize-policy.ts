// The HTML allowlist policy for article content, shared by the core's sanitizer (at ingest) and
// the renderer's (at display) so both walls enforce the same rules. Pure: each side builds its own
// DOMPurify instance with it.

export const FORBIDDEN_TAGS = [
  'style',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'base',
  'meta',
  'link',
  'svg',
  'math',
  'template',
  'noscript',
]

/** Inline styles are dropped: the reader has its own typography and the CSP forbids them. */
export const FORBIDDEN_ATTRIBUTES = [
  'style',
  'srcset',
  'formaction',
  'xlink:href',
  'action',
  'ping',
]

/**
 * DOMPurify applies this to every attribute that is not on its URI-safe list (so also to
 * colspan, dir, lang…): like DOMPurify's default it lets values without a scheme through, but of
 * the schemes it knows only http, https and mailto. URL attributes are checked more strictly by
 * isAllowedUrl before this.
 */
export const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i

/** Attributes holding URLs, resolved against the article's address, then checked. */
export const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster']

const INLINE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]*$/i

/**
 * Whether an absolute URL may stay in `attribute` of `tag`: web and mail links everywhere, and
 * inline raster images (data:image/…;base64) as an <img> source only. Everything else —
 * javascript:, vbscript:, data:text/html, file:, relative leftovers — is dropped.
 */
export function isAllowedUrl(tag: string, attribute: string, url: string): boolean {
  if (tag.toLowerCase() === 'img' && attribute === 'src' && INLINE_IMAGE.test(url)) return true
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'mailto:') return attribute === 'href'
  return parsed.protocol === 'http:' || parsed.protocol === 'https:'
}

/**
 * HTML parsers drop a newline right after <pre> or <listing>, and serializers do not put one
 * back: a <pre> whose text starts with a newline (a blank first line, or one left behind by a
 * removed script or comment) loses it each time the sanitized HTML is parsed again — the reader
 * would show one character less than the core's text counts (highlight offsets off by one), and
 * sanitizing would not be idempotent. Doubling that newline before serializing keeps it through
 * the next parse. Call on the sanitized DOM, just before reading its innerHTML.
 */
export function keepLeadingNewlines(root: ParentNode): void {
  for (const element of root.querySelectorAll('pre, listing')) {
    const first = element.firstChild
    // 3 is Node.TEXT_NODE (the Node global is not there in every realm this runs in).
    if (first?.nodeType === 3 && (first as Text).data.startsWith('\n')) {
      ;(first as Text).data = `\n${(first as Text).data}`
    }
  }
}
