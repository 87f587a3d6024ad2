// The renderer's own sanitizing pass over article HTML (the core sanitized it at ingest; this is
// the second wall), with the same shared policy. Links always open outside the app.
import DOMPurify from 'dompurify'
import {
  ALLOWED_URI,
  FORBIDDEN_ATTRIBUTES,
  FORBIDDEN_TAGS,
  isAllowedUrl,
  keepLeadingNewlines,
  URL_ATTRIBUTES,
} from '../../../shared/sanitize-policy'

const purify = DOMPurify(window)
const urlAttributes = new Set(URL_ATTRIBUTES)
// Stored content already has absolute URLs; anything else (relative, javascript:…) is dropped.
purify.addHook('uponSanitizeAttribute', (node, data) => {
  if (
    urlAttributes.has(data.attrName) &&
    !isAllowedUrl(node.nodeName, data.attrName, data.attrValue.trim())
  ) {
    data.keepAttr = false
  }
})
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    // Remove first so the two always come last, in this order: sanitizing stays idempotent.
    node.removeAttribute('target')
    node.removeAttribute('rel')
    node.setAttribute('target', '_blank')
    node.setAttribute('rel', 'noopener noreferrer')
  }
})

export function purifyArticleHtml(html: string): string {
  // Null when the HTML parses without a <body> (it starts with <frameset>): nothing to show.
  const body: Element | null = purify.sanitize(html, {
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    RETURN_DOM: true,
  })
  if (!body) return ''
  // The caller parses the string again (innerHTML): a <pre>'s leading newline must survive it.
  keepLeadingNewlines(body)
  return body.innerHTML
}
