// Shared test data for lib/export: a fixed set of notes for golden files, and fast-check
// arbitraries that generate valid notes and documents (unicode, quotes, line breaks, markup).
import fc from 'fast-check';
import { normaliseTags } from '../../lib/notes/normalise';
import { ANCHOR_STATES } from '../../lib/export/schema';
import {
  NOTE_CATEGORIES,
  NOTE_CLAIM_STANCES,
  type DocumentRecord,
  type Note,
} from '../../lib/notes/types';

/** A note with every field set, for tests that change one thing. */
export function makeNote(overrides: Partial<Note> = {}): Note {
  return {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    url: 'https://news.example/iran-dprk',
    pageUrl: 'https://news.example/iran-dprk?utm_source=feed',
    title: 'Iran and North Korea',
    site: 'news.example',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'Scud-B missiles', prefix: 'shipped ', suffix: ' to Iran' },
      position: { type: 'TextPositionSelector', start: 120, end: 135 },
    },
    category: 'key-fact',
    text: '',
    tags: [],
    created: '2024-05-01T09:30:00.000Z',
    updated: '2024-05-01T09:30:00.000Z',
    ...overrides,
  };
}

/** Three notes on two articles: long and short quotes, a multi-line quote, markup, quotes and commas. */
export const GOLDEN_NOTES: Note[] = [
  makeNote({
    id: '6f1c2a58-8d0e-4c39-9d57-0c5b1d1b7e01',
    url: 'https://news.example/iran-dprk',
    pageUrl: 'https://news.example/iran-dprk?utm_source=feed',
    title: 'Iran & North Korea: the [missile] trade',
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact: 'In 1987 North Korea delivered about 100 Scud-B missiles to Iran, according to officials quoted by the agency.',
        prefix: 'the report says. ',
        suffix: ' The deal was',
      },
      position: { type: 'TextPositionSelector', start: 400, end: 510 },
    },
    category: 'key-fact',
    text: 'Matches the *SIPRI* figures, see <https://sipri.example>.',
    tags: ['missiles', 'scud-b'],
    claimId: 'dprk-iran-scud-b-1987',
    claimStance: 'supports',
    created: '2024-05-01T09:30:00.000Z',
    updated: '2024-05-02T10:00:00.000Z',
  }),
  makeNote({
    id: '6f1c2a58-8d0e-4c39-9d57-0c5b1d1b7e02',
    url: 'https://news.example/iran-dprk',
    pageUrl: 'https://news.example/iran-dprk?utm_source=feed',
    title: 'Iran & North Korea: the [missile] trade',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'Tehran denied it', prefix: 'In a statement, ', suffix: ' on Monday.' },
      position: { type: 'TextPositionSelector', start: 90, end: 106 },
    },
    category: 'contradicts',
    text: '',
    tags: [],
    created: '2024-05-01T09:40:00.000Z',
    updated: '2024-05-01T09:40:00.000Z',
  }),
  makeNote({
    id: '=cmd|calc',
    url: 'https://analysis.example/shahab',
    pageUrl: 'https://analysis.example/shahab#part-2',
    title: 'Shahab-3 and "Nodong"',
    site: 'analysis.example',
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact: 'The Shahab-3 is widely seen as a Nodong derivative.\n\nExperts, however, disagree on how much help came from Pyongyang.',
        prefix: '',
        suffix: '',
      },
      position: { type: 'TextPositionSelector', start: 0, end: 118 },
    },
    category: 'question',
    text: '-check: "how much", really?\nSecond line, with a comma',
    tags: ['shahab-3', 'nodong'],
    created: '2024-04-30T08:00:00.000Z',
    updated: '2024-04-30T08:00:00.000Z',
  }),
];

/** Documents for the golden notes. */
export const GOLDEN_DOCUMENTS: DocumentRecord[] = [
  {
    url: 'https://news.example/iran-dprk',
    title: 'Iran & North Korea: the [missile] trade',
    site: 'news.example',
    firstSeen: '2024-05-01T09:30:00.000Z',
    lastSeen: '2024-05-02T10:00:00.000Z',
  },
  {
    url: 'https://analysis.example/shahab',
    title: 'Shahab-3 and "Nodong"',
    site: 'analysis.example',
    firstSeen: '2024-04-30T08:00:00.000Z',
    lastSeen: '2024-04-30T08:00:00.000Z',
  },
];

/** Strings that must travel as plain text: markup, script, Markdown, formulas, prototype keys. */
export const NASTY_STRINGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '![x](https://evil.example/x.png)',
  '`code` **bold** _em_ ~~s~~ $x$ | a | b |',
  '=HYPERLINK("https://evil.example","x")',
  '+1', '-1', '@SUM(A1)', '\tTab', '\rCR',
  '"quoted", with comma',
  'line one\r\nline two\nline three',
  '__proto__', 'constructor', 'prototype',
  '&amp; &#60; &lt;',
  '# heading', '> quote', '1. list', '- item', '---', '===',
  '😀 Ünïcödé 北朝鮮 ايران',
];

const letters = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });

/**
 * Text with anything in it, at most `maxLength` code units: any code point (controls, emoji, RTL),
 * line breaks, and the nasty strings.
 */
export const anyText = (maxLength = 80) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY_STRINGS), letters, fc.constantFrom(' ', '\n', '"', ',')), { maxLength: 8 }).map((parts) => parts.join('')) },
  ).map((text) => text.slice(0, maxLength)); // a grapheme or a nasty string is many code units

/** Non-blank text (what a quote must be). */
const quoteText = anyText(120).filter((text) => text.trim() !== '');

/** ISO timestamps as toISOString writes them, plus some with offsets and fractions it never writes. */
const isoTime = fc.oneof(
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2024-02-29T23:59:59+05:30', '2024-05-01T09:30Z', '2023-12-31T23:00:00.123456-08:00'),
);

const webUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true }),
  fc.constantFrom(
    'https://news.example/a?q=<script>alert(1)</script>',
    'https://news.example/(paren)/unbalanced)',
    'https://xn--e1afmkfd.example/путь?ключ=значение',
    'file:///home/reader/saved%20page.html',
  ),
);

const noteId = fc.oneof(
  { weight: 4, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('<script>alert(1)</script>', '__proto__', 'constructor', 'urn:uuid:not-a-uuid', 'id with spaces') },
);

const claimId = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('-'));

/** A valid note: every field within its limits, tags in their normal form. */
export const noteArb: fc.Arbitrary<Note> = fc
  .record(
    {
      id: noteId,
      url: webUrl,
      pageUrl: webUrl,
      title: anyText(60),
      site: fc.domain(),
      exact: quoteText,
      prefix: anyText(40),
      suffix: anyText(40),
      start: fc.nat({ max: 1_000_000 }),
      length: fc.nat({ max: 5_000 }),
      category: fc.constantFrom(...NOTE_CATEGORIES),
      text: anyText(200),
      tags: fc.array(anyText(20), { maxLength: 6 }).map(normaliseTags),
      claim: fc.option(fc.record({ id: claimId, stance: fc.option(fc.constantFrom(...NOTE_CLAIM_STANCES), { nil: undefined }) }), { nil: undefined }),
      created: isoTime,
      updated: isoTime,
      anchor: fc.option(fc.constantFrom(...ANCHOR_STATES), { nil: undefined }),
    },
  )
  .map((r): Note => ({
    id: r.id,
    url: r.url,
    pageUrl: r.pageUrl,
    title: r.title,
    site: r.site,
    target: {
      quote: { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix },
      position: { type: 'TextPositionSelector', start: r.start, end: r.start + r.length },
    },
    category: r.category,
    text: r.text,
    tags: r.tags,
    ...(r.claim && { claimId: r.claim.id }),
    ...(r.claim?.stance && { claimStance: r.claim.stance }),
    created: r.created,
    updated: r.updated,
    ...(r.anchor && { anchor: r.anchor }),
  }));

/** Notes with distinct ids, several per page (urls drawn from a small pool so pages repeat). */
export const notesArb: fc.Arbitrary<Note[]> = fc
  .tuple(fc.uniqueArray(noteArb, { selector: (note) => note.id, maxLength: 12 }), fc.array(webUrl, { minLength: 1, maxLength: 3 }))
  .map(([notes, pool]) => notes.map((note, i) => (i % 2 === 0 ? { ...note, url: pool[i % pool.length] ?? note.url } : note)));

/** Notes and documents: a document for every page with notes, and some documents without notes. */
export const dataArb: fc.Arbitrary<{ notes: Note[]; documents: DocumentRecord[] }> = notesArb.chain((notes) => {
  const urls = [...new Set(notes.map((note) => note.url))];
  const documentFor = (url: fc.Arbitrary<string>) =>
    fc
      .record({ url, title: anyText(60), site: fc.domain(), firstSeen: isoTime, lastSeen: isoTime })
      // fc.record may build objects without a prototype; documents read from JSON have one.
      .map((document): DocumentRecord => ({ ...document }));
  return fc
    .tuple(
      fc.tuple(...urls.map((url) => documentFor(fc.constant(url)))),
      fc.uniqueArray(documentFor(webUrl), { selector: (d) => d.url, maxLength: 3 }),
    )
    .map(([own, extra]) => ({
      notes,
      documents: [...own, ...extra.filter((document) => !urls.includes(document.url))],
    }));
});
