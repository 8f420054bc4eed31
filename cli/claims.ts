/** `nexus-lens claims`: the validated claim database, as a readable list or as stable JSON. */
import { loadDatabaseFor } from './database';
import type { ClaimDatabase } from '../lib/claims/types';

/** The JSON shape tools read (documented in README.md; keep it stable). */
export function claimsJson(db: ClaimDatabase) {
  return {
    sources: db.sources.map(({ id, title, publisher, author, date, url, kind, cites }) => ({
      id, title, publisher, author, date, url, kind, cites,
    })),
    claims: db.claims.map((c) => ({
      id: c.id,
      statement: c.statement,
      topics: c.topics,
      actors: c.actors,
      direction: c.direction,
      systems: c.systems,
      time: c.time,
      evidence: c.evidence.map(({ source, stance, quote, via, speaker, date }) => ({ source, stance, quote, via, speaker, date })),
      related: c.related,
    })),
  };
}

export async function claimsCommand(
  args: string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length > 0) {
    err(`nexus-lens claims: unknown argument '${unknown[0]}'\n`);
    return 2;
  }
  const db = loadDatabaseFor('claims', err);
  if (!db) return 1;
  if (args.includes('--json')) {
    out(`${JSON.stringify(claimsJson(db), null, 2)}\n`);
    return 0;
  }
  const sources = new Map(db.sources.map((s) => [s.id, s]));
  out(`${db.claims.length} claims, ${db.sources.length} sources\n\n`);
  for (const claim of db.claims) {
    const stances = claim.evidence
      .map((e) => `${e.stance === 'supports' ? '+' : e.stance === 'disputes' ? '−' : '~'}${sources.get(e.source)?.publisher ?? e.source}`)
      .join(', ');
    out(`${claim.id}\n  ${claim.statement}\n  [${claim.topics.join(', ')}] ${stances}\n`);
  }
  return 0;
}
