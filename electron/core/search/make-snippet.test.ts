import { describe, expect, it } from 'vitest'
import { tokenize } from '../../../shared/search/tokenize'
import { mulberry32 } from '../../../tests/helpers/prng'
import { asciiHits, makeSnippet } from './make-snippet'

const words = (terms: string[], prefix: string | null = null) => ({ terms: new Set(terms), prefix })
const marked = (s: { text: string; marks: [number, number][] }) =>
  s.marks.map(([a, b]) => s.text.slice(a, b))

describe('makeSnippet', () => {
  it('returns a short text whole, with every hit marked', () => {
    const s = makeSnippet('Envoys agree to resume border talks', words(['talks', 'envoys']))!
    expect(s.text).toBe('Envoys agree to resume border talks')
    expect(marked(s)).toEqual(['Envoys', 'talks'])
  })

  it('picks the window with the most different query words and cuts at word boundaries', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20)
    const text = `The harbour opened. ${filler}Later the harbour budget was cut by the council. ${filler}`
    const s = makeSnippet(text, words(['harbour', 'budget', 'council']))!
    expect(s.text.length).toBeLessThanOrEqual(202)
    expect(s.text.startsWith('…')).toBe(true)
    expect(s.text.endsWith('…')).toBe(true)
    expect(marked(s)).toEqual(['harbour', 'budget', 'council'])
    // No word is cut in half at either end.
    expect(s.text.slice(1, -1)).toMatch(/^\S.*\S$/)
    expect(text).toContain(s.text.slice(1, -1))
  })

  it('marks words that start with the prefix being typed, folding case and accents', () => {
    const s = makeSnippet('Le Café Dredging and DREDGED basins', words(['cafe'], 'dredg'))!
    expect(marked(s)).toEqual(['Café', 'Dredging', 'DREDGED'])
  })

  it('returns null when no query word is in the text', () => {
    expect(makeSnippet('Nothing to see here', words(['harbour']))).toBeNull()
  })

  it('finds in ASCII text exactly the words tokenizing would (the fast path)', () => {
    const random = mulberry32(7)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
    const vocabulary = ['the', 'The', 'them', 'theme', 'river', 'RIVERS', 'a1', 'x'.repeat(45)]
    const gaps = [' ', ', ', '-', '. ', "'", '_', '\n']
    for (let run = 0; run < 300; run++) {
      const text = Array.from({ length: 30 }, () => pick(vocabulary) + pick(gaps)).join('')
      const words = {
        terms: new Set([pick(['the', 'river', 'a1', 'x'.repeat(40)]), pick(['rivers', 'them'])]),
        prefix: pick([null, 'th', 'riv', 'x']),
      }
      const expected = tokenize(text)
        .filter(
          (t) =>
            words.terms.has(t.term) || (words.prefix !== null && t.term.startsWith(words.prefix)),
        )
        .map((t) => [t.term, t.start, t.end])
      expect(asciiHits(text, words).map((t) => [t.term, t.start, t.end])).toEqual(expected)
    }
  })
})
