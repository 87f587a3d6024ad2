// Background sync: every N minutes (a setting; 0 = off) ask the core to fetch the feeds that are
// due — each feed's own schedule and the servers' Retry-After still apply — and once soon after
// start. Paused while the machine is offline; going back online catches up at once.
import { useEffect, useState } from 'react'
import { useReader } from '../state/reader-store'
import { useSettings } from '../state/settings-store'

/** Delay after start before the first background sync, so the first paint is not slowed. */
const START_DELAY_MS = 5_000

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine)
  useEffect(() => {
    const update = (): void => setOnline(navigator.onLine)
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [])
  return online
}

export function useBackgroundSync(): void {
  const minutes = useSettings((s) => s.settings.syncIntervalMinutes)
  const online = useOnline()
  useEffect(() => {
    if (minutes === 0 || !online) return
    const syncDue = (): void => {
      const state = useReader.getState()
      if (!state.sync && navigator.onLine) void state.syncAll({ dueOnly: true })
    }
    const first = setTimeout(syncDue, START_DELAY_MS)
    const every = setInterval(syncDue, minutes * 60_000)
    return () => {
      clearTimeout(first)
      clearInterval(every)
    }
  }, [minutes, online])
}
