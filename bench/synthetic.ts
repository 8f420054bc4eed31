/** Synthetic claim databases and articles for the speed benchmarks: deterministic, any size. */
import type { PageSentence } from '../lib/article/types';
import type { Claim, ClaimDatabase, Entity } from '../lib/claims/types';

/** A small deterministic PRNG (LCG), so every run measures the same data. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'sa', 'vel', 'dun', 'pri', 'zo', 'hal', 'nek', 'bar', 'quin', 'os', 'tel', 'ru', 'fam', 'gid', 'wen'];
const VERBS = ['sold', 'supplied', 'delivered', 'shipped', 'transferred', 'provided', 'exported'];
const FILLER = 'officials said the report on regional security was released on monday after a long review of policy and trade by analysts in several capitals'.split(' ');

function word(rand: () => number, syllables = 3): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

/** Builds a database of `n` claims over 60 countries and n/5 named systems. */
export function syntheticDatabase(n: number, seed = 1): ClaimDatabase {
  const rand = prng(seed);
  const countries: Entity[] = Array.from({ length: 60 }, (_, i) => ({ id: `country-${i}`, kind: 'country', name: `${word(rand, 2)}land`, aliases: [] }));
  const systems: Entity[] = Array.from({ length: Math.max(50, Math.floor(n / 5)) }, (_, i) => ({
    id: `system-${i}`,
    kind: 'system',
    name: `${word(rand, 2)}-${i}`,
    aliases: [],
  }));
  const claims: Claim[] = [];
  for (let i = 0; i < n; i++) {
    const from = countries[Math.floor(rand() * countries.length)] as Entity;
    let to = countries[Math.floor(rand() * countries.length)] as Entity;
    if (to === from) to = countries[(countries.indexOf(from) + 1) % countries.length] as Entity;
    const system = systems[Math.floor(rand() * systems.length)] as Entity;
    const noun = word(rand, 3);
    const year = 1980 + Math.floor(rand() * 40);
    const verb = VERBS[Math.floor(rand() * VERBS.length)] as string;
    claims.push({
      id: `claim-${i}`,
      statement: `${from.name} ${verb} ${system.name} ${noun} to ${to.name} in ${year}.`,
      topics: ['missile'],
      actors: [from.id, to.id],
      direction: { from: from.id, to: to.id, what: noun },
      systems: [system.id],
      time: { start: String(year), precision: 'year' },
      match: {
        require: [[system.name.toLowerCase()], [noun]],
        phrasings: [`${to.name} received ${noun} from ${from.name}.`, `The ${system.name} ${noun} went to ${to.name}.`],
      },
      evidence: [{ source: 'synthetic', stance: 'supports', quote: 'synthetic' }],
    });
  }
  return {
    sources: [{ id: 'synthetic', title: 'Synthetic', publisher: 'bench', kind: 'report', language: 'en' }],
    entities: [...countries, ...systems],
    claims,
  };
}

/** An article of `count` sentences, one in five restating a claim of `db` in other words. */
export function syntheticArticle(
  db: ClaimDatabase,
  count: number,
  seed = 2,
): { sentences: PageSentence[]; planted: Map<number, string> } {
  const planted = new Map<number, string>();
  const rand = prng(seed);
  const names = new Map(db.entities.map((e) => [e.id, e.name]));
  const out: PageSentence[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    let text: string;
    if (i % 5 === 0) {
      const claim = db.claims[Math.floor(rand() * db.claims.length)] as Claim;
      planted.set(i, claim.id);
      const to = names.get(claim.direction?.to ?? '') ?? '';
      const from = names.get(claim.direction?.from ?? '') ?? '';
      text = `According to officials, ${to} reportedly received ${claim.match.require[1]?.[0]} built around the ${claim.match.require[0]?.[0]} from ${from}.`;
    } else {
      const words = Array.from({ length: 12 + Math.floor(rand() * 14) }, () => FILLER[Math.floor(rand() * FILLER.length)]);
      if (rand() < 0.3) words.splice(3, 0, names.get(`country-${Math.floor(rand() * 60)}`) ?? '');
      text = `${words.join(' ')}.`;
      text = text[0]?.toUpperCase() + text.slice(1);
    }
    out.push({ text, start: offset, end: offset + text.length });
    offset += text.length + 1;
  }
  return { sentences: out, planted };
}
