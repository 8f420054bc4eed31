// Node-side loader: reads data/claims/ (and the seed texts) from disk and runs the validator.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClaimDatabase } from './types';
import { formatErrors, validateDatabase, type ClaimFile, type ValidationError } from './validate';

/** The repository root (two levels above lib/claims/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Default database folder: <repo>/data/claims. */
export const DEFAULT_CLAIMS_DIR = fileURLToPath(new URL('../../data/claims', import.meta.url));

/** Default seed folder: shared/seeds next to the repository (../shared/seeds from the repo root). */
export const DEFAULT_SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));

function displayPath(file: string): string {
  const rel = relative(REPO_ROOT, file);
  return rel.startsWith('..') ? file : rel.split(sep).join('/');
}

function readJson(file: string): ClaimFile {
  const path = displayPath(file);
  try {
    return { path, data: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (error) {
    // An unreadable file becomes a non-array so the validator reports it with its path.
    return { path, data: { error: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Reads sources.json, entities.json and claims/*.json (sorted by name) from `dir` and returns them as
 * validator input. Paths are repo-relative when `dir` is inside the repository.
 */
export function loadClaimFiles(dir: string = DEFAULT_CLAIMS_DIR): ClaimFile[] {
  const claimDir = join(dir, 'claims');
  const claimFiles = existsSync(claimDir)
    ? readdirSync(claimDir).filter((name) => name.endsWith('.json')).sort()
    : [];
  return [
    { ...readJson(join(dir, 'sources.json')), kind: 'sources' as const },
    { ...readJson(join(dir, 'entities.json')), kind: 'entities' as const },
    ...claimFiles.map((name) => ({ ...readJson(join(claimDir, name)), kind: 'claims' as const })),
  ];
}

/** The error loadDatabase throws; `errors` keeps the structured list. */
export class ClaimDatabaseError extends Error {
  readonly errors: ValidationError[];
  constructor(errors: ValidationError[]) {
    super(`claim database has ${errors.length} problem(s):\n${formatErrors(errors)}`);
    this.name = 'ClaimDatabaseError';
    this.errors = errors;
  }
}

/** Loads and validates the database; throws an Error listing every problem as `path: id: reason` lines. */
export function loadDatabase(dir: string = DEFAULT_CLAIMS_DIR): ClaimDatabase {
  const { database, errors } = validateDatabase(loadClaimFiles(dir));
  if (errors.length > 0) throw new ClaimDatabaseError(errors);
  return database;
}

/** Reads every *.txt seed in `dir` into a map from file name to text; empty when the folder is absent. */
export function loadSeedTexts(dir: string = DEFAULT_SEEDS_DIR): Map<string, string> {
  const texts = new Map<string, string>();
  if (!existsSync(dir)) return texts;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    texts.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return texts;
}
