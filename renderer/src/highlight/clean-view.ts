// The cleaned view of a relay or bot repost, as a view only: the blocks cleaning would drop
// (repeated headlines, "Read More" tails, bot footers, the byline shown in the citation header)
// get a class that hides them. Nothing is removed from the DOM, so the article's text — and every
// highlight offset — is the same in the cleaned and the original view.
import { BLOCK_TAGS } from '../../../shared/articles/block-tags'
import { cleanRelayPost } from '../../../shared/articles/clean-relay-post'

export const HIDDEN_CLASS = 'cleaned-away'
export const CAPTION_CLASS = 'photo-credit'

/** Marks the blocks cleaning would hide; returns how many. */
export function markCleanedBlocks(
  root: HTMLElement,
  title: string,
  feedAuthor: string | null,
): number {
  const selector = BLOCK_TAGS.join(',')
  // Outermost blocks only, in document order (a <p> inside an <li> belongs to the list item).
  const blocks = [...root.querySelectorAll<HTMLElement>(selector)].filter(
    (element) =>
      !element.parentElement?.closest(selector) ||
      !root.contains(element.parentElement.closest(selector)),
  )
  const texts = blocks.map((block) => (block.textContent ?? '').replace(/\s+/g, ' ').trim())
  const cleaned = cleanRelayPost({ title, blocks: texts, feedAuthor })
  let hidden = 0
  cleaned.keep.forEach((keep, index) => {
    if (keep) return
    blocks[index]?.classList.add(HIDDEN_CLASS)
    hidden++
  })
  for (const index of cleaned.captions) blocks[index]?.classList.add(CAPTION_CLASS)
  return hidden
}
