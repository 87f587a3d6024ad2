import { describe, expect, it } from 'vitest'
import { extractPageMetadata } from './page-metadata'

// Heads written for these tests, modelled on the shapes real sites ship.

const WIRE_SERVICE = `<!DOCTYPE html>
<html lang="en-US"><head>
<meta charset="utf-8">
<title>Envoys hold &#8220;substantive&#8221; talks in Geneva | Wire Service</title>
<link rel="canonical" href="/world/europe/envoys-hold-talks-geneva-2026-01-23/">
<meta name="citation_title" content="Envoys hold &quot;substantive&quot; talks in Geneva">
<meta name="citation_author" content="Kovalenko, Daria">
<meta name="citation_author" content="Mark Hollis">
<meta name="citation_publication_date" content="2026/01/23">
<meta name="citation_publisher" content="Wire Service">
<meta name="citation_language" content="en">
<meta property="og:title" content="Envoys hold substantive talks in Geneva">
<meta property="og:site_name" content="Wire Service">
<meta property="og:type" content="article">
<meta property="og:url" content="https://www.wire.example/world/europe/envoys-hold-talks-geneva-2026-01-23/">
<meta property="og:locale" content="en_US">
<meta property="article:author" content="https://www.facebook.com/wireservice">
<meta property="article:published_time" content="2026-01-23T10:40:00Z">
<meta property="article:modified_time" content="2026-01-23T12:05:31.000Z">
<meta property="article:section" content="World">
<meta name="author" content="By Daria Kovalenko and Mark Hollis">
<meta name="sailthru.author" content="Daria Kovalenko, Mark Hollis">
</head><body><p>Story</p></body></html>`

const NEWSPAPER_GRAPH = `<!doctype html><html lang="en-GB"><head>
<title>Ministers split over port deal – The Daily Chronicle</title>
<meta property="og:type" content="article">
<meta property="og:title" content="Ministers split over port deal">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebPage","@id":"https://chronicle.example/politics/port-deal#webpage",
  "url":"https://chronicle.example/politics/port-deal","name":"Ministers split over port deal – The Daily Chronicle",
  "inLanguage":"en-GB","datePublished":"2026-02-02T07:00:00+00:00"},
 {"@type":"NewsArticle","@id":"https://chronicle.example/politics/port-deal#article",
  "headline":"Ministers split over port deal &amp; tariffs",
  "mainEntityOfPage":{"@id":"https://chronicle.example/politics/port-deal#webpage"},
  "datePublished":"2026-02-02T07:00:00+00:00","dateModified":"2026-02-02T09:30:00+00:00",
  "author":[{"@type":"Person","name":"Priya Natarajan","url":"https://chronicle.example/profile/priya"},
            {"@id":"https://chronicle.example/#/schema/person/tom"}],
  "publisher":{"@id":"https://chronicle.example/#organization"},
  "articleSection":["Politics","UK"],"inLanguage":"en-GB"},
 {"@type":"Person","@id":"https://chronicle.example/#/schema/person/tom","name":"Tom O&#039;Reilly"},
 {"@type":["Organization","NewsMediaOrganization"],"@id":"https://chronicle.example/#organization",
  "name":"The Daily Chronicle"}
]}
</script>
</head><body></body></html>`

const WORDPRESS_BLOG = `<!DOCTYPE html>
<html lang="en-US" prefix="og: https://ogp.me/ns#">
<head>
<title>Reading sanctions data, part 2 - Notes from the Archive</title>
<link rel='canonical' href='https://notes.example/2025/11/reading-sanctions-data-part-2/' />
<meta property="og:locale" content="en_US" />
<meta property="og:type" content="article" />
<meta property="og:title" content="Reading sanctions data, part 2" />
<meta property="og:url" content="https://notes.example/2025/11/reading-sanctions-data-part-2/" />
<meta property="og:site_name" content="Notes from the Archive" />
<meta property="article:published_time" content="2025-11-04T18:12:44+00:00" />
<meta name="author" content="admin" />
<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[
{"@type":"BlogPosting","@id":"https://notes.example/2025/11/reading-sanctions-data-part-2/#article",
 "isPartOf":{"@id":"https://notes.example/2025/11/reading-sanctions-data-part-2/"},
 "author":{"name":"Helen Marsh","@id":"https://notes.example/#/schema/person/abc"},
 "headline":"Reading sanctions data, part 2","datePublished":"2025-11-04T18:12:44+00:00",
 "dateModified":"2025-11-05T08:00:00+00:00","mainEntityOfPage":{"@id":"https://notes.example/2025/11/reading-sanctions-data-part-2/"},
 "publisher":{"@id":"https://notes.example/#website"},"inLanguage":"en-US"},
{"@type":"WebPage","@id":"https://notes.example/2025/11/reading-sanctions-data-part-2/",
 "url":"https://notes.example/2025/11/reading-sanctions-data-part-2/","name":"Reading sanctions data, part 2 - Notes from the Archive"},
{"@type":"WebSite","@id":"https://notes.example/#website","name":"Notes from the Archive"},
{"@type":"Person","@id":"https://notes.example/#/schema/person/abc","name":"Helen Marsh"}
]}</script>
</head><body></body></html>`

const OG_ONLY = `<html><head>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="og:site_name" content="Coastal Herald">
<meta property="og:type" content="website">
<meta property="og:url" content="https://herald.example/harbour">
<meta property="og:locale" content="en_GB">
</head></html>`

const BROKEN_JSONLD = `<html lang="de"><head>
<title>Ein Bericht</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Kaputt",</script>
<script type="application/ld+json">
  {"@type": "NewsArticle", "headline": "Zeile
mit Umbruch", "author": "Anna Berg", "datePublished": "2026-03-01"}
</script>
<meta property="og:title" content="Ein Bericht">
</head></html>`

const RUSSIAN_NEWS = `<!DOCTYPE html><html lang="ru"><head>
<meta charset="utf-8">
<title>Переговоры в Женеве продолжатся &mdash; Новостное агентство</title>
<meta property="og:title" content="Переговоры в Женеве продолжатся">
<meta property="og:site_name" content="Новостное агентство">
<meta property="og:locale" content="ru_RU">
<meta name="author" content="Дарья Коваленко">
<meta name="DC.date" content="23.01.2026">
<script type="application/ld+json">
{"@context":"http://schema.org","@type":"ReportageNewsArticle","headline":"Переговоры в Женеве продолжатся",
 "author":{"@type":"Person","name":"Дарья Коваленко"},"datePublished":"2026-01-23T10:40:00+03:00",
 "publisher":{"@type":"Organization","name":"Новостное агентство"},"inLanguage":"ru",
 "url":"/politics/20260123/geneva.html"}
</script>
</head><body></body></html>`

describe('extractPageMetadata', () => {
  it('reads a wire-service page: citation_*, og:, article:, author meta and a relative canonical', () => {
    const meta = extractPageMetadata(
      WIRE_SERVICE,
      'https://www.wire.example/world/europe/envoys-hold-talks-geneva-2026-01-23/?utm_source=rss',
    )
    expect(meta.title[0]).toEqual({
      value: 'Envoys hold "substantive" talks in Geneva',
      source: 'citation',
    })
    expect(meta.title.map((f) => f.source)).toEqual(['citation', 'og', 'html'])
    expect(meta.title.at(-1)?.value).toBe(
      'Envoys hold “substantive” talks in Geneva | Wire Service',
    )
    expect(meta.authors).toEqual([
      { value: ['Daria Kovalenko', 'Mark Hollis'], source: 'citation' },
      { value: ['Daria Kovalenko', 'Mark Hollis'], source: 'meta' },
    ])
    expect(meta.published).toEqual([
      { value: '2026-01-23', source: 'citation' },
      { value: '2026-01-23T10:40:00Z', source: 'article' },
    ])
    expect(meta.modified).toEqual([{ value: '2026-01-23T12:05:31Z', source: 'article' }])
    expect(meta.publisher.map((f) => f.value)).toEqual(['Wire Service', 'Wire Service'])
    expect(meta.canonicalUrl).toEqual([
      {
        value: 'https://www.wire.example/world/europe/envoys-hold-talks-geneva-2026-01-23/',
        source: 'og',
      },
      {
        value: 'https://www.wire.example/world/europe/envoys-hold-talks-geneva-2026-01-23/',
        source: 'link',
      },
    ])
    expect(meta.language).toEqual([
      { value: 'en', source: 'citation' },
      { value: 'en-US', source: 'og' },
      { value: 'en-US', source: 'html' },
    ])
    expect(meta.type).toEqual([{ value: 'newspaperArticle', source: 'og' }])
    expect(meta.section).toEqual([{ value: 'World', source: 'article' }])
  })

  it('ignores a Facebook profile URL and e-mail addresses given as authors', () => {
    const meta = extractPageMetadata(
      `<meta property="article:author" content="https://www.facebook.com/jane.doe">
       <meta property="article:author" content="facebook.com/jane.doe">
       <meta name="author" content="newsdesk@wire.example">
       <meta name="parsely-author" content="Jane Doe (jane@wire.example)">`,
      'https://wire.example/a',
    )
    expect(meta.authors).toEqual([{ value: ['Jane Doe'], source: 'meta' }])
  })

  it('reads a newspaper JSON-LD @graph with @id references to people and the publisher', () => {
    const meta = extractPageMetadata(
      NEWSPAPER_GRAPH,
      'https://chronicle.example/politics/port-deal',
    )
    const fromJsonLd = <T>(fields: { value: T; source: string }[]) =>
      fields.filter((f) => f.source === 'jsonld').map((f) => f.value)
    expect(fromJsonLd(meta.title)).toEqual([
      'Ministers split over port deal & tariffs',
      'Ministers split over port deal – The Daily Chronicle',
    ])
    expect(meta.authors).toEqual([{ value: ['Priya Natarajan', "Tom O'Reilly"], source: 'jsonld' }])
    expect(meta.publisher).toEqual([{ value: 'The Daily Chronicle', source: 'jsonld' }])
    expect(fromJsonLd(meta.published)).toEqual(['2026-02-02T07:00:00Z'])
    expect(meta.modified).toEqual([{ value: '2026-02-02T09:30:00Z', source: 'jsonld' }])
    expect(fromJsonLd(meta.type)).toEqual(['newspaperArticle', 'webpage'])
    expect(meta.type.map((f) => f.source)).toEqual(['jsonld', 'jsonld', 'og'])
    expect(fromJsonLd(meta.section)).toEqual(['Politics', 'UK'])
    expect(fromJsonLd(meta.canonicalUrl)).toEqual(['https://chronicle.example/politics/port-deal'])
    expect(meta.language.map((f) => f.value)).toEqual(['en-GB', 'en-GB'])
  })

  it('reads a WordPress blog post: BlogPosting type, the real author over "admin" meta', () => {
    const meta = extractPageMetadata(WORDPRESS_BLOG, 'https://notes.example/?p=1234')
    expect(meta.type[0]).toEqual({ value: 'blogPost', source: 'jsonld' })
    expect(meta.authors[0]).toEqual({ value: ['Helen Marsh'], source: 'jsonld' })
    // "admin" is still reported with its source; the resolver drops it as a bot name.
    expect(meta.authors[1]).toEqual({ value: ['admin'], source: 'meta' })
    expect(meta.publisher[0]).toEqual({ value: 'Notes from the Archive', source: 'jsonld' })
    expect(meta.published[0]).toEqual({ value: '2025-11-04T18:12:44Z', source: 'jsonld' })
    expect(meta.canonicalUrl.find((f) => f.source === 'link')?.value).toBe(
      'https://notes.example/2025/11/reading-sanctions-data-part-2/',
    )
  })

  it('reads a page with only Open Graph tags', () => {
    const meta = extractPageMetadata(OG_ONLY, 'https://herald.example/harbour?ref=feed')
    expect(meta).toEqual({
      title: [{ value: 'Harbour reopens after storm', source: 'og' }],
      authors: [],
      publisher: [{ value: 'Coastal Herald', source: 'og' }],
      published: [],
      modified: [],
      canonicalUrl: [{ value: 'https://herald.example/harbour', source: 'og' }],
      language: [{ value: 'en-GB', source: 'og' }],
      type: [{ value: 'webpage', source: 'og' }],
      section: [],
    })
  })

  it('skips malformed JSON-LD without throwing and still reads the valid block', () => {
    const meta = extractPageMetadata(BROKEN_JSONLD, 'https://bericht.example/a')
    expect(meta.title.find((f) => f.source === 'jsonld')?.value).toBe('Zeile mit Umbruch')
    expect(meta.authors).toEqual([{ value: ['Anna Berg'], source: 'jsonld' }])
    expect(meta.published).toEqual([{ value: '2026-03-01', source: 'jsonld' }])
    expect(meta.language).toEqual([{ value: 'de', source: 'html' }])
    expect(() =>
      extractPageMetadata(
        '<script type="application/ld+json">{{{</script><script type="application/ld+json">[1, null, "x"]</script><script type="application/ld+json">',
        'https://x.example/',
      ),
    ).not.toThrow()
  })

  it('reads a Russian news page: lang ru, Cyrillic author, day-first Dublin Core date', () => {
    const meta = extractPageMetadata(RUSSIAN_NEWS, 'https://agency.example/politics/20260123/')
    expect(meta.title[0]).toEqual({ value: 'Переговоры в Женеве продолжатся', source: 'jsonld' })
    expect(meta.authors).toEqual([
      { value: ['Дарья Коваленко'], source: 'jsonld' },
      { value: ['Дарья Коваленко'], source: 'meta' },
    ])
    expect(meta.published).toEqual([
      { value: '2026-01-23T10:40:00+03:00', source: 'jsonld' },
      { value: '2026-01-23', source: 'dc' },
    ])
    expect(meta.publisher[0]).toEqual({ value: 'Новостное агентство', source: 'jsonld' })
    expect(meta.canonicalUrl).toEqual([
      { value: 'https://agency.example/politics/20260123/geneva.html', source: 'jsonld' },
    ])
    expect(meta.language).toEqual([
      { value: 'ru', source: 'jsonld' },
      { value: 'ru-RU', source: 'og' },
      { value: 'ru', source: 'html' },
    ])
    expect(meta.type).toEqual([{ value: 'newspaperArticle', source: 'jsonld' }])
    expect(meta.title.at(-1)).toEqual({
      value: 'Переговоры в Женеве продолжатся — Новостное агентство',
      source: 'html',
    })
  })

  it('returns empty fields for an empty or non-HTML document', () => {
    const empty = extractPageMetadata('', 'https://x.example/')
    expect(Object.values(empty).every((fields) => fields.length === 0)).toBe(true)
    expect(extractPageMetadata('just text <<<>>>', 'https://x.example/').title).toEqual([])
  })

  it('ignores a canonical link to a non-http scheme', () => {
    const meta = extractPageMetadata(
      '<link rel="canonical" href="javascript:alert(1)"><link rel="canonical" href="//cdn.example/p">',
      'https://x.example/a',
    )
    expect(meta.canonicalUrl).toEqual([{ value: 'https://cdn.example/p', source: 'link' }])
  })
})
