/** White space folding with an offset map, so a quote survives re-wrapped, re-spaced or nbsp-joined text. */

/** Every run of white space (JavaScript `\s`: also nbsp, other Unicode spaces, line separators, BOM). */
const SPACE_RUN = /\s+/g;

/** Collapses every run of white space to one plain space. No trimming, so ends still line up. */
export function collapseSpace(text: string): string {
  return text.replace(SPACE_RUN, ' ');
}

/** A text with its white space collapsed, and for each code unit of it the offset it came from. */
export interface FoldedText {
  text: string;
  /**
   * `source[i]` is the offset in the original text of `text[i]` (of a run's first character for a
   * space); null when the text had nothing to fold and offsets are the same.
   */
  source: Uint32Array | null;
}

/** Whether a UTF-16 code unit is white space as JavaScript's `\s` sees it. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** White space that folding would change: a character other than a plain space, or two spaces. */
const FOLDABLE = /[^\S ]| {2}/;
/** The runs folding changes (a lone plain space stays as it is): same result as SPACE_RUN, far fewer replacements. */
const FOLD_RUN = /\s{2,}|[^\S ]/g;

// One text is usually anchored against many notes in a row; folding it once is what keeps 200 notes cheap.
let last: { input: string; folded: FoldedText } | undefined;

/** Folds `text`'s white space (see collapseSpace). Remembers the last text, so repeated calls are free. */
export function foldSpace(text: string): FoldedText {
  if (last?.input === text) return last.folded;
  // The page's text map has its white space collapsed already: megabytes need no offset map.
  if (!FOLDABLE.test(text)) {
    last = { input: text, folded: { text, source: null } };
    return last.folded;
  }
  // One native replace for the text, one pass over char codes for the map: a regex run per space
  // would take hundreds of milliseconds on a page of megabytes.
  const foldedText = text.replace(FOLD_RUN, ' ');
  const source = new Uint32Array(foldedText.length);
  let length = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      if (!inRun) source[length++] = i;
      inRun = true;
    } else {
      source[length++] = i;
      inRun = false;
    }
  }
  const folded = { text: foldedText, source };
  last = { input: text, folded };
  return folded;
}

/** The folded offset of original offset `offset`: the first folded character that stands at or after it. */
export function toFolded(folded: FoldedText, offset: number): number {
  if (!folded.source) return Math.min(offset, folded.text.length);
  let lo = 0;
  let hi = folded.source.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((folded.source[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The original span of the folded span [start, end) (end > start). */
export function toSource(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (!folded.source) return { start, end };
  return { start: folded.source[start] as number, end: (folded.source[end - 1] as number) + 1 };
}
