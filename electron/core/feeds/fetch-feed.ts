// Fetches a feed over HTTP politely and defensively: conditional GET with the stored validators,
// redirects followed by hand (so a permanent move can update the stored URL and loops are caught),
// connect and total timeouts, gzip/br/deflate, a size cap counted on the decompressed bytes (a
// gzip bomb stops at the cap), 410 as "gone", 429/503 with their Retry-After. Every failure is a
// coded value with words for the user; nothing here throws for a bad server.
import { Agent, fetch as undiciFetch, type Dispatcher } from 'undici'
import type { feedErrorCodes } from '../../../shared/contract'

export type FeedFetchErrorCode = (typeof feedErrorCodes)[number]

export interface FetchFailure {
  code: FeedFetchErrorCode
  message: string
  status?: number
  /** When the server asked us to come back (429/503 Retry-After), in seconds. */
  retryAfterSeconds?: number
}

export interface FetchOptions {
  /** The whole exchange, headers and body. */
  timeoutMs: number
  connectTimeoutMs: number
  maxBytes: number
  maxRedirects: number
  userAgent: string
  dispatcher?: Dispatcher
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 8,
  userAgent:
    'ResearchReader/0.1 (desktop feed reader; conditional GET; +https://github.com/research-reader)',
}

export interface FetchedBody {
  kind: 'body'
  bytes: Uint8Array
  contentType: string | null
  /** Content-Location, resolved: a base for relative URLs inside the feed. */
  contentLocation: string | null
  etag: string | null
  lastModified: string | null
  /** The URL the body came from after redirects. */
  finalUrl: string
  /** Set when every hop was a permanent redirect (301/308): the feed's new address. */
  movedTo: string | null
  /** How long the server says the answer stays fresh (Cache-Control max-age), in seconds. */
  maxAgeSeconds: number | null
}

export type FetchOutcome =
  | { kind: 'not-modified'; finalUrl: string; movedTo: string | null; maxAgeSeconds: number | null }
  | FetchedBody

/** Cache-Control max-age (or s-maxage), in seconds; 0 for no-cache; null when absent. */
export function parseMaxAge(cacheControl: string | null): number | null {
  if (!cacheControl) return null
  if (/(?:^|,)\s*(?:no-cache|no-store)\s*(?:,|$)/i.test(cacheControl)) return 0
  const match = /(?:^|,)\s*(?:s-)?max-age\s*=\s*"?(\d+)/i.exec(cacheControl)
  return match ? Number(match[1]) : null
}

export type FetchResult = { ok: true; value: FetchOutcome } | { ok: false; error: FetchFailure }

const agents = new Map<number, Agent>()

/** One keep-alive agent per connect timeout, shared by all fetches (connection reuse). */
function agentFor(connectTimeoutMs: number): Agent {
  let agent = agents.get(connectTimeoutMs)
  if (!agent) {
    agent = new Agent({ connect: { timeout: connectTimeoutMs }, keepAliveTimeout: 10_000 })
    agents.set(connectTimeoutMs, agent)
  }
  return agent
}

const failure = (
  code: FeedFetchErrorCode,
  message: string,
  extra: Partial<FetchFailure> = {},
): FetchResult => ({ ok: false, error: { code, message, ...extra } })

export function checkFeedUrl(url: string): URL | FetchFailure {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { code: 'invalid-url', message: `Not a URL: ${url}` }
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return {
      code: 'invalid-url',
      message: `Only http and https feeds can be fetched (got ${parsed.protocol})`,
    }
  }
  return parsed
}

export async function fetchFeed(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  options: FetchOptions = DEFAULT_FETCH_OPTIONS,
): Promise<FetchResult> {
  const first = checkFeedUrl(url)
  if (!(first instanceof URL)) return { ok: false, error: first }
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  }
  if (validators.etag) headers['if-none-match'] = validators.etag
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified
  const signal = AbortSignal.timeout(options.timeoutMs)
  const dispatcher = options.dispatcher ?? agentFor(options.connectTimeoutMs)

  let current = first
  let allPermanent = true
  const seen = new Set<string>([current.href])
  try {
    for (let hop = 0; ; hop++) {
      const response = await undiciFetch(current, {
        headers,
        signal,
        redirect: 'manual',
        dispatcher,
      })
      const status = response.status
      if (status >= 300 && status < 400 && status !== 304) {
        await response.body?.cancel()
        const location = response.headers.get('location')
        if (!location) return failure('http', `Redirect ${status} without a Location`, { status })
        const next = checkFeedUrl(new URL(location, current).href)
        if (!(next instanceof URL)) return { ok: false, error: next }
        if (seen.has(next.href)) {
          return failure('redirect-loop', `The feed redirects in a loop (${next.href})`)
        }
        if (hop + 1 > options.maxRedirects) {
          return failure('redirect-loop', `More than ${options.maxRedirects} redirects`)
        }
        if (status !== 301 && status !== 308) allPermanent = false
        seen.add(next.href)
        current = next
        continue
      }
      const movedTo = hop > 0 && allPermanent ? current.href : null
      const maxAgeSeconds = parseMaxAge(response.headers.get('cache-control'))
      if (status === 304) {
        return {
          ok: true,
          value: { kind: 'not-modified', finalUrl: current.href, movedTo, maxAgeSeconds },
        }
      }
      if (!response.ok) {
        await response.body?.cancel()
        return statusFailure(status, response.statusText, response.headers.get('retry-after'))
      }
      const declared = Number(response.headers.get('content-length'))
      if (declared > options.maxBytes) {
        await response.body?.cancel()
        return failure(
          'too-large',
          `The feed is too large: ${formatBytes(declared)}, over the ${formatBytes(options.maxBytes)} limit`,
        )
      }
      const bytes = await readCapped(response.body, options.maxBytes)
      if (!bytes) {
        // Counted after decompression: a small gzip bomb stops here too.
        return failure(
          'too-large',
          `The feed is too large: it went past the ${formatBytes(options.maxBytes)} limit, so reading stopped`,
        )
      }
      const contentLocation = response.headers.get('content-location')
      return {
        ok: true,
        value: {
          kind: 'body',
          bytes,
          contentType: response.headers.get('content-type'),
          contentLocation: contentLocation ? safeResolve(contentLocation, current) : null,
          etag: response.headers.get('etag'),
          lastModified: response.headers.get('last-modified'),
          finalUrl: current.href,
          movedTo,
          maxAgeSeconds,
        },
      }
    }
  } catch (error) {
    if (signal.aborted) {
      return failure(
        'timeout',
        `The server did not finish sending within ${formatMs(options.timeoutMs)}: it is too slow or has stalled`,
      )
    }
    return networkFailure(error, current)
  }
}

function statusFailure(status: number, statusText: string, retryAfter: string | null): FetchResult {
  const words = `${status} ${statusText}`.trim()
  if (status === 410) return failure('gone', `The feed is gone for good (${words})`, { status })
  if (status === 429 || status === 503) {
    const seconds = parseRetryAfter(retryAfter)
    const when = seconds === undefined ? '' : `; retry in ${formatDuration(seconds)}`
    return failure('rate-limited', `The server asked us to slow down (${words})${when}`, {
      status,
      ...(seconds === undefined ? {} : { retryAfterSeconds: seconds }),
    })
  }
  return failure('http', `The server answered ${words}`, { status })
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.round((date - now.getTime()) / 1000))
}

/** A size in words: "64 KB", "20 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`
}

/** A timeout in words: "30 s", "1.5 s" (tests use short ones). */
function formatMs(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${Number((ms / 1000).toFixed(1))} s`
}

function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`
  return `${Math.round(seconds / 3600)} h`
}

/**
 * What a TLS failure means, in words a reader can act on (Node's codes and messages, such as
 * DEPTH_ZERO_SELF_SIGNED_CERT or "self-signed certificate", are for programmers). Null when the
 * code is not a certificate or TLS problem.
 */
export function describeTlsProblem(code: string, host: string): string | null {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return `its certificate is self-signed, so nothing vouches that the server really is ${host}`
    case 'CERT_HAS_EXPIRED':
      return 'its certificate has expired'
    case 'CERT_NOT_YET_VALID':
      return "its certificate is not valid yet (or this computer's clock is wrong)"
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `its certificate is for another site, not ${host}`
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
      return 'its certificate is not issued by an authority this computer trusts'
    case 'CERT_REVOKED':
      return 'its certificate has been revoked'
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return 'the server does not speak HTTPS at this address'
    default:
      return null
  }
}

function networkFailure(error: unknown, url: URL): FetchResult {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  const code = cause?.code ?? (error as { code?: string }).code ?? ''
  const tls = describeTlsProblem(code, url.host)
  if (tls || /certificate|ssl|tls/i.test(cause?.message ?? '')) {
    const why = tls ?? `the certificate could not be checked (${cause?.message ?? code})`
    return failure('tls', `The secure connection to ${url.host} was refused: ${why}`)
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return failure('timeout', `Could not connect to ${url.host} in time`)
  }
  if (code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') {
    return failure('timeout', `${url.host} stopped answering`)
  }
  const detail = code || cause?.message || (error instanceof Error ? error.message : String(error))
  return failure('network', `Could not reach ${url.host}: ${detail}`)
}

function safeResolve(value: string, base: URL): string | null {
  try {
    return new URL(value, base).href
  } catch {
    return null
  }
}

async function readCapped(
  body: AsyncIterable<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of body) {
    total += chunk.byteLength
    if (total > maxBytes) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, total)
}
