/** Browse and search the bundled claim database: every claim with its sources. */
import { useMemo, useState } from 'preact/hooks';
import type { ClaimDatabase, Claim, Source } from '../lib/claims/types';
import { ClaimCard } from './ClaimCard';
import { relatedClaims } from './related';

export interface ClaimBrowserProps {
  database: ClaimDatabase;
}

function matchesQuery(claim: Claim, query: string): boolean {
  if (!query) return true;
  const haystack = [claim.statement, claim.id, ...claim.topics, ...claim.evidence.map((e) => e.quote)]
    .join(' ')
    .toLowerCase();
  return query.toLowerCase().split(/\s+/).every((word) => haystack.includes(word));
}

export function ClaimBrowser({ database }: ClaimBrowserProps) {
  const [query, setQuery] = useState('');
  const sources = useMemo(() => new Map<string, Source>(database.sources.map((s) => [s.id, s])), [database]);
  const claims = useMemo(() => new Map<string, Claim>(database.claims.map((c) => [c.id, c])), [database]);
  const shown = database.claims.filter((c) => matchesQuery(c, query));
  return (
    <section aria-label="Claim database">
      <input
        type="search"
        placeholder="Search claims, quotes, topics"
        aria-label="Search the claim database"
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      <p class="status" role="status">
        {shown.length} of {database.claims.length} claims · {database.sources.length} sources
      </p>
      {shown.map((claim) => (
        <ClaimCard
          key={claim.id}
          claim={claim}
          matches={[]}
          sources={sources}
          related={relatedClaims(claim, claims)}
          selected={false}
          onReveal={() => undefined}
        />
      ))}
    </section>
  );
}
