/** `npm run bench:quality`: matching quality on our fixtures, ours against the MiniSearch baseline. */
import { compileIndex } from '../lib/claims/compile';
import { loadDatabase } from '../lib/claims/load';
import { miniSearchPerSentence } from './baselines';
import { evaluate, formatReport } from './quality-eval';

const db = loadDatabase();
const index = compileIndex(db);
const ours = await evaluate(index);
console.log(formatReport(`Nexus Lens matcher (${db.claims.length} claims)`, ours));
const mini = miniSearchPerSentence(db.claims);
const baseline = await evaluate(index, (sentences) => mini.match(sentences).map((h) => ({ ...h, stance: 'asserts' as const })));
console.log(`\n${formatReport('Baseline: MiniSearch per sentence (best hit, no stance)', baseline)}`);
if (process.argv.includes('--misses')) {
  console.log('\nMistakes of our matcher:');
  for (const m of ours.misses) console.log(`  ${m}`);
}
