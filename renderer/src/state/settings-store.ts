// The user's preferences as the UI sees them: loaded from the core, applied to the page at once,
// and saved through the contract (settings.json in the data dir, shared with the CLI).
import { create } from 'zustand'
import type { Settings, SettingsPatch } from '../../../shared/settings/settings'
import { applyAppearance, cachedSettings } from '../appearance/appearance'
import { reader } from '../api/reader'
import { describeError } from './describe-error'

interface SettingsState {
  settings: Settings
  /** Why the last save failed, shown in the settings dialog. */
  error: string | null
  load(): Promise<void>
  update(patch: SettingsPatch): Promise<void>
}

export const useSettings = create<SettingsState>((set, get) => ({
  settings: cachedSettings(),
  error: null,

  async load() {
    const result = await reader.getSettings({})
    if (!result.ok) return set({ error: describeError(result.error) })
    set({ settings: result.value, error: null })
    applyAppearance(result.value)
  },

  async update(patch) {
    // Shown at once; the core's answer (the stored value) wins when it comes.
    const optimistic = { ...get().settings, ...patch }
    set({ settings: optimistic })
    applyAppearance(optimistic)
    const result = await reader.updateSettings(patch)
    if (!result.ok) return set({ error: describeError(result.error) })
    set({ settings: result.value, error: null })
    applyAppearance(result.value)
  },
}))
