import { describe, expect, it } from 'vitest'
import { describeRecovery } from './describe-recovery'

const at = (iso: string) => `at ${iso.slice(11, 16)}`

describe('describeRecovery', () => {
  it('says which file, why, from which backup it came back and where the damaged copy is', () => {
    expect(
      describeRecovery(
        {
          file: '/data/feeds/f-1/annotations.json',
          movedTo: '/data/feeds/f-1/annotations.json.corrupt-2026-01-02T03-04-05-000Z',
          reason: 'the file is empty',
          restoredFrom: '/data/feeds/f-1/annotations.json.bak',
          backupSavedAt: '2026-01-02T03:00:00.000Z',
        },
        at,
      ),
    ).toBe(
      "A feed's highlights (/data/feeds/f-1/annotations.json) could not be read: the file is empty." +
        ' They were restored from the backup made at 03:00; the last change before that may be missing.' +
        ' The damaged file is kept as /data/feeds/f-1/annotations.json.corrupt-2026-01-02T03-04-05-000Z.',
    )
  })

  it('says so when there was no backup to restore', () => {
    expect(
      describeRecovery(
        {
          file: 'C:\\data\\settings.json',
          movedTo: 'C:\\data\\settings.json.corrupt-x',
          reason: 'the file is not valid JSON (Unexpected end)',
          restoredFrom: null,
          backupSavedAt: null,
        },
        at,
      ),
    ).toMatch(/^Your settings .* There was no usable backup: they start empty\. The damaged/)
  })
})
