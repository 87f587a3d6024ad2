// Type-level tests, checked by `npm run typecheck` (never executed): an implementation of the
// contract that misses a method, adds one, or gets a type wrong must not compile.
import type { ReaderApi } from '../../shared/contract'
import { fail, ok } from '../../shared/result'

declare const complete: ReaderApi

// A method missing from an implementation is an error.
// @ts-expect-error getArticle (and the rest) are missing
export const missing: ReaderApi = { getAppInfo: complete.getAppInfo }

// A method with the wrong argument type is an error.
export const wrongArgs: ReaderApi = {
  ...complete,
  // @ts-expect-error itemId is a string, not a number
  getArticle: async ({ itemId }: { itemId: number }) => fail('not-found', String(itemId)),
}

// A method returning the wrong value type is an error.
export const wrongResult: ReaderApi = {
  ...complete,
  // @ts-expect-error listFeeds returns Feed[], not strings
  listFeeds: async () => ok(['not a feed']),
}

// An error code the contract does not declare for that method is an error.
export const undeclaredError: ReaderApi = {
  ...complete,
  // @ts-expect-error listFeeds declares no 'timeout' error
  listFeeds: async () => fail('timeout', 'nope'),
}

// Clients get the same precise types.
export async function clientTypes(api: ReaderApi): Promise<void> {
  const result = await api.addFeed({ url: 'https://example.org/feed.xml' })
  if (!result.ok) {
    const code:
      | 'invalid-url'
      | 'network'
      | 'tls'
      | 'timeout'
      | 'http'
      | 'gone'
      | 'rate-limited'
      | 'redirect-loop'
      | 'too-large'
      | 'not-a-feed'
      | 'already-subscribed'
      | 'invalid-args'
      | 'internal'
      | 'storage' = result.error.code
    void code
    return
  }
  const title: string = result.value.title
  void title
  // @ts-expect-error no such method on the contract
  await api.deleteEverything({})
}
