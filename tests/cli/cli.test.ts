import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';

const FIXTURES = join(import.meta.dirname, '../fixtures/pages');

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, (t) => (out += t), (t) => (err += t));
  return { code, out, err };
}

describe('nexus-lens annotate', () => {
  it('prints one JSON object per input in the documented shape, and matches on an on-topic page', async () => {
    const { code, out } = await run(['annotate', join(FIXTURES, 'on-shahab-nodong-lineage.html'), join(FIXTURES, 'off-recipe-lentil-soup.html'), '--json']);
    expect(code).toBe(0);
    const results = JSON.parse(out) as { file: string; title: string; topic: { onTopic: boolean; score: number; reasons: string[] }; matches: Record<string, unknown>[] }[];
    expect(results).toHaveLength(2);
    const [on, off] = results;
    expect(on?.topic.onTopic).toBe(true);
    expect(on?.matches.length).toBeGreaterThan(2);
    for (const m of on?.matches ?? []) {
      expect(Object.keys(m).sort()).toEqual(['claim', 'claimId', 'end', 'score', 'sentence', 'stance', 'start']);
    }
    expect(on?.matches.map((m) => m.claimId)).toContain('dprk-nodong-1-to-iran-1993');
    expect(off?.topic.onTopic).toBe(false);
    expect(off?.matches).toEqual([]);
  });

  it('reports no matches off topic unless forced', async () => {
    const page = join(FIXTURES, 'near-aq-khan-network.html');
    const plain = JSON.parse((await run(['annotate', page, '--json'])).out) as { topic: { onTopic: boolean }; matches: unknown[] }[];
    expect(plain[0]?.topic.onTopic).toBe(false);
    expect(plain[0]?.matches).toEqual([]);
    const forced = await run(['annotate', page, '--json', '--force']);
    expect(forced.code).toBe(0);
  });

  it('names bad inputs, exits 1, and still processes the good ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nexus-cli-'));
    const binary = join(dir, 'image.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const { code, out, err } = await run(['annotate', join(dir, 'missing.html'), binary, join(FIXTURES, 'on-missile-qa-wire.txt'), '--json']);
    expect(code).toBe(1);
    expect(err).toContain('no such file');
    expect(err).toContain('image.png');
    const results = JSON.parse(out) as { file: string }[];
    expect(results.map((r) => r.file)).toEqual([join(FIXTURES, 'on-missile-qa-wire.txt')]);
  });

  it('reads folders and prints a readable report', async () => {
    const { code, out } = await run(['annotate', FIXTURES]);
    expect(code).toBe(0);
    expect(out).toContain('ON TOPIC');
    expect(out).toContain('off topic');
    expect(out).toMatch(/\[(asserts|denies|hedges)\] \d\.\d\d/);
  });

  it('refuses usage errors with status 2', async () => {
    expect((await run(['annotate'])).code).toBe(2);
    expect((await run(['annotate', 'x', '--frobnicate'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
  });
});

describe('nexus-lens claims', () => {
  it('prints the validated database in the documented JSON shape', async () => {
    const { code, out } = await run(['claims', '--json']);
    expect(code).toBe(0);
    const db = JSON.parse(out) as { sources: Record<string, unknown>[]; claims: { id: string; statement: string; evidence: Record<string, unknown>[] }[] };
    expect(db.claims.length).toBeGreaterThanOrEqual(60);
    for (const s of db.sources) for (const key of ['id', 'title', 'publisher']) expect(s).toHaveProperty(key);
    for (const c of db.claims) {
      expect(c.statement.length).toBeGreaterThan(10);
      for (const e of c.evidence) for (const key of ['source', 'stance', 'quote']) expect(e).toHaveProperty(key);
    }
  });
});

describe('nexus-lens explain', () => {
  it('says a sentence states a claim, with its score and the parties it found', async () => {
    const { code, out } = await run(['explain', 'dprk-nodong-1-to-iran-1993', 'North Korea sold the Nodong-1 missile to Iran in 1993.']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Claim: /);
    expect(out).toContain('dprk (giver)');
    expect(out).toMatch(/Stated: score 0\.\d\d/);
  });

  it('names the check a sentence fails: the reversed direction, a missing party', async () => {
    expect((await run(['explain', 'dprk-nodong-1-to-iran-1993', 'Iran sold the Nodong-1 missile to North Korea in 1993.'])).out).toContain(
      'Not stated: it has the transfer the other way round',
    );
    expect((await run(['explain', 'dprk-nodong-1-to-iran-1993', 'The Nodong-1 was sold in 1993.'])).out).toContain('Not stated: it does not name');
    // The party may come from the sentence before.
    const after = await run(['explain', 'dprk-nodong-1-to-iran-1993', 'Pyongyang sold it the Nodong-1 in 1993.', '--after=Iran wanted a longer-range missile.']);
    expect(after.out).toContain('Stated:');
  });

  it('refuses an unknown claim and a wrong number of arguments', async () => {
    expect((await run(['explain', 'no-such-claim', 'Anything.'])).code).toBe(1);
    expect((await run(['explain', 'dprk-nodong-1-to-iran-1993'])).code).toBe(2);
    expect((await run(['explain', 'a', 'b', '--frobnicate'])).code).toBe(2);
  });
});
