// When a subscribed URL answers with a web page instead of a feed (a site redesign, a paywall, a
// URL pasted by hand), the error should say so and name the feeds that page offers, so the reader
// can switch to one of them instead of guessing. Pure: the page is only read, never fetched.
import { discoverFeedLinks } from './discover-feeds'

export interface OfferedFeed {
  url: string
  title: string | null
}

/** A page may link dozens of feeds (one per tag): the error keeps the best few. */
export const MAX_OFFERED_FEEDS = 5
/** How many of them the sentence names; the rest are counted. */
const NAMED_IN_MESSAGE = 3
const MAX_TITLE_CHARS = 80

export function offeredFeeds(html: string, pageUrl: string): OfferedFeed[] {
  return discoverFeedLinks(html, pageUrl)
    .slice(0, MAX_OFFERED_FEEDS)
    .map(({ url, title }) => ({ url, title }))
}

/** "This is a web page, not a feed. It offers 2 feeds: Main feed (https://…); Comments (https://…)." */
export function webPageMessage(feeds: readonly OfferedFeed[]): string {
  if (feeds.length === 0) return 'This is a web page, not a feed, and it offers no feed.'
  const named = feeds.slice(0, NAMED_IN_MESSAGE).map(({ url, title }) => {
    const short =
      title && title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS - 1)}…` : title
    return short ? `${short} (${url})` : url
  })
  const more = feeds.length - named.length
  const list = named.join('; ') + (more > 0 ? `; and ${more} more` : '')
  const count = feeds.length === 1 ? 'this feed' : `${feeds.length} feeds`
  return `This is a web page, not a feed. It offers ${count}: ${list}.`
}
