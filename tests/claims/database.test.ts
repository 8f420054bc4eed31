// Checks the bundled claim database in data/claims/: validity, references, seed coverage, verbatim quotes, known conflicts.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS_DIR, loadClaimFiles, loadSeedTexts } from '../../lib/claims/load';
import type { Claim, Relation, Stance } from '../../lib/claims/types';
import { checkSeedQuotes, formatErrors, validateDatabase } from '../../lib/claims/validate';

const { database: db, errors } = validateDatabase(loadClaimFiles());
const SEED_IDS = {
  ramani: 'diplomat-2016-ramani-iran-north-korea-connection',
  criticalThreats: 'criticalthreats-2010-north-korea-iran-foreign-relations',
  alfoneh: 'fdd-2015-alfoneh-unanswered-questions',
};

function claim(id: string): Claim {
  const found = db.claims.find((c) => c.id === id);
  if (!found) throw new Error(`claim ${id} is missing`);
  return found;
}
function relates(from: string, to: string, relation: Relation): boolean {
  return (claim(from).related ?? []).some((r) => r.claim === to && r.relation === relation);
}
function stances(id: string, source: string): Stance[] {
  return claim(id).evidence.filter((e) => e.source === source).map((e) => e.stance);
}
function aliasesOf(id: string): string[] {
  return db.entities.find((e) => e.id === id)?.aliases ?? [];
}

describe('claim database', () => {
  it('validates with no errors', () => {
    expect(formatErrors(errors)).toBe('');
    expect(db.claims.length).toBeGreaterThanOrEqual(60);
  });

  it('has unique ids in each namespace', () => {
    for (const list of [db.sources, db.entities, db.claims]) {
      const ids = list.map((r) => r.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    }
  });

  it('gives every claim evidence, and every evidence a known source', () => {
    const sourceIds = new Set(db.sources.map((s) => s.id));
    for (const c of db.claims) {
      expect(c.evidence.length, c.id).toBeGreaterThan(0);
      for (const e of c.evidence) expect(sourceIds.has(e.source), `${c.id}: ${e.source}`).toBe(true);
    }
  });

  it('draws evidence from each of the three seeds', () => {
    const used = new Set(db.claims.flatMap((c) => c.evidence.map((e) => e.source)));
    for (const id of Object.values(SEED_IDS)) expect(used.has(id), id).toBe(true);
    const seeds = db.sources.filter((s) => s.seed).map((s) => s.id).sort();
    expect(seeds).toEqual(Object.values(SEED_IDS).sort());
  });

  it('lists all 22 notes of seed 001 among its citations', () => {
    const seed = db.sources.find((s) => s.id === SEED_IDS.criticalThreats);
    // 22 notes name 24 reports (note 8 cites two, note 16 repeats Kyodo and adds the Daily Yomiuri).
    expect(seed?.cites?.length ?? 0).toBeGreaterThanOrEqual(24);
  });

  const seedsPresent = existsSync(DEFAULT_SEEDS_DIR);
  it.skipIf(!seedsPresent)(
    seedsPresent
      ? 'quotes every seed verbatim (whitespace collapsed)'
      : `quotes every seed verbatim — SKIPPED: seed folder ${DEFAULT_SEEDS_DIR} is absent`,
    () => {
      const texts = loadSeedTexts(DEFAULT_SEEDS_DIR);
      expect(checkSeedQuotes(db, texts)).toEqual([]);
    },
  );

  it('knows the name variants news uses', () => {
    expect(aliasesOf('shahab-3')).toEqual(expect.arrayContaining(['Shahab-3', 'Shahab 3', 'Shehab-3', 'Shehab 3', 'Shabab-3', 'Shabab 3']));
    expect(aliasesOf('dprk')).toEqual(expect.arrayContaining(['North Korea', 'DPRK', 'Pyongyang', 'N. Korea', 'North Korean']));
    expect(aliasesOf('iran')).toEqual(expect.arrayContaining(['Iran', 'Tehran', 'Iranian', 'Islamic Republic']));
    expect(aliasesOf('komid')).toEqual(expect.arrayContaining(['KOMID', 'Korea Mining Development Trading Corp.']));
    expect(aliasesOf('nodong-1')).toEqual(expect.arrayContaining(['Nodong', 'No-dong', 'Rodong']));
    expect(aliasesOf('irgc')).toEqual(expect.arrayContaining(['IRGC', 'Revolutionary Guards', 'Islamic Revolutionary Guards Corps']));
  });

  it('ties systems and people to their country', () => {
    const countryOf = (id: string) => db.entities.find((e) => e.id === id)?.country;
    expect([countryOf('shahab-3'), countryOf('nodong-1'), countryOf('komid'), countryOf('irgc'), countryOf('rafsanjani')]).toEqual(['iran', 'dprk', 'dprk', 'iran', 'iran']);
  });

  it('keeps the Scud dating conflict explicit', () => {
    const early = 'dprk-scud-b-to-irgc-1986-1987';
    const late = 'dprk-scud-b-to-iran-1989';
    expect(claim(early).time).toMatchObject({ start: '1986-12', end: '1987-03' });
    expect(claim(late).time).toMatchObject({ start: '1989' });
    expect(relates(early, late, 'contradicts') && relates(late, early, 'contradicts')).toBe(true);
    expect(relates('dprk-scud-missiles-to-iran-after-1982', late, 'contradicts')).toBe(true);
    expect(stances(late, SEED_IDS.alfoneh)).toContain('disputes');
    expect(stances(early, SEED_IDS.criticalThreats)).toContain('disputes');
  });

  it('keeps the Il-76 destination conflict explicit', () => {
    const iran = 'il-76-arms-bound-for-iran-2009';
    for (const other of ['il-76-flight-plan-colombo-2009', 'il-76-cargo-for-hezbollah-2009', 'iran-foreign-ministry-denies-il-76-shipment']) {
      expect(relates(iran, other, 'contradicts') && relates(other, iran, 'contradicts'), other).toBe(true);
    }
    const disputing = claim(iran).evidence.filter((e) => e.stance === 'disputes');
    expect(disputing.map((e) => e.speaker)).toEqual(expect.arrayContaining(['Iranian Foreign Ministry', 'Avigdor Lieberman']));
  });

  it('records the official denials as claims and as disputing evidence', () => {
    for (const id of ['dprk-diplomats-deny-military-cooperation-2008', 'ahmadinejad-denies-military-cooperation-2007']) {
      expect(claim(id).topics).toContain('denial');
      expect(relates(id, 'iran-dprk-military-cooperation', 'contradicts')).toBe(true);
    }
    const speakers = claim('iran-dprk-military-cooperation').evidence.filter((e) => e.stance === 'disputes').map((e) => e.speaker);
    expect(speakers).toEqual(expect.arrayContaining(['North Korean diplomats stationed in Iran', 'Mahmoud Ahmadinejad']));
  });

  it('records Khushroo’s “no commonality” against the nuclear-cooperation claims', () => {
    const denial = 'khushroo-no-commonality-nuclear-programmes-2010';
    expect(claim(denial).topics).toEqual(expect.arrayContaining(['denial', 'nuclear']));
    for (const id of ['iran-dprk-nuclear-cooperation', 'dprk-nuclear-assistance-to-iran']) {
      expect(relates(id, denial, 'contradicts'), id).toBe(true);
      const khushroo = claim(id).evidence.filter((e) => e.speaker === 'Gholam Ali Khushroo').map((e) => e.stance);
      expect(khushroo.some((s) => s === 'disputes' || s === 'qualifies'), id).toBe(true);
    }
  });

  it('links every contradiction in both directions', () => {
    const oneWay = db.claims.flatMap((c) =>
      (c.related ?? [])
        .filter((r) => r.relation === 'contradicts' && !relates(r.claim, c.id, 'contradicts'))
        .map((r) => `${c.id} -> ${r.claim}`),
    );
    expect(oneWay).toEqual([]);
  });
});
