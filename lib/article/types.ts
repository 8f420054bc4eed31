/** Types shared by extraction, topic scoring and matching: the article as sentences and what we found in it. */

/** One sentence of the article text, with its character offsets in that text. */
export interface PageSentence {
  text: string;
  start: number;
  end: number;
}

/** Whether an article is about Iran–DPRK cooperation, how sure we are, and why. */
export interface TopicVerdict {
  onTopic: boolean;
  /** 0..1; the article is on topic at or above TOPIC_THRESHOLD. */
  score: number;
  /** Human-readable reasons for the UI: terms found, claims matched. */
  reasons: string[];
}

/** How a sentence states a claim. */
export type SentenceStance = 'asserts' | 'denies' | 'hedges';

/** One sentence that states one claim of the database. */
export interface SentenceMatch {
  /** Index of the sentence in the list that was matched. */
  sentenceIndex: number;
  /** The sentence's text. */
  sentence: string;
  start: number;
  end: number;
  claimId: string;
  stance: SentenceStance;
  /** 0..1 match confidence. */
  score: number;
}

/** What the extension knows about one tab; the side panel renders it. */
export type TabState =
  | { status: 'idle'; url?: string }
  | { status: 'analysing'; url: string; title: string }
  | { status: 'off-topic'; url: string; title: string; topic: TopicVerdict }
  | {
      status: 'annotated';
      url: string;
      title: string;
      topic: TopicVerdict;
      matches: SentenceMatch[];
    }
  | { status: 'error'; url: string; message: string };
