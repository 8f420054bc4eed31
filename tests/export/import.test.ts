import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError, MAX_IMPORT_CHARS, type ImportBundle } from '../../lib/export/bundle';
import { parseImport } from '../../lib/export/import';
import { parseJson, toJson } from '../../lib/export/json';
import { documentSchema, noteSchema } from '../../lib/export/schema';
import { parseWebAnnotation, toWebAnnotation } from '../../lib/export/web-annotation';
import { normaliseTags } from '../../lib/notes/normalise';
import type { Note } from '../../lib/notes/types';
import { dataArb, GOLDEN_DOCUMENTS, GOLDEN_NOTES, makeNote, NASTY_STRINGS } from './arbitraries';

const EXPORTED_AT = new Date('2024-05-03T12:00:00.000Z');
const OUR_JSON = toJson({ notes: GOLDEN_NOTES, documents: GOLDEN_DOCUMENTS }, EXPORTED_AT);
const OUR_JSONLD = JSON.stringify(toWebAnnotation(GOLDEN_NOTES, EXPORTED_AT), null, 2);

type Path = (string | number)[];

/** What an import may do: return a valid bundle or throw an ImportError. Anything else fails the test. */
function outcome(work: () => ImportBundle): ImportBundle | ImportError {
  try {
    const bundle = work();
    expectValidBundle(bundle);
    return bundle;
  } catch (error) {
    if (error instanceof ImportError) {
      expect(typeof error.message).toBe('string');
      expect(error.message.length).toBeGreaterThan(0);
      if (error.details) expect(error.details.length).toBeLessThanOrEqual(11);
      return error;
    }
    throw error;
  }
}

/** Every note and document passes the schema, and the bundle survives our own JSON unchanged. */
function expectValidBundle(bundle: ImportBundle): void {
  for (const note of bundle.notes) expect(v.is(noteSchema, note)).toBe(true);
  for (const document of bundle.documents) expect(v.is(documentSchema, document)).toBe(true);
  for (const url of new Set(bundle.notes.map((note) => note.url))) {
    expect(bundle.documents.some((document) => document.url === url)).toBe(true);
  }
  const again = parseJson(toJson(bundle, EXPORTED_AT));
  expect(again.notes).toStrictEqual(bundle.notes);
  expect(again.documents).toStrictEqual(bundle.documents);
}

/** Every path to a value inside a JSON value (the root excluded). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...pathsOf(item, [...prefix, i])]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  }
  return [];
}

/** A copy of `root` with the value at `path` replaced. */
function replaceAt(root: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = replacement;
  return copy;
}

/** Values of every JSON type, including ones a field never holds. */
/**
 * Fuzz properties run hundreds of cases: 0.5 s alone, several seconds on a loaded two-core machine
 * running every test file at once, past Vitest's 5 s default. A real counterexample still fails.
 */
const PROPERTY_TIMEOUT = 30_000;

const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Keys that are dangerous when code writes `object[key] = value` with them. */
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

let prototypeBefore: string[];
let arrayPrototypeBefore: string[];
beforeAll(() => {
  prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  arrayPrototypeBefore = Object.getOwnPropertyNames(Array.prototype).sort();
});
afterAll(() => {
  // Nothing any test imported may have changed the prototypes every object shares.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayPrototypeBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('parseImport', () => {
  it('reads our JSON and Web Annotation files alike', () => {
    const fromJson = parseImport(OUR_JSON, 'nexus-lens-all-2024-05-03.json');
    const fromJsonLd = parseImport(OUR_JSONLD, 'nexus-lens-all-2024-05-03.jsonld');
    expect(fromJson.notes).toStrictEqual(fromJsonLd.notes);
    expect(fromJson.documents).toStrictEqual(GOLDEN_DOCUMENTS.slice().reverse());
  });

  it('tells what it refuses and why', () => {
    const message = (text: string, name?: string) => (outcome(() => parseImport(text, name)) as ImportError).message;
    expect(message('# Notes', 'notes.md')).toMatch(/^Markdown and CSV exports are for reading/);
    expect(message('id,created', 'NOTES.CSV')).toMatch(/^Markdown and CSV exports are for reading/);
    expect(message('<html></html>', 'page.html')).toBe('This file is not valid JSON: it may be incomplete or damaged.');
    expect(message('{"hello": "world"}')).toMatch(/^This file is neither a Nexus Lens export nor a Web Annotation file/);
    expect(message('[1, 2]')).toMatch(/^This file is neither/);
    expect(message('"just a string"')).toMatch(/^This file is neither/);
    expect(message('   ')).toBe('This file is empty.');
    expect(message('{"format": "nexus-lens-notes", "version": 7}')).toMatch(/format version 7/);
  });

  it('refuses a file over the size cap before reading it', () => {
    const huge = `{"format":"nexus-lens-notes","pad":"${'x'.repeat(MAX_IMPORT_CHARS)}"}`;
    const error = outcome(() => parseImport(huge)) as ImportError;
    expect(error.message).toBe('This file is too large to import (about 51 MB; the limit is 50 MB).');
  });

  it('gives an ImportError or a valid bundle for our JSON cut anywhere', () => {
    fc.assert(
      fc.property(dataArb, fc.double({ min: 0, max: 1, noNaN: true }), (data, at) => {
        const text = toJson(data, EXPORTED_AT);
        const cut = text.slice(0, Math.floor(at * text.length));
        const result = outcome(() => parseImport(cut));
        // Only the whole file (give or take the final line break) can be valid.
        if (!(result instanceof ImportError)) expect(cut.trim()).toBe(text.trim());
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT);

  it('gives an ImportError or a valid bundle for Web Annotation JSON cut anywhere', () => {
    fc.assert(
      fc.property(fc.nat({ max: OUR_JSONLD.length }), (at) => {
        outcome(() => parseImport(OUR_JSONLD.slice(0, at)));
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT);

  it('gives an ImportError or a valid bundle whatever value is put at whatever path (our JSON)', () => {
    const file = JSON.parse(OUR_JSON) as unknown;
    const paths = pathsOf(file);
    fc.assert(
      fc.property(fc.constantFrom(...paths), anyJson, (path, value) => {
        outcome(() => parseImport(JSON.stringify(replaceAt(file, path, value))));
      }),
      { numRuns: 500 },
    );
  }, PROPERTY_TIMEOUT);

  it('gives an ImportError or a valid bundle whatever value is put at whatever path (Web Annotation)', () => {
    const file = JSON.parse(OUR_JSONLD) as unknown;
    const paths = pathsOf(file);
    fc.assert(
      fc.property(fc.constantFrom(...paths), anyJson, (path, value) => {
        outcome(() => parseImport(JSON.stringify(replaceAt(file, path, value))));
        outcome(() => parseWebAnnotation(replaceAt(file, path, value)));
      }),
      { numRuns: 500 },
    );
  }, PROPERTY_TIMEOUT);

  it('refuses a huge string in any field of our JSON, naming the field', () => {
    const file = JSON.parse(OUR_JSON) as unknown;
    const stringPaths = pathsOf(file).filter((path) => {
      const value = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], file);
      return typeof value === 'string';
    });
    const huge = 'x'.repeat(100_001);
    for (const path of stringPaths) {
      const result = outcome(() => parseImport(JSON.stringify(replaceAt(file, path, huge))));
      expect(result).toBeInstanceOf(ImportError);
      if (path[0] === 'notes' || path[0] === 'documents') {
        const field = path.slice(2).join('.');
        expect((result as ImportError).details?.[0]).toContain(`${path[0]}[${path[1]}]`);
        if (field && !field.endsWith('type')) expect((result as ImportError).details?.join('\n')).toContain(field.split('.').pop());
      }
    }
  });

  it('gives an ImportError or a valid bundle for any text at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json(), fc.jsonValue().map((value) => JSON.stringify(value))), (text) => {
        outcome(() => parseImport(text));
      }),
      { numRuns: 500 },
    );
  }, PROPERTY_TIMEOUT);

  it('keeps markup in every free-text field as the text it is, in both formats', () => {
    for (const nasty of NASTY_STRINGS) {
      const note = makeNote({
        id: nasty.replace(/\s+/g, ' ').trim(),
        url: `https://news.example/a?q=${nasty}`,
        pageUrl: `https://news.example/a?q=${nasty}#${nasty}`,
        title: nasty,
        site: nasty,
        text: nasty,
        tags: normaliseTags([nasty]),
        target: { ...makeNote().target, quote: { type: 'TextQuoteSelector', exact: `${nasty}!`, prefix: nasty, suffix: nasty } },
      });
      const documents = [{ url: note.url, title: nasty, site: nasty, firstSeen: note.created, lastSeen: note.updated }];
      const fromJson = outcome(() => parseImport(toJson({ notes: [note], documents }, EXPORTED_AT)));
      expect(fromJson).not.toBeInstanceOf(ImportError);
      expect((fromJson as ImportBundle).notes).toStrictEqual([note]);
      expect((fromJson as ImportBundle).documents).toStrictEqual(documents);
      const fromJsonLd = outcome(() => parseImport(JSON.stringify(toWebAnnotation([note], EXPORTED_AT))));
      expect((fromJsonLd as ImportBundle).notes).toStrictEqual([note]);
    }
  });

  it('refuses prototype keys in our JSON without touching any prototype', () => {
    const note = JSON.stringify(makeNote());
    const withKey = (key: string, where: 'top' | 'note' | 'target') => {
      const inject = `"${key}": {"polluted": true, "prototype": {"polluted": true}}`;
      const notes = where === 'note' ? note.replace(/^\{/, `{${inject},`) : where === 'target' ? note.replace('"target":{', `"target":{${inject},`) : note;
      const top = where === 'top' ? `${inject},` : '';
      return `{${top}"format":"nexus-lens-notes","version":1,"exportedAt":"2024-05-03T12:00:00.000Z","documents":[],"notes":[${notes}]}`;
    };
    for (const key of PROTO_KEYS) {
      for (const where of ['top', 'note', 'target'] as const) {
        const result = outcome(() => parseImport(withKey(key, where)));
        expect(result).toBeInstanceOf(ImportError);
        expect((result as ImportError).details?.[0]).toMatch(/: unknown field$/);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores prototype keys in Web Annotations without touching any prototype', () => {
    const file = JSON.parse(OUR_JSONLD) as { first: { items: Record<string, unknown>[] } };
    const text = JSON.stringify(file).replace(
      /"type":"Annotation",/g,
      '"type":"Annotation","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
    ).replace(/"purpose":"tagging",/g, '"purpose":"tagging","__proto__":{"value":"polluted"},');
    const result = outcome(() => parseImport(text)) as ImportBundle;
    expect(result.notes).toStrictEqual(parseImport(OUR_JSONLD).notes);
    for (const note of result.notes) expect(Object.getPrototypeOf(note)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never pollutes a prototype, whatever objects with whatever keys it is given', () => {
    const key = fc.oneof(fc.constantFrom(...PROTO_KEYS, 'type', 'items', 'first', 'body', 'target', 'selector', 'purpose', 'value', 'id', 'format', 'notes'), fc.string());
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('Annotation', 'AnnotationPage', 'AnnotationCollection', 'TextQuoteSelector', 'tagging', 'nexus-lens-notes', 1, null),
        fc.string(),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.array(fc.tuple(key, tie('node')), { maxLength: 5 }).map((entries) => {
          // JSON text, not object literals: "__proto__" must arrive as data, as it does from a file.
          return JSON.parse(`{${entries.map(([name, item]) => `${JSON.stringify(name)}:${JSON.stringify(item)}`).join(',')}}`) as unknown;
        }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (json) => {
        outcome(() => parseImport(JSON.stringify(json)));
        outcome(() => parseWebAnnotation(json));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('merges duplicate ids in a Web Annotation file like in our JSON', () => {
    const older: Note = makeNote({ text: 'older', updated: '2024-05-01T10:00:00.000Z' });
    const newer: Note = makeNote({ text: 'newer', updated: '2024-05-02T10:00:00.000Z' });
    const items = [...toWebAnnotation([newer]).first!.items, ...toWebAnnotation([older]).first!.items];
    const bundle = outcome(() => parseImport(JSON.stringify(items))) as ImportBundle;
    expect(bundle.notes.map((n) => n.text)).toEqual(['newer']);
    expect(bundle.warnings).toEqual([
      '1 note appeared more than once in this file (same id); the most recently updated copy of each was kept.',
    ]);
  });
});
