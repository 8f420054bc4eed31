/** Sentence → claim matching: entity and concept gates, direction and year checks, weighted scoring. */
import type { PageSentence, SentenceMatch } from '../article/types';
import { DENIAL_GROUP, type CompiledClaim, type CompiledIndex } from './compile';
import { FROM_MARKERS, GIVER_VERBS, RECEIVER_VERBS, TO_MARKERS } from './lexicon';
import { readCues, stanceFor, type StanceCues } from './stance';
import { normalise, stem, tokenize, yearsIn, type Token } from './text';

/** Score every gated claim starts from: it names the parties and every required concept. */
export const W_GATES = 0.5;
/** Weight of word coverage: IDF-weighted share of the closest wording's words found in the sentence. */
export const W_COVERAGE = 0.35;
/** Bonus when the sentence names a year inside the claim's time span. */
export const W_YEAR = 0.1;
/** Bonus when the sentence's grammar confirms the claim's direction (who gave to whom). */
export const W_DIRECTION = 0.05;
/** Lowest score reported as a match. */
export const MATCH_THRESHOLD = 0.62;
/** Other claims of one sentence are kept only within this margin of its best (a year bonus wide). */
export const TIE_MARGIN = 0.1;
/** Cost of taking one party from the sentence before: a direct statement outranks it. */
export const CONTEXT_PENALTY = 0.05;
/** Most claims one sentence may state. */
export const MAX_CLAIMS_PER_SENTENCE = 2;
/** Longest alias, in words, that entity recognition tries. */
const MAX_ALIAS_WORDS = 7;
/** Years outside an approximate claim's span by at most this much still match (reports round and lag). */
const APPROXIMATE_YEAR_TOLERANCE = 1;

const GIVER_STEMS = new Set([...GIVER_VERBS].map(stem));
const RECEIVER_STEMS = new Set([...RECEIVER_VERBS].map(stem));
const TO_STEMS = new Set([...TO_MARKERS]);
const FROM_STEMS = new Set([...FROM_MARKERS]);
/** Words that may stand between a party and its verb ("Iran *has reportedly* bought"). */
const SKIPPABLE = new Set(['now', 'probably', 'likely', 'still', 'may', 'have', 'be', 'also', 'reportedly', 'allegedly', 'had', 'once', 'later', 'then', 'subsequently', 'secretly', 'openly', 'itself', 'repeatedly', 'will', 'would', 'could', 'may', 'might', 'did', 'do', 'not', 'never', 'already', 'long', 'apparently', 'agre', 'agree', 'to', 'help']);

/** Verbs whose subject gives without being a transfer verb: who helps, assists or shares gives. */
const SUBJECT_GIVES = new Set(['help', 'assist', 'aid', 'share', 'advise', 'train', 'bankroll', 'fund', 'finance'].map(stem));

/** A party named in a sentence, and the role its grammar gives it. */
interface Mention {
  entity: string;
  country: string;
  first: number;
  last: number;
  role?: 'giver' | 'receiver';
}

/** What a sentence offers the claim checks, computed once per sentence. */
interface SentenceFacts {
  tokens: Token[];
  stems: string[];
  stemSet: Set<string>;
  mentions: Mention[];
  parties: Set<string>;
  pair: boolean;
  years: { from: number; to: number }[];
  cues: StanceCues;
}

function hasPhrase(facts: SentenceFacts, phrase: string): boolean {
  if (phrase === DENIAL_GROUP) return facts.cues.denies;
  const parts = phrase.split(' ');
  const first = parts[0] as string;
  if (!facts.stemSet.has(first)) return false;
  if (parts.length === 1) return true;
  for (let i = 0; i + parts.length <= facts.stems.length; i++) {
    if (facts.stems[i] !== first) continue;
    if (parts.every((p, k) => facts.stems[i + k] === p)) return true;
  }
  return false;
}

/** Lookup structures derived once per index (Maps beat object lookups on hot paths). */
interface Prepared {
  /** First stem of an alias → its alias phrases, longest first. */
  aliasesByFirst: Map<string, { parts: string[]; entity: string }[]>;
  postings: Map<string, number[]>;
  idf: Map<string, number>;
}
const preparedCache = new WeakMap<CompiledIndex, Prepared>();

function prepare(index: CompiledIndex): Prepared {
  let prepared = preparedCache.get(index);
  if (prepared) return prepared;
  const aliasesByFirst = new Map<string, { parts: string[]; entity: string }[]>();
  for (const [phrase, entity] of Object.entries(index.aliases)) {
    const parts = phrase.split(' ');
    const list = aliasesByFirst.get(parts[0] as string) ?? [];
    list.push({ parts, entity });
    aliasesByFirst.set(parts[0] as string, list);
  }
  for (const list of aliasesByFirst.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  prepared = {
    aliasesByFirst,
    postings: new Map(Object.entries(index.postings)),
    idf: new Map(Object.entries(index.idf)),
  };
  preparedCache.set(index, prepared);
  return prepared;
}

function findMentions(index: CompiledIndex, stems: string[]): Mention[] {
  const { aliasesByFirst } = prepare(index);
  const out: Mention[] = [];
  for (let i = 0; i < stems.length; ) {
    let found: Mention | undefined;
    for (const alias of aliasesByFirst.get(stems[i] as string) ?? []) {
      if (alias.parts.length > MAX_ALIAS_WORDS || i + alias.parts.length > stems.length) continue;
      if (alias.parts.every((part, k) => stems[i + k] === part)) {
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

/** Gives each country mention a role from the words around it; see the rules inline. */
function assignRoles(mentions: Mention[], tokens: readonly Token[], index: CompiledIndex): void {
  const stems = tokens.map((t) => t.stem);
  for (const m of mentions) {
    if (index.kinds[m.entity] === 'system') continue; // a missile's country is its maker, not a party
    let before = m.first - 1;
    if (stems[before] === 'the') before--;
    const prev = stems[before] ?? '';
    // "to Iran", "bound for Iran" → receiver; "from Pyongyang" → giver.
    if (TO_STEMS.has(prev)) m.role = 'receiver';
    else if (FROM_STEMS.has(prev)) m.role = 'giver';
    // "supplied Iran with", "helped Tehran" → the object receives.
    else if (GIVER_STEMS.has(prev) || prev === 'help' || prev === 'assist' || prev === 'arm') m.role = 'receiver';
    else if (prev === 'by') {
      // passive agent: "sold by North Korea" gives, "bought by Iran" receives.
      const verb = stems.slice(Math.max(0, before - 4), before).reverse().find((s) => GIVER_STEMS.has(s) || RECEIVER_STEMS.has(s));
      if (verb) m.role = GIVER_STEMS.has(verb) ? 'giver' : 'receiver';
    }
    if (m.role) continue;
    // Subject position: the first verb after the party, skipping auxiliaries and adverbs.
    let j = m.last + 1;
    let passive = false;
    while (j < stems.length && SKIPPABLE.has(stems[j] as string)) {
      if (stems[j] === 'be') passive = true;
      j++;
    }
    const verb = stems[j] ?? '';
    // "be giving" is progressive, not passive: only a participle after "be" turns the roles round.
    if ((tokens[j]?.word ?? '').endsWith('ing')) passive = false;
    if (GIVER_STEMS.has(verb) || SUBJECT_GIVES.has(verb)) m.role = passive ? 'receiver' : 'giver';
    else if (RECEIVER_STEMS.has(verb)) m.role = passive ? 'giver' : 'receiver';
  }
}

/** Words that join the members of a list of parties ("to Iran, Libya and North Korea"). */
const LIST_GLUE = new Set(['and', 'or', 'as', 'well', 'also', 'both', 'the', 'nor']);

/** A party listed right after another shares its role: "sold to Iran and North Korea" makes both receivers. */
function shareListRoles(mentions: Mention[], stems: string[], index: CompiledIndex): void {
  for (let k = 1; k < mentions.length; k++) {
    const prev = mentions[k - 1] as Mention;
    const m = mentions[k] as Mention;
    // A system is what changes hands, never a party: "sold Iran the Nodong-1".
    if (!prev.role || m.role || index.kinds[m.entity] === 'system') continue;
    const gap = stems.slice(prev.last + 1, m.first);
    if (gap.length <= 3 && gap.every((s) => LIST_GLUE.has(s))) m.role = prev.role;
  }
}

/**
 * What one analysis has already read of its sentences: the topic score reads the same sentences
 * right after matching. Opaque to callers; one per article, never shared between articles.
 */
export type FactsCache = Map<string, unknown>;

/** The facts of a sentence, from the caller's cache when this analysis already read it. */
function factsOf(index: CompiledIndex, text: string, cache?: FactsCache): SentenceFacts {
  let facts = cache?.get(text) as SentenceFacts | undefined;
  if (!facts) {
    facts = readFacts(index, text);
    cache?.set(text, facts);
  }
  return facts;
}

function readFacts(index: CompiledIndex, text: string): SentenceFacts {
  const normalised = normalise(text);
  const tokens = tokenize(normalised);
  const stems = tokens.map((t) => t.stem);
  const mentions = findMentions(index, stems);
  assignRoles(mentions, tokens, index);
  shareListRoles(mentions, stems, index);
  const parties = new Set<string>();
  for (const m of mentions) {
    parties.add(m.entity);
    parties.add(m.country);
  }
  const facts: SentenceFacts = {
    tokens,
    stems,
    stemSet: new Set(stems),
    mentions,
    parties,
    pair: false,
    years: yearsIn(normalised),
    cues: readCues(normalised, tokens),
  };
  facts.pair = index.pairPhrases.some((p) => hasPhrase(facts, p));
  return facts;
}

/**
 * The parties a sentence must name (or imply through a person, organisation or system of theirs)
 * to state the claim: the two ends of its direction, or else the countries among its actors.
 */
function requiredParties(index: CompiledIndex, claim: CompiledClaim): string[] {
  const countries = claim.actors.filter((a) => index.kinds[a] === 'country');
  if (claim.from && claim.to) return [...new Set([claim.from, claim.to, ...countries])];
  return countries.length > 0 ? countries : claim.actors;
}

/** Scores one claim against one sentence; undefined when a gate fails. */
function scoreClaim(
  index: CompiledIndex,
  claim: CompiledClaim,
  facts: SentenceFacts,
  context: ReadonlySet<string>,
): number | undefined {
  // Gate 1: the parties. "The two countries" stands for both when the sentence names neither; a
  // sentence that names one party may take the other from the sentence before it ("A North Korean
  // plane was seized. Iran denied it was bound for the Islamic Republic."), at a small cost.
  const required = requiredParties(index, claim);
  const named = (set: ReadonlySet<string>, p: string) => set.has(p) || set.has(index.countryOf[p] ?? p);
  const missing = required.filter((p) => !named(facts.parties, p));
  let contextPenalty = 0;
  if (missing.length > 0 && !(facts.pair && missing.length <= 2)) {
    const fromContext = missing.length === 1 && required.length > 1 && named(context, missing[0] as string);
    if (!fromContext) return undefined;
    contextPenalty = CONTEXT_PENALTY;
  }
  // Gate 2: every concept group.
  if (!claim.groups.every((group) => group.some((phrase) => hasPhrase(facts, phrase)))) return undefined;
  // Gate 3: a year the sentence names must fall in the claim's span.
  let yearBonus = 0;
  if (claim.years && facts.years.length > 0) {
    const [from, to] = claim.years;
    const slack = claim.approximate ? APPROXIMATE_YEAR_TOLERANCE : 0;
    const inside = facts.years.some((y) => y.to >= from - slack && y.from <= to + slack);
    if (!inside) return undefined;
    yearBonus = W_YEAR;
  }
  // Gate 4: direction and third parties. A party in the wrong role, or an outsider as the
  // receiver or giver, means the sentence reports another transfer.
  let directionBonus = 0;
  if (claim.from && claim.to) {
    const givers = new Set(facts.mentions.filter((m) => m.role === 'giver').map((m) => m.country));
    const receivers = new Set(facts.mentions.filter((m) => m.role === 'receiver').map((m) => m.country));
    // Reversed ("Iran sold to North Korea"), or both on one side ("sold to Iran and North Korea").
    if (givers.has(claim.to) || receivers.has(claim.from)) return undefined;
    const outsider = (set: Set<string>, own: string) =>
      set.size > 0 && !set.has(own) && [...set].some((c) => !claim.actors.includes(c) && index.kinds[c] === 'country');
    if (outsider(receivers, claim.to) || outsider(givers, claim.from)) return undefined;
    if (givers.has(claim.from) || receivers.has(claim.to)) directionBonus = W_DIRECTION;
  }
  // Coverage: the closest of the claim's wordings, weighted by how rare each word is.
  const { idf } = prepare(index);
  let coverage = 0;
  for (const wording of claim.wordings) {
    let total = 0;
    let found = 0;
    for (const s of wording) {
      const weight = idf.get(s) ?? 1;
      total += weight;
      if (facts.stemSet.has(s)) found += weight;
    }
    if (total > 0) coverage = Math.max(coverage, found / total);
  }
  return Math.min(1, W_GATES + W_COVERAGE * coverage + yearBonus + directionBonus) - contextPenalty;
}

/** Claims worth checking for a sentence: postings of its words, never a scan of every claim. */
function candidates(index: CompiledIndex, facts: SentenceFacts): Set<number> {
  const { postings } = prepare(index);
  const out = new Set<number>();
  for (const s of facts.stemSet) for (const i of postings.get(s) ?? []) out.add(i);
  for (const p of facts.parties) for (const i of postings.get(`@${p}`) ?? []) out.add(i);
  return out;
}

/** Matches each sentence against the index; returns matches in sentence order. */
export function matchSentences(index: CompiledIndex, sentences: readonly PageSentence[], cache?: FactsCache): SentenceMatch[] {
  const out: SentenceMatch[] = [];
  let context: ReadonlySet<string> = new Set();
  sentences.forEach((sentence, sentenceIndex) => {
    const facts = factsOf(index, sentence.text, cache);
    const previous = context;
    context = facts.parties;
    if (facts.parties.size === 0 && !facts.pair) return;
    const scored: { claim: CompiledClaim; score: number }[] = [];
    for (const i of candidates(index, facts)) {
      const claim = index.claims[i] as CompiledClaim;
      const score = scoreClaim(index, claim, facts, previous);
      if (score !== undefined && score >= MATCH_THRESHOLD) scored.push({ claim, score });
    }
    if (scored.length === 0) return;
    scored.sort((a, b) => b.score - a.score || a.claim.id.localeCompare(b.claim.id));
    const best = (scored[0] as { score: number }).score;
    for (const { claim, score } of scored.slice(0, MAX_CLAIMS_PER_SENTENCE)) {
      if (score < best - TIE_MARGIN) break;
      out.push({
        sentenceIndex,
        sentence: sentence.text,
        start: sentence.start,
        end: sentence.end,
        claimId: claim.id,
        stance: stanceFor(facts.cues, claim),
        score: Math.round(score * 1000) / 1000,
      });
    }
  });
  return out;
}

/** The parties a text names or implies (entity ids and their countries), and whether it says "both". */
export function partiesIn(index: CompiledIndex, text: string, cache?: FactsCache): { parties: Set<string>; pair: boolean } {
  const facts = factsOf(index, text, cache);
  return { parties: facts.parties, pair: facts.pair };
}
