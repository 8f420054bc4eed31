import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLAIMS_DIR } from '../../lib/claims/load';
import { claimIndexPlugin, DATABASE_MODULE, INDEX_MODULE } from '../../lib/claims/vite-plugin';

/** Calls the plugin's hooks the way Vite does during a build. */
function loadVirtual(dir: string, id: string): string {
  const plugin = claimIndexPlugin(dir);
  const resolved = (plugin.resolveId as unknown as (id: string) => string | undefined)(id);
  expect(resolved).toBeDefined();
  const context = { addWatchFile: () => undefined };
  return (plugin.load as unknown as (this: typeof context, id: string) => string).call(context, resolved as string);
}

function copyDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nexus-claims-'));
  cpSync(DEFAULT_CLAIMS_DIR, dir, { recursive: true });
  return dir;
}

describe('the claim-index build plugin', () => {
  it('serves the compiled index and the database of the real data', () => {
    const index = loadVirtual(DEFAULT_CLAIMS_DIR, INDEX_MODULE);
    expect(index).toMatch(/^export default JSON\.parse\(/);
    const value = JSON.parse(JSON.parse(index.slice('export default JSON.parse('.length, -2)) as string) as { claims: unknown[]; postings: object };
    expect(value.claims.length).toBeGreaterThan(50);
    expect(Object.keys(value.postings).length).toBeGreaterThan(10);
    expect(loadVirtual(DEFAULT_CLAIMS_DIR, DATABASE_MODULE)).toContain('\\"evidence\\"');
  });

  it('fails the build on a bad entry, naming the file, the id and the reason', () => {
    const dir = copyDatabase();
    const file = join(dir, 'claims/missile.json');
    const claims = JSON.parse(readFileSync(file, 'utf8')) as { id: string; evidence: { source: string }[] }[];
    const victim = claims[0]!;
    victim.evidence[0]!.source = 'no-such-source';
    writeFileSync(file, JSON.stringify(claims));
    expect(() => loadVirtual(dir, INDEX_MODULE)).toThrowError(
      new RegExp(`claims/missile\\.json: ${victim.id}: .*no-such-source`),
    );
  });

  it('fails the build on a file that is not JSON', () => {
    const dir = copyDatabase();
    writeFileSync(join(dir, 'claims/broken.json'), '{ not json');
    expect(() => loadVirtual(dir, INDEX_MODULE)).toThrowError(/broken\.json/);
  });
});
