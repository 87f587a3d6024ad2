// Who a speaker phrase means. Collects the people named in the story's own words (outside quotes)
// in order, with a role and a gender when the words around them say so, and resolves a pronoun to
// the last person mentioned (skipping one of the other gender), a lone surname to the first full
// name that ends with it, and "the aide" to the last person whose role has that head noun.
import {
  findNames,
  roleAround,
  roleHead,
  genderOf,
  type Gender,
  type SpeakerRef,
} from './person-names'

export interface Person {
  name: string
  role: string | null
  gender: Gender
  /** Where the full name first appears. */
  firstAt: number
}

export interface Resolved {
  speaker: string | null
  role: string | null
  /** 1 for a name written out, less for a pronoun or surname resolved, least when unresolved. */
  certainty: number
}

interface Mention {
  at: number
  person: Person
}

const SPOKES = /^spokes(?:man|woman|person)$/
const sameHead = (a: string, b: string): boolean => a === b || (SPOKES.test(a) && SPOKES.test(b))
const surnameOf = (name: string): string => name.split(/\s+/).pop() ?? name

export class PeopleIndex {
  private readonly persons = new Map<string, Person>()
  private readonly mentions: Mention[] = []

  /**
   * `masked` is the article with quoted words blanked out; `sentenceOf` gives the bounds of the
   * sentence around an offset (so roles are read within it).
   */
  constructor(masked: string, sentenceOf: (at: number) => { start: number; end: number }) {
    const all = findNames(masked, { single: true })
    for (const match of all) {
      if (!/\s/.test(match.name) && !match.title) continue
      const sentence = sentenceOf(match.start)
      const phrase = masked.slice(sentence.start, Math.min(sentence.end, match.end + 160))
      const offset = match.start - sentence.start
      const role = roleAround(phrase, offset, offset + match.name.length, match.title)
      const before = phrase.slice(Math.max(0, offset - 60), offset)
      const person = this.add(
        match.name,
        role,
        genderOf(`${before} ${match.title ?? ''}`),
        match.start,
      )
      this.mentions.push({ at: match.start, person })
    }
    // Lone surnames of people already named ("Whitcombe said") are mentions too.
    const bySurname = new Map<string, Person>()
    for (const person of this.persons.values()) {
      const surname = surnameOf(person.name)
      if (!bySurname.has(surname)) bySurname.set(surname, person)
    }
    for (const match of all) {
      if (/\s/.test(match.name)) continue
      const person = bySurname.get(match.name)
      if (person && person.firstAt < match.start) this.mentions.push({ at: match.start, person })
    }
    this.mentions.sort((a, b) => a.at - b.at)
  }

  private add(name: string, role: string | null, gender: Gender, at: number): Person {
    const known = this.persons.get(name)
    if (known) {
      known.role ??= role
      known.gender ??= gender
      return known
    }
    const person: Person = { name, role, gender, firstAt: at }
    this.persons.set(name, person)
    return person
  }

  /** Resolves a speaker reference written at offset `at`. */
  resolve(ref: SpeakerRef, at: number): Resolved {
    switch (ref.kind) {
      case 'name': {
        const person = this.add(ref.name, ref.role, ref.gender, at)
        return { speaker: person.name, role: ref.role ?? person.role, certainty: 1 }
      }
      case 'surname': {
        const person = this.bySurname(ref.surname)
        if (person) return { speaker: person.name, role: ref.role ?? person.role, certainty: 0.97 }
        return { speaker: ref.surname, role: ref.role, certainty: 0.85 }
      }
      case 'pronoun': {
        const person = this.lastMentioned(at, ref.pronoun)
        if (person) return { speaker: person.name, role: person.role, certainty: 0.93 }
        return { speaker: null, role: null, certainty: 0.8 }
      }
      case 'nominal': {
        if (ref.definite && ref.role) {
          const head = roleHead(ref.role)
          const person = this.lastMentioned(
            at,
            null,
            (p) => !!p.role && sameHead(roleHead(p.role), head),
          )
          if (person) return { speaker: person.name, role: person.role, certainty: 0.9 }
        }
        return { speaker: null, role: ref.role, certainty: 0.9 }
      }
    }
  }

  /** The first person introduced with this surname (a relative named later keeps a first name). */
  private bySurname(surname: string): Person | null {
    let best: Person | null = null
    for (const person of this.persons.values()) {
      if (surnameOf(person.name) !== surname && !person.name.endsWith(`-${surname}`)) continue
      if (!best || person.firstAt < best.firstAt) best = person
    }
    return best
  }

  private lastMentioned(
    at: number,
    pronoun: string | null,
    accept?: (p: Person) => boolean,
  ): Person | null {
    // Binary search for the last mention before `at`, then walk back a bounded number of steps.
    let lo = 0
    let hi = this.mentions.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.mentions[mid]?.at ?? 0) < at) lo = mid + 1
      else hi = mid
    }
    for (let i = lo - 1, steps = 0; i >= 0 && steps < 40; i--, steps++) {
      const person = this.mentions[i]?.person
      if (!person) continue
      if (pronoun === 'he' && person.gender === 'female') continue
      if (pronoun === 'she' && person.gender === 'male') continue
      if (accept && !accept(person)) continue
      return person
    }
    return null
  }
}
