/**
 * Roles of the parties a sentence names: who gives and who receives, read from the words around
 * each name ("sold to Iran", "bought from Pyongyang", "North Korea supplied"), and shared along a
 * list ("to Iran, Libya and North Korea").
 */
import type { CompiledIndex } from './compile';
import { FROM_MARKERS, GIVER_VERBS, RECEIVER_VERBS, TO_MARKERS } from './lexicon';
import { stem, type Token } from './text';

const GIVER_STEMS = new Set([...GIVER_VERBS].map(stem));
const RECEIVER_STEMS = new Set([...RECEIVER_VERBS].map(stem));
const TO_STEMS = new Set([...TO_MARKERS]);
const FROM_STEMS = new Set([...FROM_MARKERS]);
/** Words that may stand between a party and its verb ("Iran *has reportedly* bought"). */
const SKIPPABLE = new Set(['now', 'probably', 'likely', 'still', 'may', 'have', 'be', 'also', 'reportedly', 'allegedly', 'had', 'once', 'later', 'then', 'subsequently', 'secretly', 'openly', 'itself', 'repeatedly', 'will', 'would', 'could', 'may', 'might', 'did', 'do', 'not', 'never', 'already', 'long', 'apparently', 'agre', 'agree', 'to', 'help', 'try', 'tried', 'attempt', 'seek', 'want', 'plan', 'stop', 'start', 'begin', 'keep', 'continu', 'go', 'going', 'on']);

/** Verbs whose subject gives without being a transfer verb: who helps, assists or shares gives. */
const SUBJECT_GIVES = new Set(['help', 'assist', 'aid', 'share', 'advise', 'train', 'bankroll', 'fund', 'finance'].map(stem));

/** A party named in a sentence, and the role its grammar gives it. */
export interface Mention {
  entity: string;
  country: string;
  first: number;
  last: number;
  role?: 'giver' | 'receiver';
}

/**
 * Words that make "to Iran", "for Iran" or "from Pyongyang" the end of a transfer, when one of them
 * comes shortly before in the same clause: "sold missiles to Iran", "arms bound for Iran". Without
 * one, "looking to Iran", "a visit to Iran" or "scientists from Iran" give no role.
 */
const TRANSFER_CUES = new Set([
  ...GIVER_STEMS,
  ...RECEIVER_STEMS,
  ...SUBJECT_GIVES,
  ...['bound', 'headed', 'destined', 'meant', 'intended', 'route', 'way', 'flow', 'divert', 'smuggle', 'release', 'arms', 'weapon', 'weaponry', 'missile', 'oil', 'crude', 'fuel', 'cargo', 'equipment', 'technology', 'component', 'aid', 'assistance', 'know-how', 'return'].map(stem),
]);
/** How far back, in words, a transfer cue may stand before "to"/"for"/"from". */
const TRANSFER_CUE_WINDOW = 8;
/** Prepositions: a party right after one is not the subject of the verb that follows it ("working with Pyongyang to obtain"). */
const PREPOSITIONS = new Set(['with', 'of', 'in', 'at', 'on', 'than', 'about', 'against', 'between', 'among', 'under', 'over', 'like', 'to', 'for', 'from', 'into', 'toward', 'towards', 'via', 'through']);
/** Nouns a demonym qualifies that act for the country: "Iranian *scientists* shared data". */
const PARTY_HEADS = new Set(
  ['scientist', 'engineer', 'technician', 'expert', 'official', 'diplomat', 'delegation', 'agent', 'company', 'firm', 'government', 'regime', 'military', 'leader', 'authority', 'navy', 'trader', 'broker', 'adviser', 'advisor', 'counterpart', 'ministry', 'state'].map(stem),
);
/** Punctuation that ends a clause for the purpose of cue look-back. */
const CLAUSE_BREAK = /[,;:()"]/;

/** Whether a transfer cue stands within a few words before token `at`, in the same clause. */
function transferCueBefore(tokens: readonly Token[], at: number, text: string): boolean {
  for (let k = at - 1; k >= 0 && k >= at - TRANSFER_CUE_WINDOW; k--) {
    const token = tokens[k] as Token;
    if (CLAUSE_BREAK.test(text.slice(token.end, (tokens[k + 1] as Token).start))) return false;
    if (TRANSFER_CUES.has(token.stem)) return true;
  }
  return false;
}

/** "Assistance" does not stem to "assist", and a possessive's assistance is given. */
const ASSISTANCE = stem('assistance');
/** How many words after a possessive party may name what it gives or gets ("Iran's *ballistic missile purchases*"). */
const POSSESSED_WINDOW = 3;
/** Past forms of transfer verbs that are not also nouns ("gave", "sold", "supplied"): "arms" is no verb. */
const PAST_TRANSFER = /^(?:gave|sold|sent|bought|got|paid|lent|[a-z]+ed)$/;

/** Whether the word at `at` is a transfer verb in the past: its subject is the party right before it. */
function pastTransferAt(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  return !!token && PAST_TRANSFER.test(token.word) && (GIVER_STEMS.has(token.stem) || RECEIVER_STEMS.has(token.stem) || SUBJECT_GIVES.has(token.stem));
}

/** Whether a token was written with "'s" or a bare apostrophe ("Iran's", "the Emirates'"). */
function possessive(token: Token, text: string): boolean {
  const raw = text.slice(token.start, token.end);
  return raw.endsWith("'s") || raw.endsWith("'");
}

/** Gives each country mention a role from the words around it; see the rules inline. */
export function assignRoles(mentions: Mention[], tokens: readonly Token[], text: string, index: CompiledIndex): void {
  const stems = tokens.map((t) => t.stem);
  for (const m of mentions) {
    if (index.kinds[m.entity] === 'system') continue; // a missile's country is its maker, not a party
    let before = m.first - 1;
    if (stems[before] === 'the') before--;
    const prev = stems[before] ?? '';
    // "sold to Iran", "bound for Iran" → receiver; "bought from Pyongyang" → giver.
    if (TO_STEMS.has(prev) || FROM_STEMS.has(prev)) {
      if (transferCueBefore(tokens, before, text)) m.role = TO_STEMS.has(prev) ? 'receiver' : 'giver';
    }
    // "supplied Iran with", "helped Tehran" → the object receives; but in "the help Russia gave
    // Iran" the party is the subject of the verb right after it.
    else if ((GIVER_STEMS.has(prev) || prev === 'help' || prev === 'assist' || prev === 'arm') && !pastTransferAt(tokens, m.last + 1)) {
      m.role = 'receiver';
    }
    else if (prev === 'by') {
      // passive agent: "sold by North Korea" gives, "bought by Iran" receives.
      const verb = stems.slice(Math.max(0, before - 4), before).reverse().find((s) => GIVER_STEMS.has(s) || RECEIVER_STEMS.has(s));
      if (verb) m.role = GIVER_STEMS.has(verb) ? 'giver' : 'receiver';
    }
    if (m.role || PREPOSITIONS.has(prev) || prev === 'by') continue;
    // A possessive owns the transfer it names: "Moscow's metallurgy *assistance*" gives, "Iran's
    // missile *purchases*" receive, "Iran's programme *received*" receives.
    if (possessive(tokens[m.last] as Token, text)) {
      const owned = stems.slice(m.last + 1, m.last + 1 + POSSESSED_WINDOW);
      const giver = owned.findIndex((s) => GIVER_STEMS.has(s) || SUBJECT_GIVES.has(s) || s === ASSISTANCE);
      const receiver = owned.findIndex((s) => RECEIVER_STEMS.has(s));
      if (giver >= 0 && (receiver < 0 || giver < receiver)) m.role = 'giver';
      else if (receiver >= 0) m.role = 'receiver';
      if (m.role) continue;
    }
    // Subject position: the first verb after the party, skipping the people or body it qualifies
    // ("Iranian scientists shared", "North Korean technicians helped") and auxiliaries and adverbs.
    let j = m.last + 1;
    if (PARTY_HEADS.has(stems[j] as string)) j++;
    let passive = false;
    while (j < stems.length && SKIPPABLE.has(stems[j] as string)) {
      if (stems[j] === 'be') passive = true;
      j++;
    }
    const verb = stems[j] ?? '';
    // Only a participle after "be" turns the roles round: "be giving" is progressive and "was to
    // receive" an infinitive.
    if ((tokens[j]?.word ?? '').endsWith('ing') || stems[j - 1] === 'to') passive = false;
    if (GIVER_STEMS.has(verb) || SUBJECT_GIVES.has(verb)) m.role = passive ? 'receiver' : 'giver';
    else if (RECEIVER_STEMS.has(verb)) m.role = passive ? 'giver' : 'receiver';
  }
}

/** Words that join the members of a list of parties ("to Iran, Libya and North Korea"). */
const LIST_GLUE = new Set(['and', 'or', 'as', 'well', 'also', 'both', 'the', 'nor']);

/** Words that close a list: the member after one of them is the last ("Libya *and* North Korea"). */
const LIST_ENDS = new Set(['and', 'or', 'nor']);

/** The words between two mentions when only list glue joins them ("Iran, Libya and"), else undefined. */
function glued(stems: readonly string[], a: Mention, b: Mention): string[] | undefined {
  const gap = stems.slice(a.last + 1, b.first);
  return gap.length <= 3 && gap.every((s) => LIST_GLUE.has(s)) ? gap : undefined;
}

/**
 * A party listed right after another shares its role: "sold to Iran and North Korea" makes both
 * receivers, and so does "to Iran, Libya and North Korea". A party after a bare comma is a list
 * member only if the list goes on after it: in "sold missiles to Syria, Iranian officials said"
 * Iran receives nothing.
 */
export function shareListRoles(mentions: Mention[], stems: string[], index: CompiledIndex): void {
  for (let k = 1; k < mentions.length; k++) {
    const prev = mentions[k - 1] as Mention;
    const m = mentions[k] as Mention;
    // A system is what changes hands, never a party: "sold Iran the Nodong-1".
    if (!prev.role || m.role || index.kinds[m.entity] === 'system') continue;
    const gap = glued(stems, prev, m);
    if (!gap) continue;
    const next = mentions[k + 1];
    if (gap.some((s) => LIST_ENDS.has(s)) || (next && glued(stems, m, next))) m.role = prev.role;
  }
}
