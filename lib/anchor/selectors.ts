/**
 * W3C Web Annotation selectors for the reader's highlights: `describe` a span of the article text
 * when a note is saved, `anchor` it again on a later visit. Pure functions on the plain article
 * text (lib/article/text-map.ts); the annotator turns the offsets into DOM Ranges itself.
 */
import type { AnchorState, NoteTarget } from '../notes/types';
import { drain, drainSliced, type Slicer, type Steps } from '../highlight/sliced';
import { findExact, findFuzzySteps, quoteContext } from './match-quote';
import { collapseSpace, foldSpace, toFolded, toSource } from './whitespace';

/** Code units of context kept either side of a quote. */
export const DEFAULT_CONTEXT = 32;

/** A note placed on the text: article text offsets [start, end), and how it was found. */
export interface Anchored {
  start: number;
  end: number;
  state: Exclude<AnchorState, 'orphan'>;
}

/** A note that could not be placed; it is listed, never dropped. */
export interface Orphaned {
  state: 'orphan';
}

const ORPHAN: Orphaned = { state: 'orphan' };

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Both selectors for text[start, end): the exact quote with up to `context` code units either side,
 * and its offsets. Throws a RangeError when the range is empty, reversed, outside the text or not
 * made of integers, or when `context` is not a non-negative integer.
 */
export function describe(text: string, start: number, end: number, context = DEFAULT_CONTEXT): NoteTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`No text to describe in [${start}, ${end}) of a text of ${text.length} code units`);
  }
  if (!Number.isInteger(context) || context < 0) throw new RangeError(`Bad context length: ${context}`);
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, end + context);
  // Do not keep half of a surrogate pair at the outer ends of the context: it would not survive
  // some exports, and it can never match anything anyway.
  if (from < start && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to > end && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(from, start),
      suffix: text.slice(end, to),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/**
 * Places a saved target on `text` again. In order: its old offsets, when they still hold the exact
 * quote in agreeing context (`position`); else the exact quote, also with its white space changed,
 * where its context agrees best, the nearest to the old offsets among equals (`quote`); else an
 * approximate match of the quote scored by errors, context and position (`fuzzy`); else `orphan`.
 */
export function anchor(text: string, target: NoteTarget): Anchored | Orphaned {
  return drain(anchorSteps(text, target));
}

/**
 * As anchor, in time slices: an approximate search of a multi-megabyte page takes hundreds of
 * milliseconds, so it pauses between chunks whenever `slicer` says the slice is used up.
 */
export function anchorSliced(text: string, target: NoteTarget, slicer: Slicer): Promise<Anchored | Orphaned> {
  return drainSliced(anchorSteps(text, target), slicer);
}

function* anchorSteps(text: string, target: NoteTarget): Steps<Anchored | Orphaned> {
  const { exact, prefix, suffix } = target.quote;
  if (!exact) return ORPHAN;
  const { start, end } = target.position;
  const validStart = Number.isInteger(start) && start >= 0;
  if (validStart && end === start + exact.length && text.startsWith(exact, start)) {
    // The same words at the same offsets may be another copy of the quote moved there: trust the
    // offsets only when one side of the context agrees too; else all copies are weighed below.
    if (text.endsWith(prefix, start) || text.startsWith(suffix, end)) return { start, end, state: 'position' };
  }
  const expected = validStart ? Math.min(start, text.length) : 0;
  const exactMatch = findExact(text, exact, quoteContext(prefix, suffix, expected));
  if (exactMatch) {
    const state = exactMatch.start === start && exactMatch.end === end ? 'position' : 'quote';
    return { ...exactMatch, state };
  }
  const folded = foldSpace(text);
  const pattern = collapseSpace(exact);
  const context = quoteContext(prefix, suffix, toFolded(folded, expected));
  const spaced = findExact(folded.text, pattern, context);
  if (spaced) return { ...toSource(folded, spaced.start, spaced.end), state: 'quote' };
  yield; // folding the white space of a long text is a slice's work of its own
  const fuzzy = yield* findFuzzySteps(folded.text, pattern, context);
  if (fuzzy) {
    // An approximate match may take in a space next to it at no extra cost; a quote that did not
    // start or end with white space should not be given one.
    let { start: from, end: to } = fuzzy;
    if (folded.text[from] === ' ' && pattern[0] !== ' ' && to - from > 1) from++;
    if (folded.text[to - 1] === ' ' && pattern[pattern.length - 1] !== ' ' && to - from > 1) to--;
    return { ...toSource(folded, from, to), state: 'fuzzy' };
  }
  return ORPHAN;
}
