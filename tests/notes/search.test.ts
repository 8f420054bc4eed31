import { describe, expect, it } from 'vitest';
import { hasEveryWord, searchWords, searchableText } from '../../lib/notes/search';

const note = (exact: string, text = '', tags: string[] = [], title = '') => ({
  target: { quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start: 0, end: 1 } },
  text,
  tags,
  title,
});

const finds = (query: string, ...fields: Parameters<typeof note>) => hasEveryWord(searchableText(note(...fields)), searchWords(query));

describe('full-text matching', () => {
  it('splits a query into folded words', () => {
    expect(searchWords('  Kim Jŏng-il, "SCUD-B"!  ')).toEqual(['kim', 'jong', 'il', 'scud', 'b']);
    expect(searchWords('... ,, --')).toEqual([]);
  });

  it('matches word starts only, in any case, with or without accents on either side', () => {
    expect(finds('pyong', 'PYŎNGYANG said')).toBe(true);
    expect(finds('pyŏngyang', 'Pyongyang said')).toBe(true);
    expect(finds('yang', 'Pyongyang said')).toBe(false);
    expect(finds('b', 'the Scud-B')).toBe(true); // after a hyphen
    expect(finds('said', '(said)')).toBe(true);
    expect(finds('iran', 'Tehran', '', ['Iran-DPRK'])).toBe(true); // tags
    expect(finds('korea', 'x', '', [], 'North Korea')).toBe(true); // title
  });

  it('handles scripts beyond Latin', () => {
    expect(finds('북한', '북한은 이란에')).toBe(true);
    expect(finds('이란', '북한은 이란에')).toBe(true);
    expect(finds('한은', '북한은 이란에')).toBe(false);
    expect(finds('ایران', 'همکاری ایران و کره')).toBe(true);
    // A letter outside the Basic Multilingual Plane before the match: not a word start.
    expect(finds('abc', '\u{20000}abc')).toBe(false);
    expect(finds('abc', '\u{1F600}abc')).toBe(true); // an emoji is not a letter
  });

  it('needs every word, and a later occurrence may be the word start', () => {
    expect(finds('scud tehran', 'Scud to Tehran')).toBe(true);
    expect(finds('scud pyongyang', 'Scud to Tehran')).toBe(false);
    expect(finds('ran', 'Tehran ran')).toBe(true);
  });
});
