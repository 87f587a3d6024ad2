// The search filters' controls write query words into the one search box, so what the user sees
// is what runs (and can be typed by hand next time): checking "Unread" adds is:unread, a date
// adds after:2026-01-01, choosing "This feed" adds feed:<id>.

/** A key:value word, with the value quoted when it has spaces. */
export function queryWord(key: string, value: string): string {
  return /[\s"]/.test(value) ? `${key}:"${value.replace(/"/g, '')}"` : `${key}:${value}`
}

const WORD = /(?:^|\s)(-?[A-Za-z]+:(?:"[^"]*"?|\S*))/g

function wordsOf(query: string): { text: string; key: string; value: string }[] {
  const found: { text: string; key: string; value: string }[] = []
  for (const match of query.matchAll(WORD)) {
    const text = match[1]!
    const colon = text.indexOf(':')
    found.push({
      text,
      key: text.slice(0, colon).toLowerCase(),
      value: text.slice(colon + 1).replace(/^"|"$/g, ''),
    })
  }
  return found
}

function removeWord(query: string, word: string): string {
  const at = query.split(/(\s+)/)
  return at
    .filter((part) => part !== word)
    .join('')
    .replace(/\s{2,}/g, ' ')
    .trim()
}

/** The value of the first `key:` word in the query, or null. */
export function wordValue(query: string, key: string): string | null {
  return wordsOf(query).find((word) => word.key === key)?.value ?? null
}

/** Whether the query holds exactly `key:value` (case-insensitive). */
export function hasWord(query: string, key: string, value: string): boolean {
  return wordsOf(query).some(
    (word) => word.key === key && word.value.toLowerCase() === value.toLowerCase(),
  )
}

/**
 * Sets `key:value` in the query: every other `key:` word goes (for `is:`, only that value is
 * toggled, since several may hold at once); null removes it. Free words are kept as typed.
 */
export function setWord(query: string, key: string, value: string | null, multi = false): string {
  let next = query
  for (const word of wordsOf(query)) {
    if (word.key !== key) continue
    if (multi && value !== null && word.value.toLowerCase() !== value.toLowerCase()) continue
    next = removeWord(next, word.text)
  }
  next = next.trim()
  if (value === null || value === '') return next
  return next ? `${next} ${queryWord(key, value)}` : queryWord(key, value)
}

/** Adds or removes one `is:` value. */
export function toggleIs(query: string, value: string, on: boolean): string {
  if (!on) {
    const word = wordsOf(query).find((w) => w.key === 'is' && w.value.toLowerCase() === value)
    return word ? removeWord(query, word.text) : query.trim()
  }
  return hasWord(query, 'is', value) ? query : setWord(query, 'is', value, true)
}
