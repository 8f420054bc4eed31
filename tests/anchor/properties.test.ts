// Properties of describe and anchor over generated texts and ranges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, describe as describeSpan } from '../../lib/anchor/selectors';

/** Texts of any characters, and texts of few characters, where repeats (the hard case) are common. */
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 400 }),
  fc.string({ minLength: 1, maxLength: 400, unit: 'binary' }),
  fc.string({ minLength: 1, maxLength: 400, unit: fc.constantFrom('a', 'b', ' ', '\n', '\u00a0') }),
);

/** A text with a non-empty range [start, end) in it. */
const textWithRange = text.chain((t) =>
  fc
    .tuple(fc.nat({ max: t.length - 1 }), fc.nat({ max: t.length - 1 }))
    .map(([a, b]) => ({ text: t, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
);

/** Words that could make an article, so that a highlighted range is usually unique. */
const prose = fc
  .array(fc.stringMatching(/^[a-z]{1,9}$/), { minLength: 5, maxLength: 120 })
  .map((words) => words.join(' '));

/** Prose with a range of up to 40 code units in it. */
const proseWithRange = prose.chain((t) =>
  fc
    .tuple(fc.nat({ max: t.length - 1 }), fc.integer({ min: 1, max: 40 }))
    .map(([start, length]) => ({ text: t, start, end: Math.min(t.length, start + length) })),
);

const count = (haystack: string, needle: string) => {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
};

describe('anchor(describe(…)) properties', () => {
  it('places a freshly described range exactly where it was, by position', () => {
    fc.assert(
      fc.property(textWithRange, fc.nat({ max: 64 }), ({ text, start, end }, context) => {
        expect(anchor(text, describeSpan(text, start, end, context))).toEqual({ start, end, state: 'position' });
      }),
    );
  });

  it('after an insertion before the range, finds the same words; the shifted range when they are unique', () => {
    fc.assert(
      fc.property(
        fc.oneof(textWithRange, proseWithRange),
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ text, start, end }, inserted, where) => {
          const at = Math.floor(where * start);
          const edited = text.slice(0, at) + inserted + text.slice(at);
          const target = describeSpan(text, start, end);
          const result = anchor(edited, target);
          expect(result.state === 'position' || result.state === 'quote').toBe(true);
          if (result.state === 'orphan') return;
          expect(edited.slice(result.start, result.end)).toBe(target.quote.exact);
          if (count(edited, target.quote.exact) === 1) {
            expect(result).toMatchObject({ start: start + inserted.length, end: end + inserted.length });
          }
        },
      ),
    );
  });

  it('finds a range again after its white space changed, with the same words', () => {
    fc.assert(
      fc.property(prose, fc.nat(), fc.integer({ min: 3, max: 60 }), (text, from, length) => {
        const start = from % text.length;
        const end = Math.min(text.length, start + length);
        const target = describeSpan(text, start, end);
        const respaced = text.replace(/ /g, (_, i: number) => (i % 3 === 0 ? '\n' : i % 3 === 1 ? '  ' : '\u00a0'));
        const result = anchor(respaced, target);
        expect(result.state).not.toBe('orphan');
        if (result.state === 'orphan') return;
        const words = (s: string) => s.split(/\s+/).filter(Boolean);
        expect(words(respaced.slice(result.start, result.end))).toEqual(words(target.quote.exact));
      }),
    );
  });
});
