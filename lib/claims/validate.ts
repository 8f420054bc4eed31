// Validates the claim database (schemas plus cross-references) and checks quotes against seed texts. No I/O here.
import * as v from 'valibot';
import { ClaimSchema, EntitySchema, SourceSchema } from './schema';
import type { Claim, ClaimDatabase, Entity, Source } from './types';

/** Which record type a file holds. */
export type FileKind = 'sources' | 'entities' | 'claims';

/** One JSON file of the database, already parsed. `kind` defaults to what the path says (see fileKind). */
export interface ClaimFile {
  path: string;
  data: unknown;
  kind?: FileKind;
}

/** One problem: the file it is in, the record's id ('#3' for a record without a usable id) and why. */
export interface ValidationError {
  path: string;
  id: string;
  reason: string;
}

/** A seed-attributed quote that is not found verbatim in its seed's text. */
export interface QuoteMismatch {
  claim: string;
  source: string;
  seed: string;
  quote: string;
  reason: 'quote not found in seed' | 'seed text missing';
}

/** Guesses a file's kind from its name: sources.json, entities.json, anything else holds claims. */
export function fileKind(path: string): FileKind {
  const base = path.split(/[\\/]/).pop() ?? path;
  if (base === 'sources.json') return 'sources';
  if (base === 'entities.json') return 'entities';
  return 'claims';
}

/** Formats errors one per line as `path: id: reason`. */
export function formatErrors(errors: readonly ValidationError[]): string {
  return errors.map((e) => `${e.path}: ${e.id}: ${e.reason}`).join('\n');
}

/** Collapses every run of whitespace (including no-break spaces) to one space and trims the ends. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const schemas = { sources: SourceSchema, entities: EntitySchema, claims: ClaimSchema } as const;

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const where = v.getDotPath(issue);
  const last = issue.path?.[issue.path.length - 1];
  if (issue.type === 'strict_object' && issue.expected === 'never' && last) {
    return `unknown key "${String(last.key)}"${where && where !== String(last.key) ? ` (at ${where})` : ''}`;
  }
  if (issue.received === 'undefined' && where) return `${where}: missing required field`;
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Compares partial dates at their common precision: negative when a is before b. */
function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).localeCompare(b.slice(0, n));
}

interface Located<T> {
  record: T;
  path: string;
}

/**
 * Validates parsed database files: every record against its schema, then ids, references and dates
 * across all files. Records that fail their schema are left out of `database`.
 */
export function validateDatabase(files: readonly ClaimFile[]): { database: ClaimDatabase; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const sources: Located<Source>[] = [];
  const entities: Located<Entity>[] = [];
  const claims: Located<Claim>[] = [];

  for (const file of files) {
    const kind = file.kind ?? fileKind(file.path);
    if (!Array.isArray(file.data)) {
      errors.push({ path: file.path, id: '(file)', reason: `must be a JSON array of ${kind} records` });
      continue;
    }
    file.data.forEach((raw: unknown, index) => {
      const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
      const id = typeof rawId === 'string' && rawId !== '' ? rawId : `#${index}`;
      const result = v.safeParse(schemas[kind], raw);
      if (!result.success) {
        for (const issue of result.issues) errors.push({ path: file.path, id, reason: describeIssue(issue) });
        return;
      }
      if (kind === 'sources') sources.push({ record: result.output as Source, path: file.path });
      else if (kind === 'entities') entities.push({ record: result.output as Entity, path: file.path });
      else claims.push({ record: result.output as Claim, path: file.path });
    });
  }

  const index = <T extends { id: string }>(items: Located<T>[], label: string): Map<string, Located<T>> => {
    const byId = new Map<string, Located<T>>();
    for (const item of items) {
      const first = byId.get(item.record.id);
      if (first) errors.push({ path: item.path, id: item.record.id, reason: `duplicate ${label} id (first defined in ${first.path})` });
      else byId.set(item.record.id, item);
    }
    return byId;
  };
  const sourceIds = index(sources, 'source');
  const entityIds = index(entities, 'entity');
  const claimIds = index(claims, 'claim');

  for (const { record: s, path } of sources) {
    for (const cited of s.cites ?? []) {
      if (cited === s.id) errors.push({ path, id: s.id, reason: 'cites itself' });
      else if (!sourceIds.has(cited)) errors.push({ path, id: s.id, reason: `cites unknown source "${cited}"` });
    }
  }

  const aliasOwner = new Map<string, string>();
  for (const { record: e, path } of entities) {
    if (e.country !== undefined) {
      const country = entityIds.get(e.country)?.record;
      if (!country) errors.push({ path, id: e.id, reason: `country: unknown entity "${e.country}"` });
      else if (country.kind !== 'country') errors.push({ path, id: e.id, reason: `country: "${e.country}" is a ${country.kind}, not a country` });
    }
    for (const alias of e.aliases) {
      const key = normaliseWhitespace(alias).toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner === e.id) errors.push({ path, id: e.id, reason: `alias "${alias}" listed twice` });
      else if (owner) errors.push({ path, id: e.id, reason: `alias "${alias}" is also an alias of entity "${owner}"` });
      else aliasOwner.set(key, e.id);
    }
  }

  for (const { record: c, path } of claims) {
    const err = (reason: string) => errors.push({ path, id: c.id, reason });
    for (const a of c.actors) if (!entityIds.has(a)) err(`actors: unknown entity "${a}"`);
    if (c.direction) {
      for (const end of ['from', 'to'] as const) {
        const ref = c.direction[end];
        if (!entityIds.has(ref)) err(`direction.${end}: unknown entity "${ref}"`);
        else if (!c.actors.includes(ref)) err(`direction.${end}: "${ref}" is not listed in actors`);
      }
    }
    for (const s of c.systems ?? []) if (!entityIds.has(s)) err(`systems: unknown entity "${s}"`);
    if (c.time?.end !== undefined && compareDates(c.time.end, c.time.start) < 0) {
      err(`time.end ${c.time.end} is before time.start ${c.time.start}`);
    }
    c.evidence.forEach((e, i) => {
      if (!sourceIds.has(e.source)) err(`evidence[${i}]: unknown source "${e.source}"`);
      for (const via of e.via ?? []) {
        if (via === e.source) err(`evidence[${i}].via: "${via}" is the evidence's own source`);
        else if (!sourceIds.has(via)) err(`evidence[${i}].via: unknown source "${via}"`);
      }
    });
    for (const r of c.related ?? []) {
      if (r.claim === c.id) err('related: a claim cannot relate to itself');
      else if (!claimIds.has(r.claim)) err(`related: unknown claim "${r.claim}"`);
    }
  }

  return {
    database: {
      sources: sources.map((s) => s.record),
      entities: entities.map((e) => e.record),
      claims: claims.map((c) => c.record),
    },
    errors,
  };
}

/**
 * Finds evidence attributed to a seed source whose quote is not in that seed verbatim. Both texts have
 * runs of whitespace collapsed to one space first; nothing else (quotes, dashes, case) is normalised.
 */
export function checkSeedQuotes(db: ClaimDatabase, seedTexts: ReadonlyMap<string, string>): QuoteMismatch[] {
  const seedOf = new Map(db.sources.filter((s) => s.seed).map((s) => [s.id, s.seed as string]));
  const normalised = new Map([...seedTexts].map(([name, text]) => [name, normaliseWhitespace(text)]));
  const mismatches: QuoteMismatch[] = [];
  for (const claim of db.claims) {
    for (const e of claim.evidence) {
      const seed = seedOf.get(e.source);
      if (seed === undefined) continue;
      const text = normalised.get(seed);
      const base = { claim: claim.id, source: e.source, seed, quote: e.quote };
      if (text === undefined) mismatches.push({ ...base, reason: 'seed text missing' });
      else if (!text.includes(normaliseWhitespace(e.quote))) mismatches.push({ ...base, reason: 'quote not found in seed' });
    }
  }
  return mismatches;
}
