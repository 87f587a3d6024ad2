import { afterAll, describe, expect, it } from 'vitest'
import { terms } from '../../../shared/search/tokenize'
import { removeTempDirs, tempDir } from '../../../tests/helpers/temp-dir'
import { decodePositions, decodePostings, SegmentBuilder, type PostingsSource } from './postings'
import { SegmentFile, writeSegment } from './segment-file'

afterAll(removeTempDirs)

function build(first: number, texts: string[]): SegmentBuilder {
  const builder = new SegmentBuilder()
  texts.forEach((text, i) => builder.addDocument(first + i, [{ text, weight: 1 }], terms))
  return builder
}

function docsOf(source: PostingsSource, term: string): number[] {
  const i = source.find(term)
  return i < 0 ? [] : [...decodePostings(source.postings(i)).docs]
}

describe('segments', () => {
  it('write, merge (leaving deleted documents out) and read back postings and positions', async () => {
    const dir = await tempDir()
    const a = build(0, ['the harbour plan', 'a storm at the harbour', 'budget'])
    const b = build(3, ['harbour lights', 'the plan'])
    await writeSegment(dir, 's-a', [a], () => true)
    const first = SegmentFile.open(dir, 's-a')
    expect(docsOf(first, 'harbour')).toEqual([0, 1])
    // Merge the written segment with the builder, dropping document 1.
    await writeSegment(dir, 's-ab', [first, b], (doc) => doc !== 1)
    const merged = SegmentFile.open(dir, 's-ab')
    expect(docsOf(merged, 'harbour')).toEqual([0, 3])
    expect(docsOf(merged, 'storm')).toEqual([])
    expect(docsOf(merged, 'plan')).toEqual([0, 4])
    const i = merged.find('harbour')
    const postings = decodePostings(merged.postings(i))
    expect(decodePositions(merged.positions(i), postings.positionStarts[1]!)).toEqual([0])
    expect(decodePositions(merged.positions(i), postings.positionStarts[0]!)).toEqual([1])
    const [from, to] = merged.prefixRange('harb')
    expect(to - from).toBe(1)
    expect(merged.term(from)).toBe('harbour')
    first.close()
    merged.close()
  })
})
