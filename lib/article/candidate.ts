/** The cheap look every page gets: is this possibly an article about Iran and North Korea together? */

/** Words that name Iran or its programmes. Matched case-insensitively on word boundaries. */
const IRAN_TERMS =
  /\b(?:iran(?:ian)?s?|tehran|islamic republic|irgc|revolutionary guards?|shahab|shehab|shabab|rafsanjani|ahmadinejad|khamenei|rouhani|raisi|semnan|simorgh)\b/gi;
/** Words that name North Korea or its programmes. */
const DPRK_TERMS =
  /\b(?:north korea(?:ns?)?|dprk|pyongyang|n\. ?korea|kim jong[- ]un|kim jong[- ]il|kim il[- ]sung|nodong|rodong|komid|hwasong|musudan)\b/gi;

/** Characters of page text the detector reads at most: enough for a lede, cheap on any page. */
export const CANDIDATE_TEXT_CAP = 6_000;
/** Mentions of each side that make a page certainly a candidate (score 1). */
const FULL_SCORE_MENTIONS = 3;

/** What the detector collected from a page. */
export interface PageGlance {
  url: string;
  title: string;
  /** meta description, og:title, keywords: whatever the page says about itself. */
  meta: string;
  /** At most CANDIDATE_TEXT_CAP characters of paragraph text. */
  text: string;
}

/** The detector's verdict: a candidate needs both an Iran term and a DPRK term. */
export interface CandidateVerdict {
  candidate: boolean;
  /** 0..1: how strongly both sides are present. */
  score: number;
  iranMentions: number;
  dprkMentions: number;
}

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** Decides whether a page deserves the annotator; linear in the (capped) text, no DOM access. */
export function judgeCandidate(glance: PageGlance): CandidateVerdict {
  let url = glance.url;
  try {
    url = decodeURIComponent(url);
  } catch {
    // a malformed escape: keep the raw URL
  }
  const text = `${url.replace(/[-_/.+]/g, ' ')}\n${glance.title}\n${glance.meta}\n${glance.text.slice(0, CANDIDATE_TEXT_CAP)}`;
  const iranMentions = count(IRAN_TERMS, text);
  const dprkMentions = count(DPRK_TERMS, text);
  const weaker = Math.min(iranMentions, dprkMentions);
  return {
    candidate: weaker > 0,
    score: Math.min(1, weaker / FULL_SCORE_MENTIONS),
    iranMentions,
    dprkMentions,
  };
}
