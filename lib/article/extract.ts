/** Article extraction: Readability on a clone of the document, then paragraphs and sentences with offsets. */
import { Readability } from '@mozilla/readability';
import { blockText } from './block-text';
import { segmentSentences } from './segment';
import type { PageSentence } from './types';

/** An article as the engine reads it. Sentence offsets index into `text`. */
export interface ExtractedArticle {
  title: string;
  byline?: string;
  date?: string;
  site?: string;
  /** Paragraphs separated by blank lines. */
  text: string;
  sentences: PageSentence[];
}

/** Largest number of elements Readability may parse; past it we fall back to the body's text. */
const MAX_ELEMENTS_TO_PARSE = 100_000;

function meta(doc: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const el =
      doc.querySelector(`meta[property="${name}"]`) ?? doc.querySelector(`meta[name="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/**
 * Extracts the article of `doc` without touching it: Readability runs on a deep clone (it mutates
 * what it reads). Falls back to the whole body's text when Readability finds no article.
 */
export function extractArticle(doc: Document): ExtractedArticle {
  const clone = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  try {
    parsed = new Readability<Node>(clone, {
      serializer: (node) => node,
      maxElemsToParse: MAX_ELEMENTS_TO_PARSE,
    }).parse();
  } catch {
    parsed = null; // too many elements or a document Readability cannot read
  }
  const root: Node | null | undefined = parsed?.content ?? doc.body;
  const text = root ? blockText(root) : '';
  const title =
    clean(parsed?.title) ?? clean(meta(doc, 'og:title')) ?? clean(doc.title) ?? '';
  return {
    title,
    byline: clean(parsed?.byline) ?? clean(meta(doc, 'author', 'article:author')),
    date:
      clean(parsed?.publishedTime) ??
      clean(meta(doc, 'article:published_time', 'date', 'pubdate')) ??
      clean(doc.querySelector('time[datetime]')?.getAttribute('datetime')),
    site: clean(parsed?.siteName) ?? clean(meta(doc, 'og:site_name')),
    text,
    sentences: segmentSentences(text),
  };
}

/** Reads a plain-text article: the first line is its title when a blank line follows it. */
export function extractPlainText(input: string): ExtractedArticle {
  const normalised = input.replace(/\r\n?/g, '\n');
  const titled = /^([^\n]{1,300})\n\s*\n/.exec(normalised);
  const title = titled?.[1]?.trim() ?? '';
  const text = normalised
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return { title, text, sentences: segmentSentences(text) };
}
