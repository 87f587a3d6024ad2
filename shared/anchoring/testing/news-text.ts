// Invented wire-style news prose for anchoring tests: the shape of the items our users read (a
// headline repeated at the top, a photo credit, quotes with attributions in several shapes, scare
// quotes, a byline and date, a bot footer). Phrases recur on purpose ("the envoy said", "the
// talks", "the ministry said in a statement", the headline itself) so searches meet decoys.

export const NEWS_PARAGRAPHS: readonly string[] = [
  'Envoys resume ceasefire talks as border towns count the cost',
  'Envoys resume ceasefire talks as border towns count the cost',
  'Envoys resume ceasefire talks as border towns count the cost',
  'Photo: Northern Press Agency / Lena Marsh',
  'GENEVA — Negotiators from both governments returned to the table on Thursday for a third round of ceasefire talks, a week after shelling forced the evacuation of two border towns and left the main road to the coast closed to traffic.',
  '“We are not here to sign anything today, but we are here to listen,” the envoy said, adding that the talks had been “substantive” and “frank” and that both delegations had agreed to meet again on Monday.',
  'The aide said: “Nobody should expect a breakthrough this week. What we want is a mechanism that holds when the guns go quiet, and a mechanism that holds when they do not.”',
  'The ministry said in a statement that it had “no intention of withdrawing” from the talks, but that any agreement would depend on the return of the 412 families displaced since March. The ministry said in a statement later on Thursday that it would publish the list of families.',
  'In Kellerby, the larger of the two towns, residents described nights spent in basements and a school turned into a shelter. “We have been told the talks are going well, and we have been told that before,” said Mara Ostrowski, 54, a nurse at the district hospital, which has been running on generators since the power line was cut.',
  'Aid groups say the cost of rebuilding the road, the water station and the hospital wing could exceed 80 million euros. The World Food Programme said it had delivered 1,200 tonnes of flour since the start of the month, but that convoys were still being turned back at the checkpoint outside Dunmore.',
  'Critics of the process point to the so-called “Board of Reconciliation” initiative, launched last year with much fanfare, which met twice and then quietly stopped. “The board was a press release, not a plan,” one former official said, speaking on condition of anonymity because he was not authorised to comment.',
  'Analysts were cautious. “Third rounds are where talks either find a mechanism or find an excuse,” said Tomas Breuer of the Institute for Regional Security. He said the envoy had spent much of the past month shuttling between the two capitals, and that the envoy said little in public because every word was read as a concession.',
  'The talks are expected to continue into next week. The ministry said in a statement on Friday morning that the road to the coast would reopen to aid convoys from Saturday, a claim the other side did not immediately confirm.',
  'Markets barely moved on the news. The currency, which fell 4 per cent in the week of the shelling, was little changed on Friday, and bond yields edged lower as investors bet that the talks would at least prevent a wider conflict.',
  'Back in Kellerby, the school reopened for two hours on Friday so that children could collect their books. “It is not normal, but it is something,” said a teacher, who asked that her name not be used. Outside, volunteers were loading blankets onto a truck bound for Dunmore.',
  'Jonas Feld',
  'Fri, 01/23/2026 – 10:40',
  'Northern Press AgencyRead More',
  'Author: Relay Bot',
  'This is the imported news bot.',
]

export const NEWS_TEXT = NEWS_PARAGRAPHS.join('\n\n')

/** Other sentences in the same register, used as inserted text in generated edits. */
export const EXTRA_SENTENCES: readonly string[] = [
  'The talks were adjourned for lunch shortly after noon.',
  'Officials declined to say when the next round would begin.',
  'A spokesman for the envoy said the delegations had exchanged written proposals.',
  'Residents of Dunmore said the checkpoint had been closed for three days.',
  'The hospital said it had enough fuel for another week.',
  'Correction: an earlier version of this story misstated the number of displaced families.',
  'Editor’s note: this story has been updated with comments from the ministry.',
  'The envoy said the talks would resume on Monday.',
  'Aid convoys were turned back again on Thursday evening.',
  'The school has been used as a shelter since March.',
  'Both sides accused each other of breaking the truce overnight.',
  '“We need the road open,” a truck driver said.',
]

/** Single words for in-quote insertions and replacements. */
export const EXTRA_WORDS: readonly string[] = [
  'reportedly',
  'again',
  'still',
  'only',
  'already',
  'largely',
  'formally',
  'briefly',
  'also',
  'now',
]
