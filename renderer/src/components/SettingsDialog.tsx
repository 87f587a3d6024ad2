// Preferences: theme, reading font, size and line width (applied live), mark read on open, and
// how often to sync in the background.
import {
  FONT_FAMILIES,
  FONT_SIZE,
  LINE_WIDTH,
  SYNC_INTERVALS,
  THEMES,
  type Settings,
} from '../../../shared/settings/settings'
import { useSettings } from '../state/settings-store'
import { Modal } from '../ui/Modal'

const THEME_LABELS: Record<Settings['theme'], string> = {
  system: 'Follow the system',
  light: 'Light',
  dark: 'Dark',
  sepia: 'Sepia',
}
const FONT_LABELS: Record<Settings['fontFamily'], string> = {
  serif: 'Serif',
  sans: 'Sans-serif',
  system: 'System font',
}

function intervalLabel(minutes: number): string {
  if (minutes === 0) return 'Never (only when I ask)'
  if (minutes < 60) return `Every ${minutes} minutes`
  return minutes === 60 ? 'Every hour' : `Every ${minutes / 60} hours`
}

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useSettings((s) => s.settings)
  const error = useSettings((s) => s.error)
  const update = useSettings((s) => s.update)

  return (
    <Modal title="Settings" onClose={onClose} className="settings-dialog">
      <fieldset className="field-group">
        <legend>Theme</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="choice">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => void update({ theme })}
            />
            {THEME_LABELS[theme]}
          </label>
        ))}
      </fieldset>
      <fieldset className="field-group">
        <legend>Reading</legend>
        <label className="field">
          Font
          <select
            value={settings.fontFamily}
            onChange={(e) => void update({ fontFamily: e.target.value as Settings['fontFamily'] })}
          >
            {FONT_FAMILIES.map((family) => (
              <option key={family} value={family}>
                {FONT_LABELS[family]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Text size: {settings.fontSize} px
          <input
            type="range"
            min={FONT_SIZE.min}
            max={FONT_SIZE.max}
            value={settings.fontSize}
            onChange={(e) => void update({ fontSize: Number(e.target.value) })}
          />
        </label>
        <label className="field">
          Line width: {settings.lineWidth} characters
          <input
            type="range"
            min={LINE_WIDTH.min}
            max={LINE_WIDTH.max}
            step={1}
            value={settings.lineWidth}
            onChange={(e) => void update({ lineWidth: Number(e.target.value) })}
          />
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={settings.markReadOnOpen}
            onChange={(e) => void update({ markReadOnOpen: e.target.checked })}
          />
          Mark an article read when I open it
        </label>
      </fieldset>
      <fieldset className="field-group">
        <legend>Sync</legend>
        <label className="field">
          Check feeds in the background
          <select
            value={settings.syncIntervalMinutes}
            onChange={(e) => void update({ syncIntervalMinutes: Number(e.target.value) })}
          >
            {SYNC_INTERVALS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {intervalLabel(minutes)}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">
          Paused while you are offline. Each feed is still fetched no more often than its server
          asks.
        </p>
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  )
}
