/** The nexus-lens command line: `claims` lists the database, `annotate` runs the reading pipeline. */
import { annotateCommand } from './annotate';
import { claimsCommand } from './claims';
import { explainCommand } from './explain';

const HELP = `nexus-lens — annotate news about Iran–North Korea cooperation

Usage:
  nexus-lens annotate <file.html|file.txt|folder|url>... [--json] [--force]
      Extract each article, decide whether it is about Iran–DPRK cooperation, and list the
      sentences that state a claim of the bundled database with their stance and score.
      --json   one JSON array, an object per input (shape in README.md)
      --force  report matches even on an off-topic document
  nexus-lens claims [--json]
      List the claim database; --json prints { "sources": [...], "claims": [...] }.
  nexus-lens explain <claim-id> "<sentence>" [--after="<the sentence before>"]
      Say why the sentence does or does not state the claim: the check it fails, or its score.
  nexus-lens --help

Exit status: 0 when every input was read, 1 when any input failed, 2 for a usage error.
`;

/** Runs one command line; returns the exit status. `out`/`err` are seams for tests. */
export async function main(
  argv: string[],
  out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t),
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === 'claims') return claimsCommand(rest, out, err);
  if (command === 'annotate') return annotateCommand(rest, out, err);
  if (command === 'explain') return explainCommand(rest, out, err);
  err(`nexus-lens: unknown command '${command}'\n\n${HELP}`);
  return 2;
}
