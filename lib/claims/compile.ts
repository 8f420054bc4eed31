/** Build-time compilation of the claim database into a compact, JSON-serialisable match index. */
import { CONCEPTS, NOUN_FORMS, PAIR_PHRASES, STOP_WORDS } from './lexicon';
import { readCues } from './stance';
import { countryAliases, ownersBefore, type CountryAlias } from './owners';
import { normalise, phraseAt, stemPhrase, tokenize } from './text';
import type { Claim, ClaimDatabase, Entity } from './types';

/** Bumped whenever the compiled shape changes. */
export const INDEX_VERSION = 3;

/** One claim as the matcher sees it. */
export interface CompiledClaim {
  id: string;
  /** Entity ids that must be named (or implied) in a sentence stating the claim. */
  actors: string[];
  from?: string;
  to?: string;
  /** Concept groups: each alternative is a space-joined stem phrase. */
  groups: string[][];
  /** Claim years (inclusive), when the claim is dated. */
  years?: [number, number];
  /** The claim's date is approximate: a year either side still matches. */
  approximate?: boolean;
  /** Informative stems of each wording (statement, phrasings), for similarity. */
  wordings: string[][];
  /** True for claims that report a denial ("Tehran denied ..."): asserting them is not denying. */
  denial: boolean;
  /** True for claims whose own statement hedges ("probably built"): a hedging sentence asserts them. */
  hedged?: boolean;
  /**
   * Required phrases whose owner the statement names right before them ("*North Korean*
   * scientists", "*Iranian* Cultural Week"): phrase → country. A sentence that gives the phrase
   * another owner ("Iranian scientists") reports something else.
   */
  owners?: Record<string, string>;
}

/** The compiled index: claims, entity aliases and the candidate postings. */
export interface CompiledIndex {
  version: number;
  claims: CompiledClaim[];
  /** Alias stem phrase → entity id. */
  aliases: Record<string, string>;
  /** Entity id → the country it belongs to (a system's country, a person's government). */
  countryOf: Record<string, string>;
  /** Entity id → kind. */
  kinds: Record<string, Entity['kind']>;
  /** Rarest stem of a phrase → claim indexes whose rarest concept group holds that phrase ("@actor" for claims without groups). */
  postings: Record<string, number[]>;
  /** Stem → inverse document frequency over claim wordings. */
  idf: Record<string, number>;
  /** Stem phrases standing for "both parties". */
  pairPhrases: string[];
}

/**
 * Each word of a concept maps to its concept's stems. A word in two concepts ("ship": a vessel, or
 * to send) is ambiguous and expands to nothing: the claim's own synonyms must cover it.
 */
function conceptStems(): Map<string, string[]> {
  const byStem = new Map<string, string[]>();
  const ambiguous = new Set<string>();
  for (const words of Object.values(CONCEPTS)) {
    const phrases = words.map((w) => stemPhrase(w).join(' '));
    words.forEach((word, i) => {
      const phrase = phrases[i] as string;
      if (byStem.has(phrase)) ambiguous.add(phrase);
      byStem.set(phrase, NOUN_FORMS.has(word) ? [phrase] : phrases);
    });
  }
  for (const phrase of ambiguous) byStem.delete(phrase);
  return byStem;
}

/** Marks a concept group that a denial satisfies: "denied", "rejected", "not agreed"... */
export const DENIAL_GROUP = '@denial';
const DENIAL_STEMS = new Set((CONCEPTS.deny ?? []).map((w) => stemPhrase(w).join(' ')));

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function contentStems(text: string): string[] {
  return [...new Set(tokenize(normalise(text)).filter((t) => !STOP_WORDS.has(t.word)).map((t) => t.stem))];
}

function compileClaim(claim: Claim, concepts: Map<string, string[]>): CompiledClaim {
  const groups = claim.match.require.map((group) => {
    const alternatives = new Set<string>();
    for (const word of group) {
      const phrase = stemPhrase(word).join(' ');
      if (!phrase) continue;
      alternatives.add(phrase);
      for (const synonym of concepts.get(phrase) ?? []) alternatives.add(synonym);
      if (DENIAL_STEMS.has(phrase)) alternatives.add(DENIAL_GROUP);
    }
    return [...alternatives];
  });
  const compiled: CompiledClaim = {
    id: claim.id,
    actors: [...new Set(claim.actors)],
    groups: groups.filter((g) => g.length > 0),
    wordings: [claim.statement, ...claim.match.phrasings].map(contentStems),
    denial: claim.topics.includes('denial'),
  };
  const normalised = normalise(claim.statement);
  if (readCues(normalised, tokenize(normalised)).modal) compiled.hedged = true;
  if (claim.direction) {
    compiled.from = claim.direction.from;
    compiled.to = claim.direction.to;
  }
  if (claim.time) {
    compiled.years = [yearOf(claim.time.start), yearOf(claim.time.end ?? claim.time.start) + (claim.time.precision === 'decade' ? 9 : 0)];
    if (claim.time.precision === 'approximate' || claim.time.precision === 'decade') compiled.approximate = true;
  }
  return compiled;
}

/**
 * The countries a statement names as owners of its required phrases (see owners.ts): "North
 * Korean scientists" gives { scientist: "dprk" }.
 */
function ownersOf(statement: string, groups: string[][], countryOf: CountryAlias): Record<string, string> {
  const normalised = normalise(statement);
  const tokens = tokenize(normalised);
  const stems = tokens.map((t) => t.stem);
  const owners: Record<string, string> = {};
  const shared = new Set<string>();
  for (const phrase of new Set(groups.flat())) {
    const parts = phrase.split(' ');
    for (let i = 0; i + parts.length <= stems.length; i++) {
      if (!phraseAt(stems, i, parts)) continue;
      const found = ownersBefore(tokens, normalised, i, countryOf);
      const owner = [...found][0];
      if (!owner) continue;
      // "Iran's and North Korea's nuclear programmes": the phrase has no one owner.
      if (found.size > 1 || (owners[phrase] !== undefined && owners[phrase] !== owner)) shared.add(phrase);
      owners[phrase] = owner;
    }
  }
  for (const phrase of shared) delete owners[phrase];
  return owners;
}

/** Compiles a validated database. Pure: the same database always gives the same index. */
export function compileIndex(db: Pick<ClaimDatabase, 'claims' | 'entities'>): CompiledIndex {
  const concepts = conceptStems();
  const claims = db.claims.map((c) => compileClaim(c, concepts));

  const aliases: Record<string, string> = {};
  const countryOf: Record<string, string> = {};
  const kinds: Record<string, Entity['kind']> = {};
  for (const entity of db.entities) {
    kinds[entity.id] = entity.kind;
    if (entity.country) countryOf[entity.id] = entity.country;
    for (const alias of [entity.name, ...entity.aliases]) {
      const key = stemPhrase(alias).join(' ');
      if (key && !(key in aliases)) aliases[key] = entity.id;
    }
  }

  const countryAlias = countryAliases(aliases, kinds);
  db.claims.forEach((claim, i) => {
    const owners = ownersOf(claim.statement, (claims[i] as CompiledClaim).groups, countryAlias);
    if (Object.keys(owners).length > 0) (claims[i] as CompiledClaim).owners = owners;
  });

  // Each claim is posted under the rarest word of each alternative of its rarest concept group: a
  // sentence can state the claim only if it holds that word, so a posting list stays as short as
  // its word is rare ("kalo-123" is posted under "123", not under the "kalo" of hundreds of names).
  const stemDf = new Map<string, number>();
  for (const claim of claims) {
    for (const s of new Set(claim.groups.flat().flatMap((phrase) => phrase.split(' ')))) stemDf.set(s, (stemDf.get(s) ?? 0) + 1);
  }
  const keyOf = (phrase: string) =>
    phrase.split(' ').reduce((best, s) => ((stemDf.get(s) ?? 0) < (stemDf.get(best) ?? 0) ? s : best));
  const postings: Record<string, number[]> = {};
  const post = (key: string, index: number) => {
    (postings[key] ??= []).push(index);
  };
  claims.forEach((claim, index) => {
    // A group that a bare negation satisfies cannot be looked up by its words.
    const groups = claim.groups.filter((group) => !group.includes(DENIAL_GROUP));
    if (groups.length === 0) {
      // No group to look up: post under the claim's actors (rare in practice).
      for (const actor of claim.actors) post(`@${actor}`, index);
      return;
    }
    let rarest = groups[0] as string[];
    let rarestCost = Infinity;
    for (const group of groups) {
      const cost = group.reduce((sum, phrase) => sum + (stemDf.get(keyOf(phrase)) ?? 0), 0);
      if (cost < rarestCost) {
        rarest = group;
        rarestCost = cost;
      }
    }
    for (const key of new Set(rarest.map(keyOf))) post(key, index);
  });

  const wordingDf = new Map<string, number>();
  for (const claim of claims) {
    for (const s of new Set(claim.wordings.flat())) wordingDf.set(s, (wordingDf.get(s) ?? 0) + 1);
  }
  const idf: Record<string, number> = {};
  for (const [s, n] of wordingDf) idf[s] = Math.log(1 + claims.length / n);

  return {
    version: INDEX_VERSION,
    claims,
    aliases,
    countryOf,
    kinds,
    postings,
    idf,
    pairPhrases: PAIR_PHRASES.map((p) => stemPhrase(p).join(' ')),
  };
}
