import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotesDb } from '../../lib/notes/db';
import { allData, importData, saveNote } from '../../lib/notes/repository';
import type { DocumentRecord, Note } from '../../lib/notes/types';
import { freshDb, newNote, noteAt, rejection } from './helpers';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-02-01T00:00:00.000Z';
const T2 = '2026-03-01T00:00:00.000Z';

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

/** A stored note saved at `time` on `url`. */
async function stored(notes: NotesDb, url: string, time: string, start = 0): Promise<Note> {
  return saveNote(notes, noteAt(start, { url, title: `Saved on ${url}` }), new Date(time));
}

function sorted<T extends { id?: string; url: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id ?? a.url).localeCompare(b.id ?? b.url));
}

async function snapshot(notes: NotesDb) {
  const data = await allData(notes);
  return { notes: sorted(data.notes), documents: sorted(data.documents) };
}

describe('importData', () => {
  it('adds new notes, replaces older ones, keeps newer or equal ones, and counts each', async () => {
    const notes = db();
    const a = await stored(notes, 'https://example.org/x', T1, 1);
    const b = await stored(notes, 'https://example.org/x', T1, 2);
    const c = await stored(notes, 'https://example.org/x', T1, 3);
    const newerA: Note = { ...a, text: 'edited elsewhere', tags: ['Imported', 'imported'], updated: T2 };
    const olderB: Note = { ...b, text: 'stale copy', updated: T0 };
    const sameC: Note = { ...c, text: 'same time, other text' };
    const fresh: Note = { ...a, id: 'from-another-browser', url: 'https://other.test/y', site: 'other.test', created: T0, updated: T0 };

    const result = await importData(notes, { notes: [newerA, olderB, sameC, fresh], documents: [] });
    expect(result).toEqual({ added: 1, updated: 1, unchanged: 2 });
    const after = await snapshot(notes);
    expect(after.notes).toEqual(sorted([{ ...newerA, tags: ['imported'] }, b, c, fresh]));
  });

  it('keeps the latest copy when a file holds one note twice', async () => {
    const notes = db();
    const base = { ...(await stored(db(), 'https://example.org/x', T0)), id: 'twice' };
    const result = await importData(notes, {
      notes: [{ ...base, text: 'first', updated: T1 }, { ...base, text: 'latest', updated: T2 }, { ...base, text: 'oldest', updated: T0 }],
      documents: [],
    });
    expect(result).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect((await allData(notes)).notes.map((note) => note.text)).toEqual(['latest']);
  });

  it('merges documents: earliest first sight, latest last sight with its title; implies missing ones', async () => {
    const notes = db();
    await stored(notes, 'https://example.org/x', T1);
    const incomingX: DocumentRecord = { url: 'https://example.org/x', title: 'Old title', site: 'example.org', firstSeen: T0, lastSeen: T0 };
    const incomingY: DocumentRecord = { url: 'https://example.org/y', title: 'Y', site: 'example.org', firstSeen: T0, lastSeen: T2 };
    const later: DocumentRecord = { ...incomingY, title: 'Y, renamed', firstSeen: T1, lastSeen: T2.replace('03-01', '03-02') };
    const orphanNote: Note = {
      ...(await stored(db(), 'https://z.test/z', T1)),
      id: 'on-z',
      title: 'Z page',
    };
    await importData(notes, { notes: [orphanNote], documents: [incomingX, incomingY, later] });
    const { documents } = await snapshot(notes);
    expect(documents).toEqual([
      { url: 'https://example.org/x', title: 'Saved on https://example.org/x', site: 'example.org', firstSeen: T0, lastSeen: T1 },
      { url: 'https://example.org/y', title: 'Y, renamed', site: 'example.org', firstSeen: T0, lastSeen: later.lastSeen },
      { url: 'https://z.test/z', title: 'Z page', site: 'z.test', firstSeen: T1, lastSeen: T1 },
    ]);
  });

  it('round-trips everything into an empty database', async () => {
    const source = db();
    await stored(source, 'https://example.org/x', T0, 1);
    await stored(source, 'https://example.org/x', T1, 2);
    await saveNote(source, newNote({ url: 'https://other.test/y', claimId: 'c-1', claimStance: 'disputes' }), new Date(T2));
    const data = await allData(source);
    const target = db();
    expect(await importData(target, data)).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect(await importData(target, data)).toEqual({ added: 0, updated: 0, unchanged: 3 });
  });
});

describe('importData writes all or nothing', () => {
  async function populated() {
    const notes = db();
    const kept = await stored(notes, 'https://example.org/x', T1, 1);
    await stored(notes, 'https://example.org/w', T1, 2);
    return { notes, kept, before: await snapshot(notes) };
  }

  it('writes nothing when a note has a key IndexedDB refuses', async () => {
    const { notes, kept, before } = await populated();
    const good: Note = { ...kept, id: 'good', url: 'https://new.test/1', site: 'new.test' };
    const bad = { ...good, id: { not: 'a key' } } as unknown as Note;
    const error = await rejection(
      importData(notes, { notes: [{ ...kept, text: 'newer', updated: T2 }, good, bad, { ...good, id: 'good-2' }], documents: [] }),
    );
    expect(error.code).toBe('storage');
    expect(error.message).toContain('nothing was imported');
    expect(await snapshot(notes)).toEqual(before);
  });

  it('rolls back the notes already written when a later document write fails', async () => {
    const { notes, kept, before } = await populated();
    const notesIn: Note[] = [
      { ...kept, text: 'newer', updated: T2 },
      { ...kept, id: 'new-1', url: 'https://new.test/1', site: 'new.test' },
    ];
    const badDocument = { url: ['not', { a: 'key' }], title: '', site: '', firstSeen: T0, lastSeen: T0 } as unknown as DocumentRecord;
    await rejection(importData(notes, { notes: notesIn, documents: [badDocument] }));
    expect(await snapshot(notes)).toEqual(before);
  });

  it('rolls back and reports quota when the document write runs out of space', async () => {
    const { notes, kept, before } = await populated();
    const bulkPut = vi.spyOn(notes.documents, 'bulkPut').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const error = await rejection(
      importData(notes, { notes: [{ ...kept, id: 'new-1', url: 'https://new.test/1', site: 'new.test' }, { ...kept, text: 'newer', updated: T2 }], documents: [] }),
    );
    expect(bulkPut).toHaveBeenCalled();
    expect(error.code).toBe('quota');
    expect(error.message).toContain('nothing was imported');
    vi.restoreAllMocks();
    expect(await snapshot(notes)).toEqual(before);
  });
});
