/** Baseline matchers the benchmarks compare ours against: all-pairs Jaccard, MiniSearch, Fuse.js. */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { PageSentence } from '../lib/article/types';
import type { Claim } from '../lib/claims/types';
import { STOP_WORDS } from '../lib/claims/lexicon';
import { normalise, tokenize } from '../lib/claims/text';

/** A baseline's answer for one sentence: the claim it picks, if any. */
export type BaselineHit = { sentenceIndex: number; claimId: string; score: number };

/** Claim text the baselines search: the statement and the phrasings. */
const claimText = (c: Claim) => [c.statement, ...c.match.phrasings].join(' ');
const tokenSet = (text: string) => new Set(tokenize(normalise(text)).filter((t) => !STOP_WORDS.has(t.word)).map((t) => t.stem));

/** Every sentence against every claim, by token Jaccard similarity; best claim above `threshold`. */
export function jaccardAllPairs(claims: readonly Claim[], threshold = 0.2) {
  const sets = claims.map((c) => tokenSet(claimText(c)));
  return (sentences: readonly PageSentence[]): BaselineHit[] => {
    const hits: BaselineHit[] = [];
    sentences.forEach((s, sentenceIndex) => {
      const words = tokenSet(s.text);
      let best = -1;
      let bestScore = threshold;
      sets.forEach((set, i) => {
        let shared = 0;
        for (const w of words) if (set.has(w)) shared++;
        const score = shared / (words.size + set.size - shared || 1);
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      });
      if (best >= 0) hits.push({ sentenceIndex, claimId: (claims[best] as Claim).id, score: bestScore });
    });
    return hits;
  };
}

/** MiniSearch over the claims, queried once per sentence; best hit above `minScore`. */
export function miniSearchPerSentence(claims: readonly Claim[], minScore = 12) {
  const index = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], storeFields: [] });
  index.addAll(claims.map((c) => ({ id: c.id, text: claimText(c) })));
  return {
    index,
    match(sentences: readonly PageSentence[]): BaselineHit[] {
      const hits: BaselineHit[] = [];
      sentences.forEach((s, sentenceIndex) => {
        const [top] = index.search(s.text, { combineWith: 'OR' });
        if (top && top.score >= minScore) hits.push({ sentenceIndex, claimId: String(top.id), score: top.score });
      });
      return hits;
    },
  };
}

/** Fuse.js fuzzy search per sentence (only sensible for small databases). */
export function fusePerSentence(claims: readonly Claim[], maxScore = 0.6) {
  const fuse = new Fuse(claims.map((c) => ({ id: c.id, text: claimText(c) })), { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: maxScore });
  return (sentences: readonly PageSentence[]): BaselineHit[] => {
    const hits: BaselineHit[] = [];
    sentences.forEach((s, sentenceIndex) => {
      const [top] = fuse.search(s.text.slice(0, 120));
      if (top && (top.score ?? 1) <= maxScore) hits.push({ sentenceIndex, claimId: top.item.id, score: 1 - (top.score ?? 1) });
    });
    return hits;
  };
}
