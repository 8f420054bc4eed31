/** Topic scoring: is a whole article about Iran–DPRK cooperation? A score with its reasons. */
import type { CompiledIndex } from '../claims/compile';
import { DPRK, IRAN } from '../claims/lexicon';
import { partiesIn, type FactsCache } from '../claims/match';
import type { PageSentence, SentenceMatch, TopicVerdict } from './types';

/** An article is on topic at or above this score. */
export const TOPIC_THRESHOLD = 0.5;
/** Weight of matched claims (distinct), saturating at FULL_CLAIMS. */
const W_CLAIMS = 0.5;
const FULL_CLAIMS = 2;
/** Weight of sentences that name both countries, saturating at FULL_LINKS. */
const W_LINKS = 0.25;
const FULL_LINKS = 4;
/** Weight of a headline that names both countries (half for one). */
const W_TITLE = 0.15;
/** Weight of how often the less-named country is named, saturating at FULL_MENTIONS. */
const W_MENTIONS = 0.1;
const FULL_MENTIONS = 4;
/**
 * An article about the two countries' cooperation names both of them throughout: when the
 * less-named one is named less than this share as often as the other, the score shrinks in
 * proportion. An article about Iran's missiles with one aside on the Nodong is about Iran.
 */
const FULL_BALANCE = 0.2;
/**
 * A matched claim counts towards the topic when its sentence names Iran or North Korea and the
 * other was named in it or in this many sentences before.
 */
const CLAIM_LINK_SENTENCES = 5;

/** Scores an article from its sentences and the claims matched in them. */
export function scoreTopic(
  index: CompiledIndex,
  title: string,
  sentences: readonly PageSentence[],
  matches: readonly SentenceMatch[],
  /** The matcher's cache for this article, so each sentence is read once. */
  cache?: FactsCache,
): TopicVerdict {
  let iran = 0;
  let dprk = 0;
  let links = 0;
  // A link is a sentence that names both countries, or names one while the sentence before it
  // names the other ("A North Korean plane was seized. It was bound for Iran.").
  let previous = { iran: false, dprk: false };
  // Sentences that name one country while it or the few sentences before name the other.
  const linking = new Set<number>();
  let lastIran = -Infinity;
  let lastDprk = -Infinity;
  sentences.forEach((sentence, at) => {
    const { parties, pair } = partiesIn(index, sentence.text, cache);
    const hasIran = parties.has(IRAN);
    const hasDprk = parties.has(DPRK);
    if (hasIran) iran++;
    if (hasDprk) dprk++;
    const withPrevious = (hasIran && previous.dprk) || (hasDprk && previous.iran);
    if ((hasIran && hasDprk) || (pair && (hasIran || hasDprk)) || withPrevious) links++;
    if (hasIran) lastIran = at;
    if (hasDprk) lastDprk = at;
    if ((hasIran || hasDprk || pair) && at - Math.min(lastIran, lastDprk) <= CLAIM_LINK_SENTENCES) linking.add(at);
    previous = { iran: hasIran, dprk: hasDprk };
  });
  const headline = partiesIn(index, title).parties;
  const titleBoth = headline.has(IRAN) && headline.has(DPRK);
  const titleOne = headline.has(IRAN) || headline.has(DPRK);
  // A claim counts when its sentence is near both countries: one that borrowed a party from far
  // back ("the Nodong first flew in 1993" in a history of the Scud) is too weak to make an article
  // about their cooperation.
  const counted = matches.filter((m) => linking.has(m.sentenceIndex));
  const claims = new Set(counted.map((m) => m.claimId));
  // Two claims on one sentence are one piece of evidence: claims count up to the sentences they are on.
  const evidence = Math.min(claims.size, new Set(counted.map((m) => m.sentenceIndex)).size);

  const balance = Math.min(iran, dprk) / Math.max(iran, dprk, 1);
  const score =
    (W_CLAIMS * Math.min(1, evidence / FULL_CLAIMS) +
      W_LINKS * Math.min(1, links / FULL_LINKS) +
      W_TITLE * (titleBoth ? 1 : titleOne ? 0.5 : 0) +
      W_MENTIONS * Math.min(1, Math.min(iran, dprk) / FULL_MENTIONS)) *
    Math.min(1, balance / FULL_BALANCE);
  const reasons: string[] = [];
  if (claims.size > 0) reasons.push(`${claims.size} claim${claims.size === 1 ? '' : 's'} from the database: ${[...claims].slice(0, 5).join(', ')}`);
  if (links > 0) reasons.push(`${links} sentence${links === 1 ? '' : 's'} link Iran and North Korea`);
  if (titleBoth) reasons.push('the headline names both countries');
  reasons.push(`Iran named in ${iran} sentence${iran === 1 ? '' : 's'}, North Korea in ${dprk}`);
  if (balance < FULL_BALANCE && claims.size > 0) reasons.push(`mostly about ${iran > dprk ? 'Iran' : 'North Korea'}: the other country is named in passing`);
  return {
    onTopic: score >= TOPIC_THRESHOLD && claims.size > 0,
    score: Math.round(score * 1000) / 1000,
    reasons,
  };
}
