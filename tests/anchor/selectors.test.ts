// Selectors: what `describe` saves, and the rules `anchor` follows beyond the golden story.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NoteTarget } from '../../lib/notes/types';
import { anchor, describe as describeSpan } from '../../lib/anchor/selectors';
import { editDistance, similarity } from '../../lib/anchor/similarity';
import { collapseSpace, foldSpace, toFolded, toSource } from '../../lib/anchor/whitespace';

const target = (exact: string, prefix: string, suffix: string, start: number): NoteTarget => ({
  quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
});

describe('describe', () => {
  const text = 'The tanker was seized off the coast on Friday.';

  it('keeps the exact words, up to `context` code units either side, and the offsets', () => {
    expect(describeSpan(text, 4, 10, 5)).toEqual({
      quote: { type: 'TextQuoteSelector', exact: 'tanker', prefix: 'The ', suffix: ' was ' },
      position: { type: 'TextPositionSelector', start: 4, end: 10 },
    });
    expect(describeSpan(text, 0, text.length).quote).toMatchObject({ prefix: '', suffix: '', exact: text });
    expect(describeSpan(text, 4, 10).quote.suffix).toBe(text.slice(10, 42));
  });

  it('throws a RangeError on an empty, reversed, outside or fractional range, or a bad context', () => {
    for (const [start, end] of [[3, 3], [5, 4], [-1, 2], [0, text.length + 1], [0.5, 2], [Number.NaN, 2]] as const) {
      expect(() => describeSpan(text, start, end)).toThrow(RangeError);
    }
    expect(() => describeSpan('', 0, 0)).toThrow(RangeError);
    expect(() => describeSpan(text, 0, 2, -1)).toThrow(RangeError);
  });

  it('does not cut a surrogate pair at the outer ends of the context', () => {
    const emoji = 'a\u{1F6A2}bc\u{1F6A2}d'; // a, ship (2 code units), b, c, ship, d
    expect(describeSpan(emoji, 3, 5, 1).quote).toMatchObject({ exact: 'bc', prefix: '', suffix: '' });
    expect(describeSpan(emoji, 3, 5, 2).quote).toMatchObject({ prefix: '\u{1F6A2}', suffix: '\u{1F6A2}' });
    expect(describeSpan(emoji, 3, 5, 3).quote).toMatchObject({ prefix: 'a\u{1F6A2}', suffix: '\u{1F6A2}d' });
  });
});

describe('anchor', () => {
  it('trusts the old offsets only when the context agrees on one side', () => {
    const quote = 'the ship carried tubes';
    const original = 'Reports from several analysts in the Gulf said the ship carried tubes. Officials denied that the ship carried tubes at all.';
    const saved = describeSpan(original, original.lastIndexOf(quote), original.lastIndexOf(quote) + quote.length);
    // The denial moved to the front, and another copy of the words now stands at the old offsets.
    const denial = 'Officials denied that the ship carried tubes at all. ';
    const moved = `${denial}${'Earlier reports claimed '.padEnd(saved.position.start - denial.length)}${quote}.`;
    expect(moved.slice(saved.position.start, saved.position.end)).toBe(quote);
    expect(anchor(moved, saved)).toEqual({ start: 22, end: 44, state: 'quote' });
  });

  it('reports position when the only copy stands at the old offsets though its context changed', () => {
    const saved = target('seized', 'The tanker was ', ' off the coast', 15);
    expect(anchor('The old barge: seized by the navy', saved)).toEqual({ start: 15, end: 21, state: 'position' });
  });

  it('uses the position as a hint even when it is out of range or does not fit the quote', () => {
    const text = 'one two three two one';
    expect(anchor(text, target('two', 'three ', ' one', 500))).toEqual({ start: 14, end: 17, state: 'quote' });
    const odd: NoteTarget = { ...target('two', '', '', 0), position: { type: 'TextPositionSelector', start: 14, end: 99 } };
    expect(anchor(text, odd)).toEqual({ start: 14, end: 17, state: 'quote' });
  });

  it('orphans an empty quote, a short quote that is gone, and a long one that is gone', () => {
    expect(anchor('anything', target('', '', '', 0))).toEqual({ state: 'orphan' });
    expect(anchor('the cat sat', target('dog', 'the ', ' sat', 4))).toEqual({ state: 'orphan' });
    const text = 'Coast guard officers boarded the vessel at dawn and escorted it to the anchorage.';
    expect(anchor(text, target('Satellite images show a pier at Nampo in March', '', '', 10))).toEqual({ state: 'orphan' });
  });

  it('places a quote with a typo fixed, and refuses a short near-miss without context', () => {
    const text = 'The captain, a national of a third country, has not been charged.';
    const typo = target('a nationnal of a thrid country', 'The captain, ', ', has not been', 13);
    expect(anchor(text, typo)).toEqual({ start: 13, end: 42, state: 'fuzzy' });
    expect(anchor('a cap in the hat', target('capt', 'zzzzzzzz ', ' qqqqqqqq', 2))).toEqual({ state: 'orphan' });
  });

  it('finds a quote whose white space changed, including non-breaking spaces and line breaks', () => {
    const saved = target('340 tonnes of machinery', 'carrying ', '. A prel', 9);
    const text = 'carrying\n340\u00a0tonnes  of\nmachinery. A preliminary';
    expect(anchor(text, saved)).toEqual({ start: 9, end: 33, state: 'quote' });
  });
});

describe('helpers', () => {
  it('measures edit distance and similarity', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abcd', 'abcx')).toBe(0.75);
    expect(similarity('abc', 'xyz')).toBe(0);
  });

  it('folds any white space JavaScript knows, with a map that points at the same characters (property)', () => {
    const spaces = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    const char = fc.oneof(fc.constantFrom(...spaces), fc.constantFrom('a', 'b', '\u200b', '\u0085', '\u180e'), fc.string({ unit: 'binary', maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }).map((chars) => chars.join('')), (text) => {
        const folded = foldSpace(text);
        expect(folded.text).toBe(collapseSpace(text));
        for (let i = 0; i < folded.text.length; i++) {
          const from = folded.source ? (folded.source[i] as number) : i;
          if (folded.text[i] === ' ') expect(/\s/.test(text[from] as string)).toBe(true);
          else expect(text[from]).toBe(folded.text[i]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('folds white space with a map back to the original offsets', () => {
    const text = ' a \n\u00a0b  c\t';
    const folded = foldSpace(text);
    expect(folded.text).toBe(collapseSpace(text));
    expect(folded.text).toBe(' a b c ');
    expect([...(folded.source ?? [])]).toEqual([0, 1, 2, 5, 6, 8, 9]);
    expect(toFolded(folded, 3)).toBe(3);
    expect(toFolded(folded, 5)).toBe(3);
    expect(toSource(folded, 1, 4)).toEqual({ start: 1, end: 6 });
    expect(foldSpace(text)).toBe(folded);
  });
});
