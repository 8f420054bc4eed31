/** Full-text matching of notes: every word of the query must start a word of the note's searchable text. */
import type { Note } from './types';

/** Any character beyond ASCII: text without one needs no Unicode normalisation (the common case, kept fast). */
const BEYOND_ASCII = /[\u0080-\uffff]/;

/** A letter or a digit at the end of a string (a whole surrogate pair counts). */
const ENDS_IN_WORD_CHARACTER = /[\p{L}\p{N}]$/u;

/** Lower case with accents and other combining marks removed, so "pyongyang" finds "PYŎNGYANG". */
function fold(text: string): string {
  if (!BEYOND_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query: folded, split on anything that is not a letter or a digit. */
export function searchWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** A note's searchable text, folded like query words: its quote, note, tags and title. */
export function searchableText(note: Pick<Note, 'target' | 'text' | 'tags' | 'title'>): string {
  return fold([note.target.quote.exact, note.text, note.tags.join(' '), note.title].join('\n'));
}

/** Whether `word` occurs in `text` at the start of a word (not preceded by a letter or digit). */
function startsAWord(text: string, word: string): boolean {
  // indexOf first and a look at one character before is far cheaper than splitting every note into words.
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !ENDS_IN_WORD_CHARACTER.test(text.slice(Math.max(0, at - 2), at))) return true;
  }
  return false;
}

/** Whether every query word starts some word of the searchable text (no words: a match). */
export function hasEveryWord(searchable: string, queryWords: readonly string[]): boolean {
  return queryWords.every((word) => startsAWord(searchable, word));
}
