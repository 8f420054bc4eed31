/**
 * One entry point for a file the reader picked: finds out whether it is our JSON or Web Annotation
 * JSON-LD, and hands it to that parser. Whatever the file holds, the result is an ImportBundle or
 * an ImportError; nothing else is ever thrown.
 */
import { checkImportSize, guardImport, ImportError, readJsonText, type ImportBundle } from './bundle';
import { parseJsonValue } from './json';
import { parseWebAnnotation } from './web-annotation';

// Callers catching import failures find the error type beside the function that throws it.
export { ImportError, type ImportBundle } from './bundle';

/** Extensions of our read-only exports: a clear word beats "not valid JSON". */
const READ_ONLY_EXTENSIONS: ReadonlySet<string> = new Set(['md', 'markdown', 'csv']);

/** Top-level `type`s of Web Annotation documents, with or without the `oa:` prefix. */
const ANNOTATION_TYPES: ReadonlySet<string> = new Set(['Annotation', 'AnnotationPage', 'AnnotationCollection']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a JSON value looks like Web Annotation: a JSON-LD `@context`, an annotation type, or a list of those. */
function looksLikeWebAnnotation(value: unknown): boolean {
  // One level of list only: a file of nested lists must not recurse as deep as it likes. One
  // annotation in the list is enough: the parser then names the items it cannot use.
  if (Array.isArray(value)) return value.some((item) => isObject(item) && looksLikeNode(item));
  return isObject(value) && looksLikeNode(value);
}

/** Whether one object is a Web Annotation node: it has a JSON-LD context or an annotation type. */
function looksLikeNode(value: Record<string, unknown>): boolean {
  if (Object.hasOwn(value, '@context')) return true;
  const type = Object.hasOwn(value, 'type') ? value.type : undefined;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ANNOTATION_TYPES.has(t.replace(/^oa:/, '')));
}

/**
 * Reads an import file: our JSON (any version this build knows) or Web Annotations. Refuses files
 * over MAX_IMPORT_CHARS, Markdown and CSV exports (for reading only), damaged JSON and anything
 * else, with an ImportError whose message the reader can act on and whose `details` list the
 * first problems with their JSON paths. `fileName` only sharpens the messages.
 */
export function parseImport(text: string, fileName?: string): ImportBundle {
  return guardImport(() => {
    checkImportSize(text.length);
    const extension = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase();
    if (extension !== undefined && READ_ONLY_EXTENSIONS.has(extension)) {
      throw new ImportError(
        'Markdown and CSV exports are for reading and cannot be imported. To move notes, export them as JSON and import that file.',
      );
    }
    const value = readJsonText(text);
    if (isObject(value) && Object.hasOwn(value, 'format') && !looksLikeWebAnnotation(value)) return parseJsonValue(value);
    if (looksLikeWebAnnotation(value)) return parseWebAnnotation(value);
    throw new ImportError(
      'This file is neither a Nexus Lens export nor a Web Annotation file. Nexus Lens imports its own JSON exports and W3C Web Annotations (JSON-LD).',
    );
  });
}
