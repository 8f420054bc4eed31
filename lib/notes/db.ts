/** The Dexie database of the reader's notes: its typed tables and every schema version with its upgrade. */
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import { normaliseTags, siteOf } from './normalise';
import type { DocumentRecord, Note } from './types';

/** The database's name in the extension's origin. */
export const NOTES_DB_NAME = 'nexus-lens';

/** Where IndexedDB comes from: the browser's by default; tests pass fake-indexeddb's. */
export type NotesDbOptions = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;

/** One version of the schema: Dexie's store declarations and how to bring older data up to it. */
export interface SchemaVersion {
  readonly version: number;
  /** Dexie store declarations (primary key first); `null` deletes a table. */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Converts the data of the previous version; runs once, inside the version-change transaction. */
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

/** A note as version 1 stored it: no `site`, and the tags as one comma-separated string. */
export type NoteV1 = Omit<Note, 'site' | 'tags'> & { tags: string };

/**
 * 2026-11-23, version 2: notes gain `site` and tags as an array (indexed, multi-entry), and the
 * documents table appears with a record per URL that has notes.
 *
 * Deliberately self-contained (it does not call the repository): an upgrade must keep doing what
 * it did when it shipped, whatever the repository becomes.
 */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const documents = new Map<string, DocumentRecord>();
  // Rows of an older version are untyped data: read them as such.
  await tx
    .table('notes')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      const url = typeof row.url === 'string' ? row.url : '';
      row.tags = tagsOfV1(row.tags);
      row.site = siteOf(url) ?? '';
      const title = typeof row.title === 'string' ? row.title : '';
      const created = typeof row.created === 'string' ? row.created : '';
      const updated = typeof row.updated === 'string' ? row.updated : created;
      const known = documents.get(url);
      if (!known) {
        documents.set(url, { url, title, site: row.site as string, firstSeen: created, lastSeen: updated });
        return;
      }
      if (created < known.firstSeen) known.firstSeen = created;
      // The title of the most recently updated note is the page's latest known title.
      if (updated > known.lastSeen) Object.assign(known, { lastSeen: updated, title });
    });
  await tx.table('documents').bulkPut([...documents.values()]);
}

/** Version 1's comma-separated tags as a normalised array (an array already there is normalised too). */
function tagsOfV1(tags: unknown): string[] {
  if (typeof tags === 'string') return normaliseTags(tags.split(','));
  if (Array.isArray(tags)) return normaliseTags(tags.filter((tag): tag is string => typeof tag === 'string'));
  return [];
}

/**
 * Every version of the schema, oldest first; the last is the current one. Index only what a
 * `where()` or `orderBy()` of the repository uses, and never long text.
 */
export const NOTES_SCHEMA: readonly SchemaVersion[] = [
  // Version 1, the first release: notes found by page (url) and listed by date (updated).
  { version: 1, stores: { notes: 'id, url, updated' } },
  // Version 2: the library's filters (site, category, claim, tag) and the documents table.
  {
    version: 2,
    stores: {
      notes: 'id, url, updated, site, category, claimId, *tags',
      documents: 'url, lastSeen, site',
    },
    upgrade: upgradeToV2,
  },
];

/** The current schema version (the last of NOTES_SCHEMA). */
export const NOTES_DB_VERSION: number = NOTES_SCHEMA.reduce((last, { version }) => Math.max(last, version), 0);

/** Declares `versions` on `db`, with their upgrades; tests replay history with a prefix of NOTES_SCHEMA. */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[] = NOTES_SCHEMA): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores({ ...stores });
    if (upgrade) declared.upgrade(upgrade);
  }
}

/** The notes database, with typed tables. */
export class NotesDb extends Dexie {
  /** The reader's highlights and notes, by id. */
  declare readonly notes: Table<Note, string>;
  /** The documents that have notes, by normalised URL. */
  declare readonly documents: Table<DocumentRecord, string>;

  constructor(name: string = NOTES_DB_NAME, options?: NotesDbOptions) {
    super(name, options);
    declareVersions(this);
  }
}

/** Opens (lazily, on first use) the notes database; the background keeps one for its lifetime. */
export function openNotesDb(name: string = NOTES_DB_NAME, options?: NotesDbOptions): NotesDb {
  return new NotesDb(name, options);
}

/**
 * The database as it was at schema `version` (only the versions up to it declared), for upgrade
 * tests and tools; the app always opens NotesDb.
 */
export function openNotesDbAt(version: number, name: string = NOTES_DB_NAME, options?: NotesDbOptions): Dexie {
  const db = new Dexie(name, options);
  declareVersions(db, NOTES_SCHEMA.filter((each) => each.version <= version));
  return db;
}
