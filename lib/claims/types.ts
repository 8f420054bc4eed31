/** The claim database's record types: sources, claims and their evidence (see data/claims/README.md). */

/** A date as precise as its source gives it: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
export type PartialDate = string;

/** What kind of document a source is. */
export type SourceKind =
  | 'news'
  | 'analysis'
  | 'government'
  | 'memoir'
  | 'wire'
  | 'report'
  | 'reference'
  | 'statement';

/** A document that says something about a claim. Seeds are sources; so are the reports they cite. */
export interface Source {
  /** Stable kebab-case id, e.g. 'fdd-2015-alfoneh-unanswered-questions'. */
  id: string;
  title: string;
  /** Publisher, site or agency (AFP, IRNA, The Diplomat...). */
  publisher: string;
  author?: string;
  date?: PartialDate;
  url?: string;
  kind: SourceKind;
  /** BCP 47 language tag of the document ('en', 'fa'...). */
  language: string;
  /** File name in shared/seeds/ when this source is one of our seed documents. */
  seed?: string;
  /** Ids of the sources this document cites (seed 001's numbered notes, for example). */
  cites?: string[];
  /** Anything a reader should know: what was inferred rather than read, access dates. */
  note?: string;
}

/** How a piece of evidence bears on its claim. */
export type Stance = 'supports' | 'disputes' | 'qualifies';

/** One source's word on one claim. */
export interface Evidence {
  /** Id of the source that says it. */
  source: string;
  stance: Stance;
  /** The source's exact words (verbatim; checked against the seed text for seed sources). */
  quote: string;
  /** Ids of the sources this source relies on for it (its footnote, the report it cites). */
  via?: string[];
  /** Who makes the statement inside the source, when not the source's author. */
  speaker?: string;
  /** When the statement was made, when it differs from the source's date. */
  date?: PartialDate;
  note?: string;
}

/** When a claimed event happened. */
export interface TimeSpan {
  start: PartialDate;
  end?: PartialDate;
  precision: 'day' | 'month' | 'year' | 'decade' | 'approximate';
}

/** Topic tags a claim carries. */
export type Topic =
  | 'missile'
  | 'nuclear'
  | 'arms'
  | 'space'
  | 'energy'
  | 'finance'
  | 'diplomatic'
  | 'people'
  | 'interdiction'
  | 'denial'
  | 'sanctions'
  | 'naval'
  | 'trade';

/** How two claims relate. */
export type Relation = 'contradicts' | 'refines' | 'same-event' | 'context';

/** One checkable statement about Iran–DPRK cooperation. */
export interface Claim {
  /** Stable kebab-case id; never reused for another statement. */
  id: string;
  /** The canonical sentence, in our words. */
  statement: string;
  topics: Topic[];
  /** Entity ids (data/claims/entities.json) of the parties involved. */
  actors: string[];
  /** Who gave what to whom, when the claim has a direction. `from`/`to` are entity ids. */
  direction?: { from: string; to: string; what: string };
  /** Entity ids of the named systems (missiles, aircraft, ships, facilities). */
  systems?: string[];
  time?: TimeSpan;
  /** What the matcher needs beyond the entities' aliases. */
  match: {
    /**
     * Concept groups: a sentence states this claim only if it holds a word or phrase from every
     * group (case-insensitive; the engine adds inflections and its shared synonym lexicon).
     */
    require: string[][];
    /** Other ways news writes this claim; used to enrich the index and as test material. */
    phrasings: string[];
  };
  evidence: Evidence[];
  related?: { claim: string; relation: Relation; note?: string }[];
}

/** A named thing claims refer to: a country, organisation, person, system, place or vessel. */
export interface Entity {
  id: string;
  kind: 'country' | 'organisation' | 'person' | 'system' | 'place' | 'vessel' | 'aircraft';
  name: string;
  /** Every spelling and name variant worth matching ('Shahab-3', 'Shehab 3', 'Shabab-3'...). */
  aliases: string[];
  /** Entity id of the country a system, organisation or person belongs to ('shahab-3' → 'iran'). */
  country?: string;
  note?: string;
}

/** The whole database as the validator returns it and `nexus-lens claims --json` prints it. */
export interface ClaimDatabase {
  sources: Source[];
  entities: Entity[];
  claims: Claim[];
}
