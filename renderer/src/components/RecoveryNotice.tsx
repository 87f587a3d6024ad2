// Tells the user, once per start, about library files found damaged when the app started: each
// was moved aside (kept) and restored from its backup, or started empty. Stays until dismissed:
// unlike the message line, later confirmations do not replace it.
import { useEffect, useState } from 'react'
import { reader } from '../api/reader'
import { describeRecovery, type StoreRecovery } from '../state/describe-recovery'

const formatTime = (iso: string): string => new Date(iso).toLocaleString()

export function RecoveryNotice() {
  const [recovered, setRecovered] = useState<StoreRecovery[]>([])
  useEffect(() => {
    void reader.getAppInfo({}).then((info) => {
      if (info.ok) setRecovered(info.value.recovered)
    })
  }, [])
  if (recovered.length === 0) return null
  return (
    <div className="message message-error recovery-notice" role="alert">
      <ul>
        {recovered.map((recovery) => (
          <li key={recovery.movedTo}>{describeRecovery(recovery, formatTime)}</li>
        ))}
      </ul>
      <button
        type="button"
        className="link-button"
        onClick={() => setRecovered([])}
        aria-label="Dismiss"
      >
        ×
      </button>
    </div>
  )
}
