// The export dialog's choices and what they mean to the core: which highlights (this article, or a
// selection by kind, tag, claim status, feed and search query — the Annotations view's filters to
// start with), which format, which citation style; the contract arguments they make; and the
// sentences the dialog says about counts and a folder export. Pure: no store, no bridge.
import type { MethodArgs, MethodValue } from '../../../shared/contract'
import type { AnnotationKind, ClaimStatus } from '../../../shared/domain'
import {
  type BIBLIOGRAPHY_SIDECARS,
  type CITATION_STYLES,
  type EXPORT_FORMATS,
} from '../../../shared/settings/settings'
import type { AnnotationFilters } from './annotation-filters'

export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export type ExportStyle = (typeof CITATION_STYLES)[number]
export type ExportSidecar = (typeof BIBLIOGRAPHY_SIDECARS)[number]
export type ExportSelection = MethodArgs<'previewExport'>['selection']

/** The selection form's values (blank text means "any"). */
export interface SelectionFields {
  kind?: AnnotationKind
  tag?: string
  status?: ClaimStatus
  feedId?: string
  query?: string
}

export type ExportScope =
  { kind: 'article'; itemId: string } | { kind: 'selection'; fields: SelectionFields }

export const STYLE_LABELS: Record<ExportStyle, string> = {
  apa: 'APA 7',
  mla: 'MLA 9',
  'chicago-nb': 'Chicago notes and bibliography',
  'chicago-ad': 'Chicago author-date',
}

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  note: 'Markdown note (this article)',
  footnotes: 'Markdown with footnotes and a bibliography',
  pandoc: 'Pandoc Markdown with a bibliography file',
  'csl-json': 'CSL-JSON (Zotero, Pandoc)',
  bibtex: 'BibTeX',
  ris: 'RIS',
  w3c: 'W3C Web Annotations (JSON-LD)',
}

export const SIDECAR_LABELS: Record<ExportSidecar, string> = {
  'csl-json': 'CSL-JSON (.json)',
  bibtex: 'BibTeX (.bib)',
}

/** Formats that print citations in the chosen style (the data formats carry fields, not text). */
export function usesStyle(format: ExportFormat): boolean {
  return format === 'note' || format === 'footnotes'
}

/** Whether a format can export a scope: a note is one article's. */
export function formatFits(format: ExportFormat, scope: ExportScope['kind']): boolean {
  return format !== 'note' || scope === 'article'
}

/** The format to use for a scope: the one asked for when it fits, else footnotes. */
export function fittingFormat(format: ExportFormat, scope: ExportScope['kind']): ExportFormat {
  return formatFits(format, scope) ? format : 'footnotes'
}

/**
 * The selection form's start from the Annotations view's filters. The view's date range has no
 * place in an export selection: `droppedDates` says it was left out, so the dialog can say so.
 */
export function fieldsFromFilters(filters: AnnotationFilters): {
  fields: SelectionFields
  droppedDates: boolean
} {
  const fields: SelectionFields = {}
  if (filters.kind) fields.kind = filters.kind
  if (filters.tag?.trim()) fields.tag = filters.tag.trim()
  if (filters.status) fields.status = filters.status
  if (filters.feedId) fields.feedId = filters.feedId
  return { fields, droppedDates: Boolean(filters.after || filters.before) }
}

/** The contract's selection for a scope: blank fields left out, text trimmed. */
export function selectionOf(scope: ExportScope): ExportSelection {
  if (scope.kind === 'article') return { itemIds: [scope.itemId] }
  const { kind, tag, status, feedId, query } = scope.fields
  return {
    ...(kind ? { kind } : {}),
    ...(tag?.trim() ? { tag: tag.trim() } : {}),
    ...(status ? { status } : {}),
    ...(feedId ? { feedId } : {}),
    ...(query?.trim() ? { query: query.trim() } : {}),
  }
}

/** previewExport / exportCollection arguments for a collection format (not 'note'). */
export function collectionArgs(
  scope: ExportScope,
  format: Exclude<ExportFormat, 'note'>,
  style: ExportStyle,
  sidecar: ExportSidecar,
): MethodArgs<'exportCollection'> {
  const selection = selectionOf(scope)
  switch (format) {
    case 'footnotes':
      return { selection, format: 'md', style }
    case 'pandoc':
      return { selection, format: 'md', style, pandoc: true, sidecar }
    default:
      return { selection, format, style }
  }
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** "1 article, 3 highlights". */
export function describeCounts(counts: { articles: number; annotations: number }): string {
  return `${plural(counts.articles, 'article')}, ${plural(counts.annotations, 'highlight')}`
}

/** What a folder export did, in one sentence. */
export function describeVaultReport(report: MethodValue<'exportVault'>): string {
  const files = [
    `${report.written.length} written`,
    `${report.updated.length} updated`,
    `${report.unchanged.length} unchanged`,
    `${report.renamed.length} renamed`,
  ]
  return `Exported ${describeCounts(report)} to ${report.folder}: ${files.join(', ')}.`
}
