// Which URLs the app hands to the operating system (shell.openExternal): only web pages and mail
// addresses, parsed with the WHATWG URL parser so the scheme that decides is the scheme the OS
// sees. file:, smb:, javascript:, custom app schemes and anything unparsable are refused, because
// openExternal on them can run programs or leak credentials. Pure, so it is unit-tested.

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * The URL to open, re-serialised from its parsed form (what was checked is what is opened), or
 * null when it must not leave the app.
 */
export function externalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    return null
  }
  // http(s) URLs without a host do not parse at all (they are "special" schemes), so no host
  // check is needed here.
  return EXTERNAL_PROTOCOLS.has(parsed.protocol) ? parsed.href : null
}
