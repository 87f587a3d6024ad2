// The rendered-citation cache: what is cached is never rendered again, what is not is rendered in
// one citeproc pass, and a corrected citation is a new entry (never the old text).
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Citation } from '../domain'
import {
  cacheCitations,
  cachedCitation,
  cachedCitations,
  footnoteCitation,
  uncachedCitations,
} from './cached-citation'
import { renderCitations } from './formats/render-citations'

vi.mock('./formats/render-citations', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./formats/render-citations')>()
  return { ...actual, renderCitations: vi.fn(actual.renderCitations) }
})
const render = vi.mocked(renderCitations)

let serial = 0
/** A citation no other test has cached. */
function fresh(fields: Partial<Citation> = {}): Citation {
  serial += 1
  return {
    title: `Envoys meet, part ${serial}`,
    authors: ['Olena Kovalenko'],
    publisher: 'The Kyiv Independent',
    published: '2026-01-23',
    url: `https://kyivindependent.com/${serial}`,
    accessed: '2026-02-03T09:00:00.000Z',
    language: 'en',
    type: 'newspaperArticle',
    ...fields,
  }
}

beforeEach(() => {
  render.mockClear()
})

describe('cachedCitations', () => {
  it('renders what is not cached in one pass, each distinct citation once, and never again', () => {
    const [a, b, c] = [fresh(), fresh(), fresh()]
    const first = cachedCitations([a, b, a], 'apa', 'bibliography')
    expect(render).toHaveBeenCalledTimes(1)
    expect(render.mock.calls[0]![0]).toEqual([a, b])
    expect(first[0]).toBe(first[2])
    expect(first[0]).toContain(a.title)
    expect(first[1]).toContain(b.title)
    render.mockClear()
    expect(cachedCitations([b, a], 'apa', 'bibliography')).toEqual([first[1], first[0]])
    expect(render).not.toHaveBeenCalled()
    cachedCitations([a, c], 'apa', 'bibliography')
    expect(render).toHaveBeenCalledTimes(1)
    expect(render.mock.calls[0]![0]).toEqual([c])
  })

  it('keeps styles and forms apart', () => {
    const a = fresh()
    const apa = cachedCitation(a, 'apa', 'bibliography')
    const mla = cachedCitation(a, 'mla', 'bibliography')
    const note = footnoteCitation(a, 'chicago-nb')
    expect(apa).toMatch(/^Kovalenko, O\. \(2026, January 23\)/)
    expect(mla).toMatch(/^Kovalenko, Olena\. “Envoys Meet/)
    expect(note).toMatch(/^Olena Kovalenko, “Envoys Meet/)
    expect(render).toHaveBeenCalledTimes(3)
  })

  it('gives a corrected citation its own text, not the one cached for the old fields', () => {
    const before = fresh()
    const after = { ...before, authors: ['Andrii Melnyk'] }
    expect(cachedCitation(before, 'apa', 'bibliography')).toMatch(/^Kovalenko, O\./)
    expect(cachedCitation(after, 'apa', 'bibliography')).toMatch(/^Melnyk, A\./)
  })
})

describe('uncachedCitations and cacheCitations', () => {
  it('list the distinct citations still to render, and take texts rendered elsewhere', () => {
    const [a, b] = [fresh(), fresh()]
    expect(uncachedCitations([a, b, a], 'mla', 'note')).toEqual([a, b])
    cacheCitations([a, b], 'mla', 'note', ['text of a', 'text of b'])
    expect(uncachedCitations([a, b], 'mla', 'note')).toEqual([])
    expect(cachedCitations([b, a], 'mla', 'note')).toEqual(['text of b', 'text of a'])
    expect(render).not.toHaveBeenCalled()
    expect(uncachedCitations([a], 'mla', 'bibliography')).toEqual([a])
  })
})
