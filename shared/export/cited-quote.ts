// One highlight as Markdown to paste anywhere (an Obsidian note, a draft): the quoted words as a
// blockquote, a paragraph per paragraph, then an attribution line — the speaker, if any, and the
// article's citation in the chosen style, its URL linking to the passage itself (a text
// fragment). Every piece of text is escaped: a hostile quote or title renders as its words, never
// as markup. Pure: the citation comes formatted from the caller.
import type { Annotation } from '../domain'
import { fragmentLink, oneLine } from './cited-note'
import { escapeMarkdownText, linkDestination } from './escape-markdown'

export interface CitedQuoteInput {
  annotation: Pick<Annotation, 'kind' | 'speaker' | 'target'>
  /** The cited article's URL (the citation's): where the passage link points. */
  url: string | null
  /** The article's citation, formatted in the chosen style (plain text). */
  citationText: string
}

/**
 * The Markdown of a cited quote, e.g.
 *
 *     > We will not raise taxes, said the minister.
 *     >
 *     > — Jane Doe, minister, in Doe, J. (2026, March 3). Title. Publisher. [https://…](https://…#:~:text=…)
 */
export function buildCitedQuote({ annotation, url, citationText }: CitedQuoteInput): string {
  const exact = annotation.target.quote.exact
  const paragraphs = exact
    .split(/\n\s*\n/)
    .map(oneLine)
    .filter(Boolean)
    .map((p) => escapeMarkdownText(p))
  const lines = paragraphs.flatMap((p, i) => (i === 0 ? [`> ${p}`] : ['>', `> ${p}`]))
  const speaker = annotation.kind === 'quote' ? annotation.speaker : null
  const inline = (text: string): string => escapeMarkdownText(oneLine(text), false)
  const who = speaker?.name.trim()
    ? `${inline(speaker.name)}${speaker.role?.trim() ? `, ${inline(speaker.role)}` : ''}, in `
    : ''
  const cited = citationWithPassageLink(oneLine(citationText), url, exact)
  if (lines.length) lines.push('>')
  lines.push(`> — ${who}${cited}`)
  return `${lines.join('\n')}\n`
}

/**
 * The citation, escaped, with its URL made a link to the passage (the citation still reads as the
 * style wrote it). When the style left the URL out, a ⤴ link to the passage follows the citation.
 */
function citationWithPassageLink(citation: string, url: string | null, exact: string): string {
  const inline = (text: string): string => escapeMarkdownText(text, false)
  const passage = fragmentLink(url, exact)
  const destination = passage === null ? null : linkDestination(passage)
  if (!url || destination === null) return inline(citation)
  const at = citation.lastIndexOf(url)
  if (at === -1) return `${inline(citation)} [⤴](${destination})`
  const before = inline(citation.slice(0, at))
  const after = inline(citation.slice(at + url.length))
  return `${before}[${inline(url)}](${destination})${after}`
}
