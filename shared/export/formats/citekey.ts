// Citation keys for BibTeX, CSL-JSON and Pandoc cites ([@kovalenko2026envoys]): the first
// author's surname (no author: the publisher's first word), the year ("nd" without one) and the
// first significant word of the title, folded to ASCII lower case. When entries would share a
// key, the one accessed first keeps it and the others get a, b, … (by access time, then item id),
// so keys do not depend on the order the caller lists the entries in, and an article cited
// earlier keeps its key when a later namesake is added.
import type { Citation } from '../../domain'
import { dateParts, toCslName } from './csl-json'

const STOPWORDS = new Set(
  (
    'a an the of on in at to for from by with and or but nor as is are was were be been ' +
    'it its this that these those how why what when where who whom which into onto over ' +
    'under about after before than then so not no we i you he she they our my your his her their us ' +
    'de la le les el los das der die den het un une'
  ).split(' '),
)

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** The key a citation would get on its own, e.g. kovalenko2026envoys. */
export function citekey(citation: Citation): string {
  const first = citation.authors.map((a) => a.trim()).find(Boolean)
  let who = ''
  if (first) {
    const name = toCslName(first, citation.publisher)
    who = fold(name.family ?? name.literal ?? '').split(' ')[0] ?? ''
    if (name.family) who = fold(name.family).replace(/ /g, '')
  } else if (citation.publisher) {
    who =
      fold(citation.publisher)
        .split(' ')
        .find((w) => !STOPWORDS.has(w)) ?? ''
  }
  const year = dateParts(citation.published)?.[0]
  const words = fold(citation.title).split(' ').filter(Boolean)
  const word = words.find((w) => !STOPWORDS.has(w) && !/^\d+$/.test(w)) ?? words[0] ?? ''
  const key = `${who || 'anon'}${year ?? 'nd'}${word}`
  return /^[a-z]/.test(key) ? key : `x${key}`
}

/** Each item id's key, unique across the entries (an item id listed twice gets one key). */
export function assignCitekeys(
  entries: { citation: Citation; itemId: string }[],
): Map<string, string> {
  const byBase = new Map<string, string[]>()
  const accessed = new Map<string, number>()
  const seen = new Set<string>()
  for (const { citation, itemId } of entries) {
    if (seen.has(itemId)) continue
    seen.add(itemId)
    accessed.set(itemId, Date.parse(citation.accessed) || 0)
    const base = citekey(citation)
    byBase.set(base, [...(byBase.get(base) ?? []), itemId])
  }
  const keys = new Map<string, string>()
  const used = new Set(byBase.keys())
  for (const [base, ids] of byBase) {
    const sorted = [...ids].sort(
      (a, b) => accessed.get(a)! - accessed.get(b)! || (a < b ? -1 : a > b ? 1 : 0),
    )
    keys.set(sorted[0]!, base)
    let n = 0
    for (const id of sorted.slice(1)) {
      let key: string
      do key = `${base}${suffix(n++)}`
      while (used.has(key))
      used.add(key)
      keys.set(id, key)
    }
  }
  return keys
}

/** a … z, then aa, ab, … */
function suffix(n: number): string {
  let s = ''
  let i = n
  do {
    s = String.fromCharCode(97 + (i % 26)) + s
    i = Math.floor(i / 26) - 1
  } while (i >= 0)
  return s
}
