import { afterEach, describe, expect, it } from 'vitest';
import type { NotesDb } from '../../lib/notes/db';
import { NotesError, filterNotes, queryNotes, saveNote, type NoteQuery, type NoteSort } from '../../lib/notes/repository';
import { NOTE_CATEGORIES, NOTE_CLAIM_STANCES, type Note, type NoteCategory } from '../../lib/notes/types';
import { freshDb, newNote, noteAt } from './helpers';

const opened: NotesDb[] = [];
function db(): NotesDb {
  const created = freshDb();
  opened.push(created);
  return created;
}
afterEach(() => {
  for (const each of opened.splice(0)) each.close();
});

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 12));

/** A small library: four notes on three sites. */
async function library(notes: NotesDb) {
  const scud = await saveNote(
    notes,
    noteAt(10, {
      url: 'https://www.example.org/scud',
      title: 'Scud transfers in the 1980s',
      target: { ...newNote().target, quote: { type: 'TextQuoteSelector', exact: 'Pyongyang shipped Scud-B missiles to Tehran', prefix: '', suffix: '' } },
      text: 'Corroborated by CIA reporting.',
      tags: ['Missiles', 'history'],
      category: 'key-fact',
      claimId: 'dprk-scud-b',
      claimStance: 'supports',
    }),
    day(0),
  );
  const denial = await saveNote(
    notes,
    noteAt(50, {
      url: 'https://news.test/denial',
      title: 'Tehran denies cooperation',
      target: { ...newNote().target, quote: { type: 'TextQuoteSelector', exact: 'Iran firmly denied any nuclear cooperation', prefix: '', suffix: '' } },
      text: '',
      tags: ['denial', 'nuclear'],
      category: 'contradicts',
      claimId: 'nuclear-coop',
    }),
    day(10),
  );
  const question = await saveNote(
    notes,
    noteAt(5, {
      url: 'https://news.test/engines',
      title: 'Engines',
      target: { ...newNote().target, quote: { type: 'TextQuoteSelector', exact: 'The engine resembles the Nodong', prefix: '', suffix: '' } },
      text: 'Who sold the **turbopumps**? Ask about Kim Jŏng-il era deals.',
      tags: ['missiles'],
      category: 'question',
    }),
    day(20),
  );
  const plain = await saveNote(
    notes,
    noteAt(1, {
      url: 'https://blog.example.net/p',
      title: 'A blog',
      target: { ...newNote().target, quote: { type: 'TextQuoteSelector', exact: 'Nothing to see', prefix: '', suffix: '' } },
      text: 'Korea watchers disagree.',
      tags: [],
      category: 'key-fact',
    }),
    day(30),
  );
  return { scud, denial, question, plain };
}

const ids = (notes: Note[]) => notes.map((note) => note.id);

describe('queryNotes on a small library', () => {
  it('returns everything, newest first, for an empty query', async () => {
    const notes = db();
    const { scud, denial, question, plain } = await library(notes);
    expect(ids(await queryNotes(notes, {}))).toEqual([plain.id, question.id, denial.id, scud.id]);
    expect(ids(await queryNotes(notes, { sort: 'oldest' }))).toEqual([scud.id, denial.id, question.id, plain.id]);
    expect(ids(await queryNotes(notes, { limit: 2 }))).toEqual([plain.id, question.id]);
    expect(await queryNotes(notes, { limit: 0 })).toEqual([]);
  });

  it('searches quote, note, tags and title: any case, every word, word prefixes', async () => {
    const notes = db();
    const { scud, denial, question, plain } = await library(notes);
    const search = async (text: string) => ids(await queryNotes(notes, { text, sort: 'oldest' }));
    expect(await search('SCUD')).toEqual([scud.id]);
    expect(await search('tehran')).toEqual([scud.id, denial.id]); // quote of one, title of the other
    expect(await search('tehran deni')).toEqual([denial.id]); // every word, prefixes
    expect(await search('corroborated cia')).toEqual([scud.id]); // note text
    expect(await search('missiles')).toEqual([scud.id, question.id]); // tag of one, quote and tag of the other
    expect(await search('turbopump')).toEqual([question.id]); // Markdown emphasis is not a word
    expect(await search('jong')).toEqual([question.id]); // accents folded
    expect(await search('korea')).toEqual([plain.id]);
    expect(await search('orea')).toEqual([]); // not a word start
    expect(await search('scud nuclear')).toEqual([]);
    expect(await search('  ,, ')).toEqual([scud.id, denial.id, question.id, plain.id]); // no words: no text filter
  });

  it('filters by tags (all of them), category, claim and site', async () => {
    const notes = db();
    const { scud, denial, question, plain } = await library(notes);
    const find = async (query: NoteQuery) => ids(await queryNotes(notes, { sort: 'oldest', ...query }));
    expect(await find({ tags: [' MISSILES '] })).toEqual([scud.id, question.id]);
    expect(await find({ tags: ['missiles', 'history'] })).toEqual([scud.id]);
    expect(await find({ tags: ['missiles', 'denial'] })).toEqual([]);
    expect(await find({ category: 'key-fact' })).toEqual([scud.id, plain.id]);
    expect(await find({ claimId: 'nuclear-coop' })).toEqual([denial.id]);
    expect(await find({ site: 'WWW.example.org' })).toEqual([scud.id]);
    expect(await find({ site: 'news.test' })).toEqual([denial.id, question.id]);
    expect(await find({ site: 'news.test', category: 'question', tags: ['missiles'] })).toEqual([question.id]);
    expect(await find({ site: 'news.test', text: 'engine' })).toEqual([question.id]);
    expect(await find({ claimId: 'unknown' })).toEqual([]);
  });

  it('filters by creation dates, both bounds inclusive, a date-only end covering its day', async () => {
    const notes = db();
    const { denial, question } = await library(notes);
    const find = async (query: NoteQuery) => ids(await queryNotes(notes, { sort: 'oldest', ...query }));
    expect(await find({ from: day(10).toISOString(), to: day(20).toISOString() })).toEqual([denial.id, question.id]);
    expect(await find({ from: '2026-01-11', to: '2026-01-21' })).toEqual([denial.id, question.id]);
    expect(await find({ from: '2026-01-12', to: '2026-01-20' })).toEqual([]);
  });

  it('sorts by site and page, and by claim', async () => {
    const notes = db();
    const { scud, denial, question, plain } = await library(notes);
    expect(ids(await queryNotes(notes, { sort: 'site' }))).toEqual([plain.id, scud.id, denial.id, question.id]);
    expect(ids(await queryNotes(notes, { sort: 'claim' }))).toEqual([scud.id, denial.id, plain.id, question.id]);
  });

  it.each<[string, NoteQuery]>([
    ['a date that does not parse', { from: 'last tuesday' }],
    ['a negative limit', { limit: -1 }],
    ['a fractional limit', { limit: 1.5 }],
    ['an unknown sort', { sort: 'random' as NoteSort }],
    ['a sort named like an Object method', { sort: 'toString' as NoteSort }],
  ])('rejects %s as invalid', async (_, query) => {
    const error = await queryNotes(db(), query).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(NotesError);
    expect((error as NotesError).code).toBe('invalid');
  });
});

/** A small deterministic random generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY =
  'iran korea pyongyang tehran missile scud nodong shahab engine uranium centrifuge sanctions ship cargo delegation treaty report analyst denial test launch fuel rocket satellite ballistic cooperation'.split(
    ' ',
  );

/** `count` synthetic notes over 40 sites, 60 claims and 30 tags, dated by day so many share `updated`. */
function syntheticNotes(count: number, seed: number): Note[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const words = (n: number) => Array.from({ length: n }, () => pick(VOCABULARY)).join(' ');
  const tagPool = Array.from({ length: 30 }, (_, i) => `tag-${i}`);
  return Array.from({ length: count }, (_, i) => {
    const site = `site${Math.floor(next() * 40)}.example`;
    const created = new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 900) * 86_400_000);
    const updated = new Date(created.getTime() + Math.floor(next() * 5) * 86_400_000);
    const claimed = next() < 0.4;
    const start = Math.floor(next() * 5000);
    return {
      id: `note-${String(i).padStart(5, '0')}-${Math.floor(next() * 1e6)}`,
      url: `https://${site}/article-${Math.floor(next() * 300)}`,
      pageUrl: `https://${site}/article`,
      title: words(4),
      site,
      target: {
        quote: { type: 'TextQuoteSelector', exact: words(8), prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start, end: start + 40 },
      },
      category: pick(NOTE_CATEGORIES),
      text: next() < 0.5 ? '' : words(6),
      tags: [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => pick(tagPool)))],
      ...(claimed && { claimId: `claim-${Math.floor(next() * 60)}`, claimStance: pick(NOTE_CLAIM_STANCES) }),
      created: created.toISOString(),
      updated: updated.toISOString(),
    } satisfies Note;
  });
}

/** The specification, written the plain way: filter everything, then sort. */
function reference(all: readonly Note[], query: NoteQuery): string[] {
  const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const queryWords = words(query.text ?? '');
  const from = query.from === undefined ? -Infinity : Date.parse(query.from);
  const to = query.to === undefined ? Infinity : Date.parse(query.to);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const newest = (a: Note, b: Note) => cmp(b.updated, a.updated) || cmp(b.id, a.id);
  const orders: Record<NoteSort, (a: Note, b: Note) => number> = {
    newest,
    oldest: (a, b) => -newest(a, b),
    site: (a, b) => cmp(a.site, b.site) || cmp(a.url, b.url) || a.target.position.start - b.target.position.start || cmp(a.id, b.id),
    claim: (a, b) =>
      (a.claimId === undefined ? 1 : 0) - (b.claimId === undefined ? 1 : 0) || cmp(a.claimId ?? '', b.claimId ?? '') || newest(a, b),
  };
  const found = all
    .filter((note) => {
      const haystack = words([note.target.quote.exact, note.text, note.tags.join(' '), note.title].join(' '));
      return (
        (query.category === undefined || note.category === query.category) &&
        (query.claimId === undefined || note.claimId === query.claimId) &&
        (query.site === undefined || note.site === query.site) &&
        (query.tags ?? []).every((tag) => note.tags.includes(tag)) &&
        Date.parse(note.created) >= from &&
        Date.parse(note.created) <= to &&
        queryWords.every((word) => haystack.some((candidate) => candidate.startsWith(word)))
      );
    })
    .sort(orders[query.sort ?? 'newest']);
  return found.slice(0, query.limit ?? found.length).map((note) => note.id);
}

describe('queryNotes at 10,000 notes', () => {
  it('agrees with the plain specification on every kind of query', { timeout: 120_000 }, async () => {
    const notes = db();
    const all = syntheticNotes(10_000, 20260301);
    await notes.notes.bulkAdd(all);
    expect(await notes.notes.count()).toBe(10_000);
    const category: NoteCategory = 'question';
    const queries: NoteQuery[] = [
      {},
      { limit: 25 },
      { sort: 'oldest', limit: 100 },
      { text: 'scud' },
      { text: 'pyong sanc', sort: 'oldest' },
      { text: 'tag-7' },
      { text: 'centrifuge uranium ballistic', limit: 10 },
      { tags: ['tag-3'] },
      { tags: ['tag-3', 'tag-12'] },
      { category },
      { category, text: 'missile', sort: 'site' },
      { claimId: 'claim-17' },
      { claimId: 'claim-17', category: 'supports' },
      { site: 'site5.example', sort: 'site' },
      { site: 'site5.example', tags: ['tag-1'], sort: 'claim' },
      { from: '2025-01-01T00:00:00.000Z', to: '2025-03-31T23:59:59.999Z', sort: 'oldest' },
      { from: '2025-06-01T00:00:00.000Z', text: 'engine', limit: 50 },
      { sort: 'claim', limit: 200 },
      { sort: 'site', text: 'launch rocket' },
      { claimId: 'claim-99' },
    ];
    const inMemory = await notes.notes.toArray();
    for (const query of queries) {
      const expected = reference(all, query);
      const actual = ids(await queryNotes(notes, query));
      expect({ query, actual }).toEqual({ query, actual: expected });
      // The library's in-memory path gives the same notes in the same order.
      expect({ query, memory: ids(filterNotes(inMemory, query)) }).toEqual({ query, memory: expected });
    }
    // The queries are not vacuous: most find something, and the filters do narrow.
    const sizes = queries.map((query) => reference(all, query).length);
    expect(sizes.filter((size) => size > 0).length).toBeGreaterThanOrEqual(queries.length - 2);
    expect(reference(all, { tags: ['tag-3', 'tag-12'] }).length).toBeLessThan(reference(all, { tags: ['tag-3'] }).length);
  });
});
