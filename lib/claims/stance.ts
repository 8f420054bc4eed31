/** The stance of a sentence towards what it reports: asserts, denies or hedges. */
import type { SentenceStance } from '../article/types';
import { DENIAL_CUES, DISTANCING_CUES, MODAL_CUES, NON_NEGATING, NON_NEGATING_BEFORE, WEAK_NEGATIONS } from './lexicon';
import { stem, type Token } from './text';

const DENIAL_STEMS = new Set(DENIAL_CUES.filter((w) => !WEAK_NEGATIONS.has(w)).map(stem));

function cueSet(cues: readonly string[]) {
  return {
    stems: new Set(cues.filter((w) => !w.includes(' ')).map(stem)),
    /** Phrases padded with spaces, as they are looked for in the spaced-out text. */
    phrases: cues.filter((w) => w.includes(' ')).map((w) => ` ${w} `),
  };
}
const MODAL = cueSet(MODAL_CUES);

const DISTANCING = cueSet(DISTANCING_CUES);

/** The stance cues a sentence holds, read once per sentence. */
export interface StanceCues {
  /** A denial verb ("denied") or a negation ("has never sold", "did not supply") anywhere. */
  denies: boolean;
  /** A denial verb ("denied", "rejected", "dismissed"): it denies whatever the sentence reports. */
  denialVerb: boolean;
  /**
   * Token index of the first negation word ("not", "never", "no", "didn't"), or -1. A negation
   * denies a claim only when it stands before the claim's words: in "a test they could not easily
   * run" or "petrol it did not need" it belongs to a clause after them.
   */
  negationAt: number;
  /** The writer keeps their distance: "reportedly", "allegedly", "according to", "is said to". */
  distancing: boolean;
  /** The writer weighs the odds: "probably", "may have", "likely". */
  modal: boolean;
}

/** Words that turn a negation into an exception: "nothing … except", "no one besides", "nothing … apart from". */
const EXCEPTIONS = ['except', 'besides', 'save', 'apart from', 'other than'].map((phrase) => phrase.split(' '));
/**
 * Negations of a quantity, after which "but" is an exception too ("nothing to offer but a
 * commodity", "no one but Iran"); after "not" it is a contrast ("not to Iran but to Syria").
 */
const QUANTITY_NEGATIONS = new Set(['nothing', 'no', 'nobody']);
/** How far after a negation, in words, an exception may stand. */
const EXCEPTION_WINDOW = 8;

/** Whether the tokens from `at` on are these words. */
function wordsAt(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  return words.every((w, k) => tokens[at + k]?.word === w);
}

/** NON_NEGATING phrases as words. */
const NON_NEGATING_WORDS = NON_NEGATING.map((phrase) => phrase.split(' '));
/** NON_NEGATING_BEFORE phrases as words. */
const NON_NEGATING_BEFORE_WORDS = NON_NEGATING_BEFORE.map((phrase) => phrase.split(' '));

/**
 * Whether token `i` is a negation that negates: not a hyphenated name ("No-dong"), not a phrase
 * that does not negate ("not only", "no longer"), and not a contrast (", not Iran").
 */
function negatesAt(tokens: readonly Token[], i: number, text: string): boolean {
  const token = tokens[i] as Token;
  if (!WEAK_NEGATIONS.has(token.word) && !text.slice(token.start, token.end).endsWith("n't")) return false;
  if (text[token.end] === '-' || text[token.start - 1] === '-') return false;
  if (NON_NEGATING_WORDS.some((words) => wordsAt(tokens, i, words))) return false;
  if (NON_NEGATING_BEFORE_WORDS.some((words) => wordsAt(tokens, i - words.length, words))) return false;
  // "Nothing to offer except oil", "no partner but Iran": an exception affirms.
  for (let k = i + 1; k <= i + EXCEPTION_WINDOW && k < tokens.length; k++) {
    const word = tokens[k] as Token;
    if (EXCEPTIONS.some((words) => wordsAt(tokens, k, words))) return false;
    // "No evidence, but officials believe..." is a contrast: a comma before "but" ends the exception.
    if (word.word === 'but' && QUANTITY_NEGATIONS.has(token.word) && !text.slice((tokens[k - 1] as Token).end, word.start).includes(',')) return false;
  }
  const before = tokens[i - 1];
  return !(token.word === 'not' && before && text.slice(before.end, token.start).includes(','));
}

/**
 * Reads the stance cues of a sentence. `normalised` is its text from `normalise`, `tokens` its tokens.
 */
export function readCues(normalised: string, tokens: readonly Token[]): StanceCues {
  let negationAt = -1;
  for (let i = 0; i < tokens.length && negationAt < 0; i++) if (negatesAt(tokens, i, normalised)) negationAt = i;
  const denialVerb = tokens.some((t) => DENIAL_STEMS.has(t.stem));
  const text = ` ${normalised.replace(/[^a-z0-9'-]+/g, ' ')} `;
  return {
    denies: denialVerb || negationAt >= 0,
    denialVerb,
    negationAt,
    distancing: hasCue(DISTANCING, tokens, text),
    modal: hasCue(MODAL, tokens, text),
  };
}

/** Whether a sentence (its tokens, and its text padded with spaces) holds one of a set of cues. */
function hasCue(cues: typeof MODAL, tokens: readonly Token[], padded: string): boolean {
  return tokens.some((t) => cues.stems.has(t.stem)) || cues.phrases.some((p) => padded.includes(p));
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
 * a claim that itself says "probably". Distancing ("reportedly") always hedges. `wordsEnd` is the
 * token index of the claim's last word in the sentence: a negation after it negates something else.
 */
export function stanceFor(cues: StanceCues, claim: ClaimModality, wordsEnd = Infinity): SentenceStance {
  const denies = cues.denialVerb || (cues.negationAt >= 0 && cues.negationAt < wordsEnd);
  if (denies && !claim.denial) return 'denies';
  if (cues.distancing || (cues.modal && !claim.hedged)) return 'hedges';
  return 'asserts';
}

/** The stance of a sentence towards a plain, unhedged claim. */
export function readStance(normalised: string, tokens: readonly Token[]): SentenceStance {
  return stanceFor(readCues(normalised, tokens), { denial: false });
}
