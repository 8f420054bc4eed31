import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../lib/article/segment';

const texts = (input: string) => segmentSentences(input).map((s) => s.text);

describe('segmentSentences', () => {
  it('keeps abbreviations inside their sentence', () => {
    expect(
      texts('Mr. Kim met U.S. officials in Jan. 2007 to discuss No. 2 reactor issues. They left early.'),
    ).toEqual(['Mr. Kim met U.S. officials in Jan. 2007 to discuss No. 2 reactor issues.', 'They left early.']);
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
