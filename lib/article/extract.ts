/** Article extraction: Readability on a clone of the document, then paragraphs and sentences with offsets. */
import { Readability } from '@mozilla/readability';
import { drainSliced, type Slicer } from '../highlight/sliced';
import { blockText } from './block-text';
import { cloneForReadability, cloneSteps, EXTRACT_TEXT_CAP, nativeCopy, needsCopy } from './clone';
import { segmentSentences } from './segment';
import type { PageSentence } from './types';

/** An article's text and metadata, before segmentation: what the page side sends the background. */
export interface ArticleText {
  title: string;
  byline?: string;
  date?: string;
  site?: string;
  /** Paragraphs separated by blank lines, at most EXTRACT_TEXT_CAP characters. */
  text: string;
}

/** An article as the engine reads it. Sentence offsets index into `text`. */
export interface ExtractedArticle extends ArticleText {
  sentences: PageSentence[];
}

/** Largest number of elements Readability may parse; past it we fall back to the body's text. */
const MAX_ELEMENTS_TO_PARSE = 100_000;

/**
 * The page's <meta> elements by `property` and by `name` (the first of each), read in one pass:
 * a selector query per name walks the whole page each time, which a DOM without a selector
 * cache (linkedom, in the command line) pays for dearly.
 */
function metaElements(doc: Document): { property: Map<string, Element>; name: Map<string, Element> } {
  const property = new Map<string, Element>();
  const name = new Map<string, Element>();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const p = el.getAttribute('property');
    if (p !== null && !property.has(p)) property.set(p, el);
    const n = el.getAttribute('name');
    if (n !== null && !name.has(n)) name.set(n, el);
  }
  return { property, name };
}

/** The content of the first of `names` the page's metadata gives (as a property, then as a name). */
function meta(elements: ReturnType<typeof metaElements>, ...names: string[]): string | undefined {
  for (const key of names) {
    const el = elements.property.get(key) ?? elements.name.get(key);
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
      // We read only the text: stripping every class attribute from the result is wasted work.
      keepClasses: true,
    }).parse();
  } catch {
    return null; // too many elements or a document Readability cannot read
  }
}

/** What the page itself says about the article, read before Readability (which may change the page). */
function pageMetadata(doc: Document) {
  const elements = metaElements(doc);
  return {
    title: clean(meta(elements, 'og:title')) ?? clean(doc.title),
    byline: clean(meta(elements, 'author', 'article:author')),
    date:
      clean(meta(elements, 'article:published_time', 'date', 'pubdate')) ??
      clean(Array.from(doc.getElementsByTagName('time')).find((el) => el.hasAttribute('datetime'))?.getAttribute('datetime')),
    site: clean(meta(elements, 'og:site_name')),
  };
}

/** The article's text and metadata; the body's text (capped like the copy) when Readability found nothing. */
function articleOf(doc: Document, parsed: Parsed, page: ReturnType<typeof pageMetadata>): ArticleText {
  const root: Node | null | undefined = parsed?.content ?? doc.body;
  // blockText stops after the text node that passes the cap; one node may be long.
  const text = root ? blockText(root, EXTRACT_TEXT_CAP).slice(0, EXTRACT_TEXT_CAP) : '';
  return {
    title: clean(parsed?.title) ?? page.title ?? '',
    byline: clean(parsed?.byline) ?? page.byline,
    date: clean(parsed?.publishedTime) ?? page.date,
    site: clean(parsed?.siteName) ?? page.site,
    text,
  };
}

/**
 * Extracts the article of `doc` without touching it: Readability runs on a copy (see clone.ts:
 * at most EXTRACT_TEXT_CAP characters of text, pathological nesting flattened). Falls back to the
 * body's text when Readability finds no article. With `consume`, the caller gives up `doc`: it may
 * be changed, and is read without a copy when it is within the copy's bounds.
 */
export function extractArticle(doc: Document, options: { consume?: boolean } = {}): ExtractedArticle {
  // A caller that hands the page over (`consume`: it was parsed for us alone) lets Readability read
  // it in place when it needs no bounding copy; Readability changes what it reads.
  const page = pageMetadata(doc);
  // A handed-over page past the bounds cannot be copied natively either: one walk decides both.
  const source = options.consume
    ? needsCopy(doc) ? cloneForReadability(doc) : doc
    : (nativeCopy(doc) ?? cloneForReadability(doc));
  const article = articleOf(doc, parseClone(source), page);
  return { ...article, sentences: segmentSentences(article.text) };
}

/**
 * The article's text as extractArticle reads it, without its sentences, in time slices for the
 * page's main thread: a page of a few thousand elements is copied natively at once, a bigger one
 * node by node, yielding whenever `slicer` says so; Readability (one synchronous call,
 * bounded by the cap) and the article's text each get a task of their own. The page side sends
 * the text to the background, which segments it (`segmentSentences`), so the page never pays for
 * making a sentence segmenter. Same text as extractArticle when the page does not change meanwhile.
 */
export async function extractArticleTextSliced(doc: Document, slicer: Slicer): Promise<ArticleText> {
  // The caller's task may already have done its own work: the copy starts in a task of its own.
  await slicer.pause();
  const copy = nativeCopy(doc) ?? (await drainSliced(cloneSteps(doc), slicer));
  // Readability and the text of its result each start a fresh task.
  await slicer.pause();
  const parsed = parseClone(copy);
  await slicer.pause();
  return articleOf(doc, parsed, pageMetadata(doc));
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
