/** Article extraction: Readability on a clone of the document, then paragraphs and sentences with offsets. */
import { Readability } from '@mozilla/readability';
import { runSteps, type Slicer } from '../highlight/sliced';
import { blockText } from './block-text';
import { cloneBuilder, cloneForReadability, EXTRACT_TEXT_CAP } from './clone';
import { prepareSegmenter, segmentSentences, sentenceSegmenter } from './segment';
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

type Parsed = ReturnType<Readability<Node>['parse']>;

/** Readability on our copy of the page (it mutates what it reads); null when it finds nothing. */
function parseClone(clone: Document): Parsed {
  try {
    return new Readability<Node>(clone, {
      serializer: (node) => node,
      maxElemsToParse: MAX_ELEMENTS_TO_PARSE,
    }).parse();
  } catch {
    return null; // too many elements or a document Readability cannot read
  }
}

/** The article's text and metadata; the body's text (capped like the copy) when Readability found nothing. */
function articleOf(doc: Document, parsed: Parsed): Omit<ExtractedArticle, 'sentences'> {
  const root: Node | null | undefined = parsed?.content ?? doc.body;
  const text = root ? blockText(root, EXTRACT_TEXT_CAP) : '';
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
  };
}

/**
 * Extracts the article of `doc` without touching it: Readability runs on a copy (see clone.ts:
 * at most EXTRACT_TEXT_CAP characters of text, pathological nesting flattened). Falls back to the
 * body's text when Readability finds no article.
 */
export function extractArticle(doc: Document): ExtractedArticle {
  const article = articleOf(doc, parseClone(cloneForReadability(doc)));
  return { ...article, sentences: segmentSentences(article.text) };
}

/**
 * As extractArticle, in time slices for the page's main thread: the copy and the segmentation
 * yield whenever `slicer` says so; Readability (one synchronous call, bounded by the cap), the
 * article's text and the making of the sentence segmenter each get a task of their own.
 * Same result as extractArticle when the page does not change meanwhile.
 */
export async function extractArticleSliced(doc: Document, slicer: Slicer): Promise<ExtractedArticle> {
  // The caller's task may already have done its own work: the copy starts in a task of its own.
  await slicer.pause();
  const copy = cloneBuilder(doc);
  await runSteps(copy.step, slicer);
  // Readability, the text of its result and the segmenter's making each start a fresh task.
  await slicer.pause();
  const parsed = parseClone(copy.result());
  await slicer.pause();
  const article = articleOf(doc, parsed);
  await slicer.pause();
  prepareSegmenter();
  await slicer.pause();
  const segmenter = sentenceSegmenter(article.text);
  await runSteps(segmenter.step, slicer);
  return { ...article, sentences: segmenter.result() };
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
