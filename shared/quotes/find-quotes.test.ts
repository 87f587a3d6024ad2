import { describe, expect, it } from 'vitest'
import { findQuotes, type FoundQuote } from './find-quotes'
import { scanQuoteMarks } from './scan-quote-marks'

const p = (...blocks: string[]): string => blocks.join('\n\n')
const speech = (text: string): FoundQuote[] => findQuotes(text).filter((q) => q.isSpeech)
const only = (text: string): FoundQuote => {
  const found = findQuotes(text).filter((q) => q.depth === 0)
  expect(found).toHaveLength(1)
  return found[0] as FoundQuote
}

describe('findQuotes: marks', () => {
  it('reads curly double quotes and gives offsets of the words inside the marks', () => {
    const text = 'Intro. “We will win,” the coach, Ann Berg, said.'
    const q = only(text)
    expect(q.text).toBe('We will win,')
    expect(text.slice(q.start, q.end)).toBe(q.text)
    expect(q).toMatchObject({ speaker: 'Ann Berg', role: 'coach', isSpeech: true, kind: 'speech' })
  })

  it('reads straight double quotes', () => {
    expect(only('"It is over," said Tom Reyes, a spokesman for the club.')).toMatchObject({
      text: 'It is over,',
      speaker: 'Tom Reyes',
      role: 'spokesman for the club',
    })
  })

  it('reads single quotes used for speech, curly and straight', () => {
    expect(only('‘We are ready,’ Mia Holt said.').speaker).toBe('Mia Holt')
    expect(only("'We are ready,' Mia Holt said.").text).toBe('We are ready,')
  })

  it("does not take apostrophes for quote marks (don’t, Ruth’s, the ’90s, the '27 date)", () => {
    const text =
      "Don’t ask Ruth’s team about the ’90s. It isn't the '27 date that worries the residents' group."
    expect(findQuotes(text)).toEqual([])
    expect(only('“We don’t know about the ’90s,” Lee Park said.').text).toBe(
      'We don’t know about the ’90s,',
    )
  })

  it('reads «», „“ and ‹›', () => {
    expect(only('«Nous restons», Anne Leroy said.').speaker).toBe('Anne Leroy')
    expect(only('„Wir bleiben“, Karl Weber said.').speaker).toBe('Karl Weber')
    expect(only('‹Wir bleiben›, Karl Weber said.').text).toBe('Wir bleiben')
  })

  it('finds a quote inside a quote at depth 1, never as speech', () => {
    const found = findQuotes('“He said ‘never again’ and meant it,” Eva Lund said.')
    expect(found.map((q) => [q.text, q.depth, q.isSpeech])).toEqual([
      ['He said ‘never again’ and meant it,', 0, true],
      ['never again', 1, false],
    ])
  })

  it('reads a quote whose opening mark is missing when a speaker follows it', () => {
    const text = p(
      'Talks resumed.',
      'there will be no preconditions,” the spokesman, Kasimir Doll, said.',
    )
    const q = only(text)
    expect(q).toMatchObject({ text: 'there will be no preconditions,', speaker: 'Kasimir Doll' })
    expect(q.start).toBe(text.indexOf('there'))
    expect(q.confidence).toBeLessThan(0.9)
  })

  it('ignores a lone closing mark with no speaker after it', () => {
    expect(findQuotes('The size was 6” across and heavy.')).toEqual([])
  })

  it('runs a quote over paragraphs that each open with a mark, leaving the inner marks out', () => {
    const text = p(
      'Ruth Abernathy said:',
      '“First paragraph of the statement.',
      '“Second paragraph of it.',
      '“Last one.”',
      'Reporters left.',
    )
    const q = only(text)
    expect(q.text).toBe('First paragraph of the statement.\n\nSecond paragraph of it.\n\nLast one.')
    expect(text.slice(q.start, q.end)).toBe(
      'First paragraph of the statement.\n\n“Second paragraph of it.\n\n“Last one.',
    )
    expect(q.speaker).toBe('Ruth Abernathy')
  })

  it('closes an unclosed quote at its paragraph end when the next paragraph does not continue it', () => {
    const q = only(p('Jana Novak said: “We will appeal the ruling in full', 'The court adjourned.'))
    expect(q.text).toBe('We will appeal the ruling in full')
    expect(q.isSpeech).toBe(true)
  })
})

describe('findQuotes: speakers', () => {
  it('reads “…,” X said / X said: “…” / X told … / according to X / X added', () => {
    expect(only('“Enough,” Jo Bell said.').speaker).toBe('Jo Bell')
    expect(only('Jo Bell said: “Enough is enough.”').speaker).toBe('Jo Bell')
    expect(only('Jo Bell told reporters the plan was “dead on arrival.”').speaker).toBe('Jo Bell')
    expect(only('According to Jo Bell, “nothing was signed.”').speaker).toBe('Jo Bell')
    const text = 'Jo Bell arrived late. Bell added: “We tried.”'
    expect(only(text).speaker).toBe('Jo Bell')
  })

  it('keeps the role written before the name or around it', () => {
    expect(only('Kremlin aide Yuri Ushakov said: “No date is set.”').role).toBe('Kremlin aide')
    expect(only('“No,” the Ostmarki envoy, Anatol Brenner, said.').role).toBe('Ostmarki envoy')
    expect(only('“No,” said Jane Doe, a spokeswoman for Acme.').role).toBe('spokeswoman for Acme')
    expect(only('Prime Minister Irena Vask said: “We go on.”')).toMatchObject({
      speaker: 'Irena Vask',
      role: 'Prime Minister',
    })
  })

  it('resolves he/she/they to the last person mentioned, skipping one of the other gender', () => {
    const text =
      'Saoirse Lindqvist grew up by the river. Her father, Erik Holm, farmed. “It taught me patience,” she said.'
    expect(only(text).speaker).toBe('Saoirse Lindqvist')
    expect(only('Pavel Sorokin arrived. “We are ready,” he said.').speaker).toBe('Pavel Sorokin')
  })

  it('resolves a surname to the full name, and to the first one introduced when two share it', () => {
    const text = p(
      'Saoirse Lindqvist studies ice. Her father, a farmer named Erik Lindqvist, kept cows.',
      '“It is melting,” Lindqvist said.',
    )
    expect(only(text).speaker).toBe('Saoirse Lindqvist')
  })

  it('resolves "the aide" to the last person with that role, or leaves the speaker unknown', () => {
    const named =
      'An aide to the president, Miroslav Hauke, spoke. The aide said: “We agreed to talk.”'
    expect(only(named)).toMatchObject({ speaker: 'Miroslav Hauke', role: 'aide to the president' })
    const unnamed = 'A senior aide spoke anonymously. The aide said: “The fees are on the table.”'
    expect(only(unnamed)).toMatchObject({ speaker: null, role: 'aide', isSpeech: true })
  })

  it('gives an organisation or a group no speaker but keeps it as the role', () => {
    expect(
      only('The interior ministry said the closures were “temporary and proportionate.”'),
    ).toMatchObject({
      speaker: null,
      role: 'interior ministry',
      isSpeech: true,
    })
  })

  it('reads a blockquote byline on the next line ("— Name, role")', () => {
    const q = only(
      p(
        '“Planners need to be ready for the second phase.”',
        '— Dr Matteo Farrant, hydrologist, University of Kellhaven',
      ),
    )
    expect(q).toMatchObject({
      speaker: 'Matteo Farrant',
      role: 'hydrologist, University of Kellhaven',
    })
  })

  it('gives a second quote in a paragraph the speaker of the first', () => {
    const found = speech(
      '“We have closed eleven chapters,” Ilse Marrow said. “Nobody should pretend otherwise.”',
    )
    expect(found.map((q) => q.speaker)).toEqual(['Ilse Marrow', 'Ilse Marrow'])
  })

  it('takes partial quotes as speech: “substantive” and “frank” after a speech verb', () => {
    const found = findQuotes('Both sides called the talks “substantive” and “frank,” and left.')
    expect(found.map((q) => [q.text, q.isSpeech, q.speaker, q.role])).toEqual([
      ['substantive', true, null, 'Both sides'],
      ['frank,', true, null, 'Both sides'],
    ])
  })
})

describe('findQuotes: not speech', () => {
  it('takes so-called quotes as scare quotes', () => {
    expect(only('The so-called ‘reforms’ cut pensions.')).toMatchObject({
      kind: 'scare',
      isSpeech: false,
    })
  })

  it('takes a film or a headline in quotes as a title', () => {
    expect(only('She starred in the film “The Long Winter Road” last year.')).toMatchObject({
      kind: 'title',
      isSpeech: false,
    })
    expect(only('It ran under the headline „Die Grenze, die funktioniert“.').kind).toBe('title')
  })

  it('takes a capitalised name in quotes as a name: “Board of Reconciliation”, nicknamed “Ice Memory”', () => {
    expect(only('The talks run under the “Board of Reconciliation” initiative.').kind).toBe('name')
    expect(only('The project, nicknamed “Ice Memory,” starts soon.').kind).toBe('name')
  })

  it('takes a short quote without a speech verb as a scare quote with low confidence', () => {
    const q = only('Glaciers will soon pass “peak water” in the range.')
    expect(q).toMatchObject({ kind: 'scare', isSpeech: false })
    expect(q.confidence).toBeLessThan(0.5)
  })

  it('takes terminology ("what hydrologists call “…”") and words mentioned as non-speech', () => {
    expect(only('They pass what hydrologists call “peak water.”').isSpeech).toBe(false)
    expect(only('The caption uses the word “admits”, which misleads.').isSpeech).toBe(false)
  })

  it('finds no speech in a relay footer', () => {
    const footer = p(
      'Daria Kovalenko',
      'Fri, 01/23/2026 – 10:40',
      'Meridian PressRead More',
      'Author: NewsRelay Bot',
      'This is the imported news bot.',
      'Tags: "Harbourgate", "Ostmark politics"',
    )
    expect(speech(footer)).toEqual([])
  })
})

describe('scanQuoteMarks', () => {
  it('pairs marks linearly and reports depth', () => {
    const spans = scanQuoteMarks('“a ‘b’ c” and «d»')
    expect(spans.map((s) => [s.start, s.end, s.depth])).toEqual([
      [1, 8, 0],
      [4, 5, 1],
      [15, 16, 0],
    ])
  })
})
