// Reads the words around a quote for who said it: "…,” X said", "said X, a spokeswoman for Y",
// "X said: “…”", "X told reporters the plan was “…”", "according to X", "— Name, role" bylines and
// "…, she was blunt: “…”". Works on masked text (quoted words blanked with MASK) so a quote's own
// words never look like an attribution. Returns a speaker reference; resolving it is elsewhere.
import { parseSpeakerPhrase, type SpeakerRef } from './person-names'

/** The character quoted words are blanked with in the masked text. */
export const MASK = '∎'
/** Words between a quote and a speech verb after it ("…,” the envoy, X, said"). */
const MAX_SPEAKER_WORDS = 12

const VERB_WORDS =
  'said|says|say|saying|told|tells|tell|added|adds|asked|asks|warned|warns|wrote|writes|write|' +
  'stated|states|insisted|insists|explained|explains|noted|notes|argued|argues|claimed|claims|' +
  'replied|replies|tweeted|tweets|posted|commented|comments|responded|responds|recalled|recalls|' +
  'admitted|acknowledged|acknowledges|announced|announces|declared|declares|continued|conceded|' +
  'concedes|suggested|suggests|predicted|urged|urges|complained|complains|quipped|joked|observed|' +
  'remarked|cautioned|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|promised|promises|vowed|' +
  'vows|pledged|boasted|confirmed|confirms|denied|denies|alleged|alleges|mused|shouted|testified|' +
  'reads|described|describes|describe|called|calls|call|hailed|put it|pointed out|told reporters'
export const VERB = new RegExp(String.raw`\b(?:${VERB_WORDS})\b`, 'gi')
const VERB_FIRST = new RegExp(String.raw`^(?:${VERB_WORDS})\b`, 'i')
export const CALL = /^call(?:s|ed)?$/i

export type How =
  | 'after'
  | 'before'
  | 'colon'
  | 'dash'
  | 'according'
  | 'partial'
  | 'joined'
  | 'paragraph'
  | 'previous-paragraph'

export function attributionAfter(
  after: string,
): { ref: SpeakerRef | null; according: boolean } | null {
  const according = /^according to\s+([^.;]+)/i.exec(after)
  if (according) return { ref: parseSpeakerPhrase(according[1] ?? ''), according: true }
  const verbFirst = VERB_FIRST.exec(after)
  if (verbFirst) {
    const rest = after.slice(verbFirst[0].length).split(/[.;]/)[0] ?? ''
    const ref = verbFirstSpeaker(rest)
    return ref ? { ref, according: false } : null
  }
  VERB.lastIndex = 0
  const verb = VERB.exec(after)
  if (!verb) return null
  const phrase = after.slice(0, verb.index)
  if (phrase.trim() === '' || phrase.includes(MASK) || /\b(?:that|which|what)\b/i.test(phrase))
    return null
  if (phrase.trim().split(/\s+/).length > MAX_SPEAKER_WORDS) return null
  if (
    /^(?:and|but|or|which|that|on|in|at|for|to|with|of|as|because|so|if|when)\b/i.test(
      phrase.trim(),
    )
  ) {
    return null
  }
  return { ref: parseSpeakerPhrase(phrase), according: false }
}

/** "said Jane Doe, a spokeswoman for X" / "said the minister" → the speaker after the verb. */
function verbFirstSpeaker(rest: string): SpeakerRef | null {
  const trimmed = rest.replace(/^\s+(?:reporters\s+|journalists\s+)?/, '')
  const cut =
    trimmed.split(/\s+(?:on|at|in|during|after|before|when|while|as)\s+(?=\p{Ll})/u)[0] ?? trimmed
  const ref = parseSpeakerPhraseWithAppositive(cut)
  return ref
}

function parseSpeakerPhraseWithAppositive(phrase: string): SpeakerRef | null {
  // Keep "Jane Doe, a spokeswoman for X" together: the name comes first here.
  const [head, ...rest] = phrase.split(',')
  const ref = parseSpeakerPhrase(head ?? '')
  if (ref?.kind === 'name' && !ref.role && rest.length > 0) {
    const full = parseSpeakerPhrase(`${rest.join(',')}, ${head ?? ''}`)
    if (full?.kind === 'name' && full.role) return { ...ref, role: full.role, gender: full.gender }
  }
  return ref
}

export function parseDashByline(line: string): SpeakerRef | null {
  const [head, ...rest] = line.split(',')
  const ref = parseSpeakerPhrase(head ?? '')
  if (ref?.kind === 'name' && rest.length > 0 && !ref.role) {
    const role = rest.join(',').trim()
    return { ...ref, role: role || null }
  }
  return ref
}

export interface Before {
  ref: SpeakerRef | null
  /** Offset of the speaker phrase within `before`. */
  at: number
  how: How
  terminology: boolean
}

export function attributionBefore(before: string): Before | null {
  const trimmed = before.trimEnd()
  const according = /according to\s+([^,]+?),?\s*$/i.exec(trimmed)
  if (according) {
    return {
      ref: parseSpeakerPhrase(according[1] ?? ''),
      at: according.index,
      how: 'according',
      terminology: false,
    }
  }
  const verbs: RegExpExecArray[] = []
  VERB.lastIndex = 0
  for (let m = VERB.exec(before); m; m = VERB.exec(before)) verbs.push(m)
  for (let v = verbs.length - 1; v >= 0 && v >= verbs.length - 3; v--) {
    const verb = verbs[v]
    if (!verb) continue
    const pre = before.slice(0, verb.index)
    const tail = before.slice(verb.index + verb[0].length)
    if (CALL.test(verb[0]) && /\bwhat\s+(?:\S+\s+){0,3}$/i.test(pre)) {
      const ref = parseSpeakerPhrase(pre.replace(/^.*\bwhat\s+/is, ''))
      if (!ref || ref.kind === 'nominal')
        return { ref: null, at: 0, how: 'partial', terminology: true }
    }
    const clauseStart = Math.max(
      pre.lastIndexOf(':') + 1,
      pre.lastIndexOf(';') + 1,
      pre.lastIndexOf(MASK) + 1,
    )
    const subject = pre.slice(clauseStart)
    const ref = parseSpeakerPhrase(subject)
    if (!ref) continue
    if (ref.kind === 'nominal' && !isSubjectPhrase(ref.phrase)) continue
    const adjacent = /[:,]\s*$/.test(tail) && tail.trim().split(/\s+/).length <= 6
    return { ref, at: clauseStart, how: adjacent ? 'before' : 'partial', terminology: false }
  }
  // "…, she was blunt: “…”" — a colon after a clause whose subject is a person.
  if (/:\s*$/.test(trimmed)) {
    const clause = trimmed.slice(0, -1).split(/[,;:]/).pop() ?? ''
    const subject = /^\s*(\S+(?:\s+\S+)?)/.exec(clause)?.[1] ?? ''
    for (const candidate of [subject.split(/\s+/)[0] ?? '', subject]) {
      const ref = parseSpeakerPhrase(candidate)
      if (ref && (ref.kind === 'pronoun' || ref.kind === 'name' || ref.kind === 'surname')) {
        return { ref, at: trimmed.length - clause.length, how: 'colon', terminology: false }
      }
    }
  }
  return null
}

/** A description that can be a subject: not a dangling "to the units but" or "and". */
function isSubjectPhrase(phrase: string): boolean {
  const p = phrase.trim()
  return (
    !/^[”"’»“„'‘«]|^(?:to|of|in|on|at|for|with|and|but|or|that|which|as|than|from|by)\b/i.test(p) &&
    !/\b(?:and|but|or|that|to|of|the|a|an|for|with|as|than|were|was|is|are|be)$/i.test(p)
  )
}
