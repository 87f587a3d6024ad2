import { describe, expect, it } from 'vitest'
import { wordDiff } from './word-diff'

describe('wordDiff', () => {
  it('marks the words that changed between two versions, in order', () => {
    expect(
      wordDiff('The envoy said talks were frank.', 'The envoy said talks were substantive.'),
    ).toEqual([
      { kind: 'same', text: 'The envoy said talks were ' },
      { kind: 'removed', text: 'frank' },
      { kind: 'added', text: 'substantive' },
      { kind: 'same', text: '.' },
    ])
  })

  it('is all same for identical texts', () => {
    expect(wordDiff('a b c', 'a b c')).toEqual([{ kind: 'same', text: 'a b c' }])
  })
})
