// Which web permissions the window gets: none, except writing to the clipboard from the app's own
// page ("Copy", "Copy cited quote"). Electron asks the session for clipboard-sanitized-write on
// navigator.clipboard.writeText; denying it, as every other permission is denied, would make
// copying fail silently. Pure, so it is unit-tested without Electron.

const ALLOWED = new Set(['clipboard-sanitized-write'])

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  isAppUrl: (url: string) => boolean,
): boolean {
  return ALLOWED.has(permission) && typeof requestingUrl === 'string' && isAppUrl(requestingUrl)
}
