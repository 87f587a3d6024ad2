import { describe, expect, it } from 'vitest'
import {
  collectionArgs,
  describeCounts,
  describeVaultReport,
  fieldsFromFilters,
  fittingFormat,
  selectionOf,
  usesStyle,
} from './export-options'

describe('export options', () => {
  it('start a selection from the Annotations view’s filters, saying when its dates are left out', () => {
    expect(
      fieldsFromFilters({ kind: 'claim', tag: ' border ', status: 'disputed', feedId: 'f-1' }),
    ).toEqual({
      fields: { kind: 'claim', tag: 'border', status: 'disputed', feedId: 'f-1' },
      droppedDates: false,
    })
    expect(fieldsFromFilters({ after: '2026-01-01' })).toEqual({ fields: {}, droppedDates: true })
  })

  it('make the contract’s selection: this article by id, else the filled fields only', () => {
    expect(selectionOf({ kind: 'article', itemId: 'i-1' })).toEqual({ itemIds: ['i-1'] })
    expect(
      selectionOf({
        kind: 'selection',
        fields: { tag: '  ', query: ' tag:talks ', kind: 'quote' },
      }),
    ).toEqual({ kind: 'quote', query: 'tag:talks' })
    expect(selectionOf({ kind: 'selection', fields: {} })).toEqual({})
  })

  it('map each collection format to exportCollection’s arguments', () => {
    const scope = { kind: 'selection', fields: { tag: 'x' } } as const
    expect(collectionArgs(scope, 'footnotes', 'mla', 'bibtex')).toEqual({
      selection: { tag: 'x' },
      format: 'md',
      style: 'mla',
    })
    expect(collectionArgs(scope, 'pandoc', 'apa', 'bibtex')).toEqual({
      selection: { tag: 'x' },
      format: 'md',
      style: 'apa',
      pandoc: true,
      sidecar: 'bibtex',
    })
    expect(collectionArgs(scope, 'ris', 'apa', 'csl-json')).toEqual({
      selection: { tag: 'x' },
      format: 'ris',
      style: 'apa',
    })
  })

  it('keep a one-article note for one article, and say which formats print the style', () => {
    expect(fittingFormat('note', 'article')).toBe('note')
    expect(fittingFormat('note', 'selection')).toBe('footnotes')
    expect(fittingFormat('bibtex', 'selection')).toBe('bibtex')
    expect(usesStyle('note')).toBe(true)
    expect(usesStyle('footnotes')).toBe(true)
    expect(usesStyle('csl-json')).toBe(false)
  })

  it('put counts and a folder export into words', () => {
    expect(describeCounts({ articles: 1, annotations: 1 })).toBe('1 article, 1 highlight')
    expect(describeCounts({ articles: 0, annotations: 2 })).toBe('0 articles, 2 highlights')
    expect(
      describeVaultReport({
        articles: 2,
        annotations: 3,
        folder: '/home/me/Vault',
        written: ['a.md', 'b.md'],
        updated: [],
        unchanged: ['references.json', 'research-reader-index.md'],
        renamed: [{ wanted: 'b.md', wroteAs: 'b-2.md' }],
      }),
    ).toBe(
      'Exported 2 articles, 3 highlights to /home/me/Vault: 2 written, 0 updated, 2 unchanged, 1 renamed.',
    )
  })
})
