// File-name slugs for exported notes.

/**
 * A file-name slug: lower case, words joined by '-', at most 60 characters. Accents are dropped
 * from Latin and Greek letters only (Cyrillic й must stay й); other scripts keep their combining
 * marks (Devanagari vowel signs, Japanese dakuten), which are part of the word.
 */
export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  // Cut by code points, never inside a surrogate pair.
  return Array.from(words).slice(0, 60).join('').replace(/-+$/, '')
}
