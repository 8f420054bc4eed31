/** The shared lexicon: synonym concepts, verb classes for direction, and cue words for stance. */

/** Entity id of Iran, one of the two countries the whole database is about. */
export const IRAN = 'iran';
/** Entity id of North Korea, the other. */
export const DPRK = 'dprk';

/**
 * Concepts: words news uses interchangeably for one idea. A claim's required word that belongs to a
 * concept accepts every word of that concept. Phrases are allowed ("hand over").
 */
export const CONCEPTS: Record<string, readonly string[]> = {
  give: ['supply', 'provide', 'sell', 'deliver', 'ship', 'transfer', 'give', 'send', 'export', 'furnish', 'hand over', 'equip', 'pass', 'offer', 'vend', 'supplier', 'provider', 'provision', 'sale', 'seller', 'delivery', 'shipment', 'exporter'],
  receive: ['receive', 'get', 'obtain', 'acquire', 'buy', 'purchase', 'procure', 'import', 'order', 'take delivery', 'recipient', 'acquisition', 'buyer', 'purchaser', 'procurement', 'importer'],
  assist: ['help', 'assist', 'aid', 'assistance', 'lend a hand'],
  cooperate: ['cooperate', 'collaborate', 'work with', 'work together', 'cooperation', 'co-operation', 'collaboration', 'join forces', 'team up', 'hand in hand', 'partnership'],
  seize: ['seize', 'intercept', 'impound', 'detain', 'confiscate', 'interdict', 'capture', 'ground', 'catch', 'seizure', 'interception', 'interdiction'],
  deny: ['deny', 'reject', 'dismiss', 'refute', 'rebuff', 'repudiate', 'disavow', 'brush off', 'brushed off'],
  nuclear: ['nuclear', 'atomic'],
  military: ['military', 'militarily', 'defense', 'defence'],
  share: ['share', 'exchange', 'swap', 'trade', 'both directions', 'both ways', 'two-way'],
  continue: ['continue', 'carry on', 'persist', 'ongoing', 'remain', 'outlive', 'outlast', 'survive', 'not stop', 'never stop'],
  strengthen: ['strengthen', 'cement', 'solidify', 'bolster', 'deepen', 'widen', 'broaden', 'expand', 'boost', 'step up', 'intensify', 'warm', 'firmer footing', 'firm footing', 'solid footing'],
  meet: ['meet', 'hold talks', 'sit down with', 'host', 'talks', 'shake hands', 'shook hands'],
  visit: ['visit', 'trip', 'travel', 'tour', 'come to', 'arrive in'],
  mediate: ['mediate', 'mediator', 'mediation', 'broker', 'intermediary', 'go-between'],
  bound: ['bound for', 'destined', 'headed', 'heading', 'en route', 'on its way', 'on their way', 'meant for', 'intended for'],
  aircraft: ['plane', 'aircraft', 'airplane', 'jet', 'airliner', 'ilyushin', 'planeload'],
  differ: ['differ', 'different', 'no resemblance', 'nothing in common', 'no commonality', 'share nothing', 'not comparable'],
  rift: ['rift', 'break with', 'fall out', 'sever ties', 'cut ties', 'rupture', 'split with', 'fall apart', 'break down', 'collapse', 'sour'],
  ties: ['ties', 'relations', 'links', 'relationship'],
};

/**
 * Concept words that are nouns: a claim that requires one of them accepts the concept's verbs too
 * (a "shipment" can be "shipped"), but only a verb widens a group to the whole concept, since a
 * noun like "shipment" also names the cargo itself.
 */
export const NOUN_FORMS = new Set(['supplier', 'provider', 'provision', 'sale', 'seller', 'delivery', 'shipment', 'exporter', 'recipient', 'acquisition', 'buyer', 'purchaser', 'procurement', 'importer', 'assistance', 'cooperation', 'co-operation', 'collaboration', 'seizure', 'interception', 'interdiction', 'denial', 'partnership', 'mediator', 'mediation', 'intermediary', 'talks', 'trip', 'tour', 'rift', 'rupture']);

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
  'deny', 'reject', 'dismiss', 'refute', 'rebuff', 'repudiate', 'disavow', 'baseless',
  'groundless', 'fabricated', 'fabrication', 'untrue', 'false', 'lie', 'lies', 'never', 'not', "n't",
  'no', 'nor', 'neither', 'nothing', 'nobody',
];
/** Negations that count only next to the claim's verb, not anywhere ("no" in "no longer" is not denial). */
export const WEAK_NEGATIONS = new Set(['not', "n't", 'no', 'nor', 'neither', 'nothing', 'nobody', 'never']);
/**
 * Phrases with a negation word that do not negate ("not only", "no longer", "no doubt", "not
 * least"): double negations ("never doubted") affirm.
 */
export const NON_NEGATING = ['not only', 'no longer', 'no doubt', 'not least', 'no sooner', 'not just', 'no less', 'never before', 'not in dispute', 'no secret', 'not disputed', 'not stopped', 'never stopped', 'not ceased', 'not ended', 'no reason to doubt', 'never doubted', 'never doubt'];
/** Words before a negation that make it weigh the odds, not deny ("may or may not", "whether or not"). */
export const NON_NEGATING_BEFORE = ['or may', 'or might', 'or could', 'whether or'];

/** Words by which a writer keeps their distance from a report ("reportedly", "according to"). */
export const DISTANCING_CUES: readonly string[] = [
  'reportedly', 'allegedly', 'alleged', 'purportedly', 'supposedly', 'apparently', 'believed', 'suspected',
  'unconfirmed', 'unverified', 'rumor', 'rumour', 'rumored', 'rumoured', 'speculation', 'according to',
  'said to', 'thought to', 'reported to', 'believed to', 'alleged to', 'sources say', 'sources said',
  // Claims and vague reports: someone else's word, not the writer's ("an exile group claimed",
  // "press reports said", "by most accounts", "by his own account"). A named report that "said" asserts.
  'claimed', 'claiming', 'media reported', 'press reports', 'reports said', 'reports say', 'reports suggest',
  'newspapers reported', 'newspaper reported', 'newspapers said', 'papers said', 'papers reported', 'own account',
  'there were reports', 'there have been reports', 'there are reports',
  'by most accounts', 'by some accounts', 'some accounts',
];
/** Words by which a writer weighs the odds ("probably", "may have"). */
export const MODAL_CUES: readonly string[] = [
  'may', 'might', 'could', 'possibly', 'probably', 'probable', 'likely', 'suggest', 'suggested', 'suggests',
  'presumably', 'perhaps', 'appears', 'appeared', 'seems', 'seemed',
];

/** Words that say "both of them" without naming either ("the two countries", "both nations"). */
export const PAIR_PHRASES = ['the two countries', 'the two nations', 'both countries', 'both nations', 'the two states', 'both states', 'the two regimes', 'both regimes', 'the two governments', 'each other', 'one another', 'the pair', 'the two sides', 'both sides', 'the two'];

/** Words too common to tell claims apart; left out of similarity scoring. */
export const STOP_WORDS = new Set(
  'a an the and or but of to in on at by for with from as is are was were be been being has have had do does did that this these those it its their there which who whom whose what when where while than then so such into over under after before during about also more most other some any each per via not no its itself they them he she his her we our you your i me my up out off again once only own same too very can will would should could may might must shall said says say report reports reported according'
    .split(' '),
);

/**
 * Words by which a country says it made something alone ("an entirely indigenous design", "built
 * by domestic engineers", "home-grown"): Tehran's usual answer to reports of foreign help. A
 * sentence that says so of a thing denies that anyone gave it or helped with it.
 */
export const OWN_WORK_CUES: readonly string[] = [
  'indigenous', 'indigenously', 'homegrown', 'home-grown', 'home grown', 'domestic design', 'domestically designed',
  'domestically built', 'domestic engineers', 'national achievement', 'hundred percent iranian', '100 percent iranian',
  'without foreign help', 'without outside help', 'without foreign assistance', 'without any foreign',
  'built at home', 'designed at home', 'developed at home', 'engineers alone', 'scientists alone',
];
