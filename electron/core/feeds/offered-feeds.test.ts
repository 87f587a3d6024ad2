import { describe, expect, it } from 'vitest'
import { MAX_OFFERED_FEEDS, offeredFeeds, webPageMessage } from './offered-feeds'

describe('the feeds a web page offers instead', () => {
  it('names them best first, with their titles, resolved against the page', () => {
    const html = `<html><head>
      <link rel="alternate" type="application/rss+xml" title="Main" href="/feed.xml">
      <link rel="alternate" type="application/atom+xml" title="Comments" href="comments.atom">
      </head><body><a href="/tag/x/feed/">X feed</a></body></html>`
    const feeds = offeredFeeds(html, 'https://news.example/blog/')
    expect(feeds).toEqual([
      { url: 'https://news.example/feed.xml', title: 'Main' },
      { url: 'https://news.example/blog/comments.atom', title: 'Comments' },
      { url: 'https://news.example/tag/x/feed/', title: 'X feed' },
    ])
    expect(webPageMessage(feeds)).toBe(
      'This is a web page, not a feed. It offers 3 feeds: Main (https://news.example/feed.xml); ' +
        'Comments (https://news.example/blog/comments.atom); X feed (https://news.example/tag/x/feed/).',
    )
  })

  it('keeps a few of many, counts the rest, and shortens long titles', () => {
    const links = Array.from(
      { length: 9 },
      (_, i) =>
        `<link rel="alternate" type="application/rss+xml" title="${i === 0 ? 'T'.repeat(200) : `Tag ${i}`}" href="/t/${i}.xml">`,
    ).join('')
    const feeds = offeredFeeds(`<html><head>${links}</head></html>`, 'https://a.example/')
    expect(feeds).toHaveLength(MAX_OFFERED_FEEDS)
    const message = webPageMessage(feeds)
    expect(message).toMatch(/^This is a web page, not a feed\. It offers 5 feeds: T{79}… \(/)
    expect(message).toMatch(/Tag 2 \(https:\/\/a\.example\/t\/2\.xml\); and 2 more\.$/)
  })

  it('says so when the page offers none, and uses the URL when a feed has no title', () => {
    expect(webPageMessage([])).toBe('This is a web page, not a feed, and it offers no feed.')
    expect(webPageMessage([{ url: 'https://a.example/rss', title: null }])).toBe(
      'This is a web page, not a feed. It offers this feed: https://a.example/rss.',
    )
  })
})
