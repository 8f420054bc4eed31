/** Text normalisation for matching: one canonical form of words so that spelling variants meet. */

const NON_ASCII = /[^\u0020-\u007e\t\n\r]/;

/** Folds case, accents, curly quotes and dashes; keeps letters, digits and a few joiners. */
export function normalise(text: string): string {
  // Plain ASCII (most English news) has no accents, curly quotes or dashes to fold.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-');
}

/** A word of a sentence, with its character span in the normalised text. */
export interface Token {
  /** The normalised word. */
  word: string;
  /** Its stem (see `stem`). */
  stem: string;
  start: number;
  end: number;
}

/** Whether a character code is a-z or 0-9: what words are made of in normalised text. */
const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isLetterCode = (c: number) => c >= 97 && c <= 122;
const APOSTROPHE = 39;

/**
 * Where the next run of a–z and 0–9 in normalised text starts, at or after `from`, or -1. With
 * `wordEnd`, the loops that read words by character codes (tokens, the first look) allocate nothing.
 */
export function nextWordStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isWordCode(text.charCodeAt(i))) return i;
  return -1;
}

/** The end of the run of a–z and 0–9 that starts at `start`. */
export function wordEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Splits normalised text into word tokens ("north-korean" → "north", "korean"; "iran's" → "iran",
 * "'s" dropped; "didn't" → "didnt"). A word is a run of a–z and 0–9, with an apostrophe and the
 * letters after it; it reads character codes, with no regex (this is the matcher's hot path).
 */
export function tokenize(normalised: string): Token[] {
  const out: Token[] = [];
  const n = normalised.length;
  for (let i = nextWordStart(normalised, 0); i >= 0; ) {
    let end = wordEnd(normalised, i);
    let word = normalised.slice(i, end);
    if (end + 1 < n && normalised.charCodeAt(end) === APOSTROPHE && isLetterCode(normalised.charCodeAt(end + 1))) {
      let after = end + 2;
      while (after < n && isLetterCode(normalised.charCodeAt(after))) after++;
      // "iran's" → "iran"; "didn't" → "didnt".
      if (after - end !== 2 || normalised.charCodeAt(end + 1) !== 115) word += normalised.slice(end + 1, after);
      end = after;
    }
    out.push({ word, stem: stem(word), start: i, end });
    i = nextWordStart(normalised, end);
  }
  return out;
}

/** Irregular forms that a suffix-stripper cannot join to their base. */
const IRREGULAR: Record<string, string> = {
  sold: 'sell', sent: 'send', gave: 'give', given: 'give', bought: 'buy', got: 'get', gotten: 'get',
  took: 'take', taken: 'take', made: 'make', built: 'build', held: 'hold', began: 'begin', begun: 'begin',
  brought: 'bring', flew: 'fly', flown: 'fly', met: 'meet', said: 'say', told: 'tell', sought: 'seek',
  paid: 'pay', led: 'lead', knew: 'know', known: 'know', saw: 'see', seen: 'see', went: 'go', gone: 'go',
  shipped: 'ship', shipping: 'ship', ships: 'ship', hid: 'hide', hidden: 'hide', stole: 'steal',
  children: 'child', men: 'man', women: 'woman',
  did: 'do', done: 'do', has: 'have', had: 'have', was: 'be', were: 'be', is: 'be', are: 'be', been: 'be',
  denied: 'deny', denies: 'deny', supplies: 'supply', supplied: 'supply', allies: 'ally',
  grew: 'grow', grown: 'grow', broke: 'break', broken: 'break', lent: 'lend', stood: 'stand', sat: 'sit',
  fell: 'fall', fallen: 'fall', spoke: 'speak', spoken: 'speak', wrote: 'write', written: 'write', kept: 'keep', came: 'come', fought: 'fight', caught: 'catch',
};

/**
 * A light English stemmer: irregular forms, then plural and verb suffixes. It only needs to join
 * the inflections of one word ("supplies", "supplied", "supplying"), not to be linguistically right.
 */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const result = stemUncached(word);
  if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
  stemCache.set(word, result);
  return result;
}

/** Words whose stems are remembered: news vocabulary repeats, and stemming is the hot path. */
const STEM_CACHE_SIZE = 50_000;
const stemCache = new Map<string, string>();

function stemUncached(word: string): string {
  let w = IRREGULAR[word] ?? word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(?:ch|sh|x|z|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = restoreE(w.slice(0, -2));
  else if (w.endsWith('ing') && w.length > 5) w = restoreE(w.slice(0, -3));
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/**
 * The base left by "-ed"/"-ing": "shipp" → "ship", "transferr" → "transfer" (keeping "ll"/"ss" that
 * belong to the word), and a short consonant-vowel-consonant base gets back the "e" it lost:
 * "giv" → "give", "mak" → "make", so "giving" meets "give".
 */
function restoreE(w: string): string {
  const undoubled = undouble(w);
  if (undoubled !== w) return undoubled;
  return w.length === 3 && /^[^aeiou][aeiou][^aeiouwxy]$/.test(w) ? `${w}e` : w;
}

/** "shipp" → "ship", "transferr" → "transfer"; keeps "ll"/"ss" endings that are part of the word. */
function undouble(w: string): string {
  const last = w.at(-1);
  if (last && last === w.at(-2) && !'lsz'.includes(last)) return w.slice(0, -1);
  return w;
}

/** Whether `stems` holds the stems of a phrase (`parts`) from position `at` on. */
export function phraseAt(stems: readonly string[], at: number, parts: readonly string[]): boolean {
  if (at < 0 || at + parts.length > stems.length) return false;
  for (let k = 0; k < parts.length; k++) if (stems[at + k] !== parts[k]) return false;
  return true;
}

/** Stems of a phrase, in order: the key form used in the lexicon and the index. */
export function stemPhrase(phrase: string): string[] {
  return tokenize(normalise(phrase)).map((t) => t.stem);
}

/** A wire story's dateline at the start of a sentence: a place, then a date with its year. */
const DATELINE = /^[a-z][a-z .'-]{1,40}, (?:[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [a-z]{3,9}\.? \d{4})\b/;

/** Years written in the text: "1987", "the 1980s" (as a decade), "'87" is not read. */
export function yearsIn(normalised: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  const re = /\b(1[89]\d\d|20\d\d)(s)?\b/g;
  // A wire story's dateline ("BANGKOK, May 14, 2010 (Agency) --") dates the report, not the event.
  re.lastIndex = DATELINE.exec(normalised)?.[0].length ?? 0;
  for (let m = re.exec(normalised); m !== null; m = re.exec(normalised)) {
    const year = Number(m[1]);
    out.push(m[2] ? { from: year, to: year + 9 } : { from: year, to: year });
  }
  return out;
}
