import { describe, expect, it } from 'vitest'
import { describeTlsProblem, formatBytes } from './fetch-feed'
import { backoffSeconds, DEFAULT_CHECK_INTERVAL_S, MAX_FAILURE_BACKOFF_S } from '../sync/sync-feed'

describe('fetch failures in words', () => {
  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /self-signed/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /self-signed/],
    ['CERT_HAS_EXPIRED', /expired/],
    ['CERT_NOT_YET_VALID', /not valid yet/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /for another site, not feeds\.example/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /not issued by an authority this computer trusts/],
    ['ERR_SSL_WRONG_VERSION_NUMBER', /does not speak HTTPS/],
  ])('explains %s without the code', (code, words) => {
    const text = describeTlsProblem(code, 'feeds.example')
    expect(text).toMatch(words)
    expect(text).not.toContain(code)
  })

  it('is not a TLS problem when the code is another one', () => {
    expect(describeTlsProblem('ECONNREFUSED', 'feeds.example')).toBeNull()
  })

  it('writes sizes a reader can read', () => {
    expect(formatBytes(512)).toBe('512 bytes')
    expect(formatBytes(256 * 1024)).toBe('256 KB')
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB')
  })
})

describe('backoff for a failing feed', () => {
  it('doubles from the usual interval with each failure in a row, up to a day', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 50].map(backoffSeconds)
    expect(waits.slice(0, 4)).toEqual([1, 2, 4, 8].map((k) => k * DEFAULT_CHECK_INTERVAL_S))
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!)
    expect(waits.at(-1)).toBe(MAX_FAILURE_BACKOFF_S)
    expect(backoffSeconds(0)).toBe(DEFAULT_CHECK_INTERVAL_S)
  })
})
