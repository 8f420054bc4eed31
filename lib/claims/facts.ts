/**
 * What a sentence offers the claim checks, read once per sentence: its tokens and stems, the
 * parties it names and their roles, and (on first use) its years, stance cues and whether it
 * describes a two-way trade. A cheap first look spares sentences that name nobody.
 */
import { DENIAL_GROUP, type CompiledIndex } from './compile';
import { OWN_WORK_CUES } from './lexicon';
import { assignRoles, shareListRoles, type Mention } from './roles';
import { readCues, type StanceCues } from './stance';
import { nextWordStart, normalise, phraseAt, stem, tokenize, wordEnd, yearsIn, type Token } from './text';

/** Longest alias, in words, that entity recognition tries. */
const MAX_ALIAS_WORDS = 7;

/** What a sentence offers the claim checks, computed once per sentence. */
export interface SentenceFacts {
  tokens: Token[];
  stems: string[];
  stemSet: Set<string>;
  mentions: Mention[];
  parties: Set<string>;
  pair: boolean;
  /** The sentence describes a two-way trade ("oil in exchange for missiles"): both sides give. Read on first use. */
  exchange?: boolean;
  /** The sentence says a country made something alone, read on first use (see claimsOwnWork). */
  ownWork?: boolean;
  /** The years the sentence names, read on first use. */
  years?: { from: number; to: number }[];
  /** The normalised text, for reading stance cues on demand. */
  normalised: string;
  /** Stance cues, read on first use: most sentences never need them. */
  cues?: StanceCues;
  /** Parties (entities and their countries) by role, gathered on first use (see rolesOf). */
  roles?: { givers: Set<string>; receivers: Set<string> };
}

/**
 * The parties (entities and their countries) that give and that receive, read on first use: only
 * a claim with a direction that passed its other gates asks. Sets each mention's role.
 */
export function rolesOf(index: CompiledIndex, facts: SentenceFacts): { givers: Set<string>; receivers: Set<string> } {
  if (!facts.roles) {
    assignRoles(facts.mentions, facts.tokens, facts.normalised, index);
    shareListRoles(facts.mentions, facts.stems, index);
    const givers = new Set<string>();
    const receivers = new Set<string>();
    for (const m of facts.mentions) {
      const set = m.role === 'giver' ? givers : m.role === 'receiver' ? receivers : undefined;
      set?.add(m.entity).add(m.country);
    }
    facts.roles = { givers, receivers };
  }
  return facts.roles;
}

/** The stance cues of a sentence, read once. */
export function cuesOf(facts: SentenceFacts): StanceCues {
  return (facts.cues ??= readCues(facts.normalised, facts.tokens));
}

/** Phrases split into their stems, once: the same few thousand phrases are looked up for every sentence. */
const phraseParts = new Map<string, string[]>();
const PHRASE_CACHE_SIZE = 200_000;

/** A phrase's stems, from the cache. */
export function partsOf(phrase: string): string[] {
  let parts = phraseParts.get(phrase);
  if (!parts) {
    parts = phrase.split(' ');
    if (phraseParts.size >= PHRASE_CACHE_SIZE) phraseParts.clear();
    phraseParts.set(phrase, parts);
  }
  return parts;
}

/** Whether the sentence holds a phrase (its stems, split once per index), or, for the denial group, denies. */
export function hasPhrase(facts: SentenceFacts, parts: readonly string[]): boolean {
  if (parts === DENIAL_PARTS) return cuesOf(facts).denies;
  const first = parts[0] as string;
  if (!facts.stemSet.has(first)) return false;
  if (parts.length === 1) return true;
  const { stems } = facts;
  for (let i = 0; i + parts.length <= stems.length; i++) if (stems[i] === first && phraseAt(stems, i, parts)) return true;
  return false;
}

/** The stand-in parts of the denial group: no words, a denial cue. */
export const DENIAL_PARTS: readonly string[] = Object.freeze([DENIAL_GROUP]);

/** Whether any of the phrases (grouped by their first stem) occurs in `stems`: one pass over the sentence. */
function startsAnyPhrase(byFirst: Map<string, string[][]>, stems: readonly string[]): boolean {
  for (let i = 0; i < stems.length; i++) {
    for (const parts of byFirst.get(stems[i] as string) ?? []) if (phraseAt(stems, i, parts)) return true;
  }
  return false;
}

/** Name lookups derived once per index. */
interface Names {
  /** First stem of an alias → its alias phrases, longest first. */
  aliasesByFirst: Map<string, { parts: string[]; entity: string }[]>;
  /** The "both parties" phrases by their first stem. */
  pairsByFirst: Map<string, string[][]>;
  /** Keys of the first characters of every alias's first word and every "both" word (see mayNameParty). */
  partyPrefixes: Set<number>;
}
const namesCache = new WeakMap<CompiledIndex, Names>();

function prepareNames(index: CompiledIndex): Names {
  let names = namesCache.get(index);
  if (names) return names;
  const aliasesByFirst = new Map<string, { parts: string[]; entity: string }[]>();
  for (const [phrase, entity] of Object.entries(index.aliases)) {
    const parts = phrase.split(' ');
    const list = aliasesByFirst.get(parts[0] as string) ?? [];
    list.push({ parts, entity });
    aliasesByFirst.set(parts[0] as string, list);
  }
  for (const list of aliasesByFirst.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  const pairsByFirst = new Map<string, string[][]>();
  for (const phrase of index.pairPhrases) {
    const parts = phrase.split(' ');
    pairsByFirst.set(parts[0] as string, [...(pairsByFirst.get(parts[0] as string) ?? []), parts]);
  }
  // A stem may have lost a word's ending ("allies" → "ally"), never its first characters: they are
  // what every form of the word starts with (a word of three letters or fewer is its own stem).
  const partyPrefixes = new Set<number>();
  const addPrefix = (word: string) => partyPrefixes.add(prefixKey(word, 0, word.length));
  for (const phrase of Object.keys(index.aliases)) addPrefix(phrase.split(' ')[0] as string);
  // A "both parties" phrase always has a word other than "the" ("two", "both", "each"): a sentence
  // with a word that starts like it gets a full read.
  for (const phrase of index.pairPhrases) addPrefix(phrase.split(' ').find((word) => word !== 'the') ?? phrase);
  names = { aliasesByFirst, pairsByFirst, partyPrefixes };
  namesCache.set(index, names);
  return names;
}

function findMentions(index: CompiledIndex, stems: string[]): Mention[] {
  const { aliasesByFirst } = prepareNames(index);
  const out: Mention[] = [];
  for (let i = 0; i < stems.length; ) {
    let found: Mention | undefined;
    for (const alias of aliasesByFirst.get(stems[i] as string) ?? []) {
      if (alias.parts.length > MAX_ALIAS_WORDS || i + alias.parts.length > stems.length) continue;
      if (phraseAt(stems, i, alias.parts)) {
        found = { entity: alias.entity, country: index.countryOf[alias.entity] ?? alias.entity, first: i, last: i + alias.parts.length - 1 };
        break;
      }
    }
    if (found) {
      out.push(found);
      i = found.last + 1;
    } else i++;
  }
  return out;
}

/** Words of a two-way trade, where each party gives and receives ("paid for the missiles with oil"). */
const EXCHANGE = /\b(?:in exchange|in return|in turn|swap|barter|pa(?:y|ys|id|ying) (?:for|with)|payment)|[a-z]-for-[a-z]/;

/** Whether the sentence describes a two-way trade, read on first use. */
export function isExchange(facts: SentenceFacts): boolean {
  return (facts.exchange ??= EXCHANGE.test(facts.normalised));
}

/** OWN_WORK_CUES, padded to be looked for as whole words in the spaced-out text. */
const OWN_WORK = OWN_WORK_CUES.map((cue) => ` ${cue.replace(/-/g, ' ')} `);

/** Whether the sentence says a country made something alone ("an entirely indigenous design"), read on first use. */
export function claimsOwnWork(facts: SentenceFacts): boolean {
  if (facts.ownWork === undefined) {
    const spaced = ` ${facts.normalised.replace(/[^a-z0-9]+/g, ' ')} `;
    facts.ownWork = OWN_WORK.some((cue) => spaced.includes(cue));
  }
  return facts.ownWork;
}

/** The years the sentence names, read on first use. */
export function yearsOf(facts: SentenceFacts): { from: number; to: number }[] {
  return (facts.years ??= yearsIn(facts.normalised));
}

/** A sentence read in full, without the first look or a cache (for explaining one match). */
export function readSentence(index: CompiledIndex, text: string): SentenceFacts {
  return readFacts(index, normalise(text));
}

/**
 * What one analysis has already read of its sentences: the topic score reads the same sentences
 * right after matching. Opaque to callers; one per article, never shared between articles.
 */
export type FactsCache = Map<string, unknown>;

/** The facts of a sentence, from the caller's cache when this analysis already read it. */
export function factsOf(index: CompiledIndex, text: string, cache?: FactsCache): SentenceFacts {
  let facts = cache?.get(text) as SentenceFacts | undefined;
  if (!facts) {
    const normalised = normalise(text);
    facts = mayNameParty(prepareNames(index), normalised) ? readFacts(index, normalised) : NO_PARTIES;
    cache?.set(text, facts);
  }
  return facts;
}

/** Characters of a word compared with the start of every party name: a cheap first look at a sentence. */
const PREFIX_LENGTH = 3;

/** A number for a word's first characters (up to PREFIX_LENGTH of them), its length included. */
function prefixKey(text: string, start: number, end: number): number {
  let key = Math.min(end - start, PREFIX_LENGTH);
  for (let i = start; i < start + PREFIX_LENGTH && i < end; i++) key = key * 128 + text.charCodeAt(i);
  return key;
}

/**
 * Whether any word of the sentence starts like a party's name, or like a "both parties" word. Most
 * sentences of a long page name nobody: this look spares them tokens, stems and name search. It
 * reads characters, not words: no regex, no strings made per word.
 */
function mayNameParty(prepared: Pick<Names, 'partyPrefixes'>, normalised: string): boolean {
  for (let i = nextWordStart(normalised, 0); i >= 0; ) {
    const end = wordEnd(normalised, i);
    if (prepared.partyPrefixes.has(prefixKey(normalised, i, end))) return true;
    i = nextWordStart(normalised, end);
  }
  return false;
}

/** The facts of a sentence that names no party: nothing to match, nothing for the topic. */
const NO_PARTIES: SentenceFacts = Object.freeze({
  tokens: [],
  stems: [],
  stemSet: new Set<string>(),
  mentions: [],
  parties: new Set<string>(),
  pair: false,
  normalised: '',
}) as SentenceFacts;

/** The common nouns a named entity of a kind stands for, as stems: a named vessel is a "ship". */
const KIND_NOUNS: Readonly<Record<string, readonly string[]>> = {
  vessel: ['ship', 'vessel'].map(stem),
  aircraft: ['plane', 'aircraft'].map(stem),
};

/** Prepositions after which a "not" or "rather than" sets a party aside: "not from Pyongyang", "rather than to Colombo". */
const SET_ASIDE_PREPOSITIONS = new Set(['from', 'to', 'by', 'in']);

/**
 * Whether the party whose name starts at token `first` is named only to be set aside: "came not
 * from Pyongyang but from Libya", "unloaded in Tehran rather than in Colombo", "instead of Iran".
 * Such a party is no actor of the sentence.
 */
function setAsideAt(stems: readonly string[], first: number): boolean {
  const [a, b, c] = [stems[first - 3], stems[first - 2], stems[first - 1]];
  if (b === 'rather' && c === 'than') return true;
  if (b === 'instead' && c === 'of') return true;
  if (c === undefined || !SET_ASIDE_PREPOSITIONS.has(c)) return false;
  return b === 'not' || (a === 'rather' && b === 'than');
}

/** Reads a sentence whose text is already `normalise`d. */
function readFacts(index: CompiledIndex, normalised: string): SentenceFacts {
  const tokens = tokenize(normalised);
  const stems = tokens.map((t) => t.stem);
  const mentions = findMentions(index, stems).filter((m) => !setAsideAt(stems, m.first));
  const parties = new Set<string>();
  for (const m of mentions) {
    parties.add(m.entity);
    parties.add(m.country);
  }
  const stemSet = new Set(stems);
  // A named ship is a ship: "the UAE seized the ANL-Australia" names the vessel a claim requires.
  for (const m of mentions) for (const noun of KIND_NOUNS[index.kinds[m.entity] ?? ''] ?? []) stemSet.add(noun);
  const facts: SentenceFacts = {
    tokens,
    stems,
    stemSet,
    mentions,
    parties,
    pair: false,
    normalised,
  };
  facts.pair = startsAnyPhrase(prepareNames(index).pairsByFirst, stems);
  return facts;
}

