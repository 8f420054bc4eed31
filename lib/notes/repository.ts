/**
 * The repository of the reader's notes: every read and write of the notes database goes through
 * these functions, and every failure rejects with a NotesError (nothing is ever lost silently).
 */
import { liveQuery } from 'dexie';
import type { NotesDb } from './db';
import { NotesError, toNotesError } from './errors';
import { normaliseSite, normaliseTags, siteOf } from './normalise';
import { findNotes, type NoteQuery } from './query';
import {
  NOTE_CATEGORIES,
  NOTE_CLAIM_STANCES,
  type AnchorState,
  type DocumentRecord,
  type NewNote,
  type Note,
  type NotePatch,
} from './types';

export { NotesError, type NotesErrorCode } from './errors';
export { filterNotes } from './query';
export type { NoteQuery, NoteSort } from './query';

/** The ways a note can be placed on its page (see AnchorState). */
const ANCHOR_STATES: ReadonlySet<string> = new Set<AnchorState>(['position', 'quote', 'fuzzy', 'orphan']);

/** Runs `work` and maps whatever it throws to a NotesError whose message ends with `consequence`. */
async function guarded<T>(consequence: string, work: () => PromiseLike<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toNotesError(error, consequence);
  }
}

function invalid(message: string): NotesError {
  return new NotesError('invalid', message);
}

function notFound(): NotesError {
  return new NotesError('not-found', 'This note no longer exists: it may have been deleted in another window.');
}

function checkCategory(category: unknown): void {
  if (!(NOTE_CATEGORIES as readonly unknown[]).includes(category)) {
    throw invalid(`"${String(category)}" is not a category of notes.`);
  }
}

function checkClaimLink(claimId: unknown, claimStance: unknown): void {
  if (claimId !== undefined && (typeof claimId !== 'string' || claimId === '')) {
    throw invalid('The linked claim has no id.');
  }
  if (claimStance === undefined) return;
  if (!(NOTE_CLAIM_STANCES as readonly unknown[]).includes(claimStance)) {
    throw invalid(`"${String(claimStance)}" is not a stance a note can take on a claim.`);
  }
  if (claimId === undefined) throw invalid('A stance needs a claim: choose the claim this note bears on.');
}

function checkTags(tags: unknown): string[] {
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) {
    throw invalid('Tags must be a list of words.');
  }
  return normaliseTags(tags);
}

/** Checks the reader's input and builds the note to store (only the fields a Note has). */
function buildNote(input: NewNote, now: Date): Note {
  const site = typeof input.url === 'string' ? siteOf(input.url) : undefined;
  if (site === undefined) throw invalid('This page has no valid address, so notes cannot be kept for it.');
  const { quote, position } = input.target;
  if (typeof quote.exact !== 'string' || quote.exact.trim() === '') {
    throw invalid('A highlight needs some quoted text: select the words to keep.');
  }
  const { start, end } = position;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw invalid('The highlight has no valid place in the article.');
  }
  checkCategory(input.category);
  checkClaimLink(input.claimId, input.claimStance);
  const tags = checkTags(input.tags);
  const time = now.toISOString();
  return {
    id: crypto.randomUUID(),
    url: input.url,
    pageUrl: input.pageUrl,
    title: input.title,
    site,
    target: {
      quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: { type: 'TextPositionSelector', start, end },
    },
    category: input.category,
    text: input.text,
    tags,
    ...(input.claimId !== undefined && { claimId: input.claimId }),
    ...(input.claimStance !== undefined && { claimStance: input.claimStance }),
    created: time,
    updated: time,
  };
}

/** Orders two strings by code unit (ISO times, URLs), independent of locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether ISO time `a` is later than `b` (an unparseable time is never later). */
function isLater(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

/** Two records of one document as one: the earliest first sight, the latest last sight and its title. */
function mergeDocuments(a: DocumentRecord, b: DocumentRecord): DocumentRecord {
  const [older, newer] = isLater(b.lastSeen, a.lastSeen) ? [a, b] : [b, a];
  return { ...newer, firstSeen: isLater(older.firstSeen, newer.firstSeen) ? newer.firstSeen : older.firstSeen };
}

/** Saves a new highlight and its note, and records its document; one transaction. */
export async function saveNote(db: NotesDb, input: NewNote, now = new Date()): Promise<Note> {
  const note = buildNote(input, now);
  const seen: DocumentRecord = { url: note.url, title: note.title, site: note.site, firstSeen: note.created, lastSeen: note.created };
  return guarded('the note was not saved', () =>
    db.transaction('rw', db.notes, db.documents, async () => {
      const known = await db.documents.get(note.url);
      await db.documents.put(known ? { ...mergeDocuments(known, seen), title: note.title || known.title } : seen);
      await db.notes.put(note);
      return note;
    }),
  );
}

/**
 * Changes a saved note and sets its `updated` time. `claimId: null` unlinks the claim (and its
 * stance); linking another claim drops the old stance unless the patch gives one.
 */
export async function updateNote(db: NotesDb, id: string, patch: NotePatch, now = new Date()): Promise<Note> {
  if (patch.category !== undefined) checkCategory(patch.category);
  const tags = patch.tags === undefined ? undefined : checkTags(patch.tags);
  return guarded('the change was not saved', () =>
    db.transaction('rw', db.notes, async () => {
      const note = await db.notes.get(id);
      if (!note) throw notFound();
      const next: Note = { ...note, updated: now.toISOString() };
      if (patch.category !== undefined) next.category = patch.category;
      if (patch.text !== undefined) next.text = patch.text;
      if (tags !== undefined) next.tags = tags;
      if (patch.claimId === null) {
        delete next.claimId;
        delete next.claimStance;
      } else if (patch.claimId !== undefined && patch.claimId !== note.claimId) {
        next.claimId = patch.claimId;
        delete next.claimStance;
      }
      if (patch.claimStance === null) delete next.claimStance;
      else if (patch.claimStance !== undefined) next.claimStance = patch.claimStance;
      checkClaimLink(next.claimId, next.claimStance);
      await db.notes.put(next);
      return next;
    }),
  );
}

/** Deletes a note; its document goes too when it was the page's last note. Returns whether it existed. */
export async function deleteNote(db: NotesDb, id: string): Promise<boolean> {
  return guarded('the note was not deleted', () =>
    db.transaction('rw', db.notes, db.documents, async () => {
      const note = await db.notes.get(id);
      if (!note) return false;
      await db.notes.delete(id);
      if ((await db.notes.where('url').equals(note.url).count()) === 0) await db.documents.delete(note.url);
      return true;
    }),
  );
}

/** One note by id, or undefined when there is none. */
export async function getNote(db: NotesDb, id: string): Promise<Note | undefined> {
  return guarded('the note could not be read', () => db.notes.get(id));
}

/** The notes of one page (by normalised URL), in reading order. */
export async function notesForUrl(db: NotesDb, url: string): Promise<Note[]> {
  const notes = await guarded('the notes of this page could not be read', () => db.notes.where('url').equals(url).toArray());
  return notes.sort(
    (a, b) =>
      a.target.position.start - b.target.position.start ||
      a.target.position.end - b.target.position.end ||
      compare(a.created, b.created),
  );
}

/** Whether a page (by normalised URL) has any notes; reads one index key at most. */
export async function hasNotes(db: NotesDb, url: string): Promise<boolean> {
  const keys = await guarded('the notes of this page could not be read', () =>
    db.notes.where('url').equals(url).limit(1).primaryKeys(),
  );
  return keys.length > 0;
}

/** Records how each note was placed on its page's latest visit; `updated` is left alone. One transaction. */
export async function setAnchorStates(db: NotesDb, states: readonly { id: string; anchor: AnchorState }[]): Promise<void> {
  for (const { anchor } of states) {
    if (!ANCHOR_STATES.has(anchor)) throw invalid(`"${String(anchor)}" is not a way to place a note.`);
  }
  if (states.length === 0) return;
  await guarded('where your notes were placed was not saved', () =>
    db.transaction('rw', db.notes, () => db.notes.bulkUpdate(states.map(({ id, anchor }) => ({ key: id, changes: { anchor } })))),
  );
}

/** Notes matching a query: filters, full-text search, sort and limit (see NoteQuery). */
export async function queryNotes(db: NotesDb, query: NoteQuery): Promise<Note[]> {
  return guarded('your notes could not be searched', () => findNotes(db, query));
}

/** The documents that have notes, most recently seen first, optionally of one site. */
export async function listDocuments(db: NotesDb, options: { site?: string; limit?: number } = {}): Promise<DocumentRecord[]> {
  const { site, limit } = options;
  return guarded('your pages could not be listed', async () => {
    if (site === undefined) {
      const recent = db.documents.orderBy('lastSeen').reverse();
      return (limit === undefined ? recent : recent.limit(limit)).toArray();
    }
    const documents = await db.documents.where('site').equals(normaliseSite(site)).toArray();
    return documents.sort((a, b) => compare(b.lastSeen, a.lastSeen)).slice(0, limit);
  });
}

/** Everything in the database, for export; one consistent read. */
export async function allData(db: NotesDb): Promise<{ notes: Note[]; documents: DocumentRecord[] }> {
  return guarded('your notes could not be read', () =>
    db.transaction('r', db.notes, db.documents, async () => ({
      notes: await db.notes.toArray(),
      documents: await db.documents.toArray(),
    })),
  );
}

/** The document record a note implies when an import brings none for its page. */
function documentOfNote(note: Note): DocumentRecord {
  return { url: note.url, title: note.title, site: note.site, firstSeen: note.created, lastSeen: note.updated };
}

/**
 * Merges validated data (lib/export) into the database in one transaction: a note replaces the
 * stored one with its id only when its `updated` is later; documents merge (earliest first sight,
 * latest last sight). If anything fails, nothing is written.
 */
export async function importData(
  db: NotesDb,
  data: { notes: readonly Note[]; documents: readonly DocumentRecord[] },
): Promise<{ added: number; updated: number; unchanged: number }> {
  return guarded('nothing was imported', () =>
    db.transaction('rw', db.notes, db.documents, async () => {
      // The latest copy of each id: a file may hold one note twice.
      const incoming = new Map<string, Note>();
      for (const note of data.notes) {
        const seen = incoming.get(note.id);
        if (!seen || isLater(note.updated, seen.updated)) incoming.set(note.id, { ...note, tags: normaliseTags(note.tags) });
      }
      const stored = await db.notes.bulkGet([...incoming.keys()]);
      const counts = { added: 0, updated: 0, unchanged: 0 };
      const writes: Note[] = [];
      [...incoming.values()].forEach((note, i) => {
        const old = stored[i];
        if (old && !isLater(note.updated, old.updated)) {
          counts.unchanged++;
          return;
        }
        counts[old ? 'updated' : 'added']++;
        writes.push(note);
      });
      await db.notes.bulkPut(writes);

      const documents = new Map<string, DocumentRecord>();
      for (const document of data.documents) {
        const seen = documents.get(document.url);
        documents.set(document.url, seen ? mergeDocuments(seen, document) : { ...document });
      }
      const implied = new Map<string, DocumentRecord>();
      for (const note of writes) {
        if (documents.has(note.url)) continue;
        const seen = implied.get(note.url);
        implied.set(note.url, seen ? mergeDocuments(seen, documentOfNote(note)) : documentOfNote(note));
      }
      const urls = [...documents.keys(), ...implied.keys()];
      const knownDocuments = await db.documents.bulkGet(urls);
      const documentWrites = urls.flatMap((url, i) => {
        const known = knownDocuments[i];
        const record = documents.get(url);
        if (record) return [known ? mergeDocuments(known, record) : record];
        // A page the file has no record for keeps the record we already have.
        const guess = implied.get(url);
        return !known && guess ? [guess] : [];
      });
      await db.documents.bulkPut(documentWrites);
      return counts;
    }),
  );
}

/** Asks the browser to keep the database when space runs low; `undefined` where it cannot be asked. Never throws. */
export async function requestPersistence(
  storage: { persist?: () => Promise<boolean> } | undefined = globalThis.navigator?.storage,
): Promise<boolean | undefined> {
  try {
    return typeof storage?.persist === 'function' ? await storage.persist() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `onValue` with the result of `querier` now and whenever the data it read changes (Dexie's
 * liveQuery), until the returned function is called. `querier` may only call repository functions
 * (liveQuery tracks database reads; other async work would escape it). Errors go to `onError`,
 * by default to the console, never nowhere.
 */
export function watch<T>(
  querier: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: NotesError) => void = (error) => console.error(error),
): () => void {
  const subscription = liveQuery(querier).subscribe({
    next: onValue,
    error: (error: unknown) => onError(toNotesError(error, 'the list of notes stopped updating')),
  });
  return () => subscription.unsubscribe();
}

/** Live results of a query, for the panels: see watch. */
export function watchNotes(
  db: NotesDb,
  query: NoteQuery,
  onValue: (notes: Note[]) => void,
  onError?: (error: NotesError) => void,
): () => void {
  return watch(() => queryNotes(db, query), onValue, onError);
}
