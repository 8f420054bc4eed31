/** The export and import builders: pure functions from notes to files and back (see each module). */
export { ImportError, MAX_IMPORT_BYTES, MAX_IMPORT_CHARS, type ImportBundle } from './bundle';
export { EXPORT_MEDIA_TYPES, exportFileName, type ExportKind } from './file-name';
export { JSON_FORMAT, JSON_VERSION, parseJson, toJson, type NotesFile } from './json';
export { parseWebAnnotation, toWebAnnotation, type NoteAnnotation, type NoteAnnotationCollection } from './web-annotation';
export { toMarkdown, type MarkdownOptions } from './markdown';
export { CSV_COLUMNS, toCsv } from './csv';
export { parseImport } from './import';
export { textFragmentUrl } from './text-fragment';
