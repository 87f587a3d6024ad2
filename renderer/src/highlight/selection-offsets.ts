// Converts a DOM selection inside the article into [start, end) offsets over the article
// root's textContent — the text that anchoring selectors are written against — and back.

/** Offsets of `range` within `root`'s text, or null when the range is not inside `root`. */
export function rangeToOffsets(root: Node, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null
  const before = document.createRange()
  before.setStart(root, 0)
  before.setEnd(range.startContainer, range.startOffset)
  const start = before.toString().length
  const end = start + range.toString().length
  return end > start ? { start, end } : null
}

/** The text nodes under `root` with their start offsets in root's text. */
export function textNodesWithOffsets(root: Node): { node: Text; start: number }[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const nodes: { node: Text; start: number }[] = []
  let offset = 0
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text
    nodes.push({ node: text, start: offset })
    offset += text.data.length
  }
  return nodes
}
