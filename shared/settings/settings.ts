// The user's preferences: how articles look, whether opening marks read, how often to sync, and
// the export dialog's last choices (style, format, sidecar, folder).
// One schema gives the type, the defaults and the validation of every stored or sent value.
// Each field falls back to its default on its own, so one bad value in a hand-edited
// settings.json does not reset the others.
import { z } from 'zod'
import type { CitationStyle } from '../export/formats/styles'

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const
export const FONT_FAMILIES = ['serif', 'sans', 'system'] as const
/** Minutes between background syncs offered in the UI; 0 turns it off. */
export const SYNC_INTERVALS = [0, 15, 30, 60, 120, 360] as const

export const CITATION_STYLES = [
  'apa',
  'mla',
  'chicago-nb',
  'chicago-ad',
] as const satisfies readonly CitationStyle[]
/**
 * What the export dialog writes: one article's note, a collection with footnotes, Pandoc Markdown
 * with a bibliography sidecar, or a bibliography / annotation data format.
 */
export const EXPORT_FORMATS = [
  'note',
  'footnotes',
  'pandoc',
  'csl-json',
  'bibtex',
  'ris',
  'w3c',
] as const
export const BIBLIOGRAPHY_SIDECARS = ['csl-json', 'bibtex'] as const

export const FONT_SIZE = { min: 13, max: 26 } as const
/** Line width in characters (ch): ~66 is the classic comfortable measure. */
export const LINE_WIDTH = { min: 45, max: 100 } as const

const field = {
  theme: z.enum(THEMES),
  fontFamily: z.enum(FONT_FAMILIES),
  fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max),
  lineWidth: z.number().int().min(LINE_WIDTH.min).max(LINE_WIDTH.max),
  markReadOnOpen: z.boolean(),
  syncIntervalMinutes: z.number().int().min(0).max(1440),
  exportStyle: z.enum(CITATION_STYLES),
  exportFormat: z.enum(EXPORT_FORMATS),
  exportSidecar: z.enum(BIBLIOGRAPHY_SIDECARS),
  /** The folder of the last vault export ('' before the first). */
  exportFolder: z.string().max(4096),
}

export const DEFAULT_SETTINGS = {
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 18,
  lineWidth: 68,
  markReadOnOpen: true,
  syncIntervalMinutes: 30,
  exportStyle: 'apa',
  exportFormat: 'note',
  exportSidecar: 'csl-json',
  exportFolder: '',
} as const satisfies { [K in keyof typeof field]: z.infer<(typeof field)[K]> }

/** A complete, valid settings value (what getSettings returns). */
export const SettingsSchema = z.object(field)
export type Settings = z.infer<typeof SettingsSchema>

/** A change to some settings (what updateSettings takes): each given field must be valid. */
export const SettingsPatchSchema = z.strictObject(field).partial()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

/** Reads stored settings leniently: unknown keys dropped, each invalid field its default. */
export function readSettings(stored: unknown): Settings {
  const source = typeof stored === 'object' && stored !== null ? stored : {}
  const result: Record<string, unknown> = {}
  for (const key of Object.keys(field) as (keyof typeof field)[]) {
    const parsed = field[key].safeParse((source as Record<string, unknown>)[key])
    result[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key]
  }
  return result as Settings
}
