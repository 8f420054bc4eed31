/**
 * The reader's own data: highlights and notes, and the documents they were made on. These types are
 * shared by the database (lib/notes), the anchoring code (lib/anchor), the export and import
 * builders (lib/export) and the panels. Plain data only: every value survives structured clone
 * and JSON.
 */

/** What a highlight is to the reader. */
export const NOTE_CATEGORIES = ['key-fact', 'supports', 'contradicts', 'question'] as const;
export type NoteCategory = (typeof NOTE_CATEGORIES)[number];

/** How a note bears on a claim of the database, when the reader links one. */
export const NOTE_CLAIM_STANCES = ['supports', 'disputes', 'qualifies'] as const;
export type NoteClaimStance = (typeof NOTE_CLAIM_STANCES)[number];

/** W3C Web Annotation TextQuoteSelector: the quoted text with some context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * W3C Web Annotation TextPositionSelector: offsets (UTF-16 code units) into the article text the
 * annotator reads (the text map of the extracted article), not into the raw HTML.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Where a highlight sits in its document: both selectors, always. */
export interface NoteTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** How a note was last placed on its page. `orphan`: it could not be placed; it is kept, never dropped. */
export type AnchorState = 'position' | 'quote' | 'fuzzy' | 'orphan';

/** One saved highlight with its note. */
export interface Note {
  /** A random UUID; stable across export and import (duplicates merge by id). */
  id: string;
  /** The normalised document URL (lib/anchor/url.ts): the key that finds a page's notes. */
  url: string;
  /** The URL as it was when the note was saved. */
  pageUrl: string;
  /** The article's title when the note was saved. */
  title: string;
  /** The site's host name, lower case, without "www." (for filters). */
  site: string;
  target: NoteTarget;
  category: NoteCategory;
  /** The reader's note, Markdown; may be empty (a plain highlight). */
  text: string;
  /** Tags, trimmed and lower case, without duplicates. */
  tags: string[];
  /** A claim of the database this note is about, and how it bears on it. */
  claimId?: string;
  claimStance?: NoteClaimStance;
  /** ISO 8601 timestamps. */
  created: string;
  updated: string;
  /** How the note was placed on its most recent visit, if it has been re-anchored since saving. */
  anchor?: AnchorState;
}

/** What the reader supplies to save a note; the repository fills in id, timestamps and site. */
export type NewNote = Pick<Note, 'url' | 'pageUrl' | 'title' | 'target' | 'category' | 'text' | 'tags'> &
  Partial<Pick<Note, 'claimId' | 'claimStance'>>;

/** What the reader may change in a saved note. `claimId: null` unlinks the claim. */
export interface NotePatch {
  category?: NoteCategory;
  text?: string;
  tags?: string[];
  claimId?: string | null;
  claimStance?: NoteClaimStance | null;
}

/** A document the reader has saved notes on. */
export interface DocumentRecord {
  /** The normalised URL (primary key). */
  url: string;
  title: string;
  site: string;
  /** ISO 8601: first note saved, most recent visit or note. */
  firstSeen: string;
  lastSeen: string;
}
