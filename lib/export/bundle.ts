/**
 * What every importer hands back (an ImportBundle, or an ImportError the reader can read), and the
 * steps they share: size cap, JSON reading, duplicate merging, document records, stable order.
 */
import type { DocumentRecord, Note } from '../notes/types';

/** Validated notes and documents, ready for the repository's importData, and what the reader should know. */
export interface ImportBundle {
  notes: Note[];
  documents: DocumentRecord[];
  /** Things the import did that the reader should hear about (merged duplicates, skipped items). */
  warnings: string[];
}

/** The only error an importer throws. `message` is for the reader; `details` lists the first problems with their JSON paths. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly details?: string[];

  constructor(message: string, details?: string[], options?: ErrorOptions) {
    super(message, options);
    if (details && details.length > 0) this.details = details;
  }
}

/** Largest import, in UTF-16 code units of text (about bytes for the ASCII-heavy JSON we write). */
export const MAX_IMPORT_CHARS = 50 * 1024 * 1024;
/** Largest import file in bytes: what a caller should check on a File before reading it. */
export const MAX_IMPORT_BYTES = MAX_IMPORT_CHARS;
/** How many problems an ImportError lists; a file with thousands should not fill the screen. */
export const MAX_DETAILS = 10;

/** Refuses text over the size cap, before any parsing work. */
export function checkImportSize(length: number): void {
  if (length > MAX_IMPORT_CHARS) {
    const mb = (n: number) => Math.ceil(n / (1024 * 1024)).toLocaleString('en');
    throw new ImportError(
      `This file is too large to import (about ${mb(length)} MB; the limit is ${mb(MAX_IMPORT_CHARS)} MB).`,
    );
  }
}

/** Parses JSON text (a leading byte-order mark allowed) or throws an ImportError saying the file is damaged. */
export function readJsonText(text: string): unknown {
  checkImportSize(text.length);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new ImportError('This file is empty.');
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : undefined;
    throw new ImportError(
      'This file is not valid JSON: it may be incomplete or damaged.',
      reason ? [reason] : undefined,
    );
  }
}

/**
 * Runs an importer and turns anything but an ImportError into one, so callers handle one error
 * type. Nothing should get here; if something does, the reader still gets a sentence.
 */
export function guardImport<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('Nexus Lens could not read this file.', [String(error).slice(0, 200)], { cause: error });
  }
}

/** Collects problems up to MAX_DETAILS and counts the items that had any. */
export class ProblemList {
  readonly details: string[] = [];
  /** Items (notes, documents, annotations) with at least one problem. */
  badItems = 0;
  /** Problems seen in total, including those not kept in `details`. */
  total = 0;

  /** Records the problems of one item; does nothing for an empty list. */
  addItem(problems: readonly string[]): void {
    if (problems.length === 0) return;
    this.badItems++;
    for (const problem of problems) this.add(problem);
  }

  /** Records one problem. */
  add(problem: string): void {
    this.total++;
    if (this.details.length < MAX_DETAILS) this.details.push(problem);
  }

  /** Whether no more details will be kept (callers then stop checking an item at its first problem). */
  get full(): boolean {
    return this.details.length >= MAX_DETAILS;
  }

  /** The details, with a closing line counting what was left out. */
  list(): string[] {
    const hidden = this.total - this.details.length;
    return hidden > 0 ? [...this.details, `…and ${hidden.toLocaleString('en')} more`] : [...this.details];
  }
}

/** Order of notes in every export and import: by document URL, then place in the text, then id (code-unit order, locale-free). */
export function compareNotes(a: Note, b: Note): number {
  return (
    compareStrings(a.url, b.url) ||
    a.target.position.start - b.target.position.start ||
    a.target.position.end - b.target.position.end ||
    compareStrings(a.id, b.id)
  );
}

/** Code-unit order of two strings, the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether ISO time `a` is later than `b`; a time that does not parse is never later. */
function isLater(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

/** "1 note" / "3 notes". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/**
 * Builds the bundle from validated notes and documents: one note per id (the latest `updated`
 * wins; on a tie the later copy in the file), one document per URL (the latest `lastSeen` wins,
 * keeping the earliest `firstSeen`), a document made up from its notes for every note whose page
 * has none, everything in stable order.
 */
export function assembleBundle(
  notes: readonly Note[],
  documents: readonly DocumentRecord[],
  warnings: string[] = [],
  { reportSynthesised = true }: { reportSynthesised?: boolean } = {},
): ImportBundle {
  // Maps, not objects: an id or URL such as "__proto__" is just a key.
  const byId = new Map<string, Note>();
  let duplicateNotes = 0;
  for (const note of notes) {
    const seen = byId.get(note.id);
    if (seen) duplicateNotes++;
    if (!seen || !isLater(seen.updated, note.updated)) byId.set(note.id, note);
  }
  if (duplicateNotes > 0) {
    warnings.push(
      `${plural(duplicateNotes, 'note')} appeared more than once in this file (same id); the most recently updated copy of each was kept.`,
    );
  }

  const byUrl = new Map<string, DocumentRecord>();
  let duplicateDocuments = 0;
  for (const document of documents) {
    const seen = byUrl.get(document.url);
    if (!seen) {
      byUrl.set(document.url, document);
      continue;
    }
    duplicateDocuments++;
    const [older, newer] = isLater(seen.lastSeen, document.lastSeen) ? [document, seen] : [seen, document];
    byUrl.set(document.url, {
      ...newer,
      firstSeen: isLater(newer.firstSeen, older.firstSeen) ? older.firstSeen : newer.firstSeen,
    });
  }
  if (duplicateDocuments > 0) {
    warnings.push(`${plural(duplicateDocuments, 'article record')} appeared more than once in this file; they were merged.`);
  }

  const sortedNotes = [...byId.values()].sort(compareNotes);
  const implied = new Map<string, DocumentRecord>();
  for (const note of sortedNotes) {
    if (byUrl.has(note.url)) continue;
    const seen = implied.get(note.url);
    if (!seen) {
      implied.set(note.url, { url: note.url, title: note.title, site: note.site, firstSeen: note.created, lastSeen: note.updated });
      continue;
    }
    // Title and site from the most recently updated note; first and last sight span all of them.
    const newest = isLater(note.updated, seen.lastSeen);
    implied.set(note.url, {
      url: note.url,
      title: newest ? note.title : seen.title,
      site: newest ? note.site : seen.site,
      firstSeen: isLater(seen.firstSeen, note.created) ? note.created : seen.firstSeen,
      lastSeen: newest ? note.updated : seen.lastSeen,
    });
  }
  if (implied.size > 0 && reportSynthesised) {
    warnings.push(`${plural(implied.size, 'article')} had notes but no article record; the record was rebuilt from the notes.`);
  }
  for (const [url, document] of implied) byUrl.set(url, document);

  const sortedDocuments = [...byUrl.values()].sort((a, b) => compareStrings(a.url, b.url));
  return { notes: sortedNotes, documents: sortedDocuments, warnings };
}
