// Dates as the reader shows them: in the user's locale, day precision plus time.
export function formatDate(iso: string): string {
  // A date-time without a zone (an in-body dateline) is shown as written, not shifted.
  const wallClock = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(iso)
  const date = new Date(wallClock ? `${iso}Z` : iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(wallClock ? { timeZone: 'UTC' } : {}),
  })
}
