/** The side panel's body for one tab: its status, topic verdict and claim cards. */
import type { ClaimDatabase, Claim, Source } from '../lib/claims/types';
import type { SentenceMatch, TabState } from '../lib/article/types';
import { ClaimCard } from './ClaimCard';
import { relatedClaims } from './related';

export interface TabStateViewProps {
  state: TabState | null;
  database: ClaimDatabase;
  selectedClaim: string | null;
  onAnnotate: () => void;
  onReveal: (match: SentenceMatch) => void;
}

/** Groups matches by claim, in the order the article first states each claim. */
export function claimsInArticleOrder(matches: readonly SentenceMatch[]): { claimId: string; matches: SentenceMatch[] }[] {
  const byClaim = new Map<string, SentenceMatch[]>();
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    byClaim.set(m.claimId, [...(byClaim.get(m.claimId) ?? []), m]);
  }
  return [...byClaim].map(([claimId, list]) => ({ claimId, matches: list }));
}

export function TabStateView({ state, database, selectedClaim, onAnnotate, onReveal }: TabStateViewProps) {
  if (state === null) {
    return <p class="status" role="status">Loading…</p>;
  }
  switch (state.status) {
    case 'idle':
      return (
        <div class="status empty" role="status">
          <p>This page does not look like an article about Iran–North Korea cooperation.</p>
          <button type="button" onClick={onAnnotate}>Annotate this page anyway</button>
        </div>
      );
    case 'analysing':
      return <p class="status" role="status" aria-busy="true">Reading “{state.title}”…</p>;
    case 'error':
      return (
        <div class="status error" role="alert">
          <p>Nexus Lens could not read this page: {state.message}</p>
          <button type="button" onClick={onAnnotate}>Try again</button>
        </div>
      );
    case 'off-topic':
      return (
        <div class="status off-topic" role="status">
          <p>Not about Iran–North Korea cooperation (score {state.topic.score.toFixed(2)}).</p>
          <ul class="reasons">{state.topic.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
        </div>
      );
    case 'annotated': {
      const claims = new Map<string, Claim>(database.claims.map((c) => [c.id, c]));
      const sources = new Map<string, Source>(database.sources.map((s) => [s.id, s]));
      const groups = claimsInArticleOrder(state.matches);
      return (
        <div>
          <section class="topic" aria-label="Topic verdict">
            <p>
              <strong>On topic</strong> (score {state.topic.score.toFixed(2)}) · {groups.length} claim
              {groups.length === 1 ? '' : 's'}
            </p>
            <ul class="reasons">{state.topic.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
          </section>
          {groups.length === 0 ? <p class="status">No claim from the database is stated here.</p> : null}
          {groups.map(({ claimId, matches }) => {
            const claim = claims.get(claimId);
            if (!claim) return null;
            return (
              <ClaimCard
                key={claimId}
                claim={claim}
                matches={matches}
                sources={sources}
                related={relatedClaims(claim, claims)}
                selected={selectedClaim === claimId}
                onReveal={onReveal}
              />
            );
          })}
        </div>
      );
    }
  }
}
