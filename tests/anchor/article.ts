// A made-up news story (invented ship, people and events), written for the re-anchoring tests:
// the article text as the annotator reads it, paragraphs joined by blank lines.

/** The story's paragraphs, in order. */
export const PARAGRAPHS: readonly string[] = [
  'Coast guard officers boarded the bulk carrier Silver Heron at dawn on Tuesday, roughly forty nautical miles south of the port of Chabahar, and ordered its crew of twenty-two to sail under escort to the nearest anchorage. The vessel, registered in Togo and managed by a company in Dubai, had switched off its transponder eleven days earlier.',
  'Officials said the ship was carrying 340 tonnes of what its manifest described as agricultural machinery. A preliminary inspection, they added, found crates of precision-machined aluminium tubes and two containers of carbon fibre that did not appear on any document aboard.',
  'According to two people familiar with the inspection, the tubes match the dimensions of rotor casings used in gas centrifuges, although neither would say whether laboratory tests had been ordered. The carbon fibre, one of them said, was of a grade that exporters in most countries need a licence to sell.',
  "The Silver Heron's recent route is hard to reconstruct. Satellite images reviewed by a maritime research group show a ship of the same length and colour moored beside a pier at Nampo, on North Korea's west coast, in the second week of March. The group cautioned that it could not confirm the identity of the vessel from the images alone.",
  'A spokesman for the managing company denied that the ship had visited any North Korean port. "The Silver Heron has never called at Nampo or at any other port under sanctions," he said in a written statement, adding that the transponder had failed because of an electrical fault.',
  'Sanctions experts were unconvinced. Ships linked to illicit trade often turn off their transponders near sensitive ports, said a former member of a United Nations panel that monitors the embargo, and ship-to-ship transfers at night make the true origin of a cargo hard to trace.',
  'The crew, most of them from Myanmar and Bangladesh, were being questioned on Wednesday. The captain, a national of a third country, has not been charged. Lawyers for the owners said they would seek the release of the ship and its cargo within the week.',
  'Whatever the tests show, the seizure is the first of its kind in the region this year, and it is likely to renew pressure on port authorities to inspect vessels that go dark for days at a time.',
];

/** Joins paragraphs the way the article text does. */
export const join = (paragraphs: readonly string[]): string => paragraphs.join('\n\n');

/** The article text. */
export const ARTICLE = join(PARAGRAPHS);

/** A highlight: the quoted words, and which occurrence of them in ARTICLE (0 = first). */
export interface Highlight {
  quote: string;
  occurrence: number;
}

/** The reader's highlights on the story. */
export const HIGHLIGHTS = {
  /** End of a sentence, in the first paragraph. */
  transponder: { quote: 'switched off its transponder eleven days earlier', occurrence: 0 },
  /** Mid-sentence, in the second paragraph. */
  cargo: { quote: '340 tonnes of what its manifest described as agricultural machinery', occurrence: 0 },
  /** The claim the story is about. */
  tubes: { quote: 'the tubes match the dimensions of rotor casings used in gas centrifuges', occurrence: 0 },
  /** A whole paragraph, longer than the long-quote threshold. */
  paragraph: { quote: PARAGRAPHS[2] as string, occurrence: 0 },
  /** The satellite evidence. */
  satellite: { quote: 'a ship of the same length and colour moored beside a pier at Nampo', occurrence: 0 },
  /** A single word that occurs twice: the second, in the denial. */
  nampo: { quote: 'Nampo', occurrence: 1 },
  /** The experts' view. */
  experts: { quote: 'Ships linked to illicit trade often turn off their transponders near sensitive ports', occurrence: 0 },
  /** Across a paragraph break. */
  across: { quote: 'seek the release of the ship and its cargo within the week.\n\nWhatever the tests show', occurrence: 0 },
} satisfies Record<string, Highlight>;

/** Offset of the `occurrence`-th occurrence of `quote` in `text` (throws when there is none: a broken test). */
export function offsetOf(text: string, quote: string, occurrence = 0): number {
  let at = text.indexOf(quote);
  for (let i = 0; i < occurrence && at >= 0; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`Test text lacks occurrence ${occurrence} of: ${quote}`);
  return at;
}
