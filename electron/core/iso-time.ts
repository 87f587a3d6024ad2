// Milliseconds of the ISO 8601 dates the store keeps, read fast: the listing sorts 100k items by
// them and the listing catalog records them. Pure.

/** The number the digits s[from, from + count) spell, NaN if one is not a digit. */
function digits(s: string, from: number, count: number): number {
  let value = 0
  for (let i = from; i < from + count; i++) {
    const digit = s.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return NaN
    value = value * 10 + digit
  }
  return value
}

/**
 * Milliseconds of an ISO 8601 date. The stored form (YYYY-MM-DDTHH:MM:SS[.sss]Z) is read by hand,
 * ~2× faster than Date.parse over 100k rows; anything else goes to Date.parse. Undated: oldest.
 */
export function isoTime(iso: string): number {
  const n = iso.length
  if ((n === 20 || n === 24) && iso.charCodeAt(n - 1) === 90 && iso.charCodeAt(10) === 84) {
    const time = Date.UTC(
      digits(iso, 0, 4),
      digits(iso, 5, 2) - 1,
      digits(iso, 8, 2),
      digits(iso, 11, 2),
      digits(iso, 14, 2),
      digits(iso, 17, 2),
      n === 24 ? digits(iso, 20, 3) : 0,
    )
    if (!Number.isNaN(time)) return time
  }
  const parsed = Date.parse(iso)
  return Number.isNaN(parsed) ? -8.64e15 : parsed
}
