// discoverFeedLinks finds the feeds real pages declare (WordPress, Ghost, a news site, a page
// with <base href>) and falls back to feed-shaped <a> links; guessFeedUrls lists paths to probe;
// looksLikeFeed tells feeds from web pages by their first element.
import { describe, expect, it } from 'vitest'
import {
  COMMON_FEED_PATHS,
  discoverFeedLinks,
  guessFeedUrls,
  looksLikeFeed,
  type DiscoveredFeed,
} from './discover-feeds'

const WORDPRESS = `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bees can count &#8211; Field Notes</title>
<meta name='robots' content='max-image-preview:large' />
<link rel='dns-prefetch' href='//fonts.googleapis.com' />
<link rel="alternate" type="application/rss+xml" title="Field Notes &raquo; Feed" href="https://fieldnotes.example/feed/" />
<link rel="alternate" type="application/rss+xml" title="Field Notes &raquo; Comments Feed" href="https://fieldnotes.example/comments/feed/" />
<link rel="alternate" type="application/rss+xml" title="Field Notes &raquo; Bees can count Comments Feed" href="https://fieldnotes.example/2026/01/bees-can-count/feed/" />
<link rel='stylesheet' id='wp-block-library-css' href='https://fieldnotes.example/wp-includes/css/dist/block-library/style.min.css?ver=6.7' media='all' />
<script src="https://fieldnotes.example/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<script>var x = '<link rel="alternate" type="application/rss+xml" href="/from-script.xml">';</script>
<link rel="https://api.w.org/" href="https://fieldnotes.example/wp-json/" />
<link rel="alternate" title="JSON" type="application/json" href="https://fieldnotes.example/wp-json/wp/v2/posts/42" />
<link rel="EditURI" type="application/rsd+xml" title="RSD" href="https://fieldnotes.example/xmlrpc.php?rsd" />
<link rel="canonical" href="https://fieldnotes.example/2026/01/bees-can-count/" />
<link rel="alternate" title="oEmbed (JSON)" type="application/json+oembed" href="https://fieldnotes.example/wp-json/oembed/1.0/embed?url=https%3A%2F%2Ffieldnotes.example%2F2026%2F01%2Fbees-can-count%2F" />
<link rel="alternate" title="oEmbed (XML)" type="text/xml+oembed" href="https://fieldnotes.example/wp-json/oembed/1.0/embed?url=https%3A%2F%2Ffieldnotes.example%2F2026%2F01%2Fbees-can-count%2F&#038;format=xml" />
</head>
<body class="post-template-default single single-post">
<article><h1>Bees can count</h1><p>A study found that bees count landmarks.</p></article>
<footer><a href="https://fieldnotes.example/feed/">Entries RSS</a> · <a href="https://fieldnotes.example/comments/feed/">Comments RSS</a>
<a href="https://wordpress.org/">Proudly powered by WordPress</a></footer>
</body>
</html>`

const GHOST = `<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>The Lab Log</title>
    <link rel="canonical" href="https://lablog.example/">
    <meta name="referrer" content="no-referrer-when-downgrade">
    <meta property="og:site_name" content="The Lab Log">
    <meta name="generator" content="Ghost 5.96">
    <link rel="alternate" type="application/rss+xml" title="The Lab Log" href="https://lablog.example/rss/">
    <script defer src="https://cdn.jsdelivr.net/ghost/portal@~2.45/umd/portal.min.js" data-ghost="https://lablog.example/"></script>
    <style id="gh-members-styles">.gh-post-upgrade-cta a { color: var(--ghost-accent-color); }</style>
</head>
<body class="home-template">
<header><a href="https://lablog.example/">The Lab Log</a> <a href="https://lablog.example/rss/">RSS</a>
<a href="https://feedly.com/i/subscription/feed/https://lablog.example/rss/">Follow on Feedly</a></header>
</body>
</html>`

const NEWS = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>World news | The Daily Ledger</title>
<LINK REL="Alternate" TYPE="application/rss+xml; charset=UTF-8" TITLE="The Daily Ledger - World" HREF="/world/rss">
<link rel="alternate" type="application/atom+xml" title="The Daily Ledger - World (Atom)" href="https://www.ledger.example/world/atom.xml">
<link rel="alternate" type="application/rss+xml" title="Comments on world stories" href="/world/comments.rss">
<link rel="alternate" type="application/rss+xml" title="Comment is free" href="/commentisfree/rss">
<link rel="alternate" type="application/feed+json" title="The Daily Ledger - World (JSON)" href="/world/feed.json">
<link rel="alternate" type="application/rss+xml" href="/world/rss#dup">
<link rel="alternate" hreflang="fr" href="https://fr.ledger.example/monde">
<link rel="alternate" media="only screen and (max-width: 640px)" href="https://m.ledger.example/world">
<link rel="alternate stylesheet" type="text/css" title="High contrast" href="/contrast.css">
<link rel="feed" href="/world/everything">
<link rel="feed" type="text/html" href="/world/h-feed">
</head><body>
<nav><a href="/politics">Politics</a><a href="/world/rss">World RSS</a></nav>
<a href="javascript:void(0)">Menu</a><a href="mailto:tips@ledger.example">Tips</a>
</body></html>`

const WITH_BASE = `<html><head>
<base href="https://cdn.example/blog/">
<link rel="alternate" type="application/atom+xml" href="atom.xml" title="  Static\n   blog  ">
</head><body><a href="posts/index.xml">All posts (Hugo)</a></body></html>`

const ANCHORS_ONLY = `<html><head><title>Jo's homepage</title></head><body>
<p>Subscribe: <a href="/blog/rss.xml">RSS</a>, <a href="/blog/atom" title="Atom feed">Atom</a>,
<a href="feed://jo.example/podcast.rss">podcast</a>, <a href="https://feeds.feedburner.com/JoWrites">FeedBurner</a>,
<a href="/?feed=atom">WordPress-style</a>, <a href="https://jo.example/feeds/posts/default">Blogger</a>,
<a href="/feed.json">JSON</a>, <a href="/sitemap.xml">Sitemap</a>, <a href="/about">About</a>,
<a href="/blog/rss.xml#top">RSS again</a>, <a href="/files/report.xml">A report</a></p>
</body></html>`

const MALFORMED = `<html><head><title>Broken</title>
<link rel=alternate type=application/rss+xml href=/feed.xml title=Broken>
<meta charset=utf-8><p>text in the head <link rel="alternate" type='application/atom+xml' href='/atom.xml'
><body><div><p><a href="/rss">rss <b>feed</a></div></p> 3 < 4 && 5 > 2 <a <a href=/index.xml>x</a
<a href="/unfinished`

function urls(feeds: DiscoveredFeed[]): string[] {
  return feeds.map((f) => f.url)
}

describe('discoverFeedLinks', () => {
  it('reads a WordPress head: main feed first, comment feeds after, REST API and oEmbed left out', () => {
    expect(
      discoverFeedLinks(WORDPRESS, 'https://fieldnotes.example/2026/01/bees-can-count/'),
    ).toEqual([
      {
        url: 'https://fieldnotes.example/feed/',
        title: 'Field Notes » Feed',
        type: 'rss',
        source: 'link',
      },
      {
        url: 'https://fieldnotes.example/comments/feed/',
        title: 'Field Notes » Comments Feed',
        type: 'rss',
        source: 'link',
      },
      {
        url: 'https://fieldnotes.example/2026/01/bees-can-count/feed/',
        title: 'Field Notes » Bees can count Comments Feed',
        type: 'rss',
        source: 'link',
      },
    ])
  })

  it('reads a Ghost blog and ignores "follow on" buttons that embed the feed URL', () => {
    expect(discoverFeedLinks(GHOST, 'https://lablog.example/')).toEqual([
      { url: 'https://lablog.example/rss/', title: 'The Lab Log', type: 'rss', source: 'link' },
    ])
  })

  it('reads a news site with several alternates, in order, relative and upper-case', () => {
    const feeds = discoverFeedLinks(NEWS, 'https://www.ledger.example/world')
    expect(feeds).toEqual([
      {
        url: 'https://www.ledger.example/world/rss',
        title: 'The Daily Ledger - World',
        type: 'rss',
        source: 'link',
      },
      {
        url: 'https://www.ledger.example/world/atom.xml',
        title: 'The Daily Ledger - World (Atom)',
        type: 'atom',
        source: 'link',
      },
      {
        url: 'https://www.ledger.example/commentisfree/rss',
        title: 'Comment is free',
        type: 'rss',
        source: 'link',
      },
      {
        url: 'https://www.ledger.example/world/feed.json',
        title: 'The Daily Ledger - World (JSON)',
        type: 'json',
        source: 'link',
      },
      {
        url: 'https://www.ledger.example/world/everything',
        title: null,
        type: 'unknown',
        source: 'link',
      },
      {
        url: 'https://www.ledger.example/world/comments.rss',
        title: 'Comments on world stories',
        type: 'rss',
        source: 'link',
      },
    ])
  })

  it('resolves links and anchors against <base href>', () => {
    expect(discoverFeedLinks(WITH_BASE, 'https://blog.example/2026/post.html')).toEqual([
      {
        url: 'https://cdn.example/blog/atom.xml',
        title: 'Static blog',
        type: 'atom',
        source: 'link',
      },
      {
        url: 'https://cdn.example/blog/posts/index.xml',
        title: 'All posts (Hugo)',
        type: 'unknown',
        source: 'anchor',
      },
    ])
  })

  it('falls back to feed-shaped <a> links when the page declares no feed', () => {
    expect(discoverFeedLinks(ANCHORS_ONLY, 'https://jo.example/')).toEqual([
      { url: 'https://jo.example/blog/rss.xml', title: 'RSS', type: 'rss', source: 'anchor' },
      { url: 'https://jo.example/blog/atom', title: 'Atom feed', type: 'atom', source: 'anchor' },
      { url: 'http://jo.example/podcast.rss', title: 'podcast', type: 'rss', source: 'anchor' },
      {
        url: 'https://feeds.feedburner.com/JoWrites',
        title: 'FeedBurner',
        type: 'unknown',
        source: 'anchor',
      },
      {
        url: 'https://jo.example/?feed=atom',
        title: 'WordPress-style',
        type: 'atom',
        source: 'anchor',
      },
      {
        url: 'https://jo.example/feeds/posts/default',
        title: 'Blogger',
        type: 'atom',
        source: 'anchor',
      },
      { url: 'https://jo.example/feed.json', title: 'JSON', type: 'json', source: 'anchor' },
    ])
  })

  it('survives malformed HTML', () => {
    expect(discoverFeedLinks(MALFORMED, 'https://broken.example/page')).toEqual([
      { url: 'https://broken.example/feed.xml', title: 'Broken', type: 'rss', source: 'link' },
      { url: 'https://broken.example/atom.xml', title: null, type: 'atom', source: 'link' },
      { url: 'https://broken.example/rss', title: 'rss feed', type: 'rss', source: 'anchor' },
      // As in browsers, "<a <a href=…>" is one <a> with a junk attribute.
      { url: 'https://broken.example/index.xml', title: 'x', type: 'unknown', source: 'anchor' },
    ])
  })

  it('keeps absolute links when the page URL is unusable, and finds nothing in an empty page', () => {
    expect(urls(discoverFeedLinks(NEWS, 'not a url'))).toEqual([
      'https://www.ledger.example/world/atom.xml',
    ])
    expect(discoverFeedLinks('', 'https://empty.example/')).toEqual([])
    expect(discoverFeedLinks('<html><body>No feeds</body></html>', 'https://x.example/')).toEqual(
      [],
    )
  })

  it('ignores links whose type is not a feed type, whatever its name', () => {
    const html =
      '<link rel="alternate" type="constructor" href="/a"><link rel="alternate" type="text/html" href="/b">'
    expect(discoverFeedLinks(html, 'https://x.example/')).toEqual([])
  })

  it('prefers the declared link over an anchor to the same feed', () => {
    const feeds = discoverFeedLinks(
      '<a href="/feed/">Feed</a><link rel="alternate" type="application/rss+xml" href="/feed/#x">',
      'https://both.example/',
    )
    expect(feeds).toEqual([
      { url: 'https://both.example/feed/', title: 'Feed', type: 'rss', source: 'link' },
    ])
  })
})

describe('guessFeedUrls', () => {
  it('resolves the common paths against the site root', () => {
    expect(guessFeedUrls('https://Blog.Example:443/2026/01/a-post/?utm=x#c')).toEqual([
      'https://blog.example/feed',
      'https://blog.example/rss',
      'https://blog.example/rss.xml',
      'https://blog.example/atom.xml',
      'https://blog.example/feed.xml',
      'https://blog.example/index.xml',
      'https://blog.example/feeds/posts/default',
      'https://blog.example/?feed=rss2',
    ])
    expect(guessFeedUrls('http://127.0.0.1:8080/x')).toHaveLength(COMMON_FEED_PATHS.length)
  })

  it('guesses nothing for unusable page URLs', () => {
    expect(guessFeedUrls('blog.example')).toEqual([])
    expect(guessFeedUrls('ftp://blog.example/')).toEqual([])
  })
})

describe('looksLikeFeed', () => {
  it('recognizes RSS 2.0, RSS 1.0 and Atom after a prologue', () => {
    expect(looksLikeFeed('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>')).toBe('rss')
    expect(
      looksLikeFeed(
        '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet href="/rss.xsl" type="text/xsl"?>\n' +
          '<!-- generated by a CMS -->\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91">',
      ),
    ).toBe('rss')
    expect(
      looksLikeFeed(
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">',
      ),
    ).toBe('rss')
    expect(looksLikeFeed('  <feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>')).toBe(
      'atom',
    )
    expect(
      looksLikeFeed('<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="en">'),
    ).toBe('atom')
    expect(looksLikeFeed('<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">')).toBe('atom')
    expect(
      looksLikeFeed(
        '<!DOCTYPE feed [ <!ENTITY x "y"> ]>\n<feed xmlns="http://www.w3.org/2005/Atom">',
      ),
    ).toBe('atom')
  })

  it('recognizes JSON Feed, escaped slashes included', () => {
    expect(
      looksLikeFeed('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title": "x"\n}'),
    ).toBe('json')
    expect(looksLikeFeed('{"title":"x","version":"https:\\/\\/jsonfeed.org\\/version\\/1"}')).toBe(
      'json',
    )
  })

  it('rejects web pages, other XML and other JSON', () => {
    expect(looksLikeFeed('<!DOCTYPE html>\n<html><head><title>Not a feed</title>')).toBeNull()
    expect(looksLikeFeed('<feed><entry/></feed>')).toBeNull()
    expect(
      looksLikeFeed('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/">'),
    ).toBeNull()
    expect(looksLikeFeed('{"version": "1.0", "items": []}')).toBeNull()
    expect(looksLikeFeed('')).toBeNull()
    expect(looksLikeFeed('<!-- never closed <rss>')).toBeNull()
    expect(looksLikeFeed('rss is great')).toBeNull()
    expect(looksLikeFeed(`<!-- ${'x'.repeat(3000)} -->\n<rss version="2.0">`)).toBe('rss')
  })
})
