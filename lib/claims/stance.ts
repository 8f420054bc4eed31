/** The stance of a sentence towards what it reports: asserts, denies or hedges. */
import type { SentenceStance } from '../article/types';
import { DENIAL_CUES, HEDGE_CUES, NON_NEGATING, WEAK_NEGATIONS } from './lexicon';
import { stem, type Token } from './text';

const DENIAL_STEMS = new Set(DENIAL_CUES.filter((w) => !WEAK_NEGATIONS.has(w)).map(stem));
const HEDGE_WORDS = HEDGE_CUES.filter((w) => !w.includes(' '));
const HEDGE_STEMS = new Set(HEDGE_WORDS.map(stem));
const HEDGE_PHRASES = HEDGE_CUES.filter((w) => w.includes(' '));

/**
 * Reads the stance from cue words. A denial verb ("denied", "rejected") or a negation of the
 * sentence's claim ("has never sold", "did not supply") makes it a denial; a hedge word
 * ("reportedly", "according to", "may have") makes it a hedge; otherwise it asserts.
 * `normalised` is the sentence text from `normalise`, `tokens` its tokens.
 */
export function readStance(normalised: string, tokens: readonly Token[]): SentenceStance {
  let text = ` ${normalised.replace(/[^a-z0-9']+/g, ' ')} `;
  for (const phrase of NON_NEGATING) text = text.replaceAll(` ${phrase} `, ' ');
  const words = text.split(' ');
  const denialVerb = tokens.some((t) => DENIAL_STEMS.has(t.stem));
  const negated = words.some((w) => WEAK_NEGATIONS.has(w) || w.endsWith("n't"));
  if (denialVerb || negated) return 'denies';
  if (tokens.some((t) => HEDGE_STEMS.has(t.stem)) || HEDGE_PHRASES.some((p) => text.includes(` ${p} `))) {
    return 'hedges';
  }
  return 'asserts';
}
