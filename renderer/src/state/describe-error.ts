// Puts the core's error codes into words for people. The core's message carries the specifics
// (status, host); this adds what the code means when the message alone would be cryptic.
import type { ReaderError } from '../../../shared/result'

const HINTS: Record<string, string> = {
  'invalid-url': 'That is not a feed address.',
  network: 'The site could not be reached.',
  timeout: 'The site took too long to answer.',
  http: 'The site refused the request.',
  'too-large': 'The feed is too large to read.',
  'not-a-feed': 'That address does not serve an RSS or Atom feed.',
  'already-subscribed': 'You already follow this feed.',
  busy: 'A sync is already running.',
  'not-found': 'It is no longer in the library.',
  'invalid-args': 'The app sent a malformed request.',
  internal: 'Something went wrong inside the app.',
  storage: 'The change could not be saved.',
}

export function describeError(error: ReaderError): string {
  const hint = HINTS[error.code]
  return hint && !error.message.startsWith(hint) ? `${hint} ${error.message}` : error.message
}
