import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../lib/article/segment';

const texts = (input: string) => segmentSentences(input).map((s) => s.text);

describe('segmentSentences', () => {
  it('keeps abbreviations inside their sentence', () => {
    expect(
      texts('Mr. Kim met U.S. officials in Jan. 2007 to discuss No. 2 reactor issues. They left early.'),
    ).toEqual(['Mr. Kim met U.S. officials in Jan. 2007 to discuss No. 2 reactor issues.', 'They left early.']);
  });

  it('reads "No." before a word as an answer, and before a number as an abbreviation', () => {
    expect(texts('Was it just hardware? No. According to officials, advice came too. See No. 4 below.')).toEqual([
      'Was it just hardware?',
      'No.',
      'According to officials, advice came too.',
      'See No. 4 below.',
    ]);
  });

  it('ends a sentence after a dotted initialism when a new sentence clearly starts', () => {
    expect(texts('The missiles were shipped to the U.S. The report said so.')).toEqual([
      'The missiles were shipped to the U.S.',
      'The report said so.',
    ]);
  });

  it('keeps initials in names and quotes spanning a sentence end', () => {
    expect(texts('A.Q. Khan sold designs. Gen. Lee said: “We know. They know.” Then he left.')).toEqual([
      'A.Q. Khan sold designs.',
      'Gen. Lee said: “We know.',
      'They know.”',
      'Then he left.',
    ]);
  });

  it('never joins paragraphs and gives offsets into the text', () => {
    const input = 'North Korea sold missiles\n\nIran bought them. Later more came.';
    const sentences = segmentSentences(input);
    expect(sentences.map((s) => s.text)).toEqual(['North Korea sold missiles', 'Iran bought them.', 'Later more came.']);
    for (const s of sentences) expect(input.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('segmentSentences over paragraphs', () => {
  /** Each paragraph segmented alone, its offsets moved to where the paragraph stands. */
  const byParagraph = (text: string) => {
    const out: ReturnType<typeof segmentSentences> = [];
    const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
    for (let m = paragraph.exec(text); m !== null; m = paragraph.exec(text)) {
      for (const s of segmentSentences(m[0])) out.push({ text: s.text, start: s.start + m.index, end: s.end + m.index });
    }
    return out;
  };
  const pieces = fc.constantFrom('Iran', 'North Korea', 'Mr.', 'No.', 'U.S.', 'Dec.', 'sold', 'missiles', 'to', 'the', 'N.', 'It', '"Yes."', 'in 1993.', 'approx.', '?', '!', '\n', '\n\n', '\n \n', ' ', 'A.', 'Co.', '(U.N.)', 'Kim');

  it('reads the whole text as it would read each paragraph alone: no sentence crosses a blank line', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), fc.constantFrom(' ', ''), (words, glue) => {
        const text = words.join(glue);
        expect(segmentSentences(text)).toEqual(byParagraph(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps an abbreviation that ends a paragraph out of the next one', () => {
    expect(texts('Iran bought the No.\n\nNorth Korea sold it.')).toEqual(['Iran bought the No.', 'North Korea sold it.']);
  });
});
