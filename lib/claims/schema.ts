// Valibot schemas for the claim database's records; they mirror lib/claims/types.ts field for field.
import * as v from 'valibot';
import type { Claim, Entity, Evidence, Relation, Source, SourceKind, Stance, TimeSpan, Topic } from './types';

/** Kebab-case ids: lower-case letters and digits in groups joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Partial dates: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when `value` is a real partial date: month 01–12, day within that month (leap years included). */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE_PATTERN.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** Source kinds, topics, stances and relations allowed by types.ts. */
export const SOURCE_KINDS = ['news', 'analysis', 'government', 'memoir', 'wire', 'report', 'reference', 'statement'] as const satisfies readonly SourceKind[];
export const STANCES = ['supports', 'disputes', 'qualifies'] as const satisfies readonly Stance[];
export const TOPICS = ['missile', 'nuclear', 'arms', 'space', 'energy', 'finance', 'diplomatic', 'people', 'interdiction', 'denial', 'sanctions', 'naval', 'trade'] as const satisfies readonly Topic[];
export const RELATIONS = ['contradicts', 'refines', 'same-event', 'context'] as const satisfies readonly Relation[];
export const ENTITY_KINDS = ['country', 'organisation', 'person', 'system', 'place', 'vessel', 'aircraft'] as const satisfies readonly Entity['kind'][];
export const PRECISIONS = ['day', 'month', 'year', 'decade', 'approximate'] as const;

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must be a non-empty string'));
const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a kebab-case id (a-z, 0-9, single hyphens)'));
const idList = v.pipe(v.array(id), v.nonEmpty('must list at least one id'));
const partialDate = v.pipe(
  v.string(),
  v.check(isPartialDate, 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD'),
);

/** A Source record. */
export const SourceSchema = v.strictObject({
  id,
  title: text,
  publisher: text,
  author: v.optional(text),
  date: v.optional(partialDate),
  url: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
  kind: v.picklist(SOURCE_KINDS),
  language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag')),
  seed: v.optional(v.pipe(v.string(), v.regex(/^[\w.-]+\.txt$/, 'must be a seed file name ending in .txt'))),
  cites: v.optional(idList),
  note: v.optional(text),
});

/** An Evidence record. */
export const EvidenceSchema = v.strictObject({
  source: id,
  stance: v.picklist(STANCES),
  quote: text,
  via: v.optional(idList),
  speaker: v.optional(text),
  date: v.optional(partialDate),
  note: v.optional(text),
});

/** A Claim's TimeSpan. */
export const TimeSpanSchema = v.strictObject({
  start: partialDate,
  end: v.optional(partialDate),
  precision: v.picklist(PRECISIONS),
});

const lowerText = v.pipe(text, v.check((s) => s === s.toLowerCase(), 'must be lower case'));

/** A Claim record. */
export const ClaimSchema = v.strictObject({
  id,
  statement: text,
  topics: v.pipe(v.array(v.picklist(TOPICS)), v.nonEmpty('must list at least one topic')),
  actors: idList,
  direction: v.optional(v.strictObject({ from: id, to: id, what: text })),
  systems: v.optional(idList),
  time: v.optional(TimeSpanSchema),
  match: v.strictObject({
    require: v.pipe(
      v.array(v.pipe(v.array(lowerText), v.nonEmpty('a concept group must hold at least one word'))),
      v.minLength(1, 'must hold 1–3 concept groups'),
      v.maxLength(3, 'must hold 1–3 concept groups'),
    ),
    phrasings: v.pipe(v.array(text), v.nonEmpty('must hold at least one phrasing')),
  }),
  evidence: v.pipe(v.array(EvidenceSchema), v.nonEmpty('a claim needs at least one piece of evidence')),
  related: v.optional(
    v.array(v.strictObject({ claim: id, relation: v.picklist(RELATIONS), note: v.optional(text) })),
  ),
});

/** An Entity record. */
export const EntitySchema = v.strictObject({
  id,
  kind: v.picklist(ENTITY_KINDS),
  name: text,
  aliases: v.pipe(v.array(text), v.nonEmpty('must list at least one alias')),
  country: v.optional(id),
  note: v.optional(text),
});

// Compile-time guard: schema outputs and the hand-written types must be assignable both ways and have
// the same keys, so a field added to types.ts without a schema (or the reverse) fails the type-check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mirror<A, B> = Same<A, B> extends true ? Same<keyof A, keyof B> : false;
const mirrors: [
  Mirror<v.InferOutput<typeof SourceSchema>, Source>,
  Mirror<v.InferOutput<typeof EvidenceSchema>, Evidence>,
  Mirror<v.InferOutput<typeof TimeSpanSchema>, TimeSpan>,
  Mirror<v.InferOutput<typeof ClaimSchema>, Claim>,
  Mirror<NonNullable<v.InferOutput<typeof ClaimSchema>['related']>[number], NonNullable<Claim['related']>[number]>,
  Mirror<v.InferOutput<typeof ClaimSchema>['match'], Claim['match']>,
  Mirror<v.InferOutput<typeof EntitySchema>, Entity>,
] = [true, true, true, true, true, true, true];
void mirrors;
