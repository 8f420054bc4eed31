/** The shared lexicon: synonym concepts, verb classes for direction, and cue words for stance. */

/**
 * Concepts: words news uses interchangeably for one idea. A claim's required word that belongs to a
 * concept accepts every word of that concept. Phrases are allowed ("hand over").
 */
export const CONCEPTS: Record<string, readonly string[]> = {
  give: ['supply', 'supplies', 'supplier', 'provide', 'provider', 'provision', 'sell', 'sale', 'seller', 'deliver', 'delivery', 'ship', 'shipment', 'transfer', 'give', 'send', 'export', 'exporter', 'furnish', 'hand over', 'equip', 'pass', 'share', 'offer', 'vend'],
  receive: ['receive', 'recipient', 'get', 'obtain', 'acquire', 'acquisition', 'buy', 'buyer', 'purchase', 'purchaser', 'procure', 'procurement', 'import', 'importer', 'order', 'take delivery', 'source'],
  assist: ['help', 'assist', 'assistance', 'aid', 'support', 'cooperate', 'cooperation', 'co-operation', 'collaborate', 'collaboration', 'work with', 'partner', 'partnership', 'ties', 'link', 'nexus', 'alliance', 'connection'],
  missile: ['missile', 'ballistic', 'rocket'],
  nuclear: ['nuclear', 'atomic', 'warhead', 'enrichment', 'uranium', 'plutonium', 'centrifuge'],
  scientist: ['scientist', 'engineer', 'expert', 'technician', 'specialist', 'researcher', 'adviser', 'advisor'],
  vessel: ['ship', 'vessel', 'freighter', 'boat', 'tanker'],
  aircraft: ['plane', 'aircraft', 'airplane', 'jet', 'airliner', 'cargo plane', 'transport plane', 'flight'],
  seize: ['seize', 'seizure', 'intercept', 'interception', 'impound', 'detain', 'confiscate', 'search', 'board', 'ground', 'stop', 'interdict', 'interdiction', 'capture'],
  weapons: ['weapon', 'weaponry', 'arm', 'munition', 'ammunition', 'hardware', 'armament', 'materiel', 'grenade', 'launcher'],
  oil: ['oil', 'crude', 'petroleum', 'fuel', 'petrol', 'barrel'],
  debt: ['debt', 'loan', 'owe', 'arrears', 'credit'],
  submarine: ['submarine', 'sub', 'mini-submarine', 'midget submarine', 'minisub'],
  test: ['test', 'detonation', 'explosion', 'blast', 'trial'],
  delegation: ['delegation', 'team', 'mission', 'envoy', 'emissary', 'visit', 'visitor'],
  data: ['data', 'information', 'result', 'telemetry', 'findings', 'readings'],
  technology: ['technology', 'know-how', 'knowhow', 'expertise', 'technical', 'technique'],
  launchsite: ['launch pad', 'launchpad', 'launch site', 'launch facility', 'spaceport', 'launch complex'],
  deny: ['deny', 'denial', 'reject', 'dismiss', 'refute', 'rebuff', 'repudiate', 'disavow'],
};

/** Verbs whose grammatical subject gives (North Korea *sold* missiles to Iran). */
export const GIVER_VERBS = new Set(CONCEPTS.give);
/** Verbs whose grammatical subject receives (Iran *bought* missiles from North Korea). */
export const RECEIVER_VERBS = new Set(CONCEPTS.receive);

/** Prepositions before a party that make it the receiver ("to Iran", "bound for Iran"). */
export const TO_MARKERS = new Set(['to', 'for', 'into', 'toward', 'towards']);
/** Prepositions before a party that make it the origin ("from North Korea"). */
export const FROM_MARKERS = new Set(['from']);

/** Words that make a sentence deny what it reports ("Tehran denied", "has never", "no evidence"). */
export const DENIAL_CUES: readonly string[] = [
  'deny', 'denial', 'reject', 'dismiss', 'refute', 'rebuff', 'repudiate', 'disavow', 'baseless',
  'groundless', 'fabricated', 'fabrication', 'untrue', 'false', 'lie', 'lies', 'never', 'not', "n't",
  'no', 'nor', 'neither', 'without', 'nothing', 'nobody',
];
/** Negations that count only next to the claim's verb, not anywhere ("no" in "no longer" is not denial). */
export const WEAK_NEGATIONS = new Set(['not', "n't", 'no', 'nor', 'neither', 'without', 'nothing', 'nobody', 'never']);
/** Phrases with a negation word that do not negate ("not only", "no longer", "no doubt", "not least"). */
export const NON_NEGATING = ['not only', 'no longer', 'no doubt', 'not least', 'no sooner', 'not just', 'no less', 'never before'];

/** Words that mark a report as unconfirmed. */
export const HEDGE_CUES: readonly string[] = [
  'reportedly', 'allegedly', 'alleged', 'purportedly', 'supposedly', 'apparently', 'believed', 'suspected',
  'suspect', 'may', 'might', 'could', 'possibly', 'probably', 'likely', 'according', 'claim', 'claimed',
  'claims', 'unconfirmed', 'rumor', 'rumour', 'rumored', 'rumoured', 'said to', 'thought to', 'suggest',
  'suggested', 'suggests', 'presumably', 'perhaps', 'reports', 'report', 'reported', 'speculation', 'appears',
  'appeared', 'seems', 'seemed', 'sources say', 'sources said', 'contends', 'contended', 'argues',
];

/** Words that say "both of them" without naming either ("the two countries", "both nations"). */
export const PAIR_PHRASES = ['the two countries', 'the two nations', 'both countries', 'both nations', 'the two states', 'both states', 'the two regimes', 'both regimes', 'the two governments', 'each other', 'one another', 'the pair', 'the two sides', 'both sides', 'the two'];

/** Words too common to tell claims apart; left out of similarity scoring. */
export const STOP_WORDS = new Set(
  'a an the and or but of to in on at by for with from as is are was were be been being has have had do does did that this these those it its their there which who whom whose what when where while than then so such into over under after before during about also more most other some any each per via not no its itself they them he she his her we our you your i me my up out off again once only own same too very can will would should could may might must shall said says say report reports reported according'
    .split(' '),
);
