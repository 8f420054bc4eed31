/**
 * Bundled into an IIFE by bench/notes.ts and run in a Chromium page on a loopback origin, so the
 * notes code works on the browser's real IndexedDB. Exposes `__nexusNotesBench` (see NotesBench);
 * every function returns raw timings (ms, in run order) for the driver to summarise.
 */
import { parseImport, toCsv, toJson, toMarkdown, toWebAnnotation } from '../lib/export';
import { openNotesDb, type NotesDb } from '../lib/notes/db';
import { allData, filterNotes, importData, queryNotes, saveNote, type NoteQuery } from '../lib/notes/repository';
import type { DocumentRecord, Note } from '../lib/notes/types';
import { asNewNote, documentsOf, syntheticNotes } from './notes-data';

/** What the data set looks like, to print beside the figures. */
export interface DataSummary {
  notes: number;
  pages: number;
  sites: number;
  meanQuoteChars: number;
  linkedShare: number;
  textShare: number;
  taggedShare: number;
  generateMs: number;
  loadMs: number;
  crossOriginIsolated: boolean;
  userAgent: string;
}

export interface SaveResult {
  /** saveNote, then raw put, alternating (which goes first alternates too). */
  ours: number[];
  raw: number[];
  notesAfter: number;
  /** Notes in the library once the saved ones are deleted again. */
  notesRestored: number;
}

export interface TimedOutput {
  times: number[];
  bytes: number;
}

export interface ExportResult {
  allData: number[];
  /** Baseline: both tables read with toArray, no transaction of our own. */
  rawRead: number[];
  json: TimedOutput;
  /** Baseline: JSON.stringify of the data as read, pretty-printed like ours, unsorted. */
  plainJson: TimedOutput;
  webAnnotation: TimedOutput;
  markdown: TimedOutput;
  csv: TimedOutput;
}

export interface ImportResult {
  fileBytes: number;
  parse: number[];
  /** Baseline: JSON.parse of the same text, no validation. */
  jsonParse: number[];
  importEmpty: number[];
  /** Baseline: bulkPut of the same notes and documents into emptied tables, one transaction. */
  bulkPut: number[];
  reimport: number[];
  counts: { added: number; updated: number; unchanged: number };
  recounts: { added: number; updated: number; unchanged: number };
}

export interface SearchResult {
  ours: number[];
  naive: number[];
  oursCount: number;
  naiveCount: number;
  /** Whether both returned the same notes in the same order. */
  sameNotes: boolean;
}

export interface NotesBench {
  setup(count: number, seed: number): Promise<DataSummary>;
  /** The library's path: every note held in memory (one read), filtered per keystroke. */
  searchInMemory(texts: string[], runs: number): Promise<{ load: number; ours: number[]; naive: number[] }>;
  search(query: NoteQuery, runs: number, warmup: number): Promise<SearchResult>;
  exportAll(runs: number): Promise<ExportResult>;
  importAll(parseRuns: number, runs: number): Promise<ImportResult>;
  save(count: number, warmup: number): Promise<SaveResult>;
}

const LIBRARY_DB = 'bench-library';
const IMPORT_DB = 'bench-import';

let library: NotesDb | undefined;
let setupArgs = { count: 0, seed: 0 };
let notes: Note[] = [];
let documents: DocumentRecord[] = [];

function libraryDb(): NotesDb {
  if (!library) throw new Error('setup() first');
  return library;
}

/** Empties `db` and writes the whole data set into it in one transaction. */
async function load(db: NotesDb): Promise<void> {
  await clear(db);
  await db.transaction('rw', db.notes, db.documents, async () => {
    await db.notes.bulkPut(notes);
    await db.documents.bulkPut(documents);
  });
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;

/** Runs `make` `runs` times; the times and the size of the last output. */
async function timeOutput(make: () => string, runs: number): Promise<TimedOutput> {
  const times: number[] = [];
  let out = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = make();
    times.push(performance.now() - t0);
  }
  return { times, bytes: utf8Bytes(out) };
}

async function clear(db: NotesDb): Promise<void> {
  await db.transaction('rw', db.notes, db.documents, async () => {
    await db.notes.clear();
    await db.documents.clear();
  });
}

/** Newest first, ties by id: queryNotes' default order. */
function newestFirst(a: Note, b: Note): number {
  return a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The naive library search: read every note, lower-case substring test for each word, same filters and order. */
async function naiveSearch(db: NotesDb, query: NoteQuery): Promise<Note[]> {
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter((word) => word !== '');
  const all = await db.notes.toArray();
  const hits = all.filter((note) => {
    if (query.claimId !== undefined && note.claimId !== query.claimId) return false;
    if (query.category !== undefined && note.category !== query.category) return false;
    if (query.site !== undefined && note.site !== query.site) return false;
    if (query.tags && !query.tags.every((tag) => note.tags.includes(tag))) return false;
    if (words.length === 0) return true;
    const haystack = [note.target.quote.exact, note.text, note.tags.join(' '), note.title].join('\n').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  hits.sort(newestFirst);
  return query.limit === undefined ? hits : hits.slice(0, query.limit);
}

const bench: NotesBench = {
  async setup(count, seed) {
    setupArgs = { count, seed };
    const generated = await timed(() => syntheticNotes(count, seed));
    notes = generated.value;
    documents = documentsOf(notes);
    library = openNotesDb(LIBRARY_DB);
    await library.open();
    const loaded = await timed(() => load(libraryDb()));
    const share = (test: (note: Note) => boolean) => notes.filter(test).length / notes.length;
    return {
      notes: await libraryDb().notes.count(),
      pages: await libraryDb().documents.count(),
      sites: new Set(notes.map((note) => note.site)).size,
      meanQuoteChars: notes.reduce((sum, note) => sum + note.target.quote.exact.length, 0) / notes.length,
      linkedShare: share((note) => note.claimId !== undefined),
      textShare: share((note) => note.text !== ''),
      taggedShare: share((note) => note.tags.length > 0),
      generateMs: generated.ms,
      loadMs: loaded.ms,
      crossOriginIsolated: globalThis.crossOriginIsolated,
      userAgent: navigator.userAgent,
    };
  },

  async searchInMemory(texts, runs) {
    const db = libraryDb();
    const { ms: load, value } = await timed(() => allData(db));
    const notes = value.notes;
    const ours: number[] = [];
    const naive: number[] = [];
    filterNotes(notes, { text: 'warm' }); // builds the per-note search text once, as the library's first keystroke does
    for (let i = 0; i < runs; i++) {
      for (const text of texts) {
        const t0 = performance.now();
        filterNotes(notes, { text });
        ours.push(performance.now() - t0);
        const t1 = performance.now();
        const words = text.toLowerCase().split(/\s+/).filter(Boolean);
        notes
          .filter((n) => {
            const hay = `${n.target.quote.exact} ${n.text} ${n.tags.join(' ')} ${n.title}`.toLowerCase();
            return words.every((w) => hay.includes(w));
          })
          .sort(newestFirst);
        naive.push(performance.now() - t1);
      }
    }
    return { load, ours, naive };
  },

  async search(query, runs, warmup) {
    const db = libraryDb();
    const ours: number[] = [];
    const naive: number[] = [];
    let oursNotes: Note[] = [];
    let naiveNotes: Note[] = [];
    // Untimed runs of each first (warm-up), then alternate which goes first.
    for (let i = -warmup; i < runs; i++) {
      const runOurs = async () => {
        const { ms, value } = await timed(() => queryNotes(db, query));
        if (i >= 0) ours.push(ms);
        oursNotes = value;
      };
      const runNaive = async () => {
        const { ms, value } = await timed(() => naiveSearch(db, query));
        if (i >= 0) naive.push(ms);
        naiveNotes = value;
      };
      if (Math.abs(i) % 2 === 0) {
        await runOurs();
        await runNaive();
      } else {
        await runNaive();
        await runOurs();
      }
    }
    const sameNotes = oursNotes.length === naiveNotes.length && oursNotes.every((note, i) => note.id === naiveNotes[i]?.id);
    return { ours, naive, oursCount: oursNotes.length, naiveCount: naiveNotes.length, sameNotes };
  },

  async exportAll(runs) {
    const db = libraryDb();
    const read: number[] = [];
    const rawRead: number[] = [];
    let data = { notes, documents };
    for (let i = -1; i < runs; i++) {
      const ours = await timed(() => allData(db));
      const raw = await timed(async () => ({ notes: await db.notes.toArray(), documents: await db.documents.toArray() }));
      if (i >= 0) {
        read.push(ours.ms);
        rawRead.push(raw.ms);
      }
      data = ours.value;
    }
    const exportedAt = new Date('2026-01-15T12:00:00.000Z');
    return {
      allData: read,
      rawRead,
      json: await timeOutput(() => toJson(data, exportedAt), runs),
      plainJson: await timeOutput(() => JSON.stringify(data, null, 2), runs),
      webAnnotation: await timeOutput(() => JSON.stringify(toWebAnnotation(data.notes, exportedAt), null, 2), runs),
      markdown: await timeOutput(() => toMarkdown(data, { exportedAt }), runs),
      csv: await timeOutput(() => toCsv(data.notes), runs),
    };
  },

  async importAll(parseRuns, runs) {
    const text = toJson({ notes, documents }, new Date('2026-01-15T12:00:00.000Z'));
    const parse: number[] = [];
    const jsonParse: number[] = [];
    for (let i = 0; i < parseRuns; i++) {
      jsonParse.push((await timed(() => JSON.parse(text) as unknown)).ms);
      parse.push((await timed(() => parseImport(text, 'nexus-lens-notes.json'))).ms);
    }
    const bundle = parseImport(text, 'nexus-lens-notes.json');
    const db = openNotesDb(IMPORT_DB);
    await db.open();
    const importEmpty: number[] = [];
    const bulkPut: number[] = [];
    const reimport: number[] = [];
    let counts = { added: 0, updated: 0, unchanged: 0 };
    let recounts = counts;
    for (let i = 0; i < runs; i++) {
      await clear(db);
      bulkPut.push(
        (
          await timed(() =>
            db.transaction('rw', db.notes, db.documents, async () => {
              await db.notes.bulkPut(bundle.notes);
              await db.documents.bulkPut(bundle.documents);
            }),
          )
        ).ms,
      );
      await clear(db);
      const first = await timed(() => importData(db, bundle));
      importEmpty.push(first.ms);
      counts = first.value;
      const again = await timed(() => importData(db, bundle));
      reimport.push(again.ms);
      recounts = again.value;
    }
    db.close();
    return { fileBytes: utf8Bytes(text), parse, jsonParse, importEmpty, bulkPut, reimport, counts, recounts };
  },

  async save(count, warmup) {
    const db = libraryDb();
    // The notes the same generator makes after the library's: new ids on the library's pages.
    // Even ones are saved with saveNote, odd ones with a raw put.
    const extra = syntheticNotes(setupArgs.count + 2 * (count + warmup), setupArgs.seed).slice(setupArgs.count);
    const ours: number[] = [];
    const raw: number[] = [];
    const added: string[] = [];
    for (let i = 0; i < count + warmup; i++) {
      const input = asNewNote(extra[2 * i] as Note);
      const prepared = extra[2 * i + 1] as Note;
      added.push(prepared.id);
      const runOurs = async () => {
        const { ms, value } = await timed(() => saveNote(db, input));
        if (i >= warmup) ours.push(ms);
        added.push(value.id);
      };
      const runRaw = async () => {
        const { ms } = await timed(() => db.notes.put(prepared));
        if (i >= warmup) raw.push(ms);
      };
      if (i % 2 === 0) {
        await runOurs();
        await runRaw();
      } else {
        await runRaw();
        await runOurs();
      }
    }
    const notesAfter = await db.notes.count();
    // Back to the library as generated, for the benchmarks after this one.
    await db.notes.bulkDelete(added);
    return { ours, raw, notesAfter, notesRestored: await db.notes.count() };
  },
};

(globalThis as unknown as { __nexusNotesBench: NotesBench }).__nexusNotesBench = bench;
