import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareNotes, compareStrings, ImportError, MAX_DETAILS } from '../../lib/export/bundle';
import { JSON_FORMAT, JSON_VERSION, parseJson, toJson } from '../../lib/export/json';
import type { DocumentRecord, Note } from '../../lib/notes/types';
import { dataArb, GOLDEN_DOCUMENTS, GOLDEN_NOTES, makeNote } from './arbitraries';

const EXPORTED_AT = new Date('2024-05-03T12:00:00.000Z');

function sortedNotes(notes: readonly Note[]): Note[] {
  return [...notes].sort(compareNotes);
}

function sortedDocuments(documents: readonly DocumentRecord[]): DocumentRecord[] {
  return [...documents].sort((a, b) => compareStrings(a.url, b.url));
}

/** The error a function throws, failing the test if it returns. */
function errorOf(work: () => unknown): ImportError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError, but the import succeeded');
}

/** A JSON file of one note, with `edit` applied to the parsed file first. */
function fileWith(edit: (file: { notes: Record<string, unknown>[] } & Record<string, unknown>) => void): string {
  const file = JSON.parse(toJson({ notes: [makeNote()], documents: [] }, EXPORTED_AT)) as {
    notes: Record<string, unknown>[];
  } & Record<string, unknown>;
  edit(file);
  return JSON.stringify(file);
}

describe('toJson', () => {
  it('writes the versioned envelope, pretty-printed, notes ordered by url, position, id', () => {
    const text = toJson({ notes: [...GOLDEN_NOTES].reverse(), documents: GOLDEN_DOCUMENTS }, EXPORTED_AT);
    const file = JSON.parse(text) as { format: string; version: number; exportedAt: string; notes: Note[]; documents: DocumentRecord[] };
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'documents', 'notes']);
    expect(file.format).toBe(JSON_FORMAT);
    expect(file.version).toBe(JSON_VERSION);
    expect(file.exportedAt).toBe('2024-05-03T12:00:00.000Z');
    expect(file.notes.map((n) => n.id)).toEqual(['=cmd|calc', '6f1c2a58-8d0e-4c39-9d57-0c5b1d1b7e02', '6f1c2a58-8d0e-4c39-9d57-0c5b1d1b7e01']);
    expect(file.documents.map((d) => d.url)).toEqual(['https://analysis.example/shahab', 'https://news.example/iran-dprk']);
    expect(text).toContain('\n  "format": "nexus-lens-notes",\n');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('gives the same bytes whatever the input order or key order', () => {
    const shuffled = GOLDEN_NOTES.map((note) => Object.fromEntries(Object.entries(note).reverse()) as unknown as Note);
    expect(toJson({ notes: shuffled.reverse(), documents: [...GOLDEN_DOCUMENTS].reverse() }, EXPORTED_AT)).toBe(
      toJson({ notes: GOLDEN_NOTES, documents: GOLDEN_DOCUMENTS }, EXPORTED_AT),
    );
  });

  it('leaves out properties that are not part of a note', () => {
    const note = { ...makeNote(), extra: 'runtime only' } as Note;
    expect(toJson({ notes: [note], documents: [] }, EXPORTED_AT)).not.toContain('runtime only');
  });
});

describe('parseJson', () => {
  it('reads back exactly what toJson wrote (property)', () => {
    fc.assert(
      fc.property(dataArb, (data) => {
        const bundle = parseJson(toJson(data, EXPORTED_AT));
        expect(bundle.notes).toStrictEqual(sortedNotes(data.notes));
        expect(bundle.documents).toStrictEqual(sortedDocuments(data.documents));
        expect(bundle.warnings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every optional field', () => {
    const note = makeNote({ text: 'x', tags: ['a'], claimId: 'dprk-x', claimStance: 'qualifies', anchor: 'orphan' });
    expect(parseJson(toJson({ notes: [note], documents: [] }, EXPORTED_AT)).notes).toStrictEqual([note]);
  });

  it('still reads the version 1 file kept in tests/export/fixtures (old formats stay importable)', () => {
    const text = readFileSync(new URL('./fixtures/notes-v1.json', import.meta.url), 'utf8');
    const bundle = parseJson(text);
    expect(bundle.notes).toStrictEqual(sortedNotes(GOLDEN_NOTES));
    expect(bundle.documents).toStrictEqual(sortedDocuments(GOLDEN_DOCUMENTS));
    expect(bundle.warnings).toEqual([]);
  });

  it('accepts a leading byte-order mark', () => {
    const text = `\uFEFF${toJson({ notes: GOLDEN_NOTES, documents: GOLDEN_DOCUMENTS }, EXPORTED_AT)}`;
    expect(parseJson(text).notes).toHaveLength(3);
  });

  it('makes a document for a page whose notes came without one, and says so', () => {
    const older = makeNote({ id: 'a', title: 'Old title', created: '2024-01-01T00:00:00Z', updated: '2024-01-02T00:00:00Z' });
    const newer = makeNote({ id: 'b', title: 'New title', site: 'news.example', created: '2024-02-01T00:00:00Z', updated: '2024-03-01T00:00:00Z' });
    const bundle = parseJson(toJson({ notes: [newer, older], documents: [] }, EXPORTED_AT));
    expect(bundle.documents).toStrictEqual([
      { url: older.url, title: 'New title', site: 'news.example', firstSeen: '2024-01-01T00:00:00Z', lastSeen: '2024-03-01T00:00:00Z' },
    ]);
    expect(bundle.warnings).toEqual(['1 article had notes but no article record; the record was rebuilt from the notes.']);
  });

  it('merges notes with the same id, keeping the latest update, and counts them', () => {
    const text = fileWith((file) => {
      const [note] = file.notes;
      file.notes = [
        { ...note, text: 'first', updated: '2024-05-01T10:00:00.000Z' },
        { ...note, text: 'latest', updated: '2024-05-03T10:00:00+02:00' },
        { ...note, text: 'middle', updated: '2024-05-02T10:00:00.000Z' },
      ];
    });
    const bundle = parseJson(text);
    expect(bundle.notes.map((n) => n.text)).toEqual(['latest']);
    expect(bundle.warnings[0]).toBe(
      '2 notes appeared more than once in this file (same id); the most recently updated copy of each was kept.',
    );
  });

  it('merges documents with the same url: latest record, earliest first sight', () => {
    const base = GOLDEN_DOCUMENTS[1]!;
    const bundle = parseJson(
      toJson({ notes: [], documents: [{ ...base, title: 'Old', firstSeen: '2020-01-01T00:00:00.000Z' }, { ...base, title: 'New', lastSeen: '2025-01-01T00:00:00.000Z' }] }, EXPORTED_AT),
    );
    expect(bundle.documents).toStrictEqual([{ ...base, title: 'New', firstSeen: '2020-01-01T00:00:00.000Z', lastSeen: '2025-01-01T00:00:00.000Z' }]);
    expect(bundle.warnings).toEqual(['1 article record appeared more than once in this file; they were merged.']);
  });

  it('normalises tags as the database keeps them', () => {
    const bundle = parseJson(fileWith((file) => void (file.notes[0]!.tags = ['  Iran ', 'iran', 'Nuclear   Deal', ''])));
    expect(bundle.notes[0]!.tags).toEqual(['iran', 'nuclear deal']);
  });

  it('refuses a file from a newer version with a clear message', () => {
    const error = errorOf(() => parseJson(fileWith((file) => void (file.version = 2))));
    expect(error.message).toBe('This file was made by a newer version of Nexus Lens (format version 2). Update Nexus Lens to import it.');
  });

  it.each([
    ['another format', (f: Record<string, unknown>) => void (f.format = 'other-app'), 'This is not a Nexus Lens notes file (format "other-app").'],
    ['no format', (f: Record<string, unknown>) => void delete f.format, 'This is not a Nexus Lens notes file.'],
    ['version 0', (f: Record<string, unknown>) => void (f.version = 0), 'This Nexus Lens file has an unknown format version 0.'],
    ['version "1"', (f: Record<string, unknown>) => void (f.version = '1'), 'This Nexus Lens file has an unknown format version 1.'],
    ['version 1.5', (f: Record<string, unknown>) => void (f.version = 1.5), 'This Nexus Lens file has an unknown format version 1.5.'],
  ])('refuses %s', (_name, edit, message) => {
    expect(errorOf(() => parseJson(fileWith(edit))).message).toBe(message);
  });

  it.each<[string, (note: Record<string, unknown>) => void, string]>([
    ['an empty exact', (n) => void ((n.target as { quote: { exact: string } }).quote.exact = ''), 'notes[0].target.quote.exact: expected a non-empty string'],
    ['a blank exact', (n) => void ((n.target as { quote: { exact: string } }).quote.exact = ' \n '), 'notes[0].target.quote.exact: expected a non-empty string'],
    ['a missing exact', (n) => void delete (n.target as { quote: { exact?: string } }).quote.exact, 'notes[0].target.quote.exact: missing'],
    ['start after end', (n) => void ((n.target as { position: { start: number } }).position.start = 1_000), 'notes[0].target.position: start must not be after end'],
    ['a negative offset', (n) => void ((n.target as { position: { start: number } }).position.start = -1), 'notes[0].target.position.start: expected a number that is not negative'],
    ['a fractional offset', (n) => void ((n.target as { position: { end: number } }).position.end = 135.5), 'notes[0].target.position.end: expected a whole number'],
    ['an unknown category', (n) => void (n.category = 'rumour'), 'notes[0].category: expected one of key-fact, supports, contradicts, question'],
    ['an unknown stance', (n) => void Object.assign(n, { claimId: 'x', claimStance: 'maybe' }), 'notes[0].claimStance: expected one of supports, disputes, qualifies'],
    ['a stance without a claim', (n) => void (n.claimStance = 'supports'), 'notes[0]: claimStance needs a claimId'],
    ['a bad claim id', (n) => void (n.claimId = 'Not A Slug'), 'notes[0].claimId: expected a claim id (a-z, 0-9, single hyphens)'],
    ['an impossible date', (n) => void (n.created = '2023-02-29T10:00:00Z'), 'notes[0].created: expected an ISO 8601 date-time such as 2024-05-01T09:30:00.000Z'],
    ['a date without zone', (n) => void (n.updated = '2024-05-01T10:00:00'), 'notes[0].updated: expected an ISO 8601 date-time such as 2024-05-01T09:30:00.000Z'],
    ['24:00', (n) => void (n.updated = '2024-05-01T24:00:00Z'), 'notes[0].updated: expected an ISO 8601 date-time such as 2024-05-01T09:30:00.000Z'],
    ['an empty id', (n) => void (n.id = ''), 'notes[0].id: expected a non-empty string'],
    ['a long id', (n) => void (n.id = 'x'.repeat(201)), 'notes[0].id: expected at most 200 characters'],
    ['a control character in the id', (n) => void (n.id = 'a\u0000b'), 'notes[0].id: expected an id without control characters or broken Unicode'],
    ['a javascript: url', (n) => void (n.pageUrl = 'javascript:alert(1)'), 'notes[0].pageUrl: expected an http(s) or file URL'],
    ['a relative url', (n) => void (n.url = '/a/b'), 'notes[0].url: expected an http(s) or file URL'],
    ['a note text over 100k', (n) => void (n.text = 'x'.repeat(100_001)), 'notes[0].text: expected at most 100,000 characters'],
    ['a quote over 20k', (n) => void ((n.target as { quote: { exact: string } }).quote.exact = 'x'.repeat(20_001)), 'notes[0].target.quote.exact: expected at most 20,000 characters'],
    ['101 tags', (n) => void (n.tags = Array.from({ length: 101 }, (_, i) => `t${i}`)), 'notes[0].tags: expected at most 100 tags'],
    ['a tag that is a number', (n) => void (n.tags = ['ok', 7]), 'notes[0].tags[1]: expected a string'],
    ['text that is not a string', (n) => void (n.text = { toString: 'x' }), 'notes[0].text: expected a string'],
    ['an unknown field', (n) => void (n.colour = 'red'), 'notes[0].colour: unknown field'],
    ['a __proto__ field', (n) => void Object.defineProperty(n, '__proto__', { value: { polluted: true }, enumerable: true }), 'notes[0].__proto__: unknown field'],
  ])('refuses a note with %s, naming the path', (_name, edit, detail) => {
    const error = errorOf(() => parseJson(fileWith((file) => edit(file.notes[0]!))));
    expect(error.message).toBe('Nothing was imported: 1 entry in this file has problems.');
    expect(error.details).toEqual([detail]);
  });

  it('lists at most ten problems, then how many more', () => {
    const error = errorOf(() =>
      parseJson(fileWith((file) => void (file.notes = Array.from({ length: 25 }, (_, i) => ({ ...file.notes[0], id: `n${i}`, category: 'bad' }))))),
    );
    expect(error.message).toBe('Nothing was imported: 25 entries in this file have problems.');
    expect(error.details).toHaveLength(MAX_DETAILS + 1);
    expect(error.details?.[0]).toBe('notes[0].category: expected one of key-fact, supports, contradicts, question');
    expect(error.details?.[MAX_DETAILS]).toBe('…and 15 more');
  });

  it('refuses a damaged envelope', () => {
    const error = errorOf(() => parseJson(fileWith((file) => void ((file as Record<string, unknown>).notes = 'none'))));
    expect(error.details).toEqual(['notes: expected a list']);
    expect(errorOf(() => parseJson(fileWith((file) => void (file.exportedAt = 'yesterday')))).details).toEqual([
      'exportedAt: expected an ISO 8601 date-time such as 2024-05-01T09:30:00.000Z',
    ]);
    expect(errorOf(() => parseJson(fileWith((file) => void (file.extra = 1)))).details).toEqual(['extra: unknown field']);
  });

  it.each([
    ['empty text', '', 'This file is empty.'],
    ['truncated JSON', '{"format": "nexus-lens-notes", "vers', 'This file is not valid JSON: it may be incomplete or damaged.'],
    ['a JSON array', '[]', 'This is not a Nexus Lens notes file.'],
    ['JSON null', 'null', 'This is not a Nexus Lens notes file.'],
  ])('refuses %s', (_name, text, message) => {
    expect(errorOf(() => parseJson(text)).message).toBe(message);
  });
});
