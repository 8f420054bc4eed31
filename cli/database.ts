/** The claim database for a command: loaded and checked, or a clear message on the error stream. */
import { loadDatabase } from '../lib/claims/load';
import type { ClaimDatabase } from '../lib/claims/types';

/** Loads the bundled database; on failure writes `nexus-lens <command>: <reason>` and returns undefined (exit status 1). */
export function loadDatabaseFor(command: string, err: (text: string) => void): ClaimDatabase | undefined {
  try {
    return loadDatabase();
  } catch (error) {
    err(`nexus-lens ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}
