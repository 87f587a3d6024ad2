// The renderer's Content Security Policy, one definition for every shell: the browser shell
// sends it as a header, Electron adds it to every response, and renderer/index.html carries the
// same directives as a meta tag (a test keeps them equal). No inline or remote scripts, no inline
// styles, no plugins or frames: feed HTML is hostile even after sanitizing.

export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Images come only from the app's own offline cache (the browser shell's /api/media route or
  // Electron's reader-media: scheme) or inline data: — never from a feed's hosts.
  "img-src 'self' data: reader-media:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
]

/** frame-ancestors only works as a header, so it is added here and not in the meta tag. */
export const CONTENT_SECURITY_POLICY = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ')
