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
const heldOut = await evaluate(index, undefined, 'held-out');
if (heldOut.pages.tp + heldOut.pages.fn > 0) {
  console.log(`\n${formatReport('Held-out pages (tests/fixtures/held-out: written without looking at the matcher, never tuned on)', heldOut).split('\n').filter((l) => !/paraphrase|hard negatives/.test(l)).join('\n')}`);
}
if (process.argv.includes('--misses')) {
  console.log('\nMistakes of our matcher:');
  for (const m of ours.misses) console.log(`  ${m}`);
  if (heldOut.misses.length > 0) console.log('\nMistakes on the held-out pages:');
  for (const m of heldOut.misses) console.log(`  ${m}`);
}
