import { describe, expect, it } from 'vitest'
import type { Annotation } from '../domain'
import { buildCitedQuote } from './cited-quote'

const URL_ = 'https://harbour.example/envoys'
const APA =
  'Kovalenko, D. (2026, January 23). Envoys agree to resume border talks. Harbour Wire. https://harbour.example/envoys'

function highlight(
  exact: string,
  extra: Partial<Pick<Annotation, 'kind' | 'speaker'>> = {},
): Pick<Annotation, 'kind' | 'speaker' | 'target'> {
  return {
    kind: 'plain',
    speaker: null,
    target: {
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    },
    ...extra,
  }
}

describe('buildCitedQuote', () => {
  it('quotes the words, attributes them to the speaker and links the citation’s URL to the passage', () => {
    const markdown = buildCitedQuote({
      annotation: highlight('We will not raise taxes, said the minister.', {
        kind: 'quote',
        speaker: { name: 'Jane Doe', role: 'finance minister' },
      }),
      url: URL_,
      citationText: APA,
    })
    expect(markdown).toBe(
      [
        '> We will not raise taxes, said the minister.',
        '>',
        '> — Jane Doe, finance minister, in Kovalenko, D. (2026, January 23). Envoys agree to resume border talks. Harbour Wire. [https://harbour.example/envoys](https://harbour.example/envoys#:~:text=We%20will%20not%20raise%20taxes%2C%20said%20the%20minister.)',
        '',
      ].join('\n'),
    )
  })

  it('cites without attribution when there is no speaker (or the highlight is not a quote)', () => {
    const plain = buildCitedQuote({
      annotation: highlight('Traffic rose by a third.'),
      url: URL_,
      citationText: APA,
    })
    expect(plain).toMatch(/\n> — Kovalenko, D\. \(2026/)
    const claim = buildCitedQuote({
      annotation: highlight('Traffic rose by a third.', {
        kind: 'claim',
        speaker: { name: 'Left over', role: null },
      }),
      url: URL_,
      citationText: APA,
    })
    expect(claim).not.toContain('Left over')
  })

  it('keeps each paragraph of a long quote in the blockquote, and links to its first and last words', () => {
    const markdown = buildCitedQuote({
      annotation: highlight(
        'First part   of the long\nstatement here.\n\nSecond part of it, which ends the quote today.',
        { kind: 'quote', speaker: { name: 'Anatol Brenner', role: null } },
      ),
      url: URL_,
      citationText: APA,
    })
    const lines = markdown.trimEnd().split('\n')
    expect(lines.slice(0, 4)).toEqual([
      '> First part of the long statement here.',
      '>',
      '> Second part of it, which ends the quote today.',
      '>',
    ])
    expect(lines.every((line) => line.startsWith('>'))).toBe(true)
    expect(lines[4]).toContain('> — Anatol Brenner, in ')
    expect(lines[4]).toContain('#:~:text=First%20part%20of%20the,ends%20the%20quote%20today.)')
  })

  it('escapes a hostile quote, speaker and citation so none of them becomes markup', () => {
    const markdown = buildCitedQuote({
      annotation: highlight('# Hi [click](javascript:alert(1)) <img src=x onerror=alert(1)>', {
        kind: 'quote',
        speaker: { name: '<b>Evil</b> [x](https://evil.example)', role: '- role' },
      }),
      url: 'https://example.org/a_b',
      citationText:
        'Doe, J. <script>alert(1)</script> [Title](https://evil.example). https://example.org/a_b',
    })
    expect(markdown).toContain(
      '> \\# Hi \\[click\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\>',
    )
    expect(markdown).toContain('— \\<b\\>Evil\\</b\\> \\[x\\](https://evil.example), - role, in ')
    expect(markdown).toContain(
      'Doe, J. \\<script\\>alert(1)\\</script\\> \\[Title\\](https://evil.example). ',
    )
    // The one link is the passage's, on the citation's URL.
    expect(markdown).toContain(
      '[https://example.org/a\\_b](<https://example.org/a_b#:~:text=%23%20Hi',
    )
    expect(markdown.match(/(^|[^\\])\[/g)).toHaveLength(1)
  })

  it('adds a ⤴ link when the style left the URL out, and none without an http(s) URL', () => {
    const noUrlInText = buildCitedQuote({
      annotation: highlight('Words.'),
      url: URL_,
      citationText: 'Kovalenko, D. (2026). Envoys. Harbour Wire.',
    })
    expect(noUrlInText).toContain(
      '> — Kovalenko, D. (2026). Envoys. Harbour Wire. [⤴](https://harbour.example/envoys#:~:text=Words.)',
    )
    const unsafe = buildCitedQuote({
      annotation: highlight('Words.'),
      url: 'javascript:alert(1)',
      citationText: 'Doe. javascript:alert(1)',
    })
    expect(unsafe).toBe('> Words.\n>\n> — Doe. javascript:alert(1)\n')
  })
})
