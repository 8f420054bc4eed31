import { describe, expect, it } from 'vitest';
import { CANDIDATE_TEXT_CAP, judgeCandidate } from '../../lib/article/candidate';

const page = (over: Partial<Parameters<typeof judgeCandidate>[0]>) => ({ url: 'https://news.example/x', title: '', meta: '', text: '', ...over });

describe('judgeCandidate', () => {
  it('needs both an Iran term and a North Korea term', () => {
    expect(judgeCandidate(page({ title: 'Pyongyang and Tehran deepen missile ties' })).candidate).toBe(true);
    expect(judgeCandidate(page({ title: 'Iran tests a new missile' })).candidate).toBe(false);
    expect(judgeCandidate(page({ text: 'North Korea fires a missile into the sea.' })).candidate).toBe(false);
  });

  it('reads name variants and the URL', () => {
    expect(judgeCandidate(page({ url: 'https://x.example/dprk-shehab-3-ties', title: 'A report' })).candidate).toBe(true);
    expect(judgeCandidate(page({ meta: 'Shahab missile; Nodong' })).candidate).toBe(true);
  });

  it('reads no further than its cap', () => {
    const text = `${'Iran. '.repeat(10)}${'x'.repeat(CANDIDATE_TEXT_CAP)} North Korea`;
    expect(judgeCandidate(page({ text })).candidate).toBe(false);
  });

  it('scores by the weaker side', () => {
    const one = judgeCandidate(page({ text: 'Iran Iran Iran North Korea' }));
    const three = judgeCandidate(page({ text: 'Iran Tehran Iranian North Korea Pyongyang DPRK' }));
    expect(one.score).toBeLessThan(three.score);
    expect(three.score).toBe(1);
  });
});
