/** The detector's read of a page: title, self-description and the first paragraphs, capped and read-only. */
import { CANDIDATE_TEXT_CAP, type PageGlance } from './candidate';

/** Paragraph elements read at most: enough for a lede on any layout. */
export const MAX_GLANCE_ELEMENTS = 80;
const META_NAMES = ['description', 'og:title', 'og:description', 'keywords', 'news_keywords'];

/**
 * Reads what the candidate check needs. Uses live collections (getElementsByTagName), which are
 * evaluated lazily: on a page of 300k elements we touch only the first few paragraphs.
 */
export function glancePage(doc: Document, url: string): PageGlance {
  let meta = '';
  const metas = doc.head?.getElementsByTagName('meta');
  for (let i = 0; metas && i < metas.length && i < 200; i++) {
    const el = metas[i] as Element;
    const name = el.getAttribute('name') ?? el.getAttribute('property') ?? '';
    if (META_NAMES.includes(name)) meta += `${el.getAttribute('content') ?? ''}\n`;
  }
  let text = doc.getElementsByTagName('h1')[0]?.textContent ?? '';
  const paragraphs = doc.getElementsByTagName('p');
  // Never ask the collection for its length: that would walk all 300k elements of a huge page.
  for (let i = 0; i < MAX_GLANCE_ELEMENTS && text.length < CANDIDATE_TEXT_CAP; i++) {
    const paragraph = paragraphs[i];
    if (!paragraph) break;
    text += `\n${paragraph.textContent ?? ''}`;
  }
  return { url, title: doc.title, meta, text: text.slice(0, CANDIDATE_TEXT_CAP) };
}
