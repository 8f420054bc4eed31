/** `nexus-lens explain`: why a sentence does or does not state a claim — the gate it failed, or its score. */
import { compileIndex } from '../lib/claims/compile';
import { loadDatabaseFor } from './database';
import { explainMatch, MATCH_THRESHOLD, type FailedGate } from '../lib/claims/match';

/** What each gate asks of a sentence, in the reader's words. */
const GATE: Record<FailedGate, string> = {
  parties: 'it does not name (or imply, from the sentences before) the parties the claim is about',
  concepts: "it lacks one of the claim's required words or their synonyms",
  owners: "it gives one of the claim's nouns another country ('Iranian scientists' for 'North Korean scientists')",
  year: "it names a year outside the claim's time",
  direction: 'it has the transfer the other way round, or another country at one end',
};

/** Runs `explain <claim-id> <sentence> [--after=…]`; returns the exit status (2 for a usage error). */
export async function explainCommand(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const positional = args.filter((a) => !a.startsWith('--'));
  const previous = args.find((a) => a.startsWith('--after='))?.slice('--after='.length) ?? '';
  const unknown = args.filter((a) => a.startsWith('--') && !a.startsWith('--after='));
  if (unknown.length > 0 || positional.length !== 2) {
    err(`nexus-lens explain: expected a claim id and a sentence${unknown[0] ? ` (unknown option '${unknown[0]}')` : ''}\n`);
    return 2;
  }
  const [claimId, sentence] = positional as [string, string];
  const db = loadDatabaseFor('explain', err);
  if (!db) return 1;
  const claim = db.claims.find((c) => c.id === claimId);
  if (!claim) {
    err(`nexus-lens explain: no claim '${claimId}' (see nexus-lens claims)\n`);
    return 1;
  }
  const explained = explainMatch(compileIndex(db), claimId, sentence, previous);
  if (!explained) return 1;
  const { result, parties } = explained;
  out(`Claim: ${claim.statement}\n`);
  out(`Parties found: ${parties.length ? parties.map((p) => (p.role ? `${p.entity} (${p.role})` : p.entity)).join(', ') : 'none'}\n`);
  if ('failed' in result) out(`Not stated: ${GATE[result.failed]}.\n`);
  else if (result.score < MATCH_THRESHOLD) out(`Not stated: score ${result.score.toFixed(2)} is under ${MATCH_THRESHOLD}.\n`);
  else out(`Stated: score ${result.score.toFixed(2)} (a match from ${MATCH_THRESHOLD}; other claims may still outrank it).\n`);
  return 0;
}
