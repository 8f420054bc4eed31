/** Finding a remembered quote in a text again: exact occurrences chosen by context, then approximate ones. */
import search from 'approx-string-match';
import { drain, type Steps } from '../highlight/sliced';
import { similarity } from './similarity';
import { collapseSpace } from './whitespace';

/** Context compared on each side of a candidate, in code units (as much as `describe` keeps by default). */
const CONTEXT_COMPARE = 32;

// Weights of a candidate's score. The quote itself counts most; its context decides between
// near-equal quotes (a duplicated sentence); nearness to the old position only breaks ties.
/** Weight of the quote's own similarity (1 − errors / length). */
const QUOTE_WEIGHT = 50;
/** Weight of the similarity of the remembered prefix to the text before the candidate. */
const PREFIX_WEIGHT = 20;
/** Weight of the similarity of the remembered suffix to the text after the candidate. */
const SUFFIX_WEIGHT = 20;
/** Weight of the nearness to the expected offset (1 at it, 0 a whole text away). */
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Errors allowed per code unit of the quote (at least one error in all). */
const MAX_ERROR_RATE = 0.2;
/** Shorter quotes are not searched approximately: one error in three characters matches almost anything. */
const MIN_FUZZY_LENGTH = 4;
/** Quotes longer than this are searched by their head and tail first, then verified where those fall. */
const LONG_QUOTE = 256;
/** Length of the head and tail searched for a long quote, in code units. */
const EDGE = 64;
/** Code units searched either side of the expected place before the whole text. */
const LOCAL_SLACK = 512;
/** At most this many candidates (the nearest to the expected place) are scored. */
const MAX_CANDIDATES = 64;
/** Heads and tails of a long quote verified, the nearest to where they are expected. */
const MAX_EDGE_CANDIDATES = 8;
/** An approximate candidate is accepted from this score (0–1, weighted as above). */
const MIN_FUZZY_SCORE = 0.75;
/** A candidate near the expected place this good is taken without searching the whole text. */
const EARLY_ACCEPT_SCORE = 0.9;
/**
 * A quote at least this long and this similar stands on its own, whatever its context became (a
 * paragraph moved and edited). Long, because a short phrase recurs in unrelated text.
 */
const STRONG_QUOTE_LENGTH = 64;
/** (1 − errors / length) a quote needs to stand on its own. */
const STRONG_QUOTE_SIMILARITY = 0.9;

/** What a quote is compared with: its remembered context and where it is expected, in the searched text's terms. */
export interface QuoteContext {
  /** The remembered prefix, white space collapsed, at most CONTEXT_COMPARE code units (its end). */
  prefix: string;
  /** The remembered suffix, white space collapsed, at most CONTEXT_COMPARE code units (its start). */
  suffix: string;
  /** Where the quote is expected to start. */
  expected: number;
}

/** A found span of the searched text. */
export interface Span {
  start: number;
  end: number;
}

/** Prepares a selector's prefix and suffix for scoring. */
export function quoteContext(prefix: string, suffix: string, expected: number): QuoteContext {
  const before = collapseSpace(prefix);
  return {
    prefix: before.slice(Math.max(0, before.length - CONTEXT_COMPARE)),
    suffix: collapseSpace(suffix).slice(0, CONTEXT_COMPARE),
    expected,
  };
}

/**
 * How far `actual` (the text beside a candidate) agrees with `remembered` (a selector's context),
 * 0–1. An empty remembered context says the quote stood at an end of the text: only an end agrees.
 */
function contextSimilarity(remembered: string, actual: string): number {
  return remembered.length === 0 ? (actual.length === 0 ? 1 : 0) : similarity(remembered, actual);
}

/** How well the text around [start, end) agrees with the remembered context, 0 to PREFIX_WEIGHT + SUFFIX_WEIGHT. */
function contextScore(text: string, start: number, end: number, context: QuoteContext): number {
  // Twice the compared length of raw text, so runs of white space still leave enough once collapsed.
  const before = collapseSpace(text.slice(Math.max(0, start - 2 * CONTEXT_COMPARE), start));
  const after = collapseSpace(text.slice(end, end + 2 * CONTEXT_COMPARE));
  const cut = Math.max(0, before.length - Math.max(1, context.prefix.length));
  return (
    PREFIX_WEIGHT * contextSimilarity(context.prefix, before.slice(cut)) +
    SUFFIX_WEIGHT * contextSimilarity(context.suffix, after.slice(0, Math.max(1, context.suffix.length)))
  );
}

/** The `limit` items nearest to `expected` by `start` (all of them, in their order, when there are few). */
function nearest<T extends { start: number }>(items: T[], expected: number, limit: number): T[] {
  if (items.length <= limit) return items;
  return [...items].sort((a, b) => Math.abs(a.start - expected) - Math.abs(b.start - expected)).slice(0, limit);
}

/**
 * The occurrence of `exact` in `text` whose surroundings best agree with the remembered context,
 * the nearest to the expected place among equals; null when `exact` does not occur.
 */
export function findExact(text: string, exact: string, context: QuoteContext): Span | null {
  const starts: { start: number }[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) starts.push({ start: at });
  if (starts.length === 0) return null;
  let best: Span | null = null;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (const { start } of nearest(starts, context.expected, MAX_CANDIDATES)) {
    const end = start + exact.length;
    const score = starts.length === 1 ? 0 : contextScore(text, start, end, context);
    const distance = Math.abs(start - context.expected);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = { start, end };
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

interface Candidate extends Span {
  errors: number;
}

/** Approximate matches of `pattern` in text[from, to), in the whole text's offsets. */
function searchWithin(text: string, pattern: string, errors: number, from: number, to: number): Candidate[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi - lo < pattern.length - errors) return [];
  return search(text.slice(lo, hi), pattern, errors).map((m) => ({ start: m.start + lo, end: m.end + lo, errors: m.errors }));
}

/** Code units searched approximately between two chances to pause (about 8 ms of work for a short quote). */
const SEARCH_CHUNK = 65_536;

/**
 * What `search` gives on the whole text (the matches with the fewest errors), found chunk by
 * chunk so that a multi-megabyte page can be searched in time slices: yields after each chunk.
 * Chunks overlap by the longest a match can be, and matches seen twice are kept once.
 */
function* searchAll(text: string, pattern: string, errors: number): Steps<Candidate[]> {
  if (text.length <= SEARCH_CHUNK) return searchWithin(text, pattern, errors, 0, text.length);
  const overlap = pattern.length + errors;
  const seen = new Set<string>();
  let found: Candidate[] = [];
  let fewest = Infinity;
  for (let lo = 0; lo < text.length; lo += SEARCH_CHUNK) {
    for (const match of searchWithin(text, pattern, errors, lo, lo + SEARCH_CHUNK + overlap)) {
      const key = `${match.start}:${match.end}`;
      if (match.errors > fewest || seen.has(key)) continue;
      if (match.errors < fewest) {
        fewest = match.errors;
        found = [];
        seen.clear();
      }
      seen.add(key);
      found.push(match);
    }
    yield;
  }
  return found;
}

/** Scores candidates and returns the best with its score (0–1), or null when there is none. */
function pickBest(
  text: string,
  pattern: string,
  candidates: Candidate[],
  context: QuoteContext,
): { span: Candidate; score: number } | null {
  let best: { span: Candidate; score: number } | null = null;
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const key = `${candidate.start}:${candidate.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const quote = 1 - candidate.errors / pattern.length;
    const position = 1 - Math.min(1, Math.abs(candidate.start - context.expected) / Math.max(1, text.length));
    const score =
      (QUOTE_WEIGHT * quote + contextScore(text, candidate.start, candidate.end, context) + POSITION_WEIGHT * position) /
      TOTAL_WEIGHT;
    if (!best || score > best.score) best = { span: candidate, score };
  }
  return best;
}

/** Whether the best candidate is good enough to show the reader's highlight on it. */
function acceptable(pattern: string, best: { span: Candidate; score: number }): boolean {
  if (best.score >= MIN_FUZZY_SCORE) return true;
  return pattern.length >= STRONG_QUOTE_LENGTH && 1 - best.span.errors / pattern.length >= STRONG_QUOTE_SIMILARITY;
}

/**
 * The best approximate match of `pattern` in `text` (both with white space collapsed), allowing
 * errors in proportion to its length, or null when nothing scores well enough. Searches near the
 * expected place first; then the whole text (a long quote by its head and tail, then verified).
 */
export function findFuzzy(text: string, pattern: string, context: QuoteContext): Span | null {
  return drain(findFuzzySteps(text, pattern, context));
}

/** findFuzzy as a generator job that may pause between chunks of its whole-text searches. */
export function* findFuzzySteps(text: string, pattern: string, context: QuoteContext): Steps<Span | null> {
  if (pattern.length < MIN_FUZZY_LENGTH) return null;
  const errors = Math.max(1, Math.floor(pattern.length * MAX_ERROR_RATE));
  const from = context.expected - LOCAL_SLACK;
  const to = context.expected + pattern.length + LOCAL_SLACK;
  const candidates = searchWithin(text, pattern, errors, from, to);
  // approx-string-match returns only the lowest-error matches of a search, so a worse match near
  // the expected place would be lost to a better one far away: search near first, and keep both.
  const local = pickBest(text, pattern, candidates, context);
  const coversAll = from <= 0 && to >= text.length;
  if (!coversAll && !(local && local.score >= EARLY_ACCEPT_SCORE)) {
    if (pattern.length <= LONG_QUOTE) {
      candidates.push(...nearest(yield* searchAll(text, pattern, errors), context.expected, MAX_CANDIDATES));
    } else {
      // Searching a long pattern with a large error budget costs many bit-vector blocks per
      // character; its ends are cheap to find, and the whole is verified only where they fall.
      const edgeErrors = Math.floor(EDGE * MAX_ERROR_RATE);
      const heads = nearest(yield* searchAll(text, pattern.slice(0, EDGE), edgeErrors), context.expected, MAX_EDGE_CANDIDATES);
      for (const head of heads) {
        const end = head.start + pattern.length + errors + edgeErrors;
        candidates.push(...searchWithin(text, pattern, errors, head.start - edgeErrors, end));
      }
      const tailExpected = context.expected + pattern.length - EDGE;
      const tails = nearest(yield* searchAll(text, pattern.slice(-EDGE), edgeErrors), tailExpected, MAX_EDGE_CANDIDATES);
      for (const tail of tails) {
        const start = tail.end - pattern.length - errors - edgeErrors;
        candidates.push(...searchWithin(text, pattern, errors, start, tail.end + edgeErrors));
      }
    }
  }
  const best = candidates.length === 0 ? null : pickBest(text, pattern, candidates, context);
  return best && acceptable(pattern, best) ? { start: best.span.start, end: best.span.end } : null;
}
