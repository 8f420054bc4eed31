/** The reading engine in one call: match an article's sentences and score its topic. */
import { segmentSentences } from '../article/segment';
import { scoreTopic } from '../article/topic';
import type { PageSentence, SentenceMatch, TopicVerdict } from '../article/types';
import type { CompiledIndex } from './compile';
import { matchSentences, type FactsCache } from './match';

/** What the background and the command line call. */
export interface Engine {
  /** Matches the sentences and scores the topic; matches are returned even when off topic. */
  analyse(input: { title: string; sentences: readonly PageSentence[] }): Promise<{
    topic: TopicVerdict;
    matches: SentenceMatch[];
  }>;
  /** As analyse, on an article's text: splits it into sentences first (the extension's path). */
  analyseText(input: { title: string; text: string }): Promise<{
    topic: TopicVerdict;
    matches: SentenceMatch[];
  }>;
  /**
   * Builds what the first analysis would build (the index's lookups, the sentence segmenter) and
   * runs the code once on a short text, so that a reader's first article is not also the first call.
   */
  warmUp(): Promise<void>;
}

/** A short text that takes every step of an analysis: names, a transfer, a year, a denial. */
export const WARM_UP_TEXT =
  'North Korea sold Scud missiles to Iran in 1987, officials said.\n\nTehran denied that Pyongyang had helped its nuclear programme. The two countries reportedly traded oil for weapons.';

/** Wraps a compiled index. */
export function createEngine(index: CompiledIndex): Engine {
  return {
    async analyse({ title, sentences }) {
      // One cache per article: matching and the topic score read each sentence once between them.
      const cache: FactsCache = new Map();
      const matches = matchSentences(index, sentences, cache);
      return { topic: scoreTopic(index, title, sentences, matches, cache), matches };
    },
    async analyseText({ title, text }) {
      return this.analyse({ title, sentences: segmentSentences(text) });
    },
    async warmUp() {
      await this.analyseText({ title: '', text: WARM_UP_TEXT });
    },
  };
}
