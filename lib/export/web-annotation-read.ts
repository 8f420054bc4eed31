/**
 * Reads Web Annotation files into notes: our own exports losslessly (see web-annotation-terms.ts
 * for the mapping), other tools' annotations as far as a note can hold them:
 * - the first target with a TextQuoteSelector is used; without a TextPositionSelector the position
 *   is 0–0 and the note is placed by its quote;
 * - `url` is the target's source without its fragment, `site` its host, `title` empty;
 * - bodies that are not tags, a category or a claim link become the note text, joined by blank
 *   lines; a `classifying` value that is not one of our categories becomes a tag; the category is
 *   otherwise `question` for a `questioning` annotation, else `key-fact`;
 * - times without a zone are read as UTC; missing times are the time of the import.
 */
import * as v from 'valibot';
import { siteOf } from '../notes/normalise';
import { NOTE_CATEGORIES, type Note, type NoteCategory } from '../notes/types';
import { assembleBundle, guardImport, ImportError, plural, ProblemList, type ImportBundle } from './bundle';
import { stableUuid } from './hash';
import { describeIssue, noteSchema, toNote } from './schema';
import {
  ANCHOR_KEY,
  CLAIM_IRI_BASE,
  NOTE_IRI_BASE,
  SITE_KEY,
  STANCE_KEY,
  TITLE_KEY,
  URL_KEY,
  UUID_PATTERN,
} from './web-annotation-terms';

/** Most pages of a collection we follow (embedded `next` pages). */
const MAX_PAGES = 10_000;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: a file's `__proto__` or `constructor` key is data, and the prototype's are never read. */
function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** JSON-LD lets most properties hold one value or a list. */
function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Term names with an `oa:`/`as:` prefix or as full IRIs reduced to their local name. */
function localName(term: string): string {
  return term.replace(/^(?:oa:|as:|http:\/\/www\.w3\.org\/ns\/oa#|https:\/\/www\.w3\.org\/ns\/activitystreams#)/, '');
}

/** The `type` (or `@type`) values of a node, as local names. */
function typesOf(node: JsonObject): string[] {
  return [...asList(own(node, 'type')), ...asList(own(node, '@type'))]
    .filter((type): type is string => typeof type === 'string')
    .map(localName);
}

function idOf(node: unknown): unknown {
  if (typeof node === 'string') return node;
  return isObject(node) ? (own(node, 'id') ?? own(node, '@id')) : undefined;
}

/** An xsd:dateTime without a zone (allowed by JSON-LD, refused by Note) read as UTC. */
function withZone(value: unknown): unknown {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(value) ? `${value}Z` : value;
}

interface Located {
  value: unknown;
  path: string;
}

/** The annotations of whatever shape the file has: one, a list, a page, or a collection of embedded pages. */
function locateAnnotations(json: unknown): Located[] {
  if (Array.isArray(json)) return json.map((value, i) => ({ value, path: `[${i}]` }));
  if (!isObject(json)) throw new ImportError('This is not a Web Annotation file.');
  const types = typesOf(json);
  const pageItems = (page: JsonObject, path: string): Located[] => {
    const items = own(page, 'items');
    const itemsPath = path ? `${path}.items` : 'items';
    if (items === undefined) return [];
    if (!Array.isArray(items)) throw new ImportError('This Web Annotation file is damaged.', [`${itemsPath}: expected a list`]);
    return items.map((value, i) => ({ value, path: `${itemsPath}[${i}]` }));
  };
  if (types.includes('AnnotationCollection')) {
    const found: Located[] = [];
    let page = own(json, 'first');
    for (let index = 0; page !== undefined && index < MAX_PAGES; index++) {
      const path = index === 0 ? 'first' : `pages[${index}]`;
      if (!isObject(page)) {
        throw new ImportError(
          'This annotation collection only links to its pages. Export it with the annotations included, then import that file.',
          [`${path}: expected an AnnotationPage object, not a link`],
        );
      }
      found.push(...pageItems(page, path));
      page = own(page, 'next');
    }
    return found;
  }
  if (types.includes('AnnotationPage')) return pageItems(json, '');
  if (types.includes('Annotation')) return [{ value: json, path: 'annotation' }];
  throw new ImportError('This is not a Web Annotation file: it holds no Annotation, AnnotationPage or AnnotationCollection.');
}

/** The first target that quotes text, with its selectors. */
function findQuotedTarget(annotation: JsonObject): { source: unknown; quote: JsonObject; position?: JsonObject } | undefined {
  for (const target of asList(own(annotation, 'target'))) {
    if (!isObject(target)) continue;
    const selectors = asList(own(target, 'selector')).filter(isObject);
    const quote = selectors.find((selector) => typesOf(selector).includes('TextQuoteSelector'));
    if (!quote) continue;
    const position = selectors.find((selector) => typesOf(selector).includes('TextPositionSelector'));
    return { source: idOf(own(target, 'source')), quote, ...(position && { position }) };
  }
  return undefined;
}

/** What the bodies say: the note text, tags, category, claim link. */
function readBodies(annotation: JsonObject): {
  text: string;
  tags: string[];
  category?: NoteCategory;
  claimId?: string;
  claimStance?: unknown;
} {
  const texts: string[] = [];
  const tags: string[] = [];
  let category: NoteCategory | undefined;
  let claimId: string | undefined;
  let claimStance: unknown;
  const bodyValue = own(annotation, 'bodyValue');
  if (typeof bodyValue === 'string' && bodyValue !== '') texts.push(bodyValue);
  for (const body of asList(own(annotation, 'body'))) {
    if (!isObject(body)) continue; // A bare IRI body: nothing a note can hold.
    const purposes = asList(own(body, 'purpose'))
      .filter((purpose): purpose is string => typeof purpose === 'string')
      .map(localName);
    const value = own(body, 'value');
    if (purposes.includes('tagging')) {
      if (typeof value === 'string') tags.push(value);
    } else if (purposes.includes('classifying')) {
      if ((NOTE_CATEGORIES as readonly unknown[]).includes(value) && category === undefined) category = value as NoteCategory;
      else if (typeof value === 'string') tags.push(value);
    } else if (purposes.includes('linking')) {
      const source = idOf(own(body, 'source'));
      if (typeof source === 'string' && source.startsWith(CLAIM_IRI_BASE) && claimId === undefined) {
        claimId = source.slice(CLAIM_IRI_BASE.length);
        claimStance = own(body, STANCE_KEY);
      }
    } else if (typeof value === 'string' && value !== '') {
      texts.push(value);
    }
  }
  return {
    text: texts.join('\n\n'),
    tags,
    ...(category !== undefined && { category }),
    ...(claimId !== undefined && { claimId }),
    ...(claimStance !== undefined && { claimStance }),
  };
}

/** The note id an annotation id stands for (see the module comment). */
function noteIdFor(annotationIri: unknown, fallbackKey: string): string {
  if (typeof annotationIri !== 'string' || annotationIri === '') return stableUuid(`annotation ${fallbackKey}`);
  const uuid = /^urn:uuid:(.*)$/i.exec(annotationIri)?.[1];
  if (uuid !== undefined && UUID_PATTERN.test(uuid)) return uuid;
  if (annotationIri.startsWith(NOTE_IRI_BASE)) {
    try {
      return decodeURIComponent(annotationIri.slice(NOTE_IRI_BASE.length));
    } catch {
      // Not our encoding after all: hash it like any foreign id.
    }
  }
  return stableUuid(`id ${annotationIri}`);
}

/** One annotation as a candidate note (validated afterwards), or why it cannot be one. */
function readAnnotation(
  annotation: unknown,
  path: string,
  now: string,
): { candidate: JsonObject; positioned: boolean } | { problem: string } {
  if (!isObject(annotation)) return { problem: `${path}: expected an Annotation object` };
  const types = typesOf(annotation);
  if (types.length > 0 && !types.includes('Annotation')) return { problem: `${path}.type: expected "Annotation"` };
  const target = findQuotedTarget(annotation);
  if (!target) {
    return {
      problem: `${path}.target: no TextQuoteSelector (Nexus Lens needs the quoted text to place a highlight)`,
    };
  }
  const { source, quote, position } = target;
  const created = withZone(own(annotation, 'created'));
  const modified = withZone(own(annotation, 'modified'));
  const exact = own(quote, 'exact');
  const prefix = own(quote, 'prefix') ?? '';
  const suffix = own(quote, 'suffix') ?? '';
  const url = Object.hasOwn(annotation, URL_KEY)
    ? own(annotation, URL_KEY)
    : typeof source === 'string'
      ? source.split('#')[0]
      : source;
  const bodies = readBodies(annotation);
  const motivations = asList(own(annotation, 'motivation')).filter((m): m is string => typeof m === 'string').map(localName);
  const candidate: JsonObject = {
    id: noteIdFor(idOf(annotation), JSON.stringify([source, exact, prefix, suffix, created ?? null])),
    url,
    pageUrl: source,
    title: Object.hasOwn(annotation, TITLE_KEY) ? own(annotation, TITLE_KEY) : '',
    site: Object.hasOwn(annotation, SITE_KEY) ? own(annotation, SITE_KEY) : (typeof url === 'string' && siteOf(url)) || '',
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
      position: {
        type: 'TextPositionSelector',
        start: position ? own(position, 'start') : 0,
        end: position ? own(position, 'end') : 0,
      },
    },
    category: bodies.category ?? (motivations.includes('questioning') ? 'question' : 'key-fact'),
    text: bodies.text,
    tags: bodies.tags,
    ...(bodies.claimId !== undefined && { claimId: bodies.claimId }),
    ...(bodies.claimStance !== undefined && { claimStance: bodies.claimStance }),
    created: created ?? modified ?? now,
    updated: modified ?? created ?? now,
    ...(Object.hasOwn(annotation, ANCHOR_KEY) && { anchor: own(annotation, ANCHOR_KEY) }),
  };
  return { candidate, positioned: position !== undefined };
}

/**
 * Reads Web Annotations: our own collections losslessly, and other tools' single annotations,
 * lists, pages and collections (with embedded pages) as far as a note can hold them. An annotation
 * that cannot become a note (no TextQuoteSelector, bad values) is skipped with a warning naming
 * it; if none can, the import fails with an ImportError listing why. Annotations without a time
 * get `now` (a test seam).
 */
export function parseWebAnnotation(json: unknown, now = new Date()): ImportBundle {
  return guardImport(() => {
    const located = locateAnnotations(json);
    const problems = new ProblemList();
    const notes: Note[] = [];
    let unpositioned = 0;
    const time = now.toISOString();
    for (const { value, path } of located) {
      const read = readAnnotation(value, path, time);
      if ('problem' in read) {
        problems.addItem([read.problem]);
        continue;
      }
      const result = v.safeParse(noteSchema, read.candidate, { abortEarly: problems.full });
      if (!result.success) {
        problems.addItem(result.issues.map((issue) => describeIssue(path, issue)));
        continue;
      }
      notes.push(toNote(result.output));
      if (!read.positioned) unpositioned++;
    }
    if (located.length > 0 && notes.length === 0) {
      throw new ImportError(
        `None of the ${plural(located.length, 'annotation')} in this file could be imported.`,
        problems.list(),
      );
    }
    const warnings: string[] = [];
    if (problems.badItems > 0) {
      warnings.push(`${plural(problems.badItems, 'annotation')} could not be imported and ${problems.badItems === 1 ? 'was' : 'were'} skipped:`);
      warnings.push(...problems.list());
    }
    if (unpositioned > 0) {
      warnings.push(`${plural(unpositioned, 'annotation')} had no TextPositionSelector; ${unpositioned === 1 ? 'it' : 'they'} will be placed by the quote alone.`);
    }
    // Web Annotations carry no document records: they are all made from the notes, as expected.
    return assembleBundle(notes, [], warnings, { reportSynthesised: false });
  });
}
