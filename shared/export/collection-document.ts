// A collection of articles' highlights as one Markdown document: each article's section with a
// citation after every highlight — footnotes ([^1], one per article, numbered in order of first
// use, with a bibliography at the end) or Pandoc cites ([@citekey], resolved against the CSL-JSON
// or BibTeX sidecar written with the same keys). Also the vault's per-article file names and its
// index note. Pure: citations come formatted from the caller.
import type { Annotation } from '../domain'
import {
  EXPORT_MARKER,
  articleSection,
  type BlockTarget,
  type EvidenceSource,
  type NoteArticle,
  oneLine,
  yamlString,
} from './cited-note'
import { slugify } from './slugify'

export type CitationMode = 'footnotes' | 'pandoc'

export interface CollectionArticle {
  article: NoteArticle
  annotations: Annotation[]
  citekey: string
  /** Bibliography entry in the chosen style. */
  bibliography: string
  /** Footnote text in the chosen style (a full note for Chicago notes-bibliography). */
  note: string
}

export interface CollectionOptions {
  title: string
  mode: CitationMode
  /** The sidecar's file name (Pandoc mode): named in the frontmatter as `bibliography`. */
  sidecar?: string
  evidenceLink: (annotationId: string) => BlockTarget | EvidenceSource | null
}

export function buildCollectionDocument(
  articles: readonly CollectionArticle[],
  options: CollectionOptions,
): string {
  const lines = ['---', `title: ${yamlString(options.title)}`]
  if (options.mode === 'pandoc' && options.sidecar)
    lines.push(`bibliography: ${yamlString(options.sidecar)}`)
  lines.push(EXPORT_MARKER, '---', '', `# ${oneLine(options.title)}`, '')
  const footnotes: string[] = []
  for (const entry of articles) {
    let cite: string
    if (options.mode === 'pandoc') cite = `[@${entry.citekey}]`
    else {
      footnotes.push(entry.note)
      cite = `[^${footnotes.length}]`
    }
    lines.push(
      ...articleSection(entry.article, entry.annotations, {
        citekey: entry.citekey,
        citationText: options.mode === 'pandoc' ? `[@${entry.citekey}]` : entry.bibliography,
        evidenceLink: options.evidenceLink,
        cite,
        headingLevel: 2,
      }),
    )
  }
  if (options.mode === 'footnotes') {
    lines.push('## Bibliography', '')
    const sorted = [...new Set(articles.map((a) => a.bibliography))].sort((a, b) =>
      a.localeCompare(b, 'en'),
    )
    for (const entry of sorted) lines.push(entry, '')
    footnotes.forEach((text, i) => lines.push(`[^${i + 1}]: ${text}`))
  } else {
    lines.push('## References', '', '::: {#refs}', ':::')
  }
  return `${lines.join('\n').trimEnd()}\n`
}

/** A vault file name: the title's slug and a short item id, e.g. envoys-…-talks--i-3fa2.md. */
export function vaultFileName(title: string, itemId: string, idChars = 4): string {
  const short = /^i-[0-9a-f]+$/.test(itemId)
    ? `i-${itemId.slice(2, 2 + idChars)}`
    : itemId.slice(0, 2 + idChars)
  return `${slugify(title) || 'article'}--${short}.md`
}

/** Distinct file names for a set of articles: a shared short id grows until the names differ. */
export function vaultFileNames(
  articles: readonly { itemId: string; title: string }[],
): Map<string, string> {
  const names = new Map<string, string>()
  let pending = [...articles]
  for (let chars = 4; pending.length && chars <= 64; chars += 2) {
    const byName = new Map<string, string[]>()
    for (const a of pending) {
      const name = vaultFileName(a.title, a.itemId, chars).toLowerCase()
      byName.set(name, [...(byName.get(name) ?? []), a.itemId])
    }
    const next: typeof pending = []
    for (const a of pending) {
      const name = vaultFileName(a.title, a.itemId, chars)
      if (byName.get(name.toLowerCase())!.length === 1 || chars >= 64) names.set(a.itemId, name)
      else next.push(a)
    }
    pending = next
  }
  return names
}

/** The vault's index note: every exported article, linked, with its citation. */
export function buildVaultIndex(
  entries: readonly { fileName: string; title: string; bibliography: string }[],
  sidecar: string,
): string {
  const lines = [
    '---',
    'id: "research-reader-index"',
    'title: "Research Reader export"',
    `bibliography: ${yamlString(sidecar)}`,
    EXPORT_MARKER,
    '---',
    '',
    '# Research Reader export',
    '',
  ]
  for (const e of entries) {
    const target = e.fileName.replace(/\.md$/, '')
    lines.push(`- [[${target}|${oneLine(e.title).replace(/[[\]|]/g, ' ')}]] — ${e.bibliography}`)
  }
  return `${lines.join('\n').trimEnd()}\n`
}
