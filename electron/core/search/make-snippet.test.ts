import { describe, expect, it } from 'vitest'
import { makeSnippet } from './make-snippet'

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
})
