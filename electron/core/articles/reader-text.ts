// The text a reader's highlight offsets count in: the article HTML's text content, exactly as the
// window computes it (root.textContent of the same sanitized HTML — no separators between
// blocks). Highlights made outside the window (the CLI) use it, so they anchor like ones made
// with the mouse.
import { DomUtils, parseDocument } from 'htmlparser2'

export function readerText(html: string): string {
  return DomUtils.textContent(parseDocument(html, { decodeEntities: true }))
}
