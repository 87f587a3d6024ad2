// Person names and roles in the plain words of a news story: a full name is 2–4 capitalised words
// (O'Neill, Okonkwo-Hart and particles like "van" allowed) that are not an organisation, place or
// title; capitalised titles before it ("Prime Minister", "Dr") are split off into the role. Also
// reads a speaker phrase ("the Ostmarki envoy, Anatol Brenner", "she", "Lindqvist", "the aide").
// Heuristic word lists, no dictionary of names: unknown words that look like names are names.

const WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:['’\-]\p{Lu}?[\p{Ll}\p{M}]+)*`
const PARTICLE = String.raw`(?:van|von|der|de|da|di|du|del|la|le|al|el|bin|ibn|ben|ter)`
/** Runs of capitalised words (with particles between), not glued to other letters. */
const RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’\-])${WORD}(?:\s(?:${PARTICLE}\s)?${WORD})*(?![\p{L}\p{N}])`,
  'gu',
)

/** Capitalised words that start a title or honorific: moved from the name to the role. */
const TITLES = new Set(
  (
    'Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Reverend Father Sister Rabbi Imam ' +
    'Bishop Cardinal Pope King Queen Prince Princess Sheikh President Vice Prime Minister Deputy ' +
    'Secretary Mayor Governor Senator Sen Rep Representative Congressman Congresswoman Councillor ' +
    'Councilor Council Chancellor Ambassador Envoy Judge Justice General Gen Colonel Col Major ' +
    'Captain Capt Lieutenant Lt Sergeant Sgt Admiral Commander Commissioner Inspector Detective ' +
    'Chief Officer Director Chairman Chairwoman Chair Speaker Premier Finance Foreign Interior ' +
    'Defence Defense Health Education Justice Trade Opposition Presidential Resident Attorney ' +
    'Sheriff Coach Manager Spokesman Spokeswoman Spokesperson Executive Founder Editor Minister'
  ).split(' '),
)
const HONORIFICS = new Set('Mr Mrs Ms Miss Mx Dr Prof Sir Dame'.split(' '))

/** Words that make a capitalised run an organisation, place or thing rather than a person. */
const NOT_PERSON = new Set(
  (
    'Ministry Bureau University Institute Council Department Authority Board Association Agency ' +
    'Press Wire Lab Laboratory Observatory Party Alliance Group Bank Court Committee Commission ' +
    'Office Service Services Union Assembly Parliament Government Range River Sea Ocean Road ' +
    'Street Avenue Square Bridge Park Province Region Republic Kingdom Empire State States City ' +
    'Town Village County District Water News Times Post Journal Herald Gazette Rundschau Reader ' +
    'Commons Corridor Formula Living First Order Statistics Policy Climate Economic Media ' +
    'Foundation Trust Fund Company Corp Inc Ltd Airlines Airways Motors Energy Capital Partners ' +
    'Holdings Network Radio Television Broadcasting Centre Center Hospital Clinic School College ' +
    'Academy Church Cathedral Airport Station Port Harbour Harbor Bay Lake Mountain Mountains ' +
    'Island Islands Valley Hills Initiative Plan Act Treaty Accord Summit Forum Conference ' +
    'Festival Cup League Club Team United Front Movement Coalition Federation Nations Museum ' +
    'Gallery Theatre Theater Hall House Palace Tower Centre Mall Market Exchange Index Fund ' +
    'Program Programme Project Agreement Convention Charter Declaration Bill Law Review Report ' +
    'Autonomous Democrats Republicans Socialists Greens Liberals Conservatives Labour Army Navy ' +
    'Police Guard Forces Brigade Regiment Corps Estates Estate Read More Bot Relay Tags Photo ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May ' +
    'June July August September October November December Christmas Easter'
  ).split(' '),
)
/** Capitalised words that start sentences or places, never a person's first name. */
const NOT_FIRST = new Set(
  (
    'The A An In On At To For From With Without By Of As If When While After Before During Since ' +
    'Until Across Against Among Between Through Under Over About Above Below Into Onto Upon This ' +
    'That These Those Her His Their Our Its My Your Both All Some Many Most Several Few Each ' +
    'Every Any No Not Nor And But Or Yet So Then Now Today Yesterday Tomorrow Asked Speaking ' +
    'According Meanwhile However Still Also Instead Elsewhere Later Earlier Once Twice Here There ' +
    'What Who Whom Whose Which Why How Where Lower Upper North South East West Northern Southern ' +
    'Eastern Western Central New Old Great Little Saint St Mount Fort Lake Cape Greater Inner Outer ' +
    'It He She They We You I Our Read Tags Photo Author Source Via Update Updated Analysis Opinion'
  ).split(' '),
)

const MALE =
  /\b(father|son|brother|husband|man|boy|spokesman|chairman|king|prince|uncle|grandfather|nephew|mr|sir|lord|congressman|businessman|councilman)\b/i
const FEMALE =
  /\b(mother|daughter|sister|wife|woman|girl|spokeswoman|chairwoman|queen|princess|aunt|grandmother|niece|mrs|ms|miss|dame|lady|congresswoman|businesswoman|councilwoman)\b/i

export type Gender = 'male' | 'female' | null

export interface NameMatch {
  /** The name without titles, e.g. "Celeste Okonkwo-Hart". */
  name: string
  start: number
  end: number
  /** Capitalised titles split off the front ("Mayor", "Prime Minister"), honorifics dropped. */
  title: string | null
  gender: Gender
}

/** Tokens of a capitalised run with their offsets inside `text`. */
function tokensOf(run: string, offset: number): { word: string; start: number; end: number }[] {
  const tokens: { word: string; start: number; end: number }[] = []
  const re = /\S+/g
  for (let m = re.exec(run); m; m = re.exec(run)) {
    tokens.push({ word: m[0], start: offset + m.index, end: offset + m.index + m[0].length })
  }
  return tokens
}

const stripPossessive = (word: string): string => word.replace(/['’]s?$/, '')

/**
 * Person names in `text` (full names of 2–4 words, and single capitalised words after a title:
 * "Mayor Okonkwo-Hart" gives name "Okonkwo-Hart"). `single` also returns lone capitalised words
 * that may be surnames; the caller decides whether they are.
 */
export function findNames(text: string, options: { single?: boolean } = {}): NameMatch[] {
  const names: NameMatch[] = []
  RUN.lastIndex = 0
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const run = m[0]
    if (!run.includes(' ')) {
      // Fast path for the common case, a lone capitalised word (a sentence start, a place).
      if (!options.single) continue
      const word = stripPossessive(run)
      if (NOT_PERSON.has(word) || NOT_FIRST.has(word) || TITLES.has(word)) continue
      if (m.index >= 4 && /\bthe\s$/i.test(text.slice(m.index - 4, m.index))) continue
      names.push({
        name: word,
        start: m.index,
        end: m.index + word.length,
        title: null,
        gender: null,
      })
      continue
    }
    let tokens = tokensOf(run, m.index)
    // A run ending in "Shipowners’" followed by an organisation word is part of that organisation.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40)
    const joined = /^['’]?s?['’]?\s+(\p{Lu}\p{Ll}+)/u.exec(after)
    if (joined && NOT_PERSON.has(joined[1] ?? '')) continue
    if (tokens.some((t) => NOT_PERSON.has(stripPossessive(t.word)))) continue
    const titleWords: string[] = []
    while (tokens.length > 1 && TITLES.has(stripPossessive(tokens[0]?.word ?? ''))) {
      titleWords.push(tokens[0]?.word ?? '')
      tokens = tokens.slice(1)
    }
    const first = tokens[0]
    const last = tokens[tokens.length - 1]
    if (!first || !last) continue
    if (NOT_FIRST.has(first.word) || TITLES.has(first.word)) {
      if (tokens.length === 1 || titleWords.length > 0) continue
      tokens = tokens.slice(1)
      const next = tokens[0]
      if (!next || NOT_FIRST.has(next.word) || TITLES.has(next.word)) continue
    }
    const nameTokens = tokens.slice(0, 4)
    const lastToken = nameTokens[nameTokens.length - 1]
    const firstToken = nameTokens[0]
    if (!firstToken || !lastToken) continue
    if (nameTokens.length === 1 && titleWords.length === 0 && !options.single) continue
    // The preceding word "the" makes it a thing ("the Riverside estates"), not a person.
    const before = text.slice(Math.max(0, firstToken.start - 4), firstToken.start)
    if (/\bthe\s$/i.test(before) && titleWords.length === 0) continue
    const title = titleWords.filter((w) => !HONORIFICS.has(w.replace(/\.$/, ''))).join(' ')
    const name = text.slice(firstToken.start, lastToken.end)
    names.push({
      name: stripPossessive(name),
      start: firstToken.start,
      end: firstToken.start + stripPossessive(name).length,
      title: title || null,
      gender: genderOf(titleWords.join(' ')),
    })
  }
  return names
}

export function genderOf(words: string): Gender {
  if (MALE.test(words)) return 'male'
  if (FEMALE.test(words)) return 'female'
  return null
}

const DETERMINER = /^(?:the|a|an|her|his|their|its|our|my|your)\s+/i
/** Words a role never runs back over: "told the court that X" gives X no role. */
const ROLE_STOP =
  /^(?:that|which|who|whom|and|or|but|to|by|with|from|for|at|in|on|as|than|said|says|told|tells|added|asked|called|calling|shows|show)$/i
const AGE = /\b\d{1,3}-year-old\b\s*/g

/** A role phrase tidied: no leading determiner, age, honorific or trailing "named". */
export function tidyRole(phrase: string): string | null {
  let role = phrase
    .replace(AGE, '')
    .replace(/\s+(?:named|called)$/i, '')
    .replace(/\b(?:Dr|Mr|Mrs|Ms|Prof)\.?$/, '')
    .replace(/^[\s,—–-]+|[\s,.;:—–-]+$/g, '')
  while (DETERMINER.test(role)) role = role.replace(DETERMINER, '')
  role = role.trim()
  if (!role || !/\p{L}/u.test(role) || role.split(/\s+/).length > 12) return null
  return ADVERBIAL_START.test(role) ? null : role
}

/** The head noun of a role: its last word before a preposition ("aide to the president" → aide). */
export function roleHead(role: string): string {
  const core = role.split(/\s+(?:of|to|for|at|in|with|from|on)\s+|,/i)[0] ?? role
  const words = core.trim().split(/\s+/)
  return (words[words.length - 1] ?? '').toLowerCase().replace(/['’]s$/, '')
}

/**
 * The role written around a name inside a short phrase: words right before it ("Kremlin aide"),
 * else an appositive before ("the envoy, X"), else one after ("X, a spokeswoman for Y";
 * `restAfter` keeps everything after the comma, as in a dash byline), else "X of the Authority".
 */
export function roleAround(
  phrase: string,
  nameStart: number,
  nameEnd: number,
  title: string | null,
  restAfter = false,
): string | null {
  let pre = phrase.slice(0, nameStart).replace(/\b(?:Dr|Mr|Mrs|Ms|Prof)\.?\s*$/, '')
  if (title && pre.trimEnd().endsWith(title)) pre = pre.trimEnd().slice(0, -title.length)
  const post = phrase.slice(nameEnd)
  const segments = pre.split(/[,;:—–(“”"«»„∎]/)
  const last = segments.pop() ?? ''
  // Words right before the name, back to a determiner, punctuation or the start (at most 5).
  let role: string | null = null
  const words = last.trim() === '' ? [] : last.trim().split(/\s+/)
  let from = words.length
  const stops = (w: string | undefined): boolean =>
    DETERMINER.test(`${w} `) || ROLE_STOP.test(w ?? '')
  while (from > 0 && words.length - from < 5 && !stops(words[from - 1])) from--
  const reachedStop = from === 0 || DETERMINER.test(`${words[from - 1] ?? ''} `)
  if (words.length > 0 && reachedStop) role = tidyRole(words.slice(from).join(' '))
  if (title) role = role ? `${role} ${title}` : title
  const nothingBetween = tidyRole(last) === null
  if (!role && nothingBetween && segments.length > 0) {
    // An appositive before: "the Ostmarki envoy, Anatol Brenner".
    role = tidyRole(segments[segments.length - 1] ?? '')
  }
  if (!role) {
    const appositive = /^\s*,\s*([^,.;]+)/.exec(post)
    if (
      appositive &&
      !/^(?:who|which|whose|said|says|told|speaking|including|and|but)\b/i.test(appositive[1] ?? '')
    ) {
      role = tidyRole(restAfter ? post.replace(/^\s*,\s*/, '') : (appositive[1] ?? ''))
    }
  }
  if (!role) {
    const of = /^\s+((?:of|at|from)\s+the\s+[^,.;]+)/.exec(post)
    if (of) role = of[1]?.trim() ?? null
  }
  return role
}

export type SpeakerRef =
  | { kind: 'name'; name: string; role: string | null; gender: Gender }
  | { kind: 'surname'; surname: string; role: string | null }
  | { kind: 'pronoun'; pronoun: string }
  | { kind: 'nominal'; phrase: string; definite: boolean; role: string | null }

const PRONOUN = /^(?:he|she|they|i|we)$/i
const RELATIVE = /,\s*(?:who|which|whose|including|speaking|like)\b[^,]*(?:,|$)/gi
const TRAILING_AUX =
  /\s+(?:has|have|had|was|is|were|are|would|will|also|later|then|previously|repeatedly|once|already|has also|had also|used to|appearing to|appeared to|seemed to|went on to|did|does|do)$/i
const LEADING_CONJUNCTION = /^(?:and|but|or|so|yet|then|that|while|as|because|when)\s+/i

/**
 * What a speaker phrase (the words before a speech verb, or after a verb-first attribution)
 * refers to: a full name with its role, a pronoun, a lone surname, or a description.
 */
export function parseSpeakerPhrase(raw: string): SpeakerRef | null {
  let phrase = raw.replace(/∎+["”’»“„'‘«‹›]*/g, ' ').replace(/\s+/g, ' ')
  phrase = phrase.replace(RELATIVE, ',').trim()
  for (let i = 0; i < 4 && TRAILING_AUX.test(phrase); i++) phrase = phrase.replace(TRAILING_AUX, '')
  phrase = phrase.replace(/^[\s,:;—–-]+|[\s,:;—–-]+$/g, '')
  // Clauses before the last comma are either an appositive ("the envoy, Anatol Brenner") or an
  // adverbial ("In a statement, she"): keep the subject and at most one appositive.
  const segments = phrase.split(/\s*(?:(?<!\d),(?!\d)|[:;—–])\s*/).filter((s) => s !== '')
  let subject = segments[segments.length - 1] ?? ''
  subject = subject.replace(LEADING_CONJUNCTION, '')
  if (subject === '') return null
  const words = subject.split(' ')
  const lastWord = words[words.length - 1] ?? ''
  if (
    PRONOUN.test(lastWord) &&
    (words.length === 1 || /^(?:and|but|as|when|while)$/i.test(words[0] ?? ''))
  ) {
    return { kind: 'pronoun', pronoun: lastWord.toLowerCase() }
  }
  if (PRONOUN.test(words[0] ?? '') && words.length === 1) {
    return { kind: 'pronoun', pronoun: (words[0] ?? '').toLowerCase() }
  }
  // The subject and the appositive before it, unless that one is an adverbial opener.
  const previous = segments[segments.length - 2]
  const withAppositive =
    previous && !isAdverbial(previous) && segments.length >= 2 ? `${previous}, ${subject}` : subject
  const names = findNames(withAppositive)
  const name = names[names.length - 1]
  if (name) {
    return {
      kind: 'name',
      name: name.name,
      role: roleAround(withAppositive, name.start, name.end, name.title),
      gender: genderOf(withAppositive.slice(0, name.start) + ' ' + (name.title ?? '')),
    }
  }
  const single = findNames(subject, { single: true }).filter((n) => !/\s/.test(n.name))
  const lone = single[single.length - 1]
  const others = subject
    .slice(0, lone ? subject.lastIndexOf(lone.name) : 0)
    .split(/\s+/)
    .filter((w) => w !== '' && !TITLES.has(w.replace(/\.$/, '')))
  if (lone && others.length === 0 && subject.endsWith(lone.name)) {
    return { kind: 'surname', surname: lone.name, role: lone.title }
  }
  if (words.length > 12) return null
  const definite = /^the\s/i.test(subject)
  const described = subject.split(/\s+(?:who|which|that|shared|speaking|including)\b/)[0] ?? subject
  return { kind: 'nominal', phrase: subject, definite, role: tidyRole(described) }
}

const ADVERBIAL_START =
  /^(?:in|on|at|after|before|during|across|asked|speaking|according|later|earlier|then|but|and|however|meanwhile|when|while|since|still|yet|also|instead|separately|elsewhere|today|yesterday|for|from|with|by|as|under|despite|although|though|if|published|writing|responding|interviewed|reached)\b/i
function isAdverbial(segment: string): boolean {
  return ADVERBIAL_START.test(segment.trim()) || /^\p{Ll}+ed\b/u.test(segment.trim())
}
