// The CSP meta tag in renderer/index.html must say what the shells send as a header.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CSP_DIRECTIVES } from '../../shared/content-security-policy'

describe('the renderer CSP', () => {
  it('is the same in index.html as in the shared policy', () => {
    const html = readFileSync(join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta, 'no CSP meta tag').toBeDefined()
    expect(meta!.split(';').map((d) => d.trim())).toEqual([...CSP_DIRECTIVES])
  })

  it('allows no inline or evaluated script and no inline style', () => {
    const scripts = CSP_DIRECTIVES.find((d) => d.startsWith('script-src'))
    expect(scripts).toBe("script-src 'self'")
    expect(CSP_DIRECTIVES.join(';')).not.toMatch(/unsafe-inline|unsafe-eval/)
  })
})
