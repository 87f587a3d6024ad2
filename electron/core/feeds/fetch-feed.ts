// Fetches a feed over HTTP politely: conditional GET with the stored validators, a total
// timeout, a size cap enforced while streaming, and failures returned as coded values.
// Redirect bookkeeping, Retry-After and per-host limits come with the feed-engine issue.
import { fail, ok, type Result } from '../../../shared/result'
import type { feedErrorCodes } from '../../../shared/contract'

export type FeedFetchErrorCode = (typeof feedErrorCodes)[number]

export interface FetchOptions {
  timeoutMs: number
  maxBytes: number
  userAgent: string
  fetchImpl?: typeof fetch
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 20_000,
  maxBytes: 20 * 1024 * 1024,
  userAgent: 'ResearchReader/0.1 (+feed reader; polite, conditional GET)',
}

export type FetchOutcome =
  | { kind: 'not-modified' }
  | {
      kind: 'body'
      bytes: Uint8Array
      contentType: string | null
      etag: string | null
      lastModified: string | null
      finalUrl: string
    }

export async function fetchFeed(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  options: FetchOptions = DEFAULT_FETCH_OPTIONS,
): Promise<Result<FetchOutcome, FeedFetchErrorCode>> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return fail('invalid-url', `Not a URL: ${url}`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return fail('invalid-url', `Only http and https feeds can be fetched (got ${parsed.protocol})`)
  }
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  }
  if (validators.etag) headers['if-none-match'] = validators.etag
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified
  const signal = AbortSignal.timeout(options.timeoutMs)
  try {
    const response = await (options.fetchImpl ?? fetch)(parsed, {
      headers,
      signal,
      redirect: 'follow',
    })
    if (response.status === 304) return ok({ kind: 'not-modified' })
    if (!response.ok) {
      await response.body?.cancel()
      return fail(
        'http',
        `The server answered ${response.status} ${response.statusText}`.trim(),
        response.status,
      )
    }
    const declared = Number(response.headers.get('content-length'))
    if (declared > options.maxBytes) {
      await response.body?.cancel()
      return fail('too-large', `The feed is ${declared} bytes; the limit is ${options.maxBytes}`)
    }
    const bytes = await readCapped(response, options.maxBytes)
    if (!bytes)
      return fail('too-large', `The feed is larger than the ${options.maxBytes}-byte limit`)
    return ok({
      kind: 'body',
      bytes,
      contentType: response.headers.get('content-type'),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      finalUrl: response.url || parsed.href,
    })
  } catch (error) {
    if (signal.aborted) {
      return fail('timeout', `No complete answer within ${Math.round(options.timeoutMs / 1000)} s`)
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return fail(
      'network',
      `Could not reach ${parsed.host}: ${cause?.code ?? cause?.message ?? String(error)}`,
    )
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength
    if (total > maxBytes) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, total)
}
