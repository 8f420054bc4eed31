/** The stance of a sentence towards what it reports: asserts, denies or hedges. */
import type { SentenceStance } from '../article/types';
import { DENIAL_CUES, DISTANCING_CUES, MODAL_CUES, NON_NEGATING, WEAK_NEGATIONS } from './lexicon';
import { stem, type Token } from './text';

const DENIAL_STEMS = new Set(DENIAL_CUES.filter((w) => !WEAK_NEGATIONS.has(w)).map(stem));

function cueSet(cues: readonly string[]) {
  return {
    stems: new Set(cues.filter((w) => !w.includes(' ')).map(stem)),
    phrases: cues.filter((w) => w.includes(' ')),
  };
}
const MODAL = cueSet(MODAL_CUES);
/** A word every NON_NEGATING phrase starts with: most sentences have none, and skip those phrases. */
const MAY_NEGATE = new RegExp(` (?:${[...new Set(NON_NEGATING.map((p) => p.split(' ')[0]))].join('|')}) `);
const DISTANCING = cueSet(DISTANCING_CUES);

/** The stance cues a sentence holds, read once per sentence. */
export interface StanceCues {
  /** A denial verb ("denied") or a negation ("has never sold", "did not supply"). */
  denies: boolean;
  /** The writer keeps their distance: "reportedly", "allegedly", "according to", "is said to". */
  distancing: boolean;
  /** The writer weighs the odds: "probably", "may have", "likely". */
  modal: boolean;
}

/**
 * Reads the stance cues of a sentence. `normalised` is its text from `normalise`, `tokens` its tokens.
 * Hyphenated words stay whole, so "No-dong" is a missile and not a negation; a contrast
 * (", not Iran") negates no claim.
 */
export function readCues(normalised: string, tokens: readonly Token[]): StanceCues {
  let text = ` ${normalised.replace(/,\s*not\b/g, ' ').replace(/[^a-z0-9'-]+/g, ' ')} `;
  if (MAY_NEGATE.test(text)) for (const phrase of NON_NEGATING) text = text.replaceAll(` ${phrase} `, ' ');
  const words = text.split(' ');
  const has = (cues: typeof MODAL) => tokens.some((t) => cues.stems.has(t.stem)) || cues.phrases.some((p) => text.includes(` ${p} `));
  return {
    denies: tokens.some((t) => DENIAL_STEMS.has(t.stem)) || words.some((w) => WEAK_NEGATIONS.has(w) || w.endsWith("n't")),
    distancing: has(DISTANCING),
    modal: has(MODAL),
  };
}

/** What a claim's own statement already says: a denial it reports, odds it weighs. */
export interface ClaimModality {
  /** The claim reports a denial ("Tehran denied ..."). */
  denial: boolean;
  /** The claim's statement itself hedges ("probably built"). */
  hedged?: boolean;
}

/**
 * The stance of a sentence towards one claim. Stance is relative to the claim: a sentence that
 * reports a denial asserts a claim about that denial, and a sentence that says "probably" asserts
 * a claim that itself says "probably". Distancing ("reportedly") always hedges.
 */
export function stanceFor(cues: StanceCues, claim: ClaimModality): SentenceStance {
  if (cues.denies && !claim.denial) return 'denies';
  if (cues.distancing || (cues.modal && !claim.hedged)) return 'hedges';
  return 'asserts';
}

/** The stance of a sentence towards a plain, unhedged claim. */
export function readStance(normalised: string, tokens: readonly Token[]): SentenceStance {
  return stanceFor(readCues(normalised, tokens), { denial: false });
}
