// Dates as the reader shows them: in the user's locale, day precision plus time. The formatters
// are made once: building an Intl.DateTimeFormat costs about a millisecond, and the list formats
// every row in view on each render (a profile of opening articles at 100k items showed it on top).
const LOCAL = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const AS_WRITTEN = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
})

export function formatDate(iso: string): string {
  // A date-time without a zone (an in-body dateline) is shown as written, not shifted.
  const wallClock = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(iso)
  const date = new Date(wallClock ? `${iso}Z` : iso)
  if (Number.isNaN(date.getTime())) return iso
  return (wallClock ? AS_WRITTEN : LOCAL).format(date)
}
