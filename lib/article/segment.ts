/** Sentence segmentation: Intl.Segmenter, then a repair pass for abbreviations it splits after. */
import type { PageSentence } from './types';

/**
 * Words that end in a period without ending the sentence when followed by a capital or number:
 * titles and months ("No." and the like are NUMBER_ABBREVIATIONS; "U.S." and other dotted
 * initialisms are handled by pattern below).
 */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'sen',
    'rep', 'gov', 'pres', 'amb', 'rev', 'st', 'jr', 'sr', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
    'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est', 'inc',
    'corp', 'co', 'ltd', 'dept', 'univ', 'vs', 'etc', 'al', 'ft', 'mt',
  ],
);
/** Abbreviations that stand before a number ("No. 2", "Vol. 3"): before a word, "No." is an answer. */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'vol', 'fig']);
/** Abbreviations that routinely end a sentence too ("...in the U.S. The..."), split only before a clear new sentence. */
const DOTTED_INITIALISM = /(?:^|[\s(])(?:[A-Za-z]\.){2,}$/;
/** A single capital initial like "Kim J." or "N." in "N. Korea". */
const SINGLE_INITIAL = /(?:^|[\s(])[A-Z]\.$/;
/** Words that, capitalised after a dotted initialism, start a new sentence rather than continue a name. */
const SENTENCE_STARTERS = new Set(
  ['the', 'a', 'an', 'in', 'on', 'it', 'he', 'she', 'they', 'we', 'but', 'and', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'officials', 'however', 'meanwhile', 'there', 'after', 'as', 'since', 'when', 'while', 'according'],
);

let segmenter: Intl.Segmenter | undefined;
/**
 * The sentence segmenter, made on first use. Making one costs 15–50 ms in a Chromium tab (ICU's
 * sentence break rules), which is why pages never segment: the background does, once per worker.
 */
function sentenceSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return segmenter;
}

function shouldJoin(previous: string, next: string): boolean {
  const prev = previous.trimEnd();
  const nextWord = /^\s*["“'‘(]*([A-Za-z]+|\d)/.exec(next)?.[1] ?? '';
  if (!prev.endsWith('.')) return false;
  // A lowercase continuation is never a new sentence ("the U.S. embassy", "approx. five").
  if (/^\s*[a-z]/.test(next)) return true;
  const lastWord = /([A-Za-z]+)\.$/.exec(prev)?.[1] ?? '';
  if (DOTTED_INITIALISM.test(prev)) return !SENTENCE_STARTERS.has(nextWord.toLowerCase());
  if (SINGLE_INITIAL.test(prev)) return true;
  if (NUMBER_ABBREVIATIONS.has(lastWord.toLowerCase())) return /^\s*["“(]*\d/.test(next);
  return ABBREVIATIONS.has(lastWord.toLowerCase()) && /^\s*["“(]*[A-Z0-9]/.test(next);
}

/**
 * Splits text into sentences; blank lines separate paragraphs, which never share a sentence. The
 * segmenter reads the whole text at once (one call costs about a fifth of one per paragraph): it
 * never runs a sentence across a line break, and the repair pass never joins across a paragraph.
 */
export function segmentSentences(text: string): PageSentence[] {
  const paragraphs: { start: number; end: number }[] = [];
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = paragraph.exec(text); m !== null; m = paragraph.exec(text)) paragraphs.push({ start: m.index, end: m.index + m[0].length });
  const out: PageSentence[] = [];
  let at = 0;
  let pieces: { text: string; start: number }[] = [];
  const flush = () => {
    for (const piece of pieces) {
      const lead = piece.text.length - piece.text.trimStart().length;
      const trimmed = piece.text.trim();
      if (!trimmed) continue;
      const start = piece.start + lead;
      out.push({ text: trimmed, start, end: start + trimmed.length });
    }
    pieces = [];
  };
  for (const seg of sentenceSegmenter().segment(text)) {
    // Whatever lies past the current paragraph's end belongs to the next one (or to the blank
    // lines between): the pieces so far are complete.
    while (at < paragraphs.length && seg.index >= (paragraphs[at] as { end: number }).end) {
      flush();
      at++;
    }
    const current = paragraphs[at];
    if (!current) break;
    // Cut the segment to its paragraph: a segment never crosses a line break, but it may carry
    // the paragraph's trailing new line.
    const from = Math.max(seg.index, current.start);
    const to = Math.min(seg.index + seg.segment.length, current.end);
    if (to <= from) continue;
    const piece = text.slice(from, to);
    const last = pieces[pieces.length - 1];
    if (last && shouldJoin(last.text, piece)) last.text += piece;
    else pieces.push({ text: piece, start: from });
  }
  flush();
  return out;
}
