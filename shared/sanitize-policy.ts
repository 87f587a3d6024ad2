// The HTML allowlist policy for article content, shared by the core's sanitizer (at ingest) and
// the renderer's (at display) so both walls enforce the same rules. Data only: each side builds
// its own DOMPurify instance with it.

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

/** Only web and mail links survive; relative URLs are made absolute before this check. */
export const ALLOWED_URI = /^(?:https?:|mailto:)/i

/** Attributes holding URLs, resolved against the article's address. */
export const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster']
