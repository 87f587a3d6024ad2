// The key under which the same story published in two feeds is recognised as one: the article
// URL without what differs between reposts of the same page — scheme, "www.", default port,
// fragment, tracking parameters, a trailing slash — and with the remaining query sorted.

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid)$/i

export function canonicalStoryKey(link: string | null): string | null {
  if (!link) return null
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  const params = [...url.searchParams.entries()]
    .filter(([key]) => !TRACKING.test(key))
    .sort(([a], [b]) => a.localeCompare(b))
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : ''
  const path = url.pathname.replace(/\/+$/, '') || '/'
  return `${host}${path}${query}`
}
