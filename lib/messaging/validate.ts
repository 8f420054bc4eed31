/** Schemas for every request the background accepts: nothing from a page or panel is trusted unchecked. */
import * as v from 'valibot';
import { EXTRACT_TEXT_CAP } from '../article/clone';
import { NOTE_CATEGORIES, NOTE_CLAIM_STANCES } from '../notes/types';
import type { BackgroundRequest } from './protocol';

/** Longest URL or title we accept; anything longer is hostile or broken. */
const MAX_URL = 8_192;
const MAX_TITLE = 2_048;
/** Longest article text we accept: what the extractor sends at most. */
const MAX_ARTICLE_TEXT = EXTRACT_TEXT_CAP;

const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50_000_000));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const url = v.pipe(v.string(), v.maxLength(MAX_URL));
const title = v.pipe(v.string(), v.maxLength(MAX_TITLE));
const claimId = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(200));

/** Longest quote, note and tag we accept, and most tags and notes per message. */
const MAX_QUOTE = 20_000;
const MAX_CONTEXT = 1_000;
const MAX_NOTE = 100_000;
const MAX_TAG = 100;
const MAX_TAGS = 100;
const MAX_NOTES_PER_MESSAGE = 10_000;

const noteId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const tags = v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_TAG))), v.maxLength(MAX_TAGS));
const target = v.strictObject({
  quote: v.strictObject({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE)),
    prefix: v.pipe(v.string(), v.maxLength(MAX_CONTEXT)),
    suffix: v.pipe(v.string(), v.maxLength(MAX_CONTEXT)),
  }),
  position: v.strictObject({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
});
const newNote = v.strictObject({
  url,
  pageUrl: url,
  title,
  target,
  category: v.picklist(NOTE_CATEGORIES),
  text: v.pipe(v.string(), v.maxLength(MAX_NOTE)),
  tags,
  claimId: v.optional(claimId),
  claimStance: v.optional(v.picklist(NOTE_CLAIM_STANCES)),
});
const notePatch = v.strictObject({
  category: v.optional(v.picklist(NOTE_CATEGORIES)),
  text: v.optional(v.pipe(v.string(), v.maxLength(MAX_NOTE))),
  tags: v.optional(tags),
  claimId: v.optional(v.nullable(claimId)),
  claimStance: v.optional(v.nullable(v.picklist(NOTE_CLAIM_STANCES))),
});

const requestSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('pageScanned'),
    payload: v.strictObject({
      url,
      title,
      candidate: v.boolean(),
      score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
      canonical: v.optional(url),
    }),
  }),
  v.strictObject({ type: v.literal('pageNotes'), payload: v.strictObject({ url, canonical: v.optional(url) }) }),
  v.strictObject({ type: v.literal('saveNote'), payload: newNote }),
  v.strictObject({ type: v.literal('updateNote'), payload: v.strictObject({ id: noteId, patch: notePatch }) }),
  v.strictObject({ type: v.literal('deleteNote'), payload: v.strictObject({ id: noteId }) }),
  v.strictObject({
    type: v.literal('anchorsPlaced'),
    payload: v.strictObject({
      states: v.pipe(
        v.array(v.strictObject({ id: noteId, anchor: v.picklist(['position', 'quote', 'fuzzy', 'orphan']) })),
        v.maxLength(MAX_NOTES_PER_MESSAGE),
      ),
    }),
  }),
  v.strictObject({
    type: v.literal('articleExtracted'),
    payload: v.strictObject({
      url,
      title,
      text: v.pipe(v.string(), v.maxLength(MAX_ARTICLE_TEXT)),
    }),
  }),
  v.strictObject({
    type: v.literal('highlightClicked'),
    payload: v.strictObject({ claimId, start: offset }),
  }),
  v.strictObject({ type: v.literal('getTabState'), payload: v.strictObject({ tabId }) }),
  v.strictObject({ type: v.literal('annotateTab'), payload: v.strictObject({ tabId }) }),
  v.strictObject({
    type: v.literal('revealSentence'),
    payload: v.strictObject({ tabId, start: offset, end: offset }),
  }),
  v.strictObject({ type: v.literal('revealNote'), payload: v.strictObject({ tabId, id: noteId }) }),
  v.strictObject({
    type: v.literal('notesChanged'),
    payload: v.strictObject({ urls: v.pipe(v.array(url), v.maxLength(MAX_NOTES_PER_MESSAGE)) }),
  }),
]);

/** Parses an untrusted message; returns the typed request or a reason it was refused. */
export function parseRequest(
  raw: unknown,
): { ok: true; request: BackgroundRequest } | { ok: false; reason: string } {
  const result = v.safeParse(requestSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, reason: `${path ? path + ': ' : ''}${issue?.message ?? 'invalid message'}` };
  }
  return { ok: true, request: result.output as BackgroundRequest };
}

/** Which requests a page-side content script may send; everything else needs an extension page. */
export const PAGE_REQUESTS: ReadonlySet<BackgroundRequest['type']> = new Set([
  'pageScanned',
  'articleExtracted',
  'highlightClicked',
  'pageNotes',
  'saveNote',
  'updateNote',
  'deleteNote',
  'anchorsPlaced',
]);
