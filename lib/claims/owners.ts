/**
 * Owners of nouns: a nationality adjective or a possessive right before a noun names whose it is
 * ("*North Korean* scientists", "*Iran's* nuclear facilities", "an *Iranian* Cultural Week"). A
 * country's plain name before a word is usually its subject instead ("Iran shared"), so it counts
 * only with "'s".
 */
import type { Token } from './text';

/** The country an alias stem phrase names, or undefined (another kind of entity, or no alias). */
export type CountryAlias = (aliasStems: string) => string | undefined;

/** A CountryAlias over an index's (or a database's) aliases and entity kinds. */
export function countryAliases(aliases: Readonly<Record<string, string>>, kinds: Readonly<Record<string, string>>): CountryAlias {
  return (stems) => {
    const entity = aliases[stems];
    return entity && kinds[entity] === 'country' ? entity : undefined;
  };
}

/** Longest country alias, in words, looked for before a noun. */
const MAX_OWNER_WORDS = 4;
/** Endings of nationality adjectives: Iranian, North Korean, Japanese, Thai, Emirati, British, French, American. */
const DEMONYM = /(?:ian|ean|can|yan|ese|i|ish|ch)$/;

/**
 * The country that owns the word at token `at` and the token its name starts at, or undefined.
 * `countryOf` maps an alias stem phrase to a country id, or to undefined for anything else.
 */
export function ownerBefore(
  tokens: readonly Token[],
  normalised: string,
  at: number,
  countryOf: CountryAlias,
): { country: string; start: number } | undefined {
  for (let n = Math.min(MAX_OWNER_WORDS, at); n >= 1; n--) {
    const words = tokens.slice(at - n, at);
    const country = countryOf(words.map((t) => t.stem).join(' '));
    if (!country) continue;
    const last = words[words.length - 1] as Token;
    // A token keeps its span with the "'s" its word dropped ("iran's" → "iran").
    const raw = normalised.slice(last.start, last.end);
    const possessive = raw.endsWith("'s") || raw.endsWith("'");
    return possessive || DEMONYM.test(last.word) ? { country, start: at - n } : undefined;
  }
  return undefined;
}

/** Words that join owners in a list: "North Korean and Iranian scientists", "Iran's and North Korea's programmes". */
const OWNER_LIST = new Set(['and', 'or']);

/** Every country that owns the word at token `at`: the owner right before it and any listed before that. */
export function ownersBefore(
  tokens: readonly Token[],
  normalised: string,
  at: number,
  countryOf: CountryAlias,
): Set<string> {
  const found = new Set<string>();
  for (let owner = ownerBefore(tokens, normalised, at, countryOf); owner; ) {
    found.add(owner.country);
    const glue = owner.start - 1;
    owner = glue > 0 && OWNER_LIST.has(tokens[glue]?.stem as string) ? ownerBefore(tokens, normalised, glue, countryOf) : undefined;
  }
  return found;
}
