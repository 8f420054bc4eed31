/** One claim matched in the article: how the article states it, and who corroborates or disputes it. */
import type { Claim, Evidence, Source } from '../lib/claims/types';
import type { SentenceMatch } from '../lib/article/types';
import type { RelatedClaim } from './related';

/** Labels for how the article states the claim. */
const STANCE_LABEL: Record<SentenceMatch['stance'], string> = {
  asserts: 'The article asserts it',
  denies: 'The article reports a denial',
  hedges: 'The article hedges it',
};

export interface ClaimCardProps {
  claim: Claim;
  /** Every sentence of the article that states this claim, in article order. */
  matches: SentenceMatch[];
  sources: ReadonlyMap<string, Source>;
  related: RelatedClaim[];
  selected: boolean;
  onReveal: (match: SentenceMatch) => void;
}

function sourceLine(evidence: Evidence, sources: ReadonlyMap<string, Source>): string {
  const source = sources.get(evidence.source);
  const who = source ? source.publisher : evidence.source;
  const via = (evidence.via ?? [])
    .map((id) => sources.get(id)?.publisher ?? id)
    .filter((name, i, all) => all.indexOf(name) === i);
  return via.length > 0 ? `Reported by ${who}, citing ${via.join(', ')}` : `Reported by ${who}`;
}

function EvidenceItem({ evidence, sources }: { evidence: Evidence; sources: ReadonlyMap<string, Source> }) {
  const source = sources.get(evidence.source);
  const date = evidence.date ?? source?.date;
  return (
    <li class={`evidence evidence-${evidence.stance}`}>
      <blockquote>{evidence.quote}</blockquote>
      <p class="evidence-meta">
        {evidence.speaker ? <span>{evidence.speaker} · </span> : null}
        {source?.url ? (
          <a href={source.url} target="_blank" rel="noreferrer noopener">
            {source.title}
          </a>
        ) : (
          <cite>{source?.title ?? evidence.source}</cite>
        )}
        {date ? <span> · {date}</span> : null}
      </p>
      <p class="evidence-chain">{sourceLine(evidence, sources)}</p>
    </li>
  );
}

/** A card; clicking a sentence scrolls the page to it. */
export function ClaimCard({ claim, matches, sources, related, selected, onReveal }: ClaimCardProps) {
  const corroborating = claim.evidence.filter((e) => e.stance !== 'disputes');
  const conflicting = claim.evidence.filter((e) => e.stance === 'disputes');
  const timeline = [...claim.evidence]
    .map((e) => ({ e, date: e.date ?? sources.get(e.source)?.date }))
    .filter((x): x is { e: Evidence; date: string } => Boolean(x.date))
    .sort((a, b) => a.date.localeCompare(b.date));
  return (
    <article
      class={`card${selected ? ' card-selected' : ''}`}
      id={`card-${claim.id}`}
      data-claim-id={claim.id}
      aria-labelledby={`claim-${claim.id}`}
    >
      <h3 id={`claim-${claim.id}`}>{claim.statement}</h3>
      <ul class="sentences">
        {matches.map((m) => (
          <li key={m.start}>
            <button
              type="button"
              class={`sentence stance-${m.stance}`}
              onClick={() => onReveal(m)}
              aria-label={`${STANCE_LABEL[m.stance]}: ${m.sentence}. Show in page.`}
            >
              <span class="stance">{STANCE_LABEL[m.stance]}</span> “{m.sentence}”
            </button>
          </li>
        ))}
      </ul>
      <section aria-label="Sources that corroborate">
        <h4>Corroborated by ({corroborating.length})</h4>
        <ul class="evidence-list">
          {corroborating.map((e, i) => (
            <EvidenceItem key={`s${i}`} evidence={e} sources={sources} />
          ))}
        </ul>
      </section>
      {conflicting.length > 0 ? (
        <section aria-label="Sources that conflict">
          <h4>Disputed by ({conflicting.length})</h4>
          <ul class="evidence-list">
            {conflicting.map((e, i) => (
              <EvidenceItem key={`d${i}`} evidence={e} sources={sources} />
            ))}
          </ul>
        </section>
      ) : null}
      {related.length > 0 ? (
        <section aria-label="Related claims">
          <h4>Related claims</h4>
          <ul class="related">
            {related.map((r) => (
              <li key={r.claim.id} class={`relation-${r.relation}`}>
                <span class="relation">{r.relation}</span> {r.claim.statement}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {timeline.length > 1 ? (
        <section aria-label="Timeline">
          <h4>Timeline</h4>
          <ol class="timeline">
            {timeline.map(({ e, date }, i) => (
              <li key={i}>
                <time>{date}</time> {sources.get(e.source)?.publisher ?? e.source} ({e.stance})
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
