// Shared helpers for the notes tests: an isolated fake IndexedDB per database, and sample notes.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openNotesDb, type NotesDb, type NotesDbOptions } from '../../lib/notes/db';
import { expect } from 'vitest';
import { NotesError } from '../../lib/notes/errors';
import type { NewNote } from '../../lib/notes/types';

let counter = 0;

/** Options for a brand-new, empty IndexedDB (nothing shared with other tests). */
export function freshIndexedDb(): NotesDbOptions {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/** A unique database name. */
export function uniqueName(prefix = 'notes-test'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A notes database of its own. */
export function freshDb(): NotesDb {
  return openNotesDb(uniqueName(), freshIndexedDb());
}

/** A valid NewNote with `overrides`. */
export function newNote(overrides: Partial<NewNote> = {}): NewNote {
  return {
    url: 'https://www.example.org/news/iran-dprk',
    pageUrl: 'https://www.example.org/news/iran-dprk?utm_source=feed#top',
    title: 'Iran and North Korea',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'North Korea supplied Scud-B missiles', prefix: 'In 1987 ', suffix: ' to Iran.' },
      position: { type: 'TextPositionSelector', start: 120, end: 156 },
    },
    category: 'key-fact',
    text: 'Check against the SIPRI register.',
    tags: ['Missiles'],
    ...overrides,
  };
}

/** NewNote at character `start` of its page. */
export function noteAt(start: number, overrides: Partial<NewNote> = {}): NewNote {
  const base = newNote(overrides);
  return {
    ...base,
    target: { ...base.target, position: { type: 'TextPositionSelector', start, end: start + 10 } },
  };
}

/** The NotesError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<NotesError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(NotesError);
  return error as NotesError;
}
