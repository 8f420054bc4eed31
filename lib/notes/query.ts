/** The library's search over notes: filters through the most selective index, then text, dates, sort and limit. */
import type { Collection } from 'dexie';
import type { NotesDb } from './db';
import { NotesError } from './errors';
import { normaliseSite, normaliseTags } from './normalise';
import { hasEveryWord, searchableText, searchWords } from './search';
import type { Note, NoteCategory } from './types';

/** How results are ordered: by last change (newest or oldest first), by site then page, or by claim. */
export type NoteSort = 'newest' | 'oldest' | 'site' | 'claim';

/** A search of the reader's notes; every given filter must hold. */
export interface NoteQuery {
  /** Words that must all start a word of the quote, the note, the tags or the title (any case or accent). */
  text?: string;
  /** Tags the note must all have. */
  tags?: string[];
  category?: NoteCategory;
  claimId?: string;
  /** Host name without "www.". */
  site?: string;
  /** ISO dates or times bounding `created`, both inclusive; a date-only `to` includes that whole day (UTC). */
  from?: string;
  to?: string;
  /** Default: newest. */
  sort?: NoteSort;
  /** At most this many results. */
  limit?: number;
}

/** One day in milliseconds, for a date-only upper bound. */
const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A query bound as milliseconds since the epoch, or undefined when not given. */
function timeBound(value: string | undefined, endOfDay: boolean): number | undefined {
  if (value === undefined || value === '') return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new NotesError('invalid', `"${value}" is not a date.`);
  return endOfDay && DATE_ONLY.test(value) ? time + DAY_MS - 1 : time;
}

/** Orders by `updated` then id, as the `updated` index does, so the indexed and in-memory paths agree. */
function byUpdated(a: Note, b: Note): number {
  return compare(a.updated, b.updated) || compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const COMPARATORS: Record<NoteSort, (a: Note, b: Note) => number> = {
  newest: (a, b) => byUpdated(b, a),
  oldest: byUpdated,
  // Pages of a site together, each in reading order.
  site: (a, b) =>
    compare(a.site, b.site) ||
    compare(a.url, b.url) ||
    a.target.position.start - b.target.position.start ||
    compare(a.id, b.id),
  // Notes linked to a claim first, grouped by claim, newest first within each.
  claim: (a, b) =>
    Number(a.claimId === undefined) - Number(b.claimId === undefined) ||
    compare(a.claimId ?? '', b.claimId ?? '') ||
    byUpdated(b, a),
};

/** The query with its values in stored form, and its predicate over notes. */
function prepare(query: NoteQuery, textOf: (note: Note) => string = searchableText) {
  const tags = normaliseTags(query.tags ?? []);
  const site = query.site === undefined || query.site === '' ? undefined : normaliseSite(query.site);
  const words = searchWords(query.text ?? '');
  const from = timeBound(query.from, false);
  const to = timeBound(query.to, true);
  const { category, claimId } = query;
  const dated = from !== undefined || to !== undefined;
  const matches = (note: Note): boolean => {
    if (claimId !== undefined && note.claimId !== claimId) return false;
    if (category !== undefined && note.category !== category) return false;
    if (site !== undefined && note.site !== site) return false;
    if (tags.length > 0 && !tags.every((tag) => note.tags.includes(tag))) return false;
    if (dated) {
      const created = Date.parse(note.created);
      if ((from !== undefined && !(created >= from)) || (to !== undefined && !(created <= to))) return false;
    }
    return words.length === 0 || hasEveryWord(textOf(note), words);
  };
  // Every exact-match filter an index can serve, as [index, value].
  const indexed: [string, string][] = [];
  if (claimId !== undefined) indexed.push(['claimId', claimId]);
  if (category !== undefined) indexed.push(['category', category]);
  if (site !== undefined) indexed.push(['site', site]);
  for (const tag of tags) indexed.push(['tags', tag]);
  const filtered = indexed.length > 0 || words.length > 0 || dated;
  return { matches, indexed, filtered };
}

/**
 * The smallest index range among the query's exact filters (each counted by its index, which
 * IndexedDB does without reading rows), or undefined when the query has none.
 */
async function narrowest(db: NotesDb, indexed: readonly [string, string][]): Promise<Collection<Note, string> | undefined> {
  const ranges = indexed.map(([index, value]) => db.notes.where(index).equals(value));
  if (ranges.length <= 1) return ranges[0];
  const counts = await Promise.all(ranges.map((range) => range.clone().count()));
  let best = 0;
  counts.forEach((count, i) => {
    if (count < (counts[best] ?? Infinity)) best = i;
  });
  return ranges[best];
}

/** Searchable text per note object, computed once: a library re-filters the same notes per keystroke. */
const searchable = new WeakMap<Note, string>();
const searchableOf = (note: Note) => {
  let text = searchable.get(note);
  if (text === undefined) searchable.set(note, (text = searchableText(note)));
  return text;
};

/**
 * Runs a query over notes already in memory (the library holds them all, live): the same filters,
 * text rule and order as `findNotes`, without reading the database again.
 */
export function filterNotes(notes: readonly Note[], query: NoteQuery): Note[] {
  const sort = query.sort ?? 'newest';
  if (!Object.hasOwn(COMPARATORS, sort)) throw new NotesError('invalid', `"${String(sort)}" is not a way to sort notes.`);
  const { matches, filtered } = prepare(query, searchableOf);
  const results = (filtered ? notes.filter(matches) : [...notes]).sort(COMPARATORS[sort]);
  return query.limit === undefined ? results : results.slice(0, Math.max(0, query.limit));
}

/** Runs a query (inside one read transaction); errors are the caller's to map. */
export async function findNotes(db: NotesDb, query: NoteQuery): Promise<Note[]> {
  const { limit } = query;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new NotesError('invalid', 'The number of results must be a whole number.');
  }
  const sort = query.sort ?? 'newest';
  if (!Object.hasOwn(COMPARATORS, sort)) throw new NotesError('invalid', `"${String(sort)}" is not a way to sort notes.`);
  const { matches, indexed, filtered } = prepare(query);
  if (limit === 0) return [];
  return db.transaction('r', db.notes, async () => {
    if (!filtered && limit !== undefined && (sort === 'newest' || sort === 'oldest')) {
      // The first page of an unfiltered library: read the `updated` index in order, only `limit` rows.
      const ordered = sort === 'newest' ? db.notes.orderBy('updated').reverse() : db.notes.orderBy('updated');
      return ordered.limit(limit).toArray();
    }
    const range = await narrowest(db, indexed);
    // One bulk read, then filters in memory: a cursor that tests row by row is several times slower
    // when matches are rare, and a text search cannot tell in advance.
    const candidates = range ? await range.toArray() : await db.notes.toArray();
    const results = (filtered ? candidates.filter(matches) : candidates).sort(COMPARATORS[sort]);
    return limit === undefined ? results : results.slice(0, limit);
  });
}
