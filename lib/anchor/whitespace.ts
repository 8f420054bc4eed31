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
  /** `source[i]` is the offset in the original text of `text[i]` (of a run's first character for a space). */
  source: Uint32Array;
}

// One text is usually anchored against many notes in a row; folding it once is what keeps 200 notes cheap.
let last: { input: string; folded: FoldedText } | undefined;

/** Folds `text`'s white space (see collapseSpace). Remembers the last text, so repeated calls are free. */
export function foldSpace(text: string): FoldedText {
  if (last?.input === text) return last.folded;
  const source = new Uint32Array(text.length);
  const parts: string[] = [];
  let length = 0;
  let from = 0;
  SPACE_RUN.lastIndex = 0;
  for (let run = SPACE_RUN.exec(text); run; run = SPACE_RUN.exec(text)) {
    for (let i = from; i < run.index; i++) source[length++] = i;
    source[length++] = run.index;
    parts.push(text.slice(from, run.index), ' ');
    from = run.index + run[0].length;
  }
  for (let i = from; i < text.length; i++) source[length++] = i;
  parts.push(text.slice(from));
  const folded = { text: parts.join(''), source: source.subarray(0, length) };
  last = { input: text, folded };
  return folded;
}

/** The folded offset of original offset `offset`: the first folded character that stands at or after it. */
export function toFolded(folded: FoldedText, offset: number): number {
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
  return { start: folded.source[start] as number, end: (folded.source[end - 1] as number) + 1 };
}
