// Feeds the validator deliberately broken records and checks each error names the file, the record and the reason.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatabase } from '../../lib/claims/load';
import { isPartialDate } from '../../lib/claims/schema';
import type { ClaimDatabase } from '../../lib/claims/types';
import { checkSeedQuotes, validateDatabase, type ClaimFile, type ValidationError } from '../../lib/claims/validate';

const SOURCES = 'data/claims/sources.json';
const ENTITIES = 'data/claims/entities.json';
const CLAIMS = 'data/claims/claims/test.json';

function source(extra: Record<string, unknown> = {}) {
  return { id: 'seed-a', title: 'A seed', publisher: 'Pub', kind: 'analysis', language: 'en', seed: 'a.txt', ...extra };
}
function entities() {
  return [
    { id: 'dprk', kind: 'country', name: 'North Korea', aliases: ['North Korea', 'Pyongyang'] },
    { id: 'iran', kind: 'country', name: 'Iran', aliases: ['Iran', 'Tehran'] },
  ];
}
function claim(extra: Record<string, unknown> = {}) {
  return {
    id: 'claim-a',
    statement: 'North Korea sold Iran missiles.',
    topics: ['missile'],
    actors: ['dprk', 'iran'],
    direction: { from: 'dprk', to: 'iran', what: 'missiles' },
    time: { start: '1989', precision: 'year' },
    match: { require: [['missile', 'missiles']], phrasings: ['Pyongyang sold Tehran missiles.'] },
    evidence: [{ source: 'seed-a', stance: 'supports', quote: 'North Korea sold missiles to Iran.' }],
    ...extra,
  };
}
function files(claims: unknown[], more: ClaimFile[] = [], sources: unknown[] = [source()]): ClaimFile[] {
  return [
    { path: SOURCES, data: sources },
    { path: ENTITIES, data: entities() },
    { path: CLAIMS, data: claims },
    ...more,
  ];
}
function errorsOf(input: ClaimFile[]): ValidationError[] {
  return validateDatabase(input).errors;
}
function expectError(errors: ValidationError[], path: string, id: string, reason: RegExp) {
  expect(errors, JSON.stringify(errors)).toContainEqual({ path, id, reason: expect.stringMatching(reason) });
}

describe('validateDatabase', () => {
  it('accepts a minimal valid database', () => {
    const { database, errors } = validateDatabase(files([claim()]));
    expect(errors).toEqual([]);
    expect(database.claims.map((c) => c.id)).toEqual(['claim-a']);
  });

  it('rejects unknown keys', () => {
    expectError(errorsOf(files([claim({ colour: 'red' })])), CLAIMS, 'claim-a', /unknown key "colour"/);
    const evidence = [{ source: 'seed-a', stance: 'supports', quote: 'q', page: 3 }];
    expectError(errorsOf(files([claim({ evidence })])), CLAIMS, 'claim-a', /unknown key "page".*evidence/);
  });

  it('rejects impossible or malformed dates', () => {
    expectError(errorsOf(files([claim({ time: { start: '2009-13', precision: 'month' } })])), CLAIMS, 'claim-a', /time\.start: .*real date/);
    expectError(errorsOf(files([claim({ time: { start: '1989-02-29', precision: 'day' } })])), CLAIMS, 'claim-a', /time\.start/);
    expectError(errorsOf(files([claim()], [], [source({ date: 'March 2010' })])), SOURCES, 'seed-a', /date: .*YYYY/);
  });

  it('checks partial dates against real calendars', () => {
    expect(['2010', '2010-03', '2010-03-31', '2000-02-29'].every(isPartialDate)).toBe(true);
    expect(['2010-00', '2010-04-31', '1989-02-29', '1900-02-29', '10-03', '2010-3'].some(isPartialDate)).toBe(false);
  });

  it('rejects time.end before time.start', () => {
    const time = { start: '1987-03', end: '1986-12', precision: 'month' };
    expectError(errorsOf(files([claim({ time })])), CLAIMS, 'claim-a', /time\.end 1986-12 is before time\.start 1987-03/);
    expect(errorsOf(files([claim({ time: { start: '1989-02', end: '1989', precision: 'year' } })]))).toEqual([]);
  });

  it('rejects evidence from an unknown source', () => {
    const evidence = [{ source: 'nowhere', stance: 'supports', quote: 'q' }];
    expectError(errorsOf(files([claim({ evidence })])), CLAIMS, 'claim-a', /evidence\[0\]: unknown source "nowhere"/);
  });

  it('rejects unknown via and cites ids', () => {
    const evidence = [{ source: 'seed-a', stance: 'supports', quote: 'q', via: ['ghost-report'] }];
    expectError(errorsOf(files([claim({ evidence })])), CLAIMS, 'claim-a', /evidence\[0\]\.via: unknown source "ghost-report"/);
    expectError(errorsOf(files([claim()], [], [source({ cites: ['ghost-report'] })])), SOURCES, 'seed-a', /cites unknown source "ghost-report"/);
  });

  it('rejects duplicate ids across files', () => {
    const other = 'data/claims/claims/other.json';
    const errors = errorsOf(files([claim()], [{ path: other, data: [claim()] }]));
    expectError(errors, other, 'claim-a', /duplicate claim id \(first defined in data\/claims\/claims\/test\.json\)/);
  });

  it('rejects claims without evidence', () => {
    expectError(errorsOf(files([claim({ evidence: [] })])), CLAIMS, 'claim-a', /evidence: .*at least one piece of evidence/);
    const { evidence: _dropped, ...noEvidence } = claim();
    expectError(errorsOf(files([noEvidence])), CLAIMS, 'claim-a', /evidence: missing required field/);
  });

  it('rejects unknown entities in actors, direction and systems', () => {
    expectError(errorsOf(files([claim({ actors: ['dprk', 'atlantis'] })])), CLAIMS, 'claim-a', /actors: unknown entity "atlantis"/);
    const direction = { from: 'dprk', to: 'atlantis', what: 'missiles' };
    expectError(errorsOf(files([claim({ direction })])), CLAIMS, 'claim-a', /direction\.to: unknown entity "atlantis"/);
    expectError(errorsOf(files([claim({ systems: ['unobtainium'] })])), CLAIMS, 'claim-a', /systems: unknown entity "unobtainium"/);
    const outsider = { from: 'dprk', to: 'dprk', what: 'x' };
    expect(errorsOf(files([claim({ direction: outsider, actors: ['iran'] })]))).toContainEqual(
      expect.objectContaining({ reason: expect.stringMatching(/direction\.from: "dprk" is not listed in actors/) }),
    );
  });

  it('rejects related claims that do not exist', () => {
    const related = [{ claim: 'claim-zzz', relation: 'contradicts' }];
    expectError(errorsOf(files([claim({ related })])), CLAIMS, 'claim-a', /related: unknown claim "claim-zzz"/);
  });

  it('rejects bad ids, empty strings, upper-case require words and too many concept groups', () => {
    expectError(errorsOf(files([claim({ id: 'Claim_A' })])), CLAIMS, 'Claim_A', /id: .*kebab-case/);
    expectError(errorsOf(files([claim({ statement: '  ' })])), CLAIMS, 'claim-a', /statement: .*non-empty/);
    const upper = { require: [['Missile']], phrasings: ['x'] };
    expectError(errorsOf(files([claim({ match: upper })])), CLAIMS, 'claim-a', /match\.require\.0\.0: must be lower case/);
    const four = { require: [['a'], ['b'], ['c'], ['d']], phrasings: ['x'] };
    expectError(errorsOf(files([claim({ match: four })])), CLAIMS, 'claim-a', /match\.require: must hold 1–3 concept groups/);
  });

  it('rejects an alias shared by two entities', () => {
    const dup = { path: 'data/claims/more-entities.json', kind: 'entities' as const, data: [{ id: 'persia', kind: 'country', name: 'Persia', aliases: ['tehran'] }] };
    expectError(errorsOf(files([claim()], [dup])), dup.path, 'persia', /alias "tehran" is also an alias of entity "iran"/);
  });

  it('rejects an entity country that is unknown or not a country', () => {
    const more = {
      path: 'data/claims/more-entities.json',
      kind: 'entities' as const,
      data: [
        { id: 'shahab-3', kind: 'system', name: 'Shahab-3', aliases: ['Shahab-3'], country: 'persia' },
        { id: 'nodong-1', kind: 'system', name: 'Nodong-1', aliases: ['Nodong'], country: 'shahab-3' },
      ],
    };
    const errors = errorsOf(files([claim()], [more]));
    expectError(errors, more.path, 'shahab-3', /country: unknown entity "persia"/);
    expectError(errors, more.path, 'nodong-1', /country: "shahab-3" is a system, not a country/);
  });

  it('reports a file that is not an array', () => {
    expectError(errorsOf([{ path: SOURCES, data: { not: 'an array' } }]), SOURCES, '(file)', /JSON array/);
  });

  it('names records without an id by their index', () => {
    expectError(errorsOf(files([claim(), { statement: 'no id' }])), CLAIMS, '#1', /id: missing required field/);
  });
});

describe('checkSeedQuotes', () => {
  const db: ClaimDatabase = validateDatabase(files([claim()])).database;
  it('accepts a quote that differs only in whitespace', () => {
    const texts = new Map([['a.txt', 'Intro.\n\nNorth Korea   sold\nmissiles\u00a0to Iran. End.']]);
    expect(checkSeedQuotes(db, texts)).toEqual([]);
  });
  it('reports a quote whose characters differ (quotes, case, words are not normalised)', () => {
    const texts = new Map([['a.txt', 'North Korea sold missiles to iran.']]);
    expect(checkSeedQuotes(db, texts)).toEqual([
      { claim: 'claim-a', source: 'seed-a', seed: 'a.txt', quote: 'North Korea sold missiles to Iran.', reason: 'quote not found in seed' },
    ]);
  });
  it('reports a missing seed text', () => {
    expect(checkSeedQuotes(db, new Map())).toEqual([expect.objectContaining({ claim: 'claim-a', reason: 'seed text missing' })]);
  });
});

describe('loadDatabase', () => {
  it('throws one `path: id: reason` line per problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claims-'));
    mkdirSync(join(dir, 'claims'));
    writeFileSync(join(dir, 'sources.json'), JSON.stringify([source()]));
    writeFileSync(join(dir, 'entities.json'), JSON.stringify(entities()));
    writeFileSync(join(dir, 'claims', 'bad.json'), JSON.stringify([claim({ extra: 1 }), claim({ id: 'claim-b', actors: ['dprk', 'iran', 'atlantis'] })]));
    expect(() => loadDatabase(dir)).toThrowError(/bad\.json: claim-a: unknown key "extra"\n.*bad\.json: claim-b: actors: unknown entity "atlantis"/);
  });

  it('returns the database when everything is valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claims-'));
    mkdirSync(join(dir, 'claims'));
    writeFileSync(join(dir, 'sources.json'), JSON.stringify([source()]));
    writeFileSync(join(dir, 'entities.json'), JSON.stringify(entities()));
    writeFileSync(join(dir, 'claims', 'ok.json'), JSON.stringify([claim()]));
    expect(loadDatabase(dir).claims).toHaveLength(1);
  });
});
