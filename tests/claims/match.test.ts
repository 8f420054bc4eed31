import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../lib/claims/compile';
import { loadParaphrases } from '../../bench/quality-eval';
import { loadDatabase } from '../../lib/claims/load';
import { CONTEXT_SENTENCES, explainMatch, matchSentences, partiesIn } from '../../lib/claims/match';
import { normalise, stem, yearsIn } from '../../lib/claims/text';
import type { Claim, Entity } from '../../lib/claims/types';

/** A small database of our own, so that these tests do not move when data/claims/ grows. */
const entities: Entity[] = [
  { id: 'dprk', kind: 'country', name: 'North Korea', aliases: ['DPRK', 'Pyongyang', 'North Korean'] },
  { id: 'iran', kind: 'country', name: 'Iran', aliases: ['Tehran', 'Iranian', 'Islamic Republic'] },
  { id: 'syria', kind: 'country', name: 'Syria', aliases: ['Damascus', 'Syrian'] },
  { id: 'iraq', kind: 'country', name: 'Iraq', aliases: ['Baghdad', 'Iraqi'] },
  { id: 'uae', kind: 'country', name: 'United Arab Emirates', aliases: ['UAE', 'Emirati'] },
  { id: 'bahamas', kind: 'country', name: 'Bahamas', aliases: ['Bahamas-flagged'] },
  { id: 'venezuela', kind: 'country', name: 'Venezuela', aliases: ['Venezuelan'] },
  { id: 'libya', kind: 'country', name: 'Libya', aliases: ['Libyan'] },
  { id: 'japan', kind: 'country', name: 'Japan', aliases: ['Japanese'] },
  { id: 'usa', kind: 'country', name: 'United States', aliases: ['Washington', 'American'] },
  { id: 'senator-hale', kind: 'person', name: 'Senator Hale', aliases: ['Hale'], country: 'usa' },
  { id: 'sea-star', kind: 'vessel', name: 'Sea Star', aliases: ['Sea Star'] },
  { id: 'shahab-3', kind: 'system', name: 'Shahab-3', aliases: ['Shahab-3', 'Shahab'], country: 'iran' },
  { id: 'mottaki', kind: 'person', name: 'Manouchehr Mottaki', aliases: ['Mottaki'], country: 'iran' },
  { id: 'kim-yong-il', kind: 'person', name: 'Kim Yong Il', aliases: [], country: 'dprk' },
];

const claim = (id: string, statement: string, more: Partial<Claim> & Pick<Claim, 'actors' | 'match'>): Claim => ({
  id,
  statement,
  topics: ['missile'],
  evidence: [{ source: 's', stance: 'supports', quote: statement }],
  ...more,
});

const claims: Claim[] = [
  claim('missile-sales', 'North Korea sold ballistic missiles to Iran.', {
    actors: ['dprk', 'iran', 'iraq'],
    direction: { from: 'dprk', to: 'iran', what: 'missiles' },
    match: { require: [['missile', 'missiles'], ['sell', 'supply', 'buy']], phrasings: ['Iran bought missiles from North Korea.'] },
  }),
  claim('scientists-at-test', 'Iranian scientists attended a North Korean nuclear test in 2013.', {
    actors: ['iran', 'dprk'],
    direction: { from: 'dprk', to: 'iran', what: 'access' },
    time: { start: '2013', precision: 'year' },
    match: { require: [['scientist', 'observer'], ['nuclear test', 'test']], phrasings: [] },
  }),
  claim('submarines', 'Iran was to receive North Korean submarines to settle a debt.', {
    actors: ['dprk', 'iran'],
    direction: { from: 'dprk', to: 'iran', what: 'submarines' },
    match: { require: [['submarine', 'submarines']], phrasings: [] },
  }),
  claim('oil-swap', 'Iran sent oil to North Korea in exchange for refined petrol.', {
    actors: ['iran', 'dprk'],
    direction: { from: 'iran', to: 'dprk', what: 'oil' },
    match: { require: [['oil', 'crude'], ['petrol', 'gasoline']], phrasings: [] },
  }),
  claim('ship-seizure', 'The UAE seized a Bahamas-flagged ship carrying North Korean arms to Iran.', {
    topics: ['interdiction'],
    actors: ['uae', 'dprk', 'iran', 'bahamas'],
    direction: { from: 'dprk', to: 'iran', what: 'arms' },
    match: { require: [['seize', 'seized'], ['ship', 'vessel']], phrasings: [] },
  }),
  claim('military-cooperation', 'Iran and North Korea cooperate militarily.', {
    actors: ['iran', 'dprk'],
    match: { require: [['military', 'militarily'], ['cooperate', 'cooperation']], phrasings: [] },
  }),
  claim('technology-sharing', 'Iran and North Korea shared military technology in the 1990s.', {
    actors: ['iran', 'dprk'],
    time: { start: '1990', end: '1999', precision: 'decade' },
    match: { require: [['military'], ['technology'], ['share']], phrasings: [] },
  }),
  claim('scientists-at-sites', 'North Korean scientists worked at Iranian nuclear facilities.', {
    topics: ['nuclear'],
    actors: ['dprk', 'iran'],
    match: { require: [['scientist', 'scientists'], ['nuclear facilities', 'nuclear facility']], phrasings: [] },
  }),
  claim('nuclear-help', 'North Korea has helped Iran with its nuclear programme.', {
    topics: ['nuclear'],
    actors: ['dprk', 'iran'],
    direction: { from: 'dprk', to: 'iran', what: 'nuclear help' },
    match: { require: [['nuclear'], ['help', 'assistance']], phrasings: [] },
  }),
  claim('shahab-help', 'North Korea helped Iran develop the Shahab-3 missile.', {
    actors: ['dprk', 'iran'],
    direction: { from: 'dprk', to: 'iran', what: 'missile help' },
    match: { require: [['shahab', 'shahab-3'], ['help', 'assistance']], phrasings: [] },
  }),
  claim('mottaki-meets-kim', 'Mottaki told Kim Yong Il in Tehran that Iran wanted to expand ties with North Korea.', {
    topics: ['diplomatic'],
    actors: ['iran', 'dprk', 'mottaki', 'kim-yong-il'],
    match: { require: [['ties', 'relations'], ['expand', 'widen']], phrasings: [] },
  }),
];

const index = compileIndex({ claims, entities });
const matched = (text: string) => matchSentences(index, [{ text, start: 0, end: text.length }]).map((m) => m.claimId);
const failed = (claimId: string, text: string) => {
  const result = explainMatch(index, claimId, text)?.result;
  return result && 'failed' in result ? result.failed : undefined;
};

describe('direction', () => {
  it.each([
    'North Korea sold ballistic missiles to Iran.',
    'Iran bought ballistic missiles from North Korea.',
    'Ballistic missiles were sold by Pyongyang to Tehran.',
    'Pyongyang supplied Tehran with missiles.',
  ])('keeps the claim\'s way round: %s', (text) => {
    expect(matched(text)).toContain('missile-sales');
  });

  it.each([
    'Iran sold ballistic missiles to North Korea.',
    'North Korea bought missiles from Iran.',
    'Missiles were sold by Tehran to Pyongyang.',
  ])('rejects the reverse: %s', (text) => {
    expect(matched(text)).not.toContain('missile-sales');
    expect(failed('missile-sales', text)).toBe('direction');
  });

  it('rejects an outsider as the receiver', () => {
    expect(failed('submarines', 'North Korea sold submarines to Syria, Iranian officials said.')).toBe('direction');
  });

  it('gives no role to an origin without a transfer: "scientists from Iran"', () => {
    const text = 'Scientists from Iran were on hand when Pyongyang carried out its nuclear test in 2013.';
    expect(matched(text)).toContain('scientists-at-test');
    expect(explainMatch(index, 'scientists-at-test', text)?.parties.find((p) => p.entity === 'iran')?.role).toBeUndefined();
  });

  it('reads "was to receive" as an infinitive, not a passive', () => {
    expect(matched('Iran was to receive four North Korean submarines under the deal.')).toContain('submarines');
    expect(matched('North Korea was to receive four Iranian submarines under the deal.')).not.toContain('submarines');
  });

  it('does not give a role to a party after a preposition: "working with Pyongyang to obtain"', () => {
    const text = 'Tehran was working with Pyongyang to obtain ballistic missiles.';
    expect(explainMatch(index, 'missile-sales', text)?.parties.find((p) => p.entity === 'dprk')?.role).toBeUndefined();
  });

  it('reads a party before a past transfer verb as its subject, even after a transfer noun: "the help Syria gave"', () => {
    const text = "North Korea's nuclear ambitions gained from the help Syria gave Iran.";
    expect(explainMatch(index, 'nuclear-help', text)?.parties.find((p) => p.entity === 'syria')?.role).toBe('giver');
    expect(failed('nuclear-help', text)).toBe('direction');
    // Without a verb after it, the party is still the object: "supplied Tehran with missiles".
    expect(explainMatch(index, 'missile-sales', 'Pyongyang supplied Tehran with missiles.')?.parties.find((p) => p.entity === 'iran')?.role).toBe('receiver');
  });

  it.each([
    ["Pyongyang's missile sales to Tehran grew.", 'dprk', 'giver'],
    ["Iran's ballistic missile purchases from North Korea grew.", 'iran', 'receiver'],
  ])('gives a possessive the role of the transfer it owns: %s', (text, entity, role) => {
    expect(explainMatch(index, 'missile-sales', text)?.parties.find((p) => p.entity === entity)?.role).toBe(role);
    expect(matched(text)).toContain('missile-sales');
  });

  it("rejects an outsider's possessive transfer: \"Damascus's nuclear assistance to Tehran\"", () => {
    expect(failed('nuclear-help', "Damascus's nuclear assistance to Tehran impressed North Korea.")).toBe('direction');
    expect(failed('nuclear-help', "Pyongyang's nuclear assistance to Tehran grew.")).toBeUndefined();
  });

  it('lets both sides give in a two-way trade', () => {
    expect(matched('Tehran would send crude to Pyongyang, which would supply Iran with refined petrol in return.')).toContain('oil-swap');
    expect(matched('Tehran would send crude to Pyongyang, which would supply Iran with refined petrol.')).toContain('oil-swap');
    expect(matched('North Korea sent crude oil to Iran and got refined petrol.')).not.toContain('oil-swap');
  });
});

describe('parties', () => {
  it('requires the country listed before a direction, not the ones after it', () => {
    expect(matched('The UAE seized a ship carrying North Korean arms to Iran.')).toContain('ship-seizure');
    expect(failed('ship-seizure', 'Authorities seized a ship carrying North Korean arms to Iran.')).toBe('parties');
  });

  it('lets a later-listed country go unnamed, but not when an outsider stands in its place', () => {
    expect(failed('ship-seizure', 'The UAE seized a Venezuelan ship carrying North Korean arms to Iran.')).toBe('parties');
    expect(failed('ship-seizure', 'The UAE seized a Bahamas-flagged ship carrying North Korean arms to Iran.')).toBeUndefined();
  });

  it('does not require a third country named after the main parties', () => {
    expect(matched('North Korea sold ballistic missiles to Iran.')).toContain('missile-sales');
  });
});

describe('parties from the sentences before', () => {
  const article = (...texts: string[]) => {
    let offset = 0;
    return texts.map((text) => {
      const sentence = { text, start: offset, end: offset + text.length };
      offset += text.length + 1;
      return sentence;
    });
  };
  const claimsOf = (texts: string[]) => matchSentences(index, article(...texts)).map((m) => [m.sentenceIndex, m.claimId]);

  it(`takes one missing party from up to ${CONTEXT_SENTENCES} sentences back, at a small cost`, () => {
    const lede = 'North Korean engineers arrived at the port.';
    const later = 'The UAE seized a ship carrying the arms to Iran.';
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `Nothing was said on day ${i + 1}.`);
    const within = [lede, ...filler(CONTEXT_SENTENCES - 1), later];
    expect(claimsOf(within)).toContainEqual([CONTEXT_SENTENCES, 'ship-seizure']);
    const beyond = [lede, ...filler(CONTEXT_SENTENCES), later];
    expect(claimsOf(beyond)).not.toContainEqual([CONTEXT_SENTENCES + 1, 'ship-seizure']);
    const direct = matchSentences(index, article('The UAE seized a ship carrying North Korean arms to Iran.'))[0]?.score ?? 0;
    const borrowed = matchSentences(index, article(lede, later)).find((m) => m.claimId === 'ship-seizure')?.score ?? 1;
    expect(borrowed).toBeLessThan(direct);
  });

  it('takes none when another country could hold the missing party\'s place', () => {
    const lede = 'North Korea was in debt to Iran.';
    // Iran is the party named before; the submarines here are Libya's business.
    expect(claimsOf([lede, 'Libyan officers inspected the submarines Pyongyang sent to settle the debt.'])).not.toContainEqual([1, 'submarines']);
    expect(claimsOf([lede, 'Officers inspected the submarines Pyongyang sent to settle the debt.'])).toContainEqual([1, 'submarines']);
    expect(claimsOf([lede, 'Iran was to receive the submarines to settle the debt.'])).toContainEqual([1, 'submarines']);
    expect(claimsOf([lede, 'Pyongyang was to deliver submarines to settle the debt.'])).toContainEqual([1, 'submarines']);
  });

  it('still takes it when the other country only reports the claim, or is one of its actors', () => {
    const lede = 'North Korea was in debt to Iran.';
    for (const later of [
      'Japanese media reported that Pyongyang was to deliver submarines to settle the debt.',
      'Libyan officials have said that Pyongyang was to deliver submarines to settle the debt.',
      'According to Japanese newspapers, Pyongyang was to deliver submarines to settle the debt.',
    ]) {
      expect(claimsOf([lede, later]), later).toContainEqual([1, 'submarines']);
    }
    expect(claimsOf([lede, 'Libyan officials watched Pyongyang deliver submarines to settle the debt.'])).not.toContainEqual([1, 'submarines']);
    // A country among the claim's actors is no outsider (Iraq, for sales made during its war with Iran).
    expect(claimsOf(['North Korea sold ballistic missiles to Iran.', 'Pyongyang also sold the missiles during the war with Iraq.'])).toContainEqual([1, 'missile-sales']);
  });
});

describe('a party set aside', () => {
  it('is no actor: "not from Pyongyang but from Libya", "rather than to Syria", "instead of Iran"', () => {
    expect(matched('Iran bought its first missiles not from North Korea but from Libya.')).not.toContain('missile-sales');
    expect(matched('Iran bought its first missiles from Libya rather than from North Korea.')).not.toContain('missile-sales');
    expect(matched('Libya bought the missiles instead of Iran, from North Korea.')).not.toContain('missile-sales');
    expect(matched('Iran bought its missiles from North Korea, not from Libya.')).toContain('missile-sales');
    expect(matched('North Korea sold the missiles to Iran rather than to Syria.')).toContain('missile-sales');
  });
});

describe('questions', () => {
  it('reads nothing into a yes-or-no question, even after a lead-in', () => {
    for (const q of ['Has North Korea sold ballistic missiles to Iran?', 'So, bottom line: did North Korea sell ballistic missiles to Iran?', '11:40am Has North Korea really sold missiles to Iran?']) {
      expect(matched(q), q).not.toContain('missile-sales');
    }
  });

  it('reads a wh-question, a tag question or a quoted question late in the sentence as usual', () => {
    expect(matched('Why did North Korea sell ballistic missiles to Iran?')).toContain('missile-sales');
    expect(matched('North Korea sold ballistic missiles to Iran, did it not?')).toContain('missile-sales');
    expect(matched('North Korea sold ballistic missiles to Iran.')).toContain('missile-sales');
  });
});

describe('named things', () => {
  it('takes a named vessel for the ship a claim requires', () => {
    expect(matched('The UAE seized the Sea Star, which carried North Korean arms to Iran.')).toContain('ship-seizure');
    expect(failed('ship-seizure', 'The UAE seized the cargo, which held North Korean arms for Iran.')).toBe('concepts');
  });
});

describe('named people and "the two countries"', () => {
  it('needs one of the people of a meeting between named people', () => {
    expect(matched('Mottaki said Iran wanted to widen its ties with North Korea.')).toContain('mottaki-meets-kim');
    expect(failed('mottaki-meets-kim', "North Korea's foreign minister said his country wanted to expand ties with Iran.")).toBe('parties');
  });

  it('lets "the two countries" stand for the parties unless the sentence names an outsider', () => {
    expect(matched('In Tehran, Mottaki told Kim Yong Il that the two countries wanted to expand ties.')).toContain('mottaki-meets-kim');
    expect(failed('mottaki-meets-kim', 'Mottaki said the two countries should expand ties.')).toBeUndefined();
    expect(failed('mottaki-meets-kim', "Mottaki told Venezuela's ambassador the two countries should expand ties.")).toBe('parties');
  });

  it('lets "the two countries" stand for both when the outsider is only who says so', () => {
    // Naming neither party, the sentence's "two countries" cannot be the outsider and one of them.
    expect(matched('American officials believe the two countries cooperate militarily.')).toContain('military-cooperation');
    expect(matched('Hale said the two governments cooperate militarily.')).toContain('military-cooperation');
    // Naming one party and an outsider, "the two countries" may be those two.
    expect(failed('military-cooperation', 'Iran told Venezuela the two countries would cooperate militarily.')).toBe('parties');
    // Nor may North Korea come from the sentences before: the two are Iran and Venezuela.
    const page = ['North Korea sold missiles to Iran.', 'Iran told Venezuela the two countries would cooperate militarily.'];
    expect(matchSentences(index, page.map((text) => ({ text, start: 0, end: text.length }))).map((m) => m.claimId)).not.toContain('military-cooperation');
  });
});

describe('a country that says it made the thing alone', () => {
  const stanceOf = (text: string, claimId: string) =>
    matchSentences(index, [{ text, start: 0, end: text.length }]).find((m) => m.claimId === claimId)?.stance;

  it('denies that another country gave or helped with that thing', () => {
    expect(stanceOf('Tehran insists the Shahab-3 is an entirely indigenous design.', 'shahab-help')).toBe('denies');
    expect(stanceOf('Iranian officials say the Shahab was built at home, without foreign help.', 'shahab-help')).toBe('denies');
  });

  it('says nothing of a thing the claim does not name, or when the giver is named', () => {
    // Iran's home-built submarine is not the one North Korea sold it.
    expect(matched('Iran unveiled a domestically built submarine on Sunday.')).not.toContain('submarines');
    expect(stanceOf('North Korea helped Iran build the Shahab-3, which Iran calls indigenous.', 'shahab-help')).toBe('asserts');
  });
});

describe('owners of nouns', () => {
  it('rejects a sentence that gives a required noun another owner', () => {
    expect(failed('scientists-at-sites', 'Iranian scientists worked at North Korean nuclear facilities.')).toBe('owners');
    expect(failed('scientists-at-sites', "Iran's scientists worked at North Korea's nuclear facilities.")).toBe('owners');
  });

  it('accepts the same owners, owners in a list, and nouns without an owner', () => {
    expect(failed('scientists-at-sites', "North Korean scientists worked at Iran's nuclear facilities.")).toBeUndefined();
    expect(failed('scientists-at-sites', 'North Korean and Iranian scientists worked at Iranian nuclear facilities.')).toBeUndefined();
    expect(failed('scientists-at-sites', 'Scientists from North Korea worked at nuclear facilities in Iran.')).toBeUndefined();
  });

  it('gives a phrase no owner when the statement lists two: "Iran\'s and North Korea\'s programmes"', () => {
    const shared = compileIndex({
      entities,
      claims: [
        claim('no-commonality', "Iran's and North Korea's nuclear programmes have nothing in common.", {
          actors: ['iran', 'dprk'],
          match: { require: [['nuclear programme', 'nuclear programmes']], phrasings: [] },
        }),
      ],
    });
    expect(shared.claims[0]?.owners).toBeUndefined();
  });

  it('does not take a subject for an owner: "Iran shared" is no "Iranian"', () => {
    expect(index.claims.find((c) => c.id === 'technology-sharing')?.owners).toBeUndefined();
    expect(index.claims.find((c) => c.id === 'scientists-at-sites')?.owners).toEqual({
      scientist: 'dprk',
      'nuclear facility': 'iran',
    });
  });
});

describe('claims of one sentence', () => {
  it('drops a second claim that rests only on the words of the first', () => {
    const text = 'Iran and North Korea shared military technology in the 1990s and cooperated militarily.';
    expect(matched(text)).toEqual(['technology-sharing', 'military-cooperation']);
    expect(matched('Iran and North Korea shared military technology throughout the 1990s.')).toEqual(['technology-sharing']);
  });
});

describe('stemming joins inflections', () => {
  it.each([
    ['giving', 'give'],
    ['making', 'make'],
    ['shipping', 'ship'],
    ['getting', 'get'],
    ['grown', 'grow'],
    ['cooperating', 'cooperate'],
  ])('%s and %s', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });
});

describe('the first look at a sentence', () => {
  it('skips only sentences that name no party: every sentence of our paraphrase set keeps its parties', () => {
    const real = compileIndex(loadDatabase());
    const anyClaim = real.claims[0]?.id as string;
    for (const { text } of loadParaphrases()) {
      // explainMatch reads the sentence in full, without the first look.
      const full = new Set(explainMatch(real, anyClaim, text)?.parties.map((p) => p.entity));
      const quick = partiesIn(real, text).parties;
      for (const entity of full) expect(quick.has(entity), `${entity} in: ${text}`).toBe(true);
    }
    // A sentence that names nobody is skipped and has no parties.
    expect(partiesIn(real, 'The harbour master reported calm seas on Tuesday.').parties.size).toBe(0);
  });
});

describe('stance of a match', () => {
  const stance = (text: string) => matchSentences(index, [{ text, start: 0, end: text.length }]).find((m) => m.claimId === 'missile-sales')?.stance;
  it('reads a negation in a clause after the claim as no denial of it', () => {
    expect(stance('North Korea sold ballistic missiles to Iran, which Iraq never matched.')).toBe('asserts');
    expect(stance('North Korea did not sell ballistic missiles to Iran.')).toBe('denies');
  });
});

describe('years', () => {
  it('reads the years a sentence names, decades as spans, and not the year of a wire dateline', () => {
    expect(yearsIn(normalise('Iran bought Scuds in 1987 and more in the 1990s.'))).toEqual([
      { from: 1987, to: 1987 },
      { from: 1990, to: 1999 },
    ]);
    expect(yearsIn(normalise('BANGKOK, May 14, 2010 (Agency) -- The plane seized in December 2009 was bound for Iran.'))).toEqual([{ from: 2009, to: 2009 }]);
    expect(yearsIn(normalise('TEHRAN, 3 June 2011 -- Officials met in 2011.'))).toEqual([{ from: 2011, to: 2011 }]);
  });
});
