// Plain text made safe to paste into Markdown (CommonMark, GFM and Obsidian): every character that
// could start markup is backslash-escaped, so a hostile quote or title cannot become a link, an
// image, raw HTML, a heading, a list, a callout, a tag, math, a comment or a block reference — it
// renders as exactly the words it was. One line in, one line out: callers split paragraphs first.

/** Characters that open or close inline markup somewhere (GFM and Obsidian included). */
const INLINE_MARKUP = /[\\`*_[\]<>#~$^|]/g
/** An HTML entity (&amp; &#38; &#x26;) would render as the character it names. */
const ENTITY = /&(?=#?[a-z0-9]+;)/gi
/** Obsidian's ==highlight== and %%comment%% need the pair; one = or % is plain text. */
const PAIRED = /={2,}|%{2,}/g
/**
 * A line starting like a list item, a thematic break or a setext underline ("- ", "+ ", "---",
 * "===") or a numbered item ("1. ", "2) ").
 */
const BLOCK_START = /^(\s*)(?:([-+=])|(\d{1,9})([.)])(?=\s|$))/

/**
 * One line of text, escaped so that Markdown renders it as itself. `atLineStart: false` for text
 * that follows other text on its line (no block can start there).
 */
export function escapeMarkdownText(text: string, atLineStart = true): string {
  const escaped = text
    .replace(INLINE_MARKUP, '\\$&')
    .replace(ENTITY, '\\&')
    .replace(PAIRED, (run) => run.replace(/./g, '\\$&'))
  if (!atLineStart) return escaped
  return escaped.replace(
    BLOCK_START,
    (_all, space: string, bullet?: string, digits?: string, mark?: string) =>
      bullet ? `${space}\\${bullet}` : `${space}${digits}\\${mark}`,
  )
}

/**
 * An http(s) URL as a Markdown link destination (null for any other scheme): as it is when that is
 * safe, else in <…> with the characters that would end it there (spaces, < >) percent-encoded.
 */
export function linkDestination(url: string): string | null {
  if (!/^https?:\/\/\S/i.test(url)) return null
  if (!/[\s()<>]/.test(url)) return url
  return `<${url.replace(/[\s<>]/g, (c) => encodeURIComponent(c))}>`
}
