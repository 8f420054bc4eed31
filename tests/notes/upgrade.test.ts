import { describe, expect, it } from 'vitest';
import { NOTES_DB_VERSION, NOTES_SCHEMA, openNotesDb, openNotesDbAt, type NoteV1 } from '../../lib/notes/db';
import { hasNotes, queryNotes } from '../../lib/notes/repository';
import type { DocumentRecord, Note } from '../../lib/notes/types';
import { freshIndexedDb, newNote, uniqueName } from './helpers';

/** A version 1 row: what the first release wrote. */
function v1Note(id: string, url: string, tags: string, created: string, updated: string, title = 'Old title'): NoteV1 {
  const { target, category, text } = newNote();
  return { id, url, pageUrl: url, title, target, category, text, tags, created, updated };
}

const V1_NOTES: NoteV1[] = [
  v1Note('a', 'https://www.Example.org/a', ' Missiles, IRGC ,missiles,, ', '2025-01-01T00:00:00.000Z', '2025-01-03T00:00:00.000Z', 'First title'),
  v1Note('b', 'https://www.Example.org/a', '', '2024-12-30T00:00:00.000Z', '2025-02-01T00:00:00.000Z', 'Latest title'),
  v1Note('c', 'https://news.test/b', 'Nuclear', '2025-03-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z', 'B'),
  { ...v1Note('d', 'https://news.test/c', 'Shahab 3,  shahab  3', '2025-04-01T00:00:00.000Z', '2025-04-02T00:00:00.000Z', 'C'), claimId: 'c-1', claimStance: 'qualifies' },
];

describe('the schema history', () => {
  it('ends at the current version, in increasing order', () => {
    const versions = NOTES_SCHEMA.map(({ version }) => version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(NOTES_DB_VERSION).toBe(versions.at(-1));
    expect(NOTES_DB_VERSION).toBe(2);
  });

  it('upgrades version 1 data: every note kept, tags as arrays, site filled, documents created', async () => {
    const name = uniqueName('upgrade');
    const options = freshIndexedDb();
    const v1 = openNotesDbAt(1, name, options);
    await v1.open();
    expect(v1.tables.map((table) => table.name)).toEqual(['notes']);
    await v1.table('notes').bulkAdd(V1_NOTES);
    v1.close();

    const db = openNotesDb(name, options);
    const notes = await db.notes.orderBy('id').toArray();
    expect(db.verno).toBe(NOTES_DB_VERSION);
    expect(notes).toHaveLength(V1_NOTES.length);
    notes.forEach((note, i) => {
      const { tags: _, ...rest } = V1_NOTES[i] as NoteV1;
      expect(note).toMatchObject(rest);
    });
    expect(notes.map((note) => [note.id, note.site, note.tags])).toEqual([
      ['a', 'example.org', ['missiles', 'irgc']],
      ['b', 'example.org', []],
      ['c', 'news.test', ['nuclear']],
      ['d', 'news.test', ['shahab 3']],
    ]);
    const documents = await db.documents.orderBy('url').toArray();
    expect(documents).toEqual<DocumentRecord[]>([
      { url: 'https://news.test/b', title: 'B', site: 'news.test', firstSeen: '2025-03-01T00:00:00.000Z', lastSeen: '2025-03-01T00:00:00.000Z' },
      { url: 'https://news.test/c', title: 'C', site: 'news.test', firstSeen: '2025-04-01T00:00:00.000Z', lastSeen: '2025-04-02T00:00:00.000Z' },
      {
        url: 'https://www.Example.org/a',
        title: 'Latest title',
        site: 'example.org',
        firstSeen: '2024-12-30T00:00:00.000Z',
        lastSeen: '2025-02-01T00:00:00.000Z',
      },
    ]);
    // The new indexes were filled for the old rows.
    expect((await queryNotes(db, { tags: ['irgc'] })).map((note: Note) => note.id)).toEqual(['a']);
    expect((await queryNotes(db, { site: 'news.test', sort: 'oldest' })).map((note) => note.id)).toEqual(['c', 'd']);
    expect((await queryNotes(db, { claimId: 'c-1' })).map((note) => note.id)).toEqual(['d']);
    expect(await hasNotes(db, 'https://news.test/b')).toBe(true);
    db.close();
  });

  it('upgrades an empty version 1 database', async () => {
    const name = uniqueName('upgrade-empty');
    const options = freshIndexedDb();
    const v1 = openNotesDbAt(1, name, options);
    await v1.open();
    v1.close();
    const db = openNotesDb(name, options);
    expect(await db.notes.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);
    expect(db.verno).toBe(NOTES_DB_VERSION);
    db.close();
  });
});
