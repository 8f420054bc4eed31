/** Resolves a claim's related-claim links to the claims themselves, dropping any that are unknown. */
import type { Claim, Relation } from '../lib/claims/types';

/** A related claim as the cards show it. */
export interface RelatedClaim {
  claim: Claim;
  relation: Relation;
}

/** The claims `claim` links to, in its order. */
export function relatedClaims(claim: Claim, claims: ReadonlyMap<string, Claim>): RelatedClaim[] {
  const out: RelatedClaim[] = [];
  for (const link of claim.related ?? []) {
    const other = claims.get(link.claim);
    if (other) out.push({ claim: other, relation: link.relation });
  }
  return out;
}
