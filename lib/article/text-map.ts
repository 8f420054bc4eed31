/** A map from the live page's text (white space collapsed) back to DOM text nodes, to build Ranges. */
import { drain, type Steps } from '../highlight/sliced';

/** Elements whose text is never shown as article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The page's visible-ish text with white space collapsed, and where each text node starts in it. */
export interface TextMap {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's first kept character stands. */
  starts: number[];
}

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\u00a0';

/** Runs of the characters isSpace accepts (and only those), for collapsing a text node at once. */
const SPACE_RUN = /[ \n\t\r\f\u00a0]+/g;
/** Nodes visited between two points where a sliced build may pause. */
const NODES_PER_CHECK = 64;

/**
 * A walk over `root`'s text nodes in document order (iterative, so any nesting depth is fine), as
 * a job that may pause every NODES_PER_CHECK nodes (see sliced.ts). White space collapses across
 * node boundaries as blockText does.
 */
export function* textMapSteps(root: Node): Steps<TextMap> {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let lastSpace = true;
  let node: Node | null = root.firstChild;

  /** The next node in document order that is not inside `node`, or null past the end of `root`. */
  const after = (from: Node): Node | null => {
    let current: Node | null = from;
    while (current && current !== root && !current.nextSibling) current = current.parentNode;
    return current && current !== root ? current.nextSibling : null;
  };

  let visited = 0;
  while (node) {
    if (++visited % NODES_PER_CHECK === 0) yield;
    if (node.nodeType === TEXT_NODE) {
      let kept = (node.nodeValue ?? '').replace(SPACE_RUN, ' ');
      if (lastSpace && kept.charCodeAt(0) === 32) kept = kept.slice(1);
      if (kept.length > 0) lastSpace = kept.charCodeAt(kept.length - 1) === 32;
      nodes.push(node as Text);
      starts.push(length);
      parts.push(kept);
      length += kept.length;
    } else if (node.nodeType === ELEMENT_NODE && node.firstChild && !SKIP.has((node as Element).tagName.toUpperCase())) {
      node = node.firstChild;
      continue;
    }
    node = after(node);
  }
  return { text: parts.join(''), nodes, starts };
}

/** Walks `root`'s text nodes at once; white space collapses across node boundaries as blockText does. */
export function buildTextMap(root: Node): TextMap {
  return drain(textMapSteps(root));
}

/** Index of the last node whose start is ≤ offset (binary search). */
function nodeAt(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((map.starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Converts a collapsed-text offset to a (node, raw offset) DOM position. */
function domPosition(map: TextMap, offset: number, atEnd: boolean): { node: Text; offset: number } | null {
  // For an end position, find the node holding the character before the offset.
  let index = nodeAt(map, atEnd ? offset - 1 : offset);
  // Skip nodes whose collapsed text is empty.
  while (index < map.nodes.length - 1 && map.starts[index + 1] === map.starts[index] && !atEnd) index++;
  const node = map.nodes[index];
  if (!node) return null;
  const raw = node.nodeValue ?? '';
  let target = offset - (map.starts[index] as number);
  // Walk the raw text, counting kept characters the same way buildTextMap did.
  let lastSpace = index === 0 ? true : map.text[(map.starts[index] as number) - 1] === ' ';
  let kept = 0;
  for (let i = 0; i < raw.length; i++) {
    const space = isSpace(raw[i] as string);
    const keeps = !space || !lastSpace;
    lastSpace = space;
    if (!keeps) continue;
    if (!atEnd && kept === target) return { node, offset: i };
    kept++;
    if (atEnd && kept === target) return { node, offset: i + 1 };
  }
  target = Math.min(target, raw.length);
  return { node, offset: atEnd ? raw.length : target };
}

/** Collapses white space the way buildTextMap does, for searching. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Where a sentence stands: collapsed-text offsets and the DOM boundary points of its Range. */
export interface TextSpan {
  start: number;
  end: number;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/**
 * Finds `sentence` in the map at or after `from` (collapsed offsets), or anywhere when it is not
 * found after it. `from` lets a caller walk an article's sentences in order so repeats land in order.
 */
export function locateSentence(map: TextMap, sentence: string, from = 0): TextSpan | null {
  const needle = collapseSpace(sentence);
  if (!needle) return null;
  let start = map.text.indexOf(needle, from);
  if (start < 0 && from > 0) start = map.text.indexOf(needle);
  if (start < 0) return null;
  const end = start + needle.length;
  const a = domPosition(map, start, false);
  const b = domPosition(map, end, true);
  if (!a || !b) return null;
  return { start, end, startNode: a.node, startOffset: a.offset, endNode: b.node, endOffset: b.offset };
}

/** As locateSentence, with a live Range built in `doc`. */
export function findRange(
  map: TextMap,
  sentence: string,
  doc: Document,
  from = 0,
): { range: Range; start: number; end: number } | null {
  const span = locateSentence(map, sentence, from);
  const range = span ? rangeOf(span, doc) : null;
  return span && range ? { range, start: span.start, end: span.end } : null;
}

/**
 * A live Range over a span, or null when the page changed its text since the map was built (a
 * map built in time slices may be a little older than the page): the next repaint finds it again.
 */
function rangeOf(span: TextSpan, doc: Document): Range | null {
  const range = doc.createRange();
  try {
    range.setStart(span.startNode, span.startOffset);
    range.setEnd(span.endNode, span.endOffset);
  } catch {
    return null;
  }
  return range;
}

/**
 * The collapsed-text offset of a DOM boundary point (a selection's start or end), or null when the
 * point is outside the mapped text. Element boundary points resolve to the nearest text node.
 */
export function textOffsetOf(map: TextMap, node: Node, offset: number): number | null {
  let target: Node = node;
  let rawOffset = offset;
  if (node.nodeType !== TEXT_NODE) {
    // A point between children: take the first text node at or after it, else the end of the one before.
    const child = node.childNodes[offset];
    const before = offset > 0 ? node.childNodes[offset - 1] : undefined;
    const first = child ? firstText(child) : null;
    if (first) {
      target = first;
      rawOffset = 0;
    } else {
      const last = before ? lastText(before) : null;
      if (!last) return null;
      target = last;
      rawOffset = (last.nodeValue ?? '').length;
    }
  }
  const index = map.nodes.indexOf(target as Text);
  if (index < 0) return null;
  const raw = (target as Text).nodeValue ?? '';
  let lastSpace = index === 0 ? true : map.text[(map.starts[index] as number) - 1] === ' ';
  let kept = 0;
  for (let i = 0; i < Math.min(rawOffset, raw.length); i++) {
    const space = isSpace(raw[i] as string);
    if (!space || !lastSpace) kept++;
    lastSpace = space;
  }
  return (map.starts[index] as number) + kept;
}

function firstText(node: Node): Text | null {
  if (node.nodeType === TEXT_NODE) return node as Text;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    const t = firstText(c);
    if (t) return t;
  }
  return null;
}

function lastText(node: Node): Text | null {
  if (node.nodeType === TEXT_NODE) return node as Text;
  for (let c = node.lastChild; c; c = c.previousSibling) {
    const t = lastText(c);
    if (t) return t;
  }
  return null;
}

/** The DOM boundary points of collapsed-text offsets [start, end), or null when they fall outside the map. */
export function spanBetween(map: TextMap, start: number, end: number): TextSpan | null {
  if (start < 0 || end <= start || end > map.text.length) return null;
  const a = domPosition(map, start, false);
  const b = domPosition(map, end, true);
  if (!a || !b) return null;
  return { start, end, startNode: a.node, startOffset: a.offset, endNode: b.node, endOffset: b.offset };
}

/** As spanBetween, as a live Range built in `doc`. */
export function rangeBetween(map: TextMap, start: number, end: number, doc: Document): Range | null {
  const span = spanBetween(map, start, end);
  return span ? rangeOf(span, doc) : null;
}
