/**
 * Links that open a page scrolled to a quote and highlight it: URL text fragments
 * (`#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`, WICG Scroll-to-Text-Fragment), built from a
 * note's TextQuoteSelector. Browsers without support just open the page.
 */
import type { TextQuoteSelector } from '../notes/types';

/** Words kept at each end of a long quote (textStart, textEnd), and of the context around a short one. */
const EDGE_WORDS = 4;
/** Quotes longer than this (characters, after collapsing white space) are linked by their first and last words. */
const LONG_QUOTE = 100;
/** Quotes shorter than this are likely to occur more than once on a page: they get prefix/suffix context. */
const SHORT_QUOTE = 40;

/**
 * Percent-encodes one text directive term: everything encodeURIComponent encodes (`&`, `,`, `#`,
 * spaces, non-ASCII…) plus `-`, which the syntax uses to mark prefix and suffix. Unpaired
 * surrogates become U+FFFD rather than throwing.
 */
export function encodeDirectiveTerm(term: string): string {
  return encodeURIComponent(term.toWellFormed()).replace(/-/g, '%2D');
}

/** Lines of `text` with white space collapsed, empty ones dropped. */
function lines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

function words(line: string): string[] {
  return line === '' ? [] : line.split(' ');
}

/**
 * The last words of the prefix, as context that must directly precede the quote. The spec matches
 * a prefix from a word start, so a first word that may have been cut by the selector is dropped;
 * it stays within one line, since matching never crosses a block.
 */
function prefixContext(prefix: string): string {
  const parts = prefix.split(/\r\n|\r|\n/);
  let index = parts.length - 1;
  while (index >= 0 && (parts[index] ?? '').trim() === '') index--;
  if (index < 0) return '';
  const line = parts[index] ?? '';
  let found = words(line.replace(/\s+/g, ' ').trim());
  const maybeCut = index === 0 && !/^\s/.test(line);
  if (maybeCut) found = found.slice(1);
  return found.slice(-EDGE_WORDS).join(' ');
}

/** The first words of the suffix, the mirror of prefixContext (a suffix must end at a word end). */
function suffixContext(suffix: string): string {
  const parts = suffix.split(/\r\n|\r|\n/);
  let index = 0;
  while (index < parts.length && (parts[index] ?? '').trim() === '') index++;
  if (index >= parts.length) return '';
  const line = parts[index] ?? '';
  let found = words(line.replace(/\s+/g, ' ').trim());
  const maybeCut = index === parts.length - 1 && !/\s$/.test(line);
  if (maybeCut) found = found.slice(0, -1);
  return found.slice(0, EDGE_WORDS).join(' ');
}

/**
 * The text directive for a quote (without `:~:text=`), or `undefined` for a quote of white space.
 * A quote over several blocks, or a long one, is given as textStart,textEnd (its first and last
 * few words), since an exact match cannot cross a block; a short one carries prefix/suffix context.
 */
export function textDirective(quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string | undefined {
  const quoteLines = lines(quote.exact);
  const first = quoteLines[0];
  const last = quoteLines[quoteLines.length - 1];
  if (first === undefined || last === undefined) return undefined;
  if (quoteLines.length > 1) {
    const start = words(first).slice(0, EDGE_WORDS).join(' ');
    const end = words(last).slice(-EDGE_WORDS).join(' ');
    return `${encodeDirectiveTerm(start)},${encodeDirectiveTerm(end)}`;
  }
  const all = words(first);
  if (first.length > LONG_QUOTE && all.length > 2 * EDGE_WORDS) {
    const start = all.slice(0, EDGE_WORDS).join(' ');
    const end = all.slice(-EDGE_WORDS).join(' ');
    return `${encodeDirectiveTerm(start)},${encodeDirectiveTerm(end)}`;
  }
  let directive = encodeDirectiveTerm(first);
  if (first.length < SHORT_QUOTE) {
    const before = prefixContext(quote.prefix);
    const after = suffixContext(quote.suffix);
    if (before) directive = `${encodeDirectiveTerm(before)}-,${directive}`;
    if (after) directive = `${directive},-${encodeDirectiveTerm(after)}`;
  }
  return directive;
}

/**
 * `pageUrl` with a text fragment for the quote. A fragment the page URL already has is kept (the
 * directive follows it after `:~:`); a text directive it already has is replaced.
 */
export function textFragmentUrl(pageUrl: string, quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string {
  const directive = textDirective(quote);
  const hash = pageUrl.indexOf('#');
  const base = hash < 0 ? pageUrl : pageUrl.slice(0, hash);
  const fragment = hash < 0 ? '' : (pageUrl.slice(hash + 1).split(':~:')[0] ?? '');
  if (directive === undefined) return hash < 0 ? pageUrl : `${base}#${fragment}`;
  return `${base}#${fragment}:~:text=${directive}`;
}
