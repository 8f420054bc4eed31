/**
 * The copy of a page that Readability reads (it mutates what it reads): bounded in text, flattened
 * where a page nests thousands of wrappers, and built in resumable steps so the annotator can slice
 * it. Up to the cap it holds exactly the page's nodes, in order.
 */
import { drain, type Steps } from '../highlight/sliced';

/**
 * Characters of page text Readability reads at most: some eight thousand words, a long feature
 * story and then some (a news story is a few thousand characters). Readability is one synchronous
 * call that cannot be sliced: on this much text it takes 10–30 ms in Chromium, on 5 MB over half a
 * second. Text past the cap is not annotated with claims (notes are still placed on the whole page).
 */
export const EXTRACT_TEXT_CAP = 50_000;
/**
 * Consecutive single-child wrappers kept; deeper ones in the same run are unwrapped (their children
 * take their place). Readability's cost grows much faster than linearly with nesting: a story inside
 * 2,400 nested divs took it 30 s. Real layouts rarely stack more than a handful of wrappers in a row.
 */
export const MAX_WRAPPER_RUN = 16;
/** Nodes copied between two points where a sliced copy may pause. */
const NODES_PER_CHECK = 64;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** Elements whose text is not page text: it is copied but does not count towards the cap. */
const UNCOUNTED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/** Elements never unwrapped: the document's skeleton. */
const STRUCTURAL = new Set(['HTML', 'HEAD', 'BODY']);
const NON_SPACE = /\S/;

/** An element whose children are one element and nothing but white space or comments besides. */
function isWrapper(element: Element): boolean {
  if (STRUCTURAL.has(element.tagName.toUpperCase())) return false;
  let elements = 0;
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) {
      if (++elements > 1) return false;
    } else if (child.nodeType === TEXT_NODE && NON_SPACE.test(child.nodeValue ?? '')) {
      return false;
    }
  }
  return elements === 1;
}

/** Where the walk resumes after a node's children: the node, and the copy and run of its parent. */
interface Frame {
  node: Node;
  target: Node;
  run: number;
}

/**
 * A copy of `doc` for Readability, as a job that may pause every NODES_PER_CHECK nodes (see
 * sliced.ts). The copy ends after the text node that reaches `cap` characters of counted text,
 * and unwraps wrappers past MAX_WRAPPER_RUN in a row. Shadow roots and frames are not copied:
 * their text is not the page's.
 */
export function* cloneSteps(doc: Document, cap = EXTRACT_TEXT_CAP): Steps<Document> {
  // A shallow copy of the document keeps its URL, so Readability resolves links as before.
  const clone = doc.cloneNode(false) as Document;
  const html = doc.documentElement;
  if (!html) return clone;
  const stack: Frame[] = [];
  let chars = 0;
  let target: Node = clone.appendChild(html.cloneNode(false));
  let cursor: Node | null = html.firstChild;
  let run = 0;

  /** Moves past `node` (whose children, if any, are done): its next sibling, else up the stack. */
  const advance = (node: Node): Node | null => {
    let current: Node = node;
    while (!current.nextSibling) {
      const frame = stack.pop();
      if (!frame) return null;
      ({ node: current, target, run } = frame);
    }
    return current.nextSibling;
  };

  let visited = 0;
  while (cursor) {
    if (++visited % NODES_PER_CHECK === 0) yield;
    const node: Node = cursor;
    if (node.nodeType === ELEMENT_NODE) {
      const nodeRun = isWrapper(node as Element) ? run + 1 : 0;
      // Past the run's limit a wrapper is left out: its children go where it would have gone.
      const into = nodeRun > MAX_WRAPPER_RUN ? target : target.appendChild(node.cloneNode(false));
      if (node.firstChild) {
        stack.push({ node, target, run });
        target = into;
        run = nodeRun;
        cursor = node.firstChild;
        continue;
      }
    } else {
      target.appendChild(node.cloneNode(false));
      if (node.nodeType === TEXT_NODE && !UNCOUNTED.has((node.parentNode as Element | null)?.tagName?.toUpperCase() ?? '')) {
        chars += (node.nodeValue ?? '').length;
        if (chars >= cap) return clone;
      }
    }
    cursor = advance(node);
  }
  return clone;
}

/**
 * Whether Readability needs our bounding copy of `doc`: more counted text than `cap`, a run of
 * wrappers past MAX_WRAPPER_RUN, or more than `maxElements` elements. A page within the bounds can
 * be read as it is when nobody else reads it (the command line), or copied by the browser in one
 * native deep clone (see `copyForReadability`).
 */
export function needsCopy(doc: Document, cap = EXTRACT_TEXT_CAP, maxElements = Infinity): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  let chars = 0;
  let elements = 0;
  // Runs of the elements on the path from the root to the current node.
  const runs: number[] = [0];
  let node: Node | null = root.firstChild;
  while (node) {
    const run = runs[runs.length - 1] as number;
    if (node.nodeType === ELEMENT_NODE) {
      const nodeRun = isWrapper(node as Element) ? run + 1 : 0;
      if (nodeRun > MAX_WRAPPER_RUN || ++elements > maxElements) return true;
      if (node.firstChild) {
        runs.push(nodeRun);
        node = node.firstChild;
        continue;
      }
    } else if (node.nodeType === TEXT_NODE && !UNCOUNTED.has((node.parentNode as Element | null)?.tagName?.toUpperCase() ?? '')) {
      chars += (node.nodeValue ?? '').length;
      if (chars > cap) return true;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      runs.pop();
      if (node === root) return false;
    }
    node = node?.nextSibling ?? null;
  }
  return false;
}

/**
 * Elements up to which a page within the text and nesting bounds is copied by one native deep
 * clone: the browser copies a few thousand elements in about a millisecond, our node-by-node copy
 * takes several. Past it, the copy goes node by node, in slices the page can breathe between.
 */
export const NATIVE_COPY_ELEMENTS = 5_000;

/** A copy of `doc` for Readability in one native deep clone, or undefined when it needs our bounding copy. */
export function nativeCopy(doc: Document, cap = EXTRACT_TEXT_CAP): Document | undefined {
  return needsCopy(doc, cap, NATIVE_COPY_ELEMENTS) ? undefined : (doc.cloneNode(true) as Document);
}

/** The whole copy at once (command line, tests). */
export function cloneForReadability(doc: Document, cap = EXTRACT_TEXT_CAP): Document {
  return drain(cloneSteps(doc, cap));
}
