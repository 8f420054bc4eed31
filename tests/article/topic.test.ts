import { describe, expect, it } from 'vitest';
import { scoreTopic } from '../../lib/article/topic';
import type { PageSentence, SentenceMatch } from '../../lib/article/types';
import { compileIndex } from '../../lib/claims/compile';
import { loadDatabase } from '../../lib/claims/load';

const index = compileIndex(loadDatabase());

const sentences = (...texts: string[]): PageSentence[] => {
  let offset = 0;
  return texts.map((text) => {
    const sentence = { text, start: offset, end: offset + text.length };
    offset += text.length + 1;
    return sentence;
  });
};
const match = (sentenceIndex: number, claimId: string): SentenceMatch => ({
  sentenceIndex,
  sentence: '',
  start: 0,
  end: 0,
  claimId,
  stance: 'asserts',
  score: 0.8,
});
const filler = (n: number) => Array.from({ length: n }, (_, i) => `The weather was mild on day ${i + 1}.`);

describe('scoreTopic', () => {
  it('counts two claims on one sentence as one piece of evidence', () => {
    const page = sentences('North Korea sold missiles to Iran.', 'Pyongyang also helped Tehran build them.');
    const one = scoreTopic(index, '', page, [match(0, 'dprk-missile-sales-to-iran'), match(0, 'dprk-ballistic-missile-help-shahab-3')]);
    const two = scoreTopic(index, '', page, [match(0, 'dprk-missile-sales-to-iran'), match(1, 'dprk-ballistic-missile-help-shahab-3')]);
    expect(two.score - one.score).toBeCloseTo(0.25, 5);
  });

  it('calls an article that names one country throughout and the other in passing not on topic', () => {
    const iranOnly = Array.from({ length: 20 }, (_, i) => `Iran tested a new missile at site ${i + 1}.`);
    const claims = [match(0, 'dprk-missile-sales-to-iran'), match(1, 'nodong-1-basis-for-shahab-3')];
    const aside = sentences('North Korea sold missiles to Iran.', 'The Shahab-3 is based on the Nodong from Pyongyang.', ...iranOnly);
    const verdict = scoreTopic(index, '', aside, claims);
    expect(verdict.onTopic).toBe(false);
    expect(verdict.reasons.at(-1)).toContain('mostly about Iran');
    // The same article with North Korea named in a fifth as many sentences as Iran is about both.
    const both = sentences(...aside.map((s) => s.text), 'Pyongyang sent engineers.', 'North Korea was paid in oil.', 'The North Korean team left.');
    expect(scoreTopic(index, '', both, claims).onTopic).toBe(true);
  });

  it('does not count a claim whose sentence is far from the other country', () => {
    const near = sentences('Iran bought missiles.', ...filler(2), 'North Korea delivered them.');
    const far = sentences('Iran bought missiles.', ...filler(8), 'North Korea delivered them.');
    const at = (page: PageSentence[]) => scoreTopic(index, '', page, [match(page.length - 1, 'dprk-missile-sales-to-iran')]);
    expect(at(near).reasons[0]).toContain('1 claim');
    expect(at(far).reasons.some((r) => r.includes('claim'))).toBe(false);
    expect(at(far).onTopic).toBe(false);
  });
});
