/**
 * The one validator of notes and documents coming back from a file: every importer (our JSON, Web
 * Annotation) checks what it read against these schemas before anything reaches the database.
 */
import * as v from 'valibot';
import { ID_PATTERN } from '../claims/schema';
import { normaliseTags } from '../notes/normalise';
import {
  NOTE_CATEGORIES,
  NOTE_CLAIM_STANCES,
  type AnchorState,
  type DocumentRecord,
  type Note,
} from '../notes/types';

/** Longest values an import accepts, in UTF-16 code units (or items, for lists); anything longer is broken or hostile. */
export const LIMITS = {
  /** Note ids: ours are UUIDs (36); ids derived from other tools' annotations are too. */
  id: 200,
  url: 8_192,
  title: 2_048,
  /** A host name is at most 253 characters. */
  site: 255,
  /** The reader's note. */
  text: 100_000,
  /** The quoted text, and each of its prefix and suffix. */
  quote: 20_000,
  tags: 100,
  tag: 200,
  claimId: 200,
  /** Offsets into one article's text (a 50 MB article is far beyond anything readable). */
  offset: 50_000_000,
} as const;

/** The ways a note can be placed on its page, as AnchorState lists them. */
export const ANCHOR_STATES = ['position', 'quote', 'fuzzy', 'orphan'] as const satisfies readonly AnchorState[];

/** URL schemes a note can live on; anything else (javascript:, data:) is refused so no export can carry it as a link. */
const URL_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'file:']);

/** Whether `value` parses as an absolute http(s) or file URL. */
export function isPageUrl(value: string): boolean {
  try {
    return URL_SCHEMES.has(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** ISO 8601 date-time as toISOString writes it, with optional seconds and fraction and any UTC offset. */
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Whether `value` is a real ISO 8601 date-time with a time zone. Checked field by field because
 * Date.parse accepts 30 February and 24:00.
 */
export function isIsoTimestamp(value: string): boolean {
  const m = ISO_TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = Number(m[6] ?? 0);
  const offsetHour = Number(m[7] ?? 0);
  const offsetMinute = Number(m[8] ?? 0);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  if (offsetHour > 23 || offsetMinute > 59) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth && !Number.isNaN(Date.parse(value));
}

/** Ids are free-form but printable: no control characters, no unpaired surrogates (they could not be put in a URL). */
function isPrintableId(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  return value.isWellFormed() && !/[\u0000-\u001f\u007f-\u009f]/.test(value);
}

/**
 * Messages for an object schema's own issues: a missing field, a field we do not know (a typo, or
 * `__proto__`), or something that is not an object at all.
 */
export function objectMessage(what: string): (issue: v.BaseIssue<unknown>) => string {
  return (issue) => {
    if (issue.expected === 'never') return 'unknown field';
    if (issue.received === 'undefined' && issue.expected?.startsWith('"')) return 'missing';
    return `expected ${what}`;
  };
}

function boundedString(max: number, what = 'a string') {
  return v.pipe(v.string(`expected ${what}`), v.maxLength(max, `expected at most ${max.toLocaleString('en')} characters`));
}

function nonEmptyString(max: number) {
  return v.pipe(
    v.string('expected a non-empty string'),
    v.nonEmpty('expected a non-empty string'),
    v.maxLength(max, `expected at most ${max.toLocaleString('en')} characters`),
  );
}

/** Note ids: 1–200 printable characters. */
export const idSchema = v.pipe(
  nonEmptyString(LIMITS.id),
  v.check(isPrintableId, 'expected an id without control characters or broken Unicode'),
);

const urlSchema = v.pipe(nonEmptyString(LIMITS.url), v.check(isPageUrl, 'expected an http(s) or file URL'));

/** An ISO 8601 date-time with a zone (notes, documents, and envelope fields such as `exportedAt`). */
export const timestampSchema = v.pipe(
  v.string('expected an ISO 8601 date-time'),
  v.check(isIsoTimestamp, 'expected an ISO 8601 date-time such as 2024-05-01T09:30:00.000Z'),
);

const offsetSchema = v.pipe(
  v.number('expected a whole number'),
  v.integer('expected a whole number'),
  v.minValue(0, 'expected a number that is not negative'),
  v.maxValue(LIMITS.offset, `expected at most ${LIMITS.offset.toLocaleString('en')}`),
);

const quoteSchema = v.strictObject(
  {
    type: v.literal('TextQuoteSelector', 'expected "TextQuoteSelector"'),
    // Not just non-empty: the repository refuses a quote of white space, so does the import.
    exact: v.pipe(
      boundedString(LIMITS.quote, 'a non-empty string'),
      v.check((exact) => exact.trim() !== '', 'expected a non-empty string'),
    ),
    prefix: boundedString(LIMITS.quote),
    suffix: boundedString(LIMITS.quote),
  },
  objectMessage('a TextQuoteSelector object'),
);

const positionSchema = v.pipe(
  v.strictObject(
    { type: v.literal('TextPositionSelector', 'expected "TextPositionSelector"'), start: offsetSchema, end: offsetSchema },
    objectMessage('a TextPositionSelector object'),
  ),
  v.check((position) => position.start <= position.end, 'start must not be after end'),
);

const tagsSchema = v.pipe(
  v.array(boundedString(LIMITS.tag), 'expected a list of strings'),
  v.maxLength(LIMITS.tags, `expected at most ${LIMITS.tags} tags`),
  // The database keeps tags in one normal form; a hand-edited file may not.
  v.transform(normaliseTags),
);

const claimIdSchema = v.pipe(
  v.string('expected a claim id'),
  v.maxLength(LIMITS.claimId, `expected at most ${LIMITS.claimId} characters`),
  v.regex(ID_PATTERN, 'expected a claim id (a-z, 0-9, single hyphens)'),
);

/** A Note as a file holds it. Fields outside the Note type are refused, not dropped, so typos show. */
export const noteSchema = v.pipe(
  v.strictObject(
    {
      id: idSchema,
      url: urlSchema,
      pageUrl: urlSchema,
      title: boundedString(LIMITS.title),
      site: boundedString(LIMITS.site),
      target: v.strictObject({ quote: quoteSchema, position: positionSchema }, objectMessage('a target object')),
      category: v.picklist(NOTE_CATEGORIES, `expected one of ${NOTE_CATEGORIES.join(', ')}`),
      text: boundedString(LIMITS.text),
      tags: tagsSchema,
      claimId: v.optional(claimIdSchema),
      claimStance: v.optional(v.picklist(NOTE_CLAIM_STANCES, `expected one of ${NOTE_CLAIM_STANCES.join(', ')}`)),
      created: timestampSchema,
      updated: timestampSchema,
      anchor: v.optional(v.picklist(ANCHOR_STATES, `expected one of ${ANCHOR_STATES.join(', ')}`)),
    },
    objectMessage('a note object'),
  ),
  // The repository refuses a stance without its claim; so do we.
  v.check((note) => note.claimStance === undefined || note.claimId !== undefined, 'claimStance needs a claimId'),
);

/** A DocumentRecord as a file holds it. */
export const documentSchema = v.strictObject(
  {
    url: urlSchema,
    title: boundedString(LIMITS.title),
    site: boundedString(LIMITS.site),
    firstSeen: timestampSchema,
    lastSeen: timestampSchema,
  },
  objectMessage('a document object'),
);

/** A validated note in Note's field order, without absent optional fields (so exports are byte-stable). */
export function toNote(valid: v.InferOutput<typeof noteSchema>): Note {
  const { quote, position } = valid.target;
  return {
    id: valid.id,
    url: valid.url,
    pageUrl: valid.pageUrl,
    title: valid.title,
    site: valid.site,
    target: {
      quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    },
    category: valid.category,
    text: valid.text,
    tags: [...valid.tags],
    ...(valid.claimId !== undefined && { claimId: valid.claimId }),
    ...(valid.claimStance !== undefined && { claimStance: valid.claimStance }),
    created: valid.created,
    updated: valid.updated,
    ...(valid.anchor !== undefined && { anchor: valid.anchor }),
  };
}

/** A document record in DocumentRecord's field order. */
export function toDocument(valid: DocumentRecord): DocumentRecord {
  return { url: valid.url, title: valid.title, site: valid.site, firstSeen: valid.firstSeen, lastSeen: valid.lastSeen };
}

/** Longest object key shown in a problem's path; longer keys are cut (they can be hostile). */
const MAX_KEY_SHOWN = 40;

/** A JSON path for people: `notes[3].target.quote.exact`, odd keys as `["a b"]`. */
export function formatPath(root: string, keys: readonly unknown[]): string {
  let path = root;
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else {
      const name = String(key);
      const shown = name.length > MAX_KEY_SHOWN ? `${name.slice(0, MAX_KEY_SHOWN)}…` : name;
      path += /^[A-Za-z_$][\w$]*$/.test(shown) ? `${path ? '.' : ''}${shown}` : `[${JSON.stringify(shown)}]`;
    }
  }
  return path;
}

/** One valibot issue as `path: message`, the path starting at `root`. */
export function describeIssue(root: string, issue: v.BaseIssue<unknown>): string {
  const path = formatPath(root, (issue.path ?? []).map((item) => item.key));
  return path ? `${path}: ${issue.message}` : issue.message;
}

// Compile-time guard: the schemas' outputs and the Note and DocumentRecord types must match both
// ways, key for key, so a field added to lib/notes/types.ts without a schema (which the import
// would refuse, and toNote would drop) fails the type-check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mirror<A, B> = Same<A, B> extends true ? Same<keyof A, keyof B> : false;
const mirrors: [Mirror<v.InferOutput<typeof noteSchema>, Note>, Mirror<v.InferOutput<typeof documentSchema>, DocumentRecord>] = [
  true,
  true,
];
void mirrors;
