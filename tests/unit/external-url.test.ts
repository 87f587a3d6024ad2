// What may leave the app through shell.openExternal: parsed http, https and mailto URLs only.
import { describe, expect, it } from 'vitest'
import { externalUrl } from '../../electron/main/external-url'

describe('externalUrl', () => {
  it('lets web pages and mail addresses through, as the parser serialises them', () => {
    expect(externalUrl('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1#c')
    expect(externalUrl('http://example.org')).toBe('http://example.org/')
    expect(externalUrl('HTTPS://Example.ORG/x')).toBe('https://example.org/x')
    expect(externalUrl('mailto:editor@example.org?subject=Hi')).toBe(
      'mailto:editor@example.org?subject=Hi',
    )
  })

  it('refuses every other scheme, which could run programs or reach local files', () => {
    for (const url of [
      'file:///etc/passwd',
      'file://server/share/app.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'reader-media://media/?url=x',
      'ftp://example.org/',
      'about:blank',
      'chrome://settings',
    ])
      expect(externalUrl(url), url).toBeNull()
  })

  it('refuses what does not parse, relative URLs, web URLs without a host and non-strings', () => {
    for (const url of ['', 'not a url', '/relative/path', '//example.org/x', 'https://', 'http://'])
      expect(externalUrl(url), url).toBeNull()
    for (const value of [undefined, null, 42, { href: 'https://example.org' }])
      expect(externalUrl(value)).toBeNull()
  })

  it('does not let a scheme hide behind whitespace or case', () => {
    // The URL parser strips leading spaces and lower-cases the scheme: the check sees what the
    // OS would see, so neither trick smuggles file: through.
    expect(externalUrl('  FILE:///etc/passwd')).toBeNull()
    expect(externalUrl('\tjavascript:alert(1)')).toBeNull()
    expect(externalUrl(' https://example.org/')).toBe('https://example.org/')
  })
})
