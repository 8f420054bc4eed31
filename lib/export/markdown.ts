/**
 * The reader's notes as Markdown to read, paste or keep in a notes app: one section per article,
 * each highlight as a quote with a link back to the passage. Export only (nothing reads it back).
 *
 * Text from pages (titles, quotes) and tags is escaped so it shows as written and cannot make
 * links, images, HTML or headings. The reader's own note text is Markdown and stays Markdown,
 * except that `<` is escaped so it can never become raw HTML (inside a code span the backslash
 * then shows; a small price for an export that is safe to render anywhere); http(s) autolinks stay.
 * Its links stay links, as the reader wrote them: checking their targets is the renderer's job, as
 * for any Markdown file.
 */
import type { DocumentRecord, Note, NoteCategory } from '../notes/types';
import { assembleBundle, compareStrings } from './bundle';
import { isPageUrl } from './schema';
import { textFragmentUrl } from './text-fragment';

/** Options of toMarkdown. */
export interface MarkdownOptions {
  /** The top heading; default "Nexus Lens notes". */
  heading?: string;
  /** When the export was made (a test seam); shown as a date under the heading. */
  exportedAt?: Date;
}

/** How each category reads in the export. */
const CATEGORY_LABELS: Record<NoteCategory, string> = {
  'key-fact': 'Key fact',
  supports: 'Supports',
  contradicts: 'Contradicts',
  question: 'Question',
};

/**
 * Backslash-escapes what Markdown (CommonMark, GFM, and the `$` maths of GitHub and Obsidian)
 * could read as markup anywhere in a line: emphasis, code, links, HTML, tables,
 * strikethrough, headings, character references; then what starts a block only at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~$]/g, '\\$&')
    // `&` only where it would start a character reference (`&amp;`, `&#60;`): "AT&T" stays readable.
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** One line of page text for a heading or a list: white space (line breaks included) collapsed, escaped. */
function inline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/**
 * A quote as a block quote: every line prefixed with `>`; leading white space dropped so a line
 * cannot turn into a code block; blank lines kept as `>` so paragraphs stay inside the quote.
 */
function blockQuote(exact: string): string {
  const quoteLines = exact.split(/\r\n|\r|\n/).map((line) => line.replace(/\s+/g, ' ').trim());
  while (quoteLines.length > 0 && quoteLines[0] === '') quoteLines.shift();
  while (quoteLines.length > 0 && quoteLines[quoteLines.length - 1] === '') quoteLines.pop();
  return quoteLines.map((line) => (line === '' ? '>' : `> ${escapeMarkdown(line)}`)).join('\n');
}

/**
 * A URL as the URL parser writes it (spaces, quotes and angle brackets percent-encoded), or
 * `undefined` if it is not a web or file URL: a `javascript:` link must never be written.
 */
function href(url: string): string | undefined {
  return isPageUrl(url) ? new URL(url).href : undefined;
}

/** A link destination: the href with parentheses backslash-escaped, so an unbalanced one cannot end the link. */
function linkTarget(url: string): string | undefined {
  return href(url)?.replace(/[()]/g, '\\$&');
}

/**
 * The reader's Markdown, with raw HTML disabled and line ends unified. An http(s) autolink
 * (`<https://…>`) stays: it shows its own target, so it hides nothing.
 */
function noteMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/<(?!https?:\/\/[^\s<>]*>)/g, '\\<')
    .trimEnd();
}

/** A tag as a `#tag`: escaped, spaces as hyphens (a tag cannot hold a space in most notes apps). */
function hashTag(tag: string): string {
  return `#${escapeMarkdown(tag.trim().replace(/\s+/g, '-'))}`;
}

function noteSection(note: Note): string {
  const parts: string[] = [];
  const quote = blockQuote(note.target.quote.exact);
  if (quote) parts.push(quote);
  const meta: string[] = [];
  const link = linkTarget(textFragmentUrl(note.pageUrl, note.target.quote));
  if (link) meta.push(`[Open at this passage](${link})`);
  meta.push(`**${CATEGORY_LABELS[note.category] ?? inline(String(note.category))}**`);
  if (note.tags.length > 0) meta.push(note.tags.map(hashTag).join(' '));
  if (note.claimId !== undefined) {
    meta.push(`Claim: ${inline(note.claimId)}${note.claimStance ? ` (${inline(note.claimStance)})` : ''}`);
  }
  parts.push(meta.join(' · '));
  const text = noteMarkdown(note.text);
  if (text.trim() !== '') parts.push(text);
  return parts.join('\n\n');
}

function articleSection(document: DocumentRecord, notes: readonly Note[]): string {
  const title = inline(document.title) || inline(document.url);
  // An autolink: an href has no spaces or angle brackets, and escapes do not work inside one.
  const page = href(document.url);
  const linkLine = page ? `<${page}>` : inline(document.url);
  return [`## ${title}`, linkLine, ...notes.map(noteSection)].join('\n\n');
}

/**
 * The notes as Markdown: a heading, then one `## Title` section per article (most recently seen
 * first), its link, and its notes in the order they appear in the text: the quote as a block quote,
 * a link that opens the page at the passage (URL text fragment), category, `#tags`, the linked
 * claim, and the note text. Notes whose article has no record get one made from the notes.
 */
export function toMarkdown(
  data: { notes: readonly Note[]; documents: readonly DocumentRecord[] },
  opts: MarkdownOptions = {},
): string {
  const { notes, documents } = assembleBundle(data.notes, data.documents, [], { reportSynthesised: false });
  const notesByUrl = new Map<string, Note[]>();
  for (const note of notes) {
    const list = notesByUrl.get(note.url);
    if (list) list.push(note);
    else notesByUrl.set(note.url, [note]);
  }
  const articles = documents
    .filter((document) => notesByUrl.has(document.url))
    .sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen) || compareStrings(a.url, b.url));

  const heading = inline(opts.heading ?? 'Nexus Lens notes') || 'Nexus Lens notes';
  const counts = `${notes.length} ${notes.length === 1 ? 'note' : 'notes'} on ${articles.length} ${articles.length === 1 ? 'article' : 'articles'}`;
  const summary = opts.exportedAt ? `Exported ${opts.exportedAt.toISOString().slice(0, 10)} · ${counts}` : counts;
  const sections = articles.map((document) => articleSection(document, notesByUrl.get(document.url) ?? []));
  return `${[`# ${heading}`, summary, ...sections].join('\n\n')}\n`;
}
