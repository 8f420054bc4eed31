/** Schemas for every request the background accepts: nothing from a page or panel is trusted unchecked. */
import * as v from 'valibot';
import type { BackgroundRequest } from './protocol';

/** Longest URL or title we accept; anything longer is hostile or broken. */
const MAX_URL = 8_192;
const MAX_TITLE = 2_048;
/** Most sentences one article may send (a 5 MB page segments into far fewer useful ones). */
const MAX_SENTENCES = 20_000;
/** Longest sentence we accept. */
const MAX_SENTENCE = 10_000;

const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50_000_000));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const url = v.pipe(v.string(), v.maxLength(MAX_URL));
const title = v.pipe(v.string(), v.maxLength(MAX_TITLE));
const claimId = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(200));

const sentence = v.strictObject({
  text: v.pipe(v.string(), v.maxLength(MAX_SENTENCE)),
  start: offset,
  end: offset,
});

const requestSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('pageScanned'),
    payload: v.strictObject({
      url,
      title,
      candidate: v.boolean(),
      score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    }),
  }),
  v.strictObject({
    type: v.literal('articleExtracted'),
    payload: v.strictObject({
      url,
      title,
      sentences: v.pipe(v.array(sentence), v.maxLength(MAX_SENTENCES)),
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
]);
