import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNotes, ImportError } from '../../lib/export/bundle';
import { stableUuid } from '../../lib/export/hash';
import { parseImport } from '../../lib/export/import';
import {
  ANNO_CONTEXT,
  CLAIM_IRI_BASE,
  NOTE_IRI_BASE,
  parseWebAnnotation,
  toWebAnnotation,
} from '../../lib/export/web-annotation';
import type { Note } from '../../lib/notes/types';
import { GOLDEN_NOTES, makeNote, notesArb } from './arbitraries';

const EXPORTED_AT = new Date('2024-05-03T12:00:00.000Z');
const NOW = new Date('2024-06-01T00:00:00.000Z');

function errorOf(work: () => unknown): ImportError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError, but the import succeeded');
}

/** A Hypothesis-style annotation: not ours, but a fine Web Annotation. */
function foreignAnnotation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ANNO_CONTEXT,
    id: 'https://hyp.example/a/AbC123',
    type: 'Annotation',
    created: '2016-02-17T18:48:40.372935',
    modified: '2016-02-18T09:00:00+00:00',
    motivation: 'commenting',
    body: [
      { type: 'TextualBody', value: 'Interesting claim.', format: 'text/html' },
      { type: 'TextualBody', purpose: 'tagging', value: '  Iran ' },
      { type: 'TextualBody', purpose: 'tagging', value: 'DPRK' },
    ],
    target: [
      {
        source: 'https://www.news.example/story#comments',
        selector: [
          { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[1]' } },
          { type: 'TextPositionSelector', start: 12, end: 30 },
          { type: 'TextQuoteSelector', exact: 'Nodong missiles', prefix: 'the ', suffix: ' were' },
        ],
      },
    ],
    ...overrides,
  };
}

describe('toWebAnnotation', () => {
  it('writes one AnnotationCollection with one embedded page', () => {
    const collection = toWebAnnotation(GOLDEN_NOTES, EXPORTED_AT);
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(3);
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(collection.first?.type).toBe('AnnotationPage');
    expect(collection.first?.items.map((a) => a.id)).toEqual([
      `${NOTE_IRI_BASE}%3Dcmd%7Ccalc`,
      'urn:uuid:6f1c2a58-8d0e-4c39-9d57-0c5b1d1b7e02',
      'urn:uuid:6f1c2a58-8d0e-4c39-9d57-0c5b1d1b7e01',
    ]);
    // The same notes give the same document.
    expect(toWebAnnotation([...GOLDEN_NOTES].reverse(), EXPORTED_AT)).toStrictEqual(collection);
  });

  it('maps every field of a note to Web Annotation terms', () => {
    const annotation = toWebAnnotation([GOLDEN_NOTES[0]!], EXPORTED_AT).first?.items[0];
    expect(annotation).toStrictEqual({
      id: 'urn:uuid:6f1c2a58-8d0e-4c39-9d57-0c5b1d1b7e01',
      type: 'Annotation',
      created: '2024-05-01T09:30:00.000Z',
      modified: '2024-05-02T10:00:00.000Z',
      generated: '2024-05-03T12:00:00.000Z',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: 'Matches the *SIPRI* figures, see <https://sipri.example>.', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'missiles' },
        { type: 'TextualBody', purpose: 'tagging', value: 'scud-b' },
        { type: 'TextualBody', purpose: 'classifying', value: 'key-fact' },
        {
          type: 'SpecificResource',
          purpose: 'linking',
          source: `${CLAIM_IRI_BASE}dprk-iran-scud-b-1987`,
          'https://nexus-lens.invalid/ns#claimStance': 'supports',
        },
      ],
      target: {
        source: 'https://news.example/iran-dprk?utm_source=feed',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'In 1987 North Korea delivered about 100 Scud-B missiles to Iran, according to officials quoted by the agency.',
            prefix: 'the report says. ',
            suffix: ' The deal was',
          },
          { type: 'TextPositionSelector', start: 400, end: 510 },
        ],
      },
      'https://nexus-lens.invalid/ns#url': 'https://news.example/iran-dprk',
      'https://nexus-lens.invalid/ns#title': 'Iran & North Korea: the [missile] trade',
      'https://nexus-lens.invalid/ns#site': 'news.example',
    });
  });

  it.each<[string, Partial<Note>, string]>([
    ['a plain highlight', { text: '' }, 'highlighting'],
    ['a note with text', { text: 'why?' }, 'commenting'],
    ['a question, even without text', { category: 'question', text: '' }, 'questioning'],
  ])('motivates %s as %s', (_name, overrides, motivation) => {
    expect(toWebAnnotation([makeNote(overrides)]).first?.items[0]?.motivation).toBe(motivation);
  });

  it('leaves out the page when there are no notes (total 0)', () => {
    const collection = toWebAnnotation([], EXPORTED_AT);
    expect(collection.total).toBe(0);
    expect(collection).not.toHaveProperty('first');
    expect(parseWebAnnotation(collection)).toStrictEqual({ notes: [], documents: [], warnings: [] });
  });
});

describe('parseWebAnnotation', () => {
  it('gives back exactly the notes it was given, every field (property)', () => {
    fc.assert(
      fc.property(notesArb, (notes) => {
        const expected = [...notes].sort(compareNotes);
        const direct = parseWebAnnotation(toWebAnnotation(notes, EXPORTED_AT), NOW);
        expect(direct.notes).toStrictEqual(expected);
        expect(direct.warnings).toEqual([]);
        // Through a file, as it travels in practice.
        const viaFile = parseImport(JSON.stringify(toWebAnnotation(notes, EXPORTED_AT), null, 2), 'notes.jsonld');
        expect(viaFile.notes).toStrictEqual(expected);
        // Web Annotations carry no document records: one per page, made from its notes.
        expect(viaFile.documents.map((d) => d.url)).toEqual([...new Set(expected.map((n) => n.url))].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('reads a foreign annotation as far as a note can hold it', () => {
    const { notes, documents, warnings } = parseWebAnnotation(foreignAnnotation(), NOW);
    expect(warnings).toEqual([]);
    expect(notes).toStrictEqual([
      {
        id: stableUuid('id https://hyp.example/a/AbC123'),
        url: 'https://www.news.example/story',
        pageUrl: 'https://www.news.example/story#comments',
        title: '',
        site: 'news.example',
        target: {
          quote: { type: 'TextQuoteSelector', exact: 'Nodong missiles', prefix: 'the ', suffix: ' were' },
          position: { type: 'TextPositionSelector', start: 12, end: 30 },
        },
        category: 'key-fact',
        text: 'Interesting claim.',
        tags: ['iran', 'dprk'],
        created: '2016-02-17T18:48:40.372935Z',
        updated: '2016-02-18T09:00:00+00:00',
      },
    ]);
    expect(documents).toHaveLength(1);
  });

  it('gives a foreign annotation the same id on every import, and different annotations different ids', () => {
    const first = parseWebAnnotation(foreignAnnotation(), NOW).notes[0]?.id;
    const again = parseWebAnnotation(foreignAnnotation(), new Date()).notes[0]?.id;
    const other = parseWebAnnotation(foreignAnnotation({ id: 'https://hyp.example/a/AbC124' }), NOW).notes[0]?.id;
    expect(first).toBe(again);
    expect(other).not.toBe(first);
    const idless = foreignAnnotation({ id: undefined });
    expect(parseWebAnnotation(idless, NOW).notes[0]?.id).toBe(parseWebAnnotation(idless, new Date(0)).notes[0]?.id);
  });

  it('keeps urn:uuid ids as they are', () => {
    const id = 'urn:uuid:0F8FAD5B-D9CB-469F-A165-70867728950E';
    expect(parseWebAnnotation(foreignAnnotation({ id }), NOW).notes[0]?.id).toBe('0F8FAD5B-D9CB-469F-A165-70867728950E');
  });

  it('reads a list, a page, and a collection with embedded pages', () => {
    const a = foreignAnnotation();
    const b = foreignAnnotation({ id: 'b', motivation: 'questioning', body: undefined, bodyValue: 'Is it?' });
    const expectTwo = (json: unknown) => {
      const notes = parseWebAnnotation(json, NOW).notes;
      expect(notes).toHaveLength(2);
      expect(notes.find((n) => n.id === stableUuid('id b'))).toMatchObject({ category: 'question', text: 'Is it?' });
    };
    expectTwo([a, b]);
    expectTwo({ type: 'AnnotationPage', items: [a, b] });
    expectTwo({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [a], next: { type: 'AnnotationPage', items: [b] } } });
  });

  it('refuses a collection that only links to its pages', () => {
    const error = errorOf(() => parseWebAnnotation({ type: 'AnnotationCollection', first: 'https://server.example/page1' }));
    expect(error.message).toMatch(/only links to its pages/);
    expect(error.details).toEqual(['first: expected an AnnotationPage object, not a link']);
  });

  it('skips an annotation without a TextQuoteSelector, with a warning that names it', () => {
    const pageNote = foreignAnnotation({ id: 'page-note', target: 'https://news.example/story' });
    const { notes, warnings } = parseWebAnnotation([foreignAnnotation(), pageNote], NOW);
    expect(notes).toHaveLength(1);
    expect(warnings).toEqual([
      '1 annotation could not be imported and was skipped:',
      '[1].target: no TextQuoteSelector (Nexus Lens needs the quoted text to place a highlight)',
    ]);
  });

  it('refuses a file none of whose annotations can be imported, saying why for each', () => {
    const noQuote = foreignAnnotation({ target: { source: 'https://news.example/', selector: { type: 'FragmentSelector', value: 'p1' } } });
    const badUrl = foreignAnnotation({ target: { source: 'javascript:alert(1)', selector: { type: 'TextQuoteSelector', exact: 'x' } } });
    const error = errorOf(() => parseWebAnnotation({ type: 'AnnotationPage', items: [noQuote, badUrl, 42] }, NOW));
    expect(error.message).toBe('None of the 3 annotations in this file could be imported.');
    expect(error.details).toEqual([
      'items[0].target: no TextQuoteSelector (Nexus Lens needs the quoted text to place a highlight)',
      'items[1].url: expected an http(s) or file URL',
      'items[1].pageUrl: expected an http(s) or file URL',
      'items[2]: expected an Annotation object',
    ]);
  });

  it('places an annotation without TextPositionSelector by its quote, and says so', () => {
    const target = { source: 'https://news.example/story', selector: { type: 'TextQuoteSelector', exact: 'Nodong' } };
    const { notes, warnings } = parseWebAnnotation(foreignAnnotation({ target }), NOW);
    expect(notes[0]?.target).toStrictEqual({
      quote: { type: 'TextQuoteSelector', exact: 'Nodong', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 0 },
    });
    expect(warnings).toEqual(['1 annotation had no TextPositionSelector; it will be placed by the quote alone.']);
  });

  it('dates an annotation without times at the import', () => {
    const note = parseWebAnnotation(foreignAnnotation({ created: undefined, modified: undefined }), NOW).notes[0];
    expect([note?.created, note?.updated]).toEqual([NOW.toISOString(), NOW.toISOString()]);
  });

  it('reads the category, claim and stance of our own annotations, and ignores foreign links', () => {
    const body = [
      { type: 'TextualBody', purpose: 'classifying', value: 'contradicts' },
      { type: 'SpecificResource', purpose: 'linking', source: 'https://elsewhere.example/x' },
      { type: 'SpecificResource', purpose: 'linking', source: `${CLAIM_IRI_BASE}dprk-x`, 'https://nexus-lens.invalid/ns#claimStance': 'disputes' },
      { type: 'TextualBody', purpose: 'classifying', value: 'Sanctions' },
    ];
    const note = parseWebAnnotation(foreignAnnotation({ body }), NOW).notes[0];
    expect(note).toMatchObject({ category: 'contradicts', claimId: 'dprk-x', claimStance: 'disputes', tags: ['sanctions'], text: '' });
  });

  it('refuses what is not Web Annotation', () => {
    expect(errorOf(() => parseWebAnnotation({ hello: 'world' })).message).toMatch(/^This is not a Web Annotation file/);
    expect(errorOf(() => parseWebAnnotation('text')).message).toBe('This is not a Web Annotation file.');
  });
});

describe('stableUuid', () => {
  it('is a version 8 UUID, the same for the same text and different for different texts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(stableUuid(a)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(stableUuid(a)).toBe(stableUuid(a));
        if (a !== b) expect(stableUuid(a)).not.toBe(stableUuid(b));
      }),
    );
    const many = new Set(Array.from({ length: 20_000 }, (_, i) => stableUuid(`id ${i}`)));
    expect(many.size).toBe(20_000);
  });
});
