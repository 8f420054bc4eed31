import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stem, tokenize } from '../../lib/claims/text';

/** The tokenizer's rule written as a regex: the reference the character scanner must equal. */
function referenceTokens(normalised: string) {
  return [...normalised.matchAll(/[a-z0-9]+(?:'[a-z]+)?/g)].map((m) => {
    const raw = m[0];
    const word = raw.endsWith("'s") ? raw.slice(0, -2) : raw.replace("'", '');
    return { word, stem: stem(word), start: m.index, end: m.index + raw.length };
  });
}

describe('tokenize', () => {
  it('splits words, drops a possessive and joins a contraction', () => {
    expect(tokenize("iran's north-korean partners didn't say 'no' in 1998's talks").map((t) => t.word)).toEqual([
      'iran', 'north', 'korean', 'partners', 'didnt', 'say', 'no', 'in', '1998', 'talks',
    ]);
  });

  it('equals the regex rule on any mix of letters, digits, apostrophes and other characters', () => {
    const piece = fc.constantFrom('a', 's', 'iran', 'x1', '9', "'", "'s", ' ', '-', 'é', '.', "'t", 'ab', '\n', 'z');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(tokenize(text)).toEqual(referenceTokens(text));
      }),
      { numRuns: 2000 },
    );
  });
});
