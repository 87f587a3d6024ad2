// Turns the appearance settings into what the stylesheet reads: a data-theme attribute on <html>
// (with "system" resolved from the OS preference) and CSS custom properties for the reading font,
// size and line width. The last settings are remembered locally so the next start paints in the
// right theme at once, before the core has answered — no flash of the wrong colours.
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../../../shared/settings/settings'

export type ResolvedTheme = 'light' | 'dark' | 'sepia'

const CACHE_KEY = 'reader.appearance'

const FONT_STACKS: Record<Settings['fontFamily'], string> = {
  serif: "Georgia, 'Iowan Old Style', 'Times New Roman', serif",
  sans: "'Helvetica Neue', Arial, 'Liberation Sans', sans-serif",
  system: "system-ui, -apple-system, 'Segoe UI', sans-serif",
}

export function resolveTheme(theme: Settings['theme'], systemDark: boolean): ResolvedTheme {
  if (theme === 'system') return systemDark ? 'dark' : 'light'
  return theme
}

export function systemPrefersDark(): boolean {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false
}

export function applyAppearance(settings: Settings, root: HTMLElement = document.documentElement) {
  root.dataset.theme = resolveTheme(settings.theme, systemPrefersDark())
  root.style.setProperty('--reading-font', FONT_STACKS[settings.fontFamily])
  root.style.setProperty('--reading-size', `${settings.fontSize}px`)
  root.style.setProperty('--reading-width', `${settings.lineWidth}ch`)
  try {
    localStorage.setItem(CACHE_KEY, JSON.stringify(settings))
  } catch {
    // Storage full or disabled: the next start paints in the default theme for a moment.
  }
}

/** The settings seen last time, to paint with before the core answers. */
export function cachedSettings(): Settings {
  try {
    const raw = localStorage.getItem(CACHE_KEY)
    return raw ? readSettings(JSON.parse(raw)) : { ...DEFAULT_SETTINGS }
  } catch {
    return { ...DEFAULT_SETTINGS }
  }
}
