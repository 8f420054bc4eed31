/** Sentence → claim matching: entity and concept gates, direction and year checks, weighted scoring. */
import type { PageSentence, SentenceMatch } from '../article/types';
import { DENIAL_GROUP, type CompiledClaim, type CompiledIndex } from './compile';
import { CONCEPTS, DPRK, IRAN } from './lexicon';
import { countryAliases, ownersBefore, type CountryAlias } from './owners';
import { claimsOwnWork, cuesOf, DENIAL_PARTS, factsOf, hasPhrase, isExchange, partsOf, readSentence, rolesOf, yearsOf, type FactsCache, type SentenceFacts } from './facts';
import { stanceFor } from './stance';
import type { Mention } from './roles';
import { phraseAt, stem, stemPhrase, type Token } from './text';

export type { FactsCache } from './facts';

/** Score every gated claim starts from: it names the parties and every required concept. */
export const W_GATES = 0.5;
/** Weight of word coverage: IDF-weighted share of the closest wording's words found in the sentence. */
export const W_COVERAGE = 0.35;
/** Bonus when the sentence names a year inside the claim's time span. */
export const W_YEAR = 0.1;
/** Bonus when the sentence's grammar confirms the claim's direction (who gave to whom). */
export const W_DIRECTION = 0.05;
/**
 * Bonus for a denial that a country made the thing alone ("an entirely indigenous design"): its
 * cue stands for the claim's transfer words, which such a denial never repeats.
 */
export const W_OWN_WORK = 0.1;
/** Lowest score reported as a match. */
export const MATCH_THRESHOLD = 0.62;
/** Other claims of one sentence are kept only within this margin of its best (a year bonus wide). */
export const TIE_MARGIN = 0.1;
/** Cost of taking one party from the sentences before: a direct statement outranks it. */
export const CONTEXT_PENALTY = 0.05;
/**
 * How many sentences back a party missing from a sentence may be found: news names the actors in
 * the lede and then says "the plane", "the shipment" for a paragraph or two (a wire story's first
 * paragraphs often name the parties once, then describe the cargo, the crew, the denials).
 */
export const CONTEXT_SENTENCES = 8;
/** Most claims one sentence may state. */
export const MAX_CLAIMS_PER_SENTENCE = 2;
/** Years outside an approximate claim's span by at most this much still match (reports round and lag). */
const APPROXIMATE_YEAR_TOLERANCE = 1;

/** A claim's concept groups: each group's phrases, each phrase as its stems. */
type PhraseGroups = (readonly string[])[][];

/** Lookup structures for the claim checks, derived once per index (Maps beat object lookups on hot paths). */
interface Prepared {
  /** Stem → the claims posted under it (see compile.ts). */
  postings: Map<string, number[]>;
  /** The country an alias names, for the owners of nouns. */
  countryAlias: CountryAlias;
  /** Per claim, the parties a sentence must name (see `requiredParties`). */
  required: string[][];
  /** Per claim, people of whom a sentence must name at least one (see `requiredPeople`). */
  people: string[][];
  /** Per claim, its countries that a sentence may leave unnamed, unless it names an outsider instead. */
  optional: string[][];
  /** Per claim, its wordings with each stem's IDF weight and their sum. */
  wordings: Wording[][];
  /** Per claim, its concept groups with each phrase split into stems (one array per distinct phrase). */
  groups: PhraseGroups[];
  /** Per claim and group, whether the group names the transfer itself (give, receive, help, cooperate). */
  transfers: boolean[][];
}

/** Stems of the words that name a transfer or help: what an own-work denial rejects. */
const TRANSFER_PHRASES = new Set(['give', 'receive', 'assist', 'cooperate'].flatMap((concept) => CONCEPTS[concept] ?? []).map((w) => stemPhrase(w).join(' ')));

/** A claim wording ready for coverage: its stems, their IDF weights and the weights' sum. */
interface Wording {
  stems: string[];
  weights: number[];
  total: number;
}
const preparedCache = new WeakMap<CompiledIndex, Prepared>();

function prepare(index: CompiledIndex): Prepared {
  let prepared = preparedCache.get(index);
  if (prepared) return prepared;
  const required = index.claims.map((claim) => requiredParties(index, claim));
  prepared = {
    countryAlias: countryAliases(index.aliases, index.kinds),
    postings: new Map(Object.entries(index.postings)),
    required,
    people: index.claims.map((claim) => requiredPeople(index, claim)),
    optional: index.claims.map((claim, i) =>
      claim.actors.filter((a) => index.kinds[a] === 'country' && !(required[i] as string[]).includes(a)),
    ),
    groups: index.claims.map((claim) => claim.groups.map((group) => group.map((phrase) => (phrase === DENIAL_GROUP ? DENIAL_PARTS : partsOf(phrase))))),
    transfers: index.claims.map((claim) => claim.groups.map((group) => group.some((phrase) => TRANSFER_PHRASES.has(phrase)))),
    wordings: index.claims.map((claim) =>
      claim.wordings.map((stems) => {
        const weights = stems.map((s) => index.idf[s] ?? 1);
        return { stems, weights, total: weights.reduce((a, b) => a + b, 0) };
      }),
    ),
  };
  preparedCache.set(index, prepared);
  return prepared;
}

/**
 * The parties a sentence must name (or imply through a person, organisation or system of theirs)
 * to state the claim. A claim lists its main parties first: with a direction, its two ends and any
 * country listed before them (the one that seized the cargo); without, its first two countries and
 * Iran and North Korea. Countries listed later (a ship's flag, a war's other side) may go unnamed.
 */
function requiredParties(index: CompiledIndex, claim: CompiledClaim): string[] {
  const countries = claim.actors.filter((a) => index.kinds[a] === 'country');
  if (claim.from && claim.to) {
    const ends = [claim.from, claim.to];
    const firstEnd = Math.min(...ends.map((e) => claim.actors.indexOf(e)).filter((i) => i >= 0));
    return [...new Set([...ends, ...countries.filter((c) => claim.actors.indexOf(c) < firstEnd)])];
  }
  if (countries.length === 0) return claim.actors;
  return [...new Set([...countries.slice(0, 2), ...countries.filter((c) => c === IRAN || c === DPRK)])];
}

/**
 * A claim between two or more named people (a meeting, an exchange of letters) is about them: a
 * sentence must name one of them or one of the claim's organisations ("IRNA's deputy director"),
 * or it may be reporting another meeting of the same two countries.
 */
function requiredPeople(index: CompiledIndex, claim: CompiledClaim): string[] {
  const people = claim.actors.filter((a) => index.kinds[a] === 'person');
  if (people.length < 2 || (claim.from && claim.to)) return [];
  return [...people, ...claim.actors.filter((a) => index.kinds[a] === 'organisation')];
}

/**
 * Whether the sentence gives each of the claim's owned phrases the claim's owner, or none: a
 * phrase whose every occurrence has another owner fails.
 */
function ownersAgree(index: CompiledIndex, owners: Record<string, string>, facts: SentenceFacts): boolean {
  const { countryAlias } = prepare(index);
  for (const [phrase, owner] of Object.entries(owners)) {
    const parts = partsOf(phrase);
    let other = false;
    let same = false;
    for (let i = 0; i + parts.length <= facts.stems.length; i++) {
      if (!phraseAt(facts.stems, i, parts)) continue;
      const found = ownersBefore(facts.tokens, facts.normalised, i, countryAlias);
      if (found.has(owner)) same = true;
      else if (found.size > 0) other = true;
    }
    if (other && !same) return false;
  }
  return true;
}

/** Whether a set of parties holds a party, itself or through its country. */
function named(index: CompiledIndex, set: ReadonlySet<string>, party: string): boolean {
  return set.has(party) || set.has(index.countryOf[party] ?? party);
}

/** Whether a role is held by a country outside the claim instead of the claim's own party. */
function outsider(index: CompiledIndex, claim: CompiledClaim, set: ReadonlySet<string>, own: string): boolean {
  if (set.size === 0 || set.has(own)) return false;
  for (const c of set) if (!claim.actors.includes(c) && index.kinds[c] === 'country') return true;
  return false;
}

/** Whether a mention names a country that is none of the claim's actors (the U.S. Navy is no outsider to a claim that lists it). */
function isOutsider(index: CompiledIndex, claim: CompiledClaim, m: Mention): boolean {
  return index.kinds[m.country] === 'country' && !claim.actors.includes(m.country) && !claim.actors.includes(m.entity);
}

/** Whether a sentence names an outsider to the claim (see isOutsider). */
function namesOutsider(index: CompiledIndex, claim: CompiledClaim, facts: SentenceFacts): boolean {
  return facts.mentions.some((m) => isOutsider(index, claim, m));
}

/** Verbs by which a source reports: "Japanese media *reported*", "Israeli officials *say*". */
const SOURCE_VERBS = new Set(['say', 'said', 'report', 'warn', 'claim', 'tell', 'told', 'note', 'argue', 'allege', 'accuse', 'believe', 'suspect', 'wrote', 'write', 'add', 'insist', 'state', 'announce', 'conclude', 'assert', 'charge'].map(stem));
/** "According to", just before a source ("according to Israeli officials", "according to the Japanese press"). */
const ACCORDING_TO = stemPhrase('according to');
/** Words that may stand between a source's country and its verb ("Israeli *officials have* said"). */
const SOURCE_NOUNS = new Set(['media', 'officials', 'newspapers', 'press', 'government', 'authorities', 'diplomats', 'intelligence', 'analysts', 'experts', 'sources', 'reports', 'has', 'have', 'had', 'also', 'long'].map(stem));

/**
 * Whether the mention at tokens first..last is who reports the claim ("Japanese media reported
 * that", "according to Israeli officials"), not one of its actors.
 */
function isSource(stems: readonly string[], first: number, last: number): boolean {
  for (let i = last + 1; i < Math.min(stems.length, last + 5); i++) {
    const s = stems[i] as string;
    if (SOURCE_VERBS.has(s)) return true;
    if (!SOURCE_NOUNS.has(s)) break;
  }
  return phraseAt(stems, first - 2, ACCORDING_TO) || phraseAt(stems, first - 3, ACCORDING_TO);
}

/**
 * Whether the sentence names a country that may act in the claim's place: not one of the claim's
 * actors or their countries (Lebanon, for a claim about Hezbollah), and not who reports it.
 * "Venezuela's Chávez agreed to send petrol to Iran" is about Venezuela, whoever the paragraph
 * was about before.
 */
function namesOutsideActor(index: CompiledIndex, claim: CompiledClaim, facts: SentenceFacts): boolean {
  return facts.mentions.some(
    (m) =>
      isOutsider(index, claim, m) &&
      !claim.actors.some((a) => index.countryOf[a] === m.country) &&
      !isSource(facts.stems, m.first, m.last),
  );
}

/** Whether a party is in one role set and not the other. */
function only(set: ReadonlySet<string>, other: ReadonlySet<string>, party: string): boolean {
  return set.has(party) && !other.has(party);
}

/**
 * Whether the sentence holds a phrase of every one of a claim's concept groups; `waived` marks the
 * groups it may lack (the transfer words, in an own-work denial).
 */
function hasEveryGroup(groups: PhraseGroups, facts: SentenceFacts, waived?: readonly boolean[]): boolean {
  for (let g = 0; g < groups.length; g++) {
    if (waived?.[g]) continue;
    const group = groups[g] as (readonly string[])[];
    let found = false;
    for (const parts of group) if ((found = hasPhrase(facts, parts))) break;
    if (!found) return false;
  }
  return true;
}

/** The gate a claim failed for a sentence. */
export type FailedGate = 'parties' | 'concepts' | 'owners' | 'year' | 'direction';

/** Kinds of entity that are things a country may say it made alone. */
const MADE_THINGS = new Set(['system', 'place']);

/**
 * Whether the sentence denies a transfer by saying its receiver made the thing alone ("Tehran
 * insists the Shahab is an indigenous design"): it names the receiver, not the giver, and names
 * the claim's own thing (a system or site of the receiver's that the claim's words name), not
 * just a kind of thing: Iran's home-built submarine is not the one North Korea sold it.
 */
function deniesAsOwnWork(index: CompiledIndex, claimIndex: number, facts: SentenceFacts): boolean {
  const claim = index.claims[claimIndex] as CompiledClaim;
  if (!claim.from || !claim.to || claim.denial) return false;
  if (!named(index, facts.parties, claim.to) || named(index, facts.parties, claim.from) || !claimsOwnWork(facts)) return false;
  const groups = prepare(index).groups[claimIndex] as PhraseGroups;
  return facts.mentions.some(
    (m) =>
      MADE_THINGS.has(index.kinds[m.entity] ?? '') &&
      m.country === claim.to &&
      groups.some((group) => group.some((parts) => phraseAt(facts.stems, m.first, parts))),
  );
}

/** Scores one claim against one sentence, or names the gate it failed. */
function scoreClaim(
  index: CompiledIndex,
  claimIndex: number,
  facts: SentenceFacts,
  context: readonly ReadonlySet<string>[],
): number | FailedGate {
  const claim = index.claims[claimIndex] as CompiledClaim;
  const { wordings: weightedByClaim, required: requiredByClaim, people: peopleByClaim, optional: optionalByClaim, groups: groupsByClaim, transfers: transfersByClaim } = prepare(index);
  // Gate 1: the parties. "The two countries" stands for both when the sentence names neither; a
  // sentence that names one party may take the other from the few sentences before it ("A North
  // Korean plane was seized. Iran denied it was bound for the Islamic Republic."), at a small cost.
  const required = requiredByClaim[claimIndex] as string[];
  // An own-work denial leaves the giver unnamed: its cue stands for it ("without foreign help").
  const ownWork = deniesAsOwnWork(index, claimIndex, facts);
  let missing = 0;
  let firstMissing = '';
  for (const p of required) {
    if (named(index, facts.parties, p) || (ownWork && p === claim.from)) continue;
    if (missing++ === 0) firstMissing = p;
  }
  let contextPenalty = 0;
  // "The two countries" beside one of the claim's parties and an outsider are those two
  // ("Larijani told Venezuela's ambassador that the two countries..."): they stand for neither the
  // claim's parties nor let the missing one come from the sentences before. Beside an outsider
  // alone, they are the claim's parties and the outsider says so ("American officials believe").
  const pairIsOthers = facts.pair && missing < required.length && namesOutsider(index, claim, facts);
  const pairStandsIn = facts.pair && missing <= 2 && !pairIsOthers;
  if (missing > 0 && !pairStandsIn) {
    // Nor when another country could hold the missing party's place: "Libya's Gaddafi also tried to
    // buy Nodongs" does not borrow Iran from the paragraph before.
    const fromContext =
      !pairIsOthers && missing === 1 && required.length > 1 && context.some((set) => named(index, set, firstMissing)) && !namesOutsideActor(index, claim, facts);
    if (!fromContext) return 'parties';
    contextPenalty = CONTEXT_PENALTY;
  }
  // A country the claim lists but the sentence leaves out is fine ("the Il-76" needs no "in
  // Thailand"), unless the sentence names an outsider in its place: the UAE's seizure of a ship is
  // not Thailand's seizure of a plane.
  const optional = optionalByClaim[claimIndex] as string[];
  if (optional.some((c) => !facts.parties.has(c)) && namesOutsider(index, claim, facts)) return 'parties';
  const people = peopleByClaim[claimIndex] as string[];
  if (people.length > 0 && !people.some((p) => facts.parties.has(p))) return 'parties';
  // Gate 2: every concept group.
  if (!hasEveryGroup(groupsByClaim[claimIndex] as PhraseGroups, facts, ownWork ? transfersByClaim[claimIndex] : undefined)) return 'concepts';
  // Gate 2b: a required noun the claim gives an owner ("North Korean scientists") must not belong
  // to another country in the sentence ("Iranian scientists").
  if (claim.owners && !ownersAgree(index, claim.owners, facts)) return 'owners';
  // Gate 3: a year the sentence names must fall in the claim's span.
  let yearBonus = 0;
  const years = yearsOf(facts);
  if (claim.years && years.length > 0) {
    const [from, to] = claim.years;
    const slack = claim.approximate ? APPROXIMATE_YEAR_TOLERANCE : 0;
    const inside = years.some((y) => y.to >= from - slack && y.from <= to + slack);
    if (!inside) return 'year';
    yearBonus = W_YEAR;
  }
  // Gate 4: direction and third parties. A party in the wrong role, or an outsider as the
  // receiver or giver, means the sentence reports another transfer.
  let directionBonus = 0;
  if (claim.from && claim.to && !ownWork && !isExchange(facts)) {
    const { givers, receivers } = rolesOf(index, facts);
    // Reversed ("Iran sold to North Korea"), or both on one side ("sold to Iran and North Korea"),
    // unless the sentence also tells the claim's way round (one flow among several).
    const reversed = givers.has(claim.to) || receivers.has(claim.from);
    const forward = givers.has(claim.from) || receivers.has(claim.to);
    // Both on one side means both only give or both only receive: in "Tehran sends oil to
    // Pyongyang, which supplies Iran with petrol" Iran receives too, but it also gives.
    const oneSide =
      (only(givers, receivers, claim.from) && only(givers, receivers, claim.to)) ||
      (only(receivers, givers, claim.from) && only(receivers, givers, claim.to));
    if (oneSide || (reversed && !forward)) return 'direction';
    if (outsider(index, claim, receivers, claim.to) || outsider(index, claim, givers, claim.from)) return 'direction';
    if (forward && !reversed) directionBonus = W_DIRECTION;
  }
  // Coverage: the closest of the claim's wordings, weighted by how rare each word is.
  let coverage = 0;
  for (const wording of weightedByClaim[claimIndex] as Wording[]) {
    let found = 0;
    for (let k = 0; k < wording.stems.length; k++) if (facts.stemSet.has(wording.stems[k] as string)) found += wording.weights[k] as number;
    if (wording.total > 0) coverage = Math.max(coverage, found / wording.total);
  }
  return Math.min(1, W_GATES + W_COVERAGE * coverage + yearBonus + directionBonus + (ownWork ? W_OWN_WORK : 0)) - contextPenalty;
}

/** The phrases of a sentence that satisfy a claim's concept groups (a denial cue is not a word of its own). */
function groupWords(index: CompiledIndex, claimIndex: number, facts: SentenceFacts): (readonly string[])[] {
  const groups = prepare(index).groups[claimIndex] as PhraseGroups;
  return groups.flatMap((group) => group.filter((parts) => parts !== DENIAL_PARTS && hasPhrase(facts, parts)));
}

/**
 * The token index just past the claim's last word in the sentence: its concept phrases and the
 * parties it names. A negation after it belongs to a clause about something else.
 */
function wordsEnd(index: CompiledIndex, claimIndex: number, facts: SentenceFacts): number {
  let end = 0;
  for (const m of facts.mentions) end = Math.max(end, m.last + 1);
  const { stems } = facts;
  for (const group of prepare(index).groups[claimIndex] as PhraseGroups) {
    for (const parts of group) {
      if (parts === DENIAL_PARTS || !facts.stemSet.has(parts[0] as string)) continue;
      for (let i = stems.length - parts.length; i >= end; i--) {
        if (phraseAt(stems, i, parts)) {
          end = i + parts.length;
          break;
        }
      }
    }
  }
  return end;
}

const NONE: readonly number[] = [];

/** Claims worth checking for a sentence: postings of its words, never a scan of every claim. */
function candidates(index: CompiledIndex, facts: SentenceFacts): Set<number> {
  const { postings } = prepare(index);
  const out = new Set<number>();
  for (const s of facts.stemSet) {
    const posted = postings.get(s);
    if (posted) for (const i of posted) out.add(i);
  }
  for (const p of facts.parties) for (const i of postings.get(`@${p}`) ?? NONE) out.add(i);
  return out;
}

/** Words that open a yes-or-no question ("Has North Korea sold...?", "Do you think...?"). */
const AUXILIARIES = new Set(['has', 'have', 'had', 'did', 'does', 'do', 'is', 'are', 'was', 'were', 'can', 'could', 'will', 'would', 'should', 'might', 'may']);
/** Words that open a question which takes its content as given ("Why did North Korea sell...?"). */
const WH_WORDS = new Set(['why', 'how', 'when', 'where', 'what', 'which', 'who', 'whom', 'whose']);
/** Words before a question's auxiliary that may introduce it: "So, bottom line: do you think...", "11:40am Has...". */
const QUESTION_LEAD = 5;
/** A question mark at the end, perhaps inside quotes or brackets (the text is normalised: straight quotes). */
const ENDS_WITH_QUESTION = /\?["')]*\s*$/;

/**
 * Whether the sentence asks whether something is so ("Has North Korea actually sold rockets to
 * Iran?"): it states nothing, neither way. A wh-question ("Why did Pyongyang sell...?") takes its
 * content as given and is read like a statement.
 */
function asksYesOrNo(facts: SentenceFacts): boolean {
  if (!ENDS_WITH_QUESTION.test(facts.normalised)) return false;
  const { tokens } = facts;
  for (let i = 0; i < Math.min(tokens.length, QUESTION_LEAD); i++) {
    const word = (tokens[i] as Token).word;
    if (WH_WORDS.has(word)) return false;
    if (AUXILIARIES.has(word)) return true;
  }
  return false;
}

/** Matches each sentence against the index; returns matches in sentence order. */
export function matchSentences(index: CompiledIndex, sentences: readonly PageSentence[], cache?: FactsCache): SentenceMatch[] {
  const out: SentenceMatch[] = [];
  const recent: ReadonlySet<string>[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    const facts = factsOf(index, sentence.text, cache);
    const previous = recent.slice();
    recent.push(facts.parties);
    if (recent.length > CONTEXT_SENTENCES) recent.shift();
    if (facts.parties.size === 0 && !facts.pair) return;
    if (asksYesOrNo(facts)) return;
    const scored: { claim: CompiledClaim; at: number; score: number }[] = [];
    for (const i of candidates(index, facts)) {
      const score = scoreClaim(index, i, facts, previous);
      if (typeof score === 'number' && score >= MATCH_THRESHOLD) scored.push({ claim: index.claims[i] as CompiledClaim, at: i, score });
    }
    if (scored.length === 0) return;
    scored.sort((a, b) => b.score - a.score || a.claim.id.localeCompare(b.claim.id));
    const best = (scored[0] as { score: number }).score;
    // A second claim must rest on words of its own: one whose required words the better claim
    // already uses only restates it more vaguely ("military cooperation" under "shared missile
    // technology in the 1990s").
    const used = new Set<string>();
    let kept = 0;
    for (const { claim, at, score } of scored) {
      if (kept === MAX_CLAIMS_PER_SENTENCE || score < best - TIE_MARGIN) break;
      const own = groupWords(index, at, facts).map((parts) => parts.join(' '));
      if (kept > 0 && own.every((phrase) => used.has(phrase))) continue;
      for (const phrase of own) used.add(phrase);
      kept++;
      out.push({
        sentenceIndex,
        sentence: sentence.text,
        start: sentence.start,
        end: sentence.end,
        claimId: claim.id,
        stance: deniesAsOwnWork(index, at, facts) ? 'denies' : stanceFor(cuesOf(facts), claim, wordsEnd(index, at, facts)),
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

/**
 * Why one claim does or does not match one sentence: its score, or the gate it failed. For tuning
 * and for "why is this not highlighted?" questions; `previous` is the sentence before, if any.
 */
export function explainMatch(
  index: CompiledIndex,
  claimId: string,
  text: string,
  previous = '',
): { result: { score: number } | { failed: FailedGate }; parties: { entity: string; role?: string }[] } | undefined {
  const claimIndex = index.claims.findIndex((c) => c.id === claimId);
  if (claimIndex < 0) return undefined;
  const context = previous ? [readSentence(index, previous).parties] : [];
  const facts = readSentence(index, text);
  const result = scoreClaim(index, claimIndex, facts, context);
  rolesOf(index, facts); // the roles, even when a gate before the direction's failed
  return {
    result: typeof result === 'number' ? { score: result } : { failed: result },
    parties: facts.mentions.map((m) => (m.role ? { entity: m.entity, role: m.role } : { entity: m.entity })),
  };
}
