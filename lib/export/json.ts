/**
 * The lossless export: every field of every note and document, in a versioned envelope that this
 * and later versions of Nexus Lens import again. The parser trusts nothing in the file.
 */
import * as v from 'valibot';
import type { DocumentRecord, Note } from '../notes/types';
import {
  assembleBundle,
  compareNotes,
  compareStrings,
  guardImport,
  ImportError,
  plural,
  ProblemList,
  readJsonText,
  type ImportBundle,
} from './bundle';
import { describeIssue, documentSchema, noteSchema, objectMessage, timestampSchema, toDocument, toNote } from './schema';

/** The `format` of our JSON files. */
export const JSON_FORMAT = 'nexus-lens-notes';
/**
 * The version this build writes. Raise it when the file's meaning changes, and keep every older
 * version importable (with a test holding a file of it).
 */
export const JSON_VERSION = 1;

/** The file as written: the envelope, then the data. */
export interface NotesFile {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  exportedAt: string;
  documents: DocumentRecord[];
  notes: Note[];
}

/**
 * The reader's notes and documents as our JSON file, pretty-printed, with documents ordered by URL
 * and notes by URL, position and id, and fields in a fixed order: the same data gives the same bytes.
 */
export function toJson(data: { notes: readonly Note[]; documents: readonly DocumentRecord[] }, exportedAt = new Date()): string {
  const file: NotesFile = {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    exportedAt: exportedAt.toISOString(),
    documents: data.documents.map(toDocument).sort((a, b) => compareStrings(a.url, b.url)),
    // toNote rebuilds each note from its fields only, so stray runtime properties never leak out.
    notes: data.notes.map((note) => toNote(note)).sort(compareNotes),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const envelopeSchema = v.strictObject(
  {
    format: v.literal(JSON_FORMAT),
    version: v.literal(JSON_VERSION),
    exportedAt: timestampSchema,
    documents: v.array(v.unknown(), 'expected a list'),
    notes: v.array(v.unknown(), 'expected a list'),
  },
  objectMessage('an object'),
);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Refuses files that are not ours, or are ours from a version we do not know, with a sentence that says which. */
function checkFormat(value: unknown): void {
  if (!isPlainObject(value) || !Object.hasOwn(value, 'format')) {
    throw new ImportError('This is not a Nexus Lens notes file.');
  }
  if (value.format !== JSON_FORMAT) {
    const shown = typeof value.format === 'string' ? ` (format "${value.format.slice(0, 60)}")` : '';
    throw new ImportError(`This is not a Nexus Lens notes file${shown}.`);
  }
  const { version } = value;
  if (typeof version === 'number' && Number.isInteger(version) && version > JSON_VERSION) {
    throw new ImportError(
      `This file was made by a newer version of Nexus Lens (format version ${version}). Update Nexus Lens to import it.`,
    );
  }
  if (version !== JSON_VERSION) {
    const shown = typeof version === 'number' || typeof version === 'string' ? ` ${String(version).slice(0, 20)}` : '';
    throw new ImportError(`This Nexus Lens file has an unknown format version${shown}.`);
  }
}

/** Validates each item of a list against `schema`, keeping the valid ones and recording the problems of the others. */
function validateAll<T>(
  items: readonly unknown[],
  schema: v.GenericSchema<unknown, T>,
  root: string,
  problems: ProblemList,
): T[] {
  const valid: T[] = [];
  items.forEach((item, index) => {
    // Once the problem list is full, only count: stop at the first issue of each item.
    const result = v.safeParse(schema, item, { abortEarly: problems.full });
    if (result.success) valid.push(result.output);
    else problems.addItem(result.issues.map((issue) => describeIssue(`${root}[${index}]`, issue)));
  });
  return valid;
}

/** parseJson for a value already read from JSON (parseImport reads the text once). */
export function parseJsonValue(value: unknown): ImportBundle {
  return guardImport(() => {
    checkFormat(value);
    const envelope = v.safeParse(envelopeSchema, value);
    if (!envelope.success) {
      const problems = new ProblemList();
      for (const issue of envelope.issues) problems.add(describeIssue('', issue));
      throw new ImportError('This Nexus Lens file is damaged: its outline is not what Nexus Lens writes.', problems.list());
    }
    const problems = new ProblemList();
    const documents = validateAll(envelope.output.documents, documentSchema, 'documents', problems);
    const notes = validateAll(envelope.output.notes, noteSchema, 'notes', problems);
    if (problems.badItems > 0) {
      // All or nothing: a file that is wrong in one place may be wrong in ways we cannot see.
      throw new ImportError(
        `Nothing was imported: ${plural(problems.badItems, 'entry', 'entries')} in this file ${problems.badItems === 1 ? 'has' : 'have'} problems.`,
        problems.list(),
      );
    }
    return assembleBundle(notes.map(toNote), documents.map(toDocument));
  });
}

/**
 * Reads our JSON file strictly: every field's type and range, dates, enums, lengths. One bad
 * entry refuses the whole file (ImportError with the first problems and their paths). Duplicate
 * ids keep the latest `updated`; notes whose page has no document get one made from them.
 */
export function parseJson(text: string): ImportBundle {
  return guardImport(() => parseJsonValue(readJsonText(text)));
}
