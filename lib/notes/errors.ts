/** The one error the notes repository rejects with: a code for the caller, a message for the reader. */

/** What went wrong: storage full, bad input, no such note, or any other storage failure. */
export type NotesErrorCode = 'quota' | 'invalid' | 'not-found' | 'storage';

/** A failed read or write of the notes database; `message` can be shown to the reader as it is. */
export class NotesError extends Error {
  override readonly name = 'NotesError';
  readonly code: NotesErrorCode;

  constructor(code: NotesErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** Names browsers and Dexie give to "storage full" (Firefox's legacy name included). */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** How deep to look through wrapped errors (Dexie's `inner`, `cause`, a BulkError's `failures`). */
const MAX_ERROR_DEPTH = 5;

/** Whether `error`, or an error it wraps, says the storage quota is exceeded. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > MAX_ERROR_DEPTH || typeof error !== 'object' || error === null) return false;
  const { name, inner, cause, failures } = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
  if (isQuotaError(inner, depth + 1) || isQuotaError(cause, depth + 1)) return true;
  return Array.isArray(failures) && failures.some((failure) => isQuotaError(failure, depth + 1));
}

/**
 * Maps anything a database operation threw to a NotesError. `consequence` completes the reader's
 * message ("the note was not saved"). A NotesError passes through; the original error is the cause.
 */
export function toNotesError(error: unknown, consequence: string): NotesError {
  if (error instanceof NotesError) return error;
  if (isQuotaError(error)) {
    return new NotesError(
      'quota',
      `Your browser's storage for Nexus Lens is full: ${consequence}. Export your notes and free some space.`,
      { cause: error },
    );
  }
  return new NotesError(
    'storage',
    `Nexus Lens could not use its storage: ${consequence}. Try again; if it keeps failing, restart the browser.`,
    { cause: error },
  );
}
