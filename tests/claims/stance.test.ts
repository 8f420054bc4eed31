import { describe, expect, it } from 'vitest';
import { readCues, stanceFor } from '../../lib/claims/stance';
import { normalise, tokenize } from '../../lib/claims/text';

const cues = (text: string) => {
  const n = normalise(text);
  return readCues(n, tokenize(n));
};
const plain = { denial: false };

describe('stance cues', () => {
  it.each([
    ['North Korea sold Iran the Nodong-1 in 1993.', 'asserts'],
    ['Pyongyang transferred the No-dong to Tehran in 1993.', 'asserts'],
    ['Tehran denied buying missiles from Pyongyang.', 'denies'],
    ['North Korea has never sold missiles to Iran.', 'denies'],
    ["Iran didn't receive the missiles.", 'denies'],
    ['North Korea reportedly sold missiles to Iran.', 'hedges'],
    ['According to the memoirs, Iran received Scud-Bs.', 'hedges'],
    ['Iran may have shared the data with North Korea.', 'hedges'],
    ['North Korea is said to have helped Iran.', 'hedges'],
    ['The weapons were meant for Hezbollah, not Iran, the minister said.', 'asserts'],
    ['North Korea not only sold missiles to Iran but trained its engineers.', 'asserts'],
    ['The report said North Korea sold missiles to Iran.', 'asserts'],
    ['An exile group claimed that North Korea sold missiles to Iran.', 'hedges'],
    ['Press reports said North Korea sold missiles to Iran.', 'hedges'],
    ['By most accounts, North Korea sold missiles to Iran.', 'hedges'],
    ["By Rafsanjani's own account, North Korea sold missiles to Iran.", 'hedges'],
    ['Western newspapers reported that North Korea sold missiles to Iran.', 'hedges'],
    ['What is not in dispute is that North Korea sold missiles to Iran.', 'asserts'],
    ['North Korea had nothing to offer Iran for its oil except missiles.', 'asserts'],
    ['North Korea had nothing to offer Iran for its oil.', 'denies'],
    ['North Korea had nothing to offer Iran in exchange but a special commodity.', 'asserts'],
    ['There is no proof, but North Korea sold missiles to Iran.', 'denies'],
    ['North Korea sold missiles not to Iran but to Syria.', 'denies'],
    ['Japanese papers said North Korea would deliver submarines to Iran.', 'hedges'],
    ['There were reports that North Korea sold missiles to Iran.', 'hedges'],
    ['North Korea could offer Iran nothing for its oil apart from a special commodity.', 'hedges'],
    ['North Korea had nothing to offer Iran for its oil other than missiles.', 'asserts'],
    ['There is reporting, which I have no reason to doubt, that North Korea sold missiles to Iran.', 'asserts'],
    ['He never doubted that North Korea sold missiles to Iran.', 'asserts'],
    ['The plane, which may or may not have been bound for Iran, carried North Korean arms.', 'hedges'],
    ['Whether or not Iran paid, North Korea delivered the missiles.', 'asserts'],
  ] as const)('%s → %s', (text, stance) => {
    expect(stanceFor(cues(text), plain)).toBe(stance);
  });

  it('lets a negation deny only the words after it: a trailing clause negates something else', () => {
    // Token 5 is "missiles": a negation at or after the claim's last word denies nothing of it.
    const trailing = cues('North Korea sold Iran missiles that it did not need at home.');
    expect(trailing.negationAt).toBe(8);
    expect(stanceFor(trailing, plain, 5)).toBe('asserts');
    expect(stanceFor(trailing, plain)).toBe('denies');
    const before = cues('North Korea did not sell Iran missiles.');
    expect(stanceFor(before, plain, 7)).toBe('denies');
    // A denial verb denies wherever it stands.
    expect(stanceFor(cues('North Korea sold Iran missiles, which Tehran denied.'), plain, 5)).toBe('denies');
  });

  it('is relative to the claim: a reported denial asserts a denial claim', () => {
    const c = cues('Iran denied that the plane was carrying arms to Iran.');
    expect(stanceFor(c, plain)).toBe('denies');
    expect(stanceFor(c, { denial: true })).toBe('asserts');
    expect(stanceFor(cues('Iran reportedly denied the shipment.'), { denial: true })).toBe('hedges');
  });

  it('is relative to the claim: "probably" asserts a claim that says "probably", "reportedly" still hedges', () => {
    expect(stanceFor(cues('Iran probably shared the test data with Pyongyang.'), { denial: false, hedged: true })).toBe('asserts');
    expect(stanceFor(cues('Iran probably shared the test data with Pyongyang.'), plain)).toBe('hedges');
    expect(stanceFor(cues('Iran reportedly shared the test data.'), { denial: false, hedged: true })).toBe('hedges');
  });
});
