import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, readSettings, SettingsPatchSchema } from './settings'

describe('readSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS)
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS)
  })

  it('keeps every valid field and resets only the invalid ones', () => {
    const settings = readSettings({ theme: 'dark', fontSize: 400, lineWidth: 80, extra: 1 })
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', lineWidth: 80 })
    expect(settings).not.toHaveProperty('extra')
  })

  it('remembers the export choices, each falling back on its own', () => {
    const settings = readSettings({
      exportStyle: 'mla',
      exportFormat: 'docx',
      exportSidecar: 'bibtex',
      exportFolder: '/home/me/Vault',
    })
    expect(settings).toMatchObject({
      exportStyle: 'mla',
      exportFormat: 'note',
      exportSidecar: 'bibtex',
      exportFolder: '/home/me/Vault',
    })
  })
})

describe('SettingsPatchSchema', () => {
  it('takes a partial change and refuses unknown keys and out-of-range values', () => {
    expect(SettingsPatchSchema.safeParse({ theme: 'sepia' }).success).toBe(true)
    expect(SettingsPatchSchema.safeParse({ theme: 'neon' }).success).toBe(false)
    expect(SettingsPatchSchema.safeParse({ fontSize: 8 }).success).toBe(false)
    expect(SettingsPatchSchema.safeParse({ colour: 'red' }).success).toBe(false)
  })
})
