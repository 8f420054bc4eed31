import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotesDb } from '../../lib/notes/db';
import { isQuotaError, toNotesError } from '../../lib/notes/errors';
import {
  NotesError,
  allData,
  deleteNote,
  getNote,
  hasNotes,
  listDocuments,
  notesForUrl,
  requestPersistence,
  saveNote,
  setAnchorStates,
  updateNote,
  watchNotes,
} from '../../lib/notes/repository';
import type { AnchorState, NewNote, Note } from '../../lib/notes/types';
import { freshDb, newNote, noteAt, rejection } from './helpers';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const T1 = new Date('2026-03-02T11:30:00.000Z');
const T2 = new Date('2026-03-05T08:15:00.000Z');

const opened: NotesDb[] = [];
function db(): NotesDb {
  const created = freshDb();
  opened.push(created);
  return created;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const each of opened.splice(0)) each.close();
});

describe('saveNote', () => {
  it('fills in id, site and timestamps, stores the note and records its document', async () => {
    const notes = db();
    const note = await saveNote(notes, newNote({ claimId: 'dprk-scud-b-1987', claimStance: 'supports' }), T0);
    expect(note.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(note).toMatchObject({
      url: 'https://www.example.org/news/iran-dprk',
      site: 'example.org',
      created: T0.toISOString(),
      updated: T0.toISOString(),
      tags: ['missiles'],
      claimId: 'dprk-scud-b-1987',
      claimStance: 'supports',
    });
    expect(await notes.notes.get(note.id)).toEqual(note);
    expect(await notes.documents.toArray()).toEqual([
      { url: note.url, title: 'Iran and North Korea', site: 'example.org', firstSeen: T0.toISOString(), lastSeen: T0.toISOString() },
    ]);
  });

  it('gives every note its own id', async () => {
    const notes = db();
    const a = await saveNote(notes, newNote(), T0);
    const b = await saveNote(notes, newNote(), T0);
    expect(a.id).not.toBe(b.id);
    expect(await notes.notes.count()).toBe(2);
  });

  it('keeps the first sight of a document and moves its last sight and title', async () => {
    const notes = db();
    await saveNote(notes, newNote(), T0);
    await saveNote(notes, newNote({ title: 'Iran and North Korea (updated)' }), T2);
    const [document] = await notes.documents.toArray();
    expect(document).toEqual({
      url: 'https://www.example.org/news/iran-dprk',
      title: 'Iran and North Korea (updated)',
      site: 'example.org',
      firstSeen: T0.toISOString(),
      lastSeen: T2.toISOString(),
    });
  });

  it('normalises tags: trimmed, lower case, white space collapsed, no empties, no duplicates', async () => {
    const note = await saveNote(db(), newNote({ tags: [' Missiles ', 'missiles', '', '   ', 'IRGC  Navy', 'irgc navy', 'Scud'] }), T0);
    expect(note.tags).toEqual(['missiles', 'irgc navy', 'scud']);
  });

  it.each([
    ['https://WWW.News.Example.COM/a', 'news.example.com'],
    ['https://wwwexample.com/a', 'wwwexample.com'],
    ['http://www.www.example.net:8080/a', 'www.example.net'],
    ['https://38north.org/2024/01/x', '38north.org'],
  ])('takes the site of %s as %s', async (url, site) => {
    expect((await saveNote(db(), newNote({ url }), T0)).site).toBe(site);
  });

  it('stores only the fields of a note, whatever else the input carries', async () => {
    const input = { ...newNote(), id: 'chosen-by-caller', extra: '<script>' } as NewNote;
    const note = await saveNote(db(), input, T0);
    expect(note.id).not.toBe('chosen-by-caller');
    expect(Object.keys(note).sort()).toEqual(
      ['category', 'created', 'id', 'pageUrl', 'site', 'tags', 'target', 'text', 'title', 'updated', 'url'].sort(),
    );
  });

  const base = newNote();
  it.each<[string, NewNote]>([
    ['an empty quote', { ...base, target: { ...base.target, quote: { ...base.target.quote, exact: '' } } }],
    ['a blank quote', { ...base, target: { ...base.target, quote: { ...base.target.quote, exact: ' \n\t ' } } }],
    ['an unknown category', { ...base, category: 'gossip' as NewNote['category'] }],
    ['a stance without a claim', { ...base, claimStance: 'supports' }],
    ['an unknown stance', { ...base, claimId: 'c-1', claimStance: 'agrees' as NewNote['claimStance'] }],
    ['an empty claim id', { ...base, claimId: '' }],
    ['a URL that does not parse', { ...base, url: 'not a url' }],
    ['a position that ends before it starts', { ...base, target: { ...base.target, position: { type: 'TextPositionSelector', start: 9, end: 3 } } }],
    ['a fractional position', { ...base, target: { ...base.target, position: { type: 'TextPositionSelector', start: 1.5, end: 3 } } }],
    ['a negative position', { ...base, target: { ...base.target, position: { type: 'TextPositionSelector', start: -1, end: 3 } } }],
    ['tags that are not strings', { ...base, tags: [3] as unknown as string[] }],
  ])('rejects %s as invalid and stores nothing', async (_, input) => {
    const notes = db();
    const error = await rejection(saveNote(notes, input, T0));
    expect(error.code).toBe('invalid');
    expect(error.message.length).toBeGreaterThan(10);
    expect(await notes.notes.count()).toBe(0);
    expect(await notes.documents.count()).toBe(0);
  });
});

describe('storage failures', () => {
  it('maps a full disk (DOMException QuotaExceededError) to a quota error, and writes nothing', async () => {
    const notes = db();
    vi.spyOn(notes.notes, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await rejection(saveNote(notes, newNote(), T0));
    expect(error.code).toBe('quota');
    expect(error.message).toBe(
      "Your browser's storage for Nexus Lens is full: the note was not saved. Export your notes and free some space.",
    );
    expect((error.cause as DOMException).name).toBe('QuotaExceededError');
    vi.restoreAllMocks();
    // The document written earlier in the same transaction was rolled back.
    expect(await notes.documents.count()).toBe(0);
    expect(await notes.notes.count()).toBe(0);
  });

  it('maps a rejected put to a quota error too', async () => {
    const notes = db();
    vi.spyOn(notes.notes, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    expect((await rejection(saveNote(notes, newNote(), T0))).code).toBe('quota');
  });

  it('maps other failures to a storage error that keeps the cause', async () => {
    const notes = db();
    const cause = new DOMException('The disk is on fire.', 'UnknownError');
    vi.spyOn(notes.notes, 'put').mockRejectedValue(cause);
    const error = await rejection(saveNote(notes, newNote(), T0));
    expect(error.code).toBe('storage');
    // Dexie may wrap the browser's error in its own, with the original as `inner`.
    const wrapped = error.cause as { inner?: unknown };
    expect(wrapped === cause || wrapped.inner === cause).toBe(true);
    expect(error.message).toContain('the note was not saved');
  });

  it('finds a quota error wrapped the ways Dexie wraps it', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError({ name: 'AbortError', message: 'aborted', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), { name: 'QuotaExceededError' }] })).toBe(true);
    expect(isQuotaError(new Error('aborted', { cause: { name: 'NS_ERROR_DOM_QUOTA_REACHED' } }))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'ConstraintError' } })).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    const cyclic: { name: string; inner?: unknown } = { name: 'AbortError' };
    cyclic.inner = cyclic;
    expect(isQuotaError(cyclic)).toBe(false);
  });

  it('passes a NotesError through unchanged', () => {
    const original = new NotesError('not-found', 'gone');
    expect(toNotesError(original, 'whatever')).toBe(original);
  });
});

describe('updateNote', () => {
  it('changes what the patch names and the updated time, nothing else', async () => {
    const notes = db();
    const saved = await saveNote(notes, newNote({ claimId: 'c-1', claimStance: 'qualifies' }), T0);
    const updated = await updateNote(notes, saved.id, { text: 'Denied by Pyongyang.', tags: ['Denial', ' DENIAL'], category: 'contradicts' }, T1);
    expect(updated).toEqual({
      ...saved,
      text: 'Denied by Pyongyang.',
      tags: ['denial'],
      category: 'contradicts',
      updated: T1.toISOString(),
    });
    expect(await getNote(notes, saved.id)).toEqual(updated);
  });

  it('unlinks the claim and its stance on claimId: null', async () => {
    const notes = db();
    const saved = await saveNote(notes, newNote({ claimId: 'c-1', claimStance: 'supports' }), T0);
    const updated = await updateNote(notes, saved.id, { claimId: null }, T1);
    expect(updated).not.toHaveProperty('claimId');
    expect(updated).not.toHaveProperty('claimStance');
    expect(await getNote(notes, saved.id)).toEqual(updated);
  });

  it('drops the stance when the note moves to another claim, keeps it on the same claim', async () => {
    const notes = db();
    const saved = await saveNote(notes, newNote({ claimId: 'c-1', claimStance: 'supports' }), T0);
    expect(await updateNote(notes, saved.id, { claimId: 'c-1' }, T1)).toMatchObject({ claimId: 'c-1', claimStance: 'supports' });
    const moved = await updateNote(notes, saved.id, { claimId: 'c-2' }, T1);
    expect(moved.claimId).toBe('c-2');
    expect(moved).not.toHaveProperty('claimStance');
    expect(await updateNote(notes, saved.id, { claimId: 'c-3', claimStance: 'disputes' }, T2)).toMatchObject({
      claimId: 'c-3',
      claimStance: 'disputes',
    });
    const unstanced = await updateNote(notes, saved.id, { claimStance: null }, T2);
    expect(unstanced).not.toHaveProperty('claimStance');
    expect(unstanced.claimId).toBe('c-3');
  });

  it('rejects a stance without a claim, and an unknown category, leaving the note as it was', async () => {
    const notes = db();
    const saved = await saveNote(notes, newNote(), T0);
    expect((await rejection(updateNote(notes, saved.id, { claimStance: 'supports' }, T1))).code).toBe('invalid');
    expect((await rejection(updateNote(notes, saved.id, { claimId: null, claimStance: 'supports' }, T1))).code).toBe('invalid');
    expect((await rejection(updateNote(notes, saved.id, { category: 'nope' as Note['category'] }, T1))).code).toBe('invalid');
    expect(await getNote(notes, saved.id)).toEqual(saved);
  });

  it('rejects a missing note with not-found', async () => {
    const error = await rejection(updateNote(db(), 'no-such-id', { text: 'x' }));
    expect(error.code).toBe('not-found');
  });
});

describe('deleteNote', () => {
  it('deletes a note once, and its document with the page’s last note', async () => {
    const notes = db();
    const a = await saveNote(notes, newNote(), T0);
    const b = await saveNote(notes, newNote(), T1);
    expect(await deleteNote(notes, a.id)).toBe(true);
    expect(await deleteNote(notes, a.id)).toBe(false);
    expect(await notes.documents.count()).toBe(1);
    expect(await deleteNote(notes, b.id)).toBe(true);
    expect(await notes.notes.count()).toBe(0);
    expect(await notes.documents.count()).toBe(0);
  });
});

describe('reading a page’s notes', () => {
  it('returns only that page’s notes, in reading order', async () => {
    const notes = db();
    const url = 'https://example.org/a';
    const late = await saveNote(notes, noteAt(900, { url }), T0);
    const early = await saveNote(notes, noteAt(15, { url }), T1);
    const middle = await saveNote(notes, noteAt(300, { url }), T2);
    await saveNote(notes, noteAt(1, { url: 'https://example.org/b' }), T0);
    expect((await notesForUrl(notes, url)).map((note) => note.id)).toEqual([early.id, middle.id, late.id]);
    expect(await notesForUrl(notes, 'https://example.org/none')).toEqual([]);
  });

  it('tells whether a page has notes', async () => {
    const notes = db();
    await saveNote(notes, newNote({ url: 'https://example.org/a' }), T0);
    expect(await hasNotes(notes, 'https://example.org/a')).toBe(true);
    expect(await hasNotes(notes, 'https://example.org/b')).toBe(false);
  });
});

describe('setAnchorStates', () => {
  it('records anchors without touching updated, and ignores unknown ids', async () => {
    const notes = db();
    const a = await saveNote(notes, noteAt(1), T0);
    const b = await saveNote(notes, noteAt(2), T0);
    await setAnchorStates(notes, [
      { id: a.id, anchor: 'fuzzy' },
      { id: b.id, anchor: 'orphan' },
      { id: 'gone', anchor: 'quote' },
    ]);
    expect(await getNote(notes, a.id)).toEqual({ ...a, anchor: 'fuzzy' });
    expect(await getNote(notes, b.id)).toEqual({ ...b, anchor: 'orphan' });
    expect(await notes.notes.count()).toBe(2);
  });

  it('rejects an unknown anchor state and changes nothing', async () => {
    const notes = db();
    const a = await saveNote(notes, noteAt(1), T0);
    const error = await rejection(
      setAnchorStates(notes, [
        { id: a.id, anchor: 'quote' },
        { id: a.id, anchor: 'lost' as AnchorState },
      ]),
    );
    expect(error.code).toBe('invalid');
    expect(await getNote(notes, a.id)).toEqual(a);
  });
});

describe('documents and all data', () => {
  it('lists documents by last sight, optionally of one site', async () => {
    const notes = db();
    await saveNote(notes, newNote({ url: 'https://www.example.org/1' }), T0);
    await saveNote(notes, newNote({ url: 'https://other.net/2' }), T1);
    await saveNote(notes, newNote({ url: 'https://example.org/3' }), T2);
    expect((await listDocuments(notes)).map((d) => d.url)).toEqual([
      'https://example.org/3',
      'https://other.net/2',
      'https://www.example.org/1',
    ]);
    expect((await listDocuments(notes, { limit: 1 })).map((d) => d.url)).toEqual(['https://example.org/3']);
    expect((await listDocuments(notes, { site: 'WWW.Example.org' })).map((d) => d.url)).toEqual([
      'https://example.org/3',
      'https://www.example.org/1',
    ]);
  });

  it('reads every note and document', async () => {
    const notes = db();
    const a = await saveNote(notes, newNote({ url: 'https://example.org/1' }), T0);
    const b = await saveNote(notes, newNote({ url: 'https://example.org/2' }), T1);
    const data = await allData(notes);
    expect(data.notes.map((note) => note.id).sort()).toEqual([a.id, b.id].sort());
    expect(data.documents.map((document) => document.url).sort()).toEqual(['https://example.org/1', 'https://example.org/2']);
  });
});

describe('requestPersistence', () => {
  it('asks the browser when it can, and never throws', async () => {
    expect(await requestPersistence({ persist: async () => true })).toBe(true);
    expect(await requestPersistence({ persist: async () => false })).toBe(false);
    expect(await requestPersistence({})).toBeUndefined();
    expect(await requestPersistence(undefined)).toBeUndefined();
    expect(
      await requestPersistence({
        persist: () => {
          throw new Error('no');
        },
      }),
    ).toBeUndefined();
    expect(await requestPersistence({ persist: () => Promise.reject(new Error('no')) })).toBeUndefined();
  });
});

describe('watchNotes', () => {
  it('delivers the current results, then new ones after a change, until unsubscribed', async () => {
    const notes = db();
    await saveNote(notes, newNote({ tags: ['old'] }), T0);
    const seen: string[][] = [];
    let wake: () => void = () => {};
    const unsubscribe = watchNotes(notes, { tags: ['new'] }, (results) => {
      seen.push(results.map((note) => note.text));
      wake();
    });
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    await next();
    expect(seen).toEqual([[]]);
    const waiting = next();
    await saveNote(notes, newNote({ tags: ['New'], text: 'fresh' }), T1);
    await waiting;
    expect(seen.at(-1)).toEqual(['fresh']);
    unsubscribe();
    const count = seen.length;
    await saveNote(notes, newNote({ tags: ['new'], text: 'after' }), T2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.length).toBe(count);
  });

  it('reports a failing query to onError as a NotesError', async () => {
    const errors = await new Promise<NotesError[]>((resolve) => {
      const found: NotesError[] = [];
      const stop = watchNotes(db(), { from: 'not a date' }, () => resolve([]), (error) => {
        found.push(error);
        stop();
        resolve(found);
      });
    });
    expect(errors.map((error) => error.code)).toEqual(['invalid']);
  });
});
