/** Turns a DOM subtree into plain text with one paragraph per block element, blank-line separated. */

/** Elements that start a new paragraph. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
/** Elements whose text is never article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'TEXTAREA']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Collects the text of `root`, paragraphs separated by "\n\n", white space collapsed inside them.
 * Stops reading after the text node that brings it past `maxChars` raw characters (no limit by default).
 */
export function blockText(root: Node, maxChars = Infinity): string {
  const paragraphs: string[] = [];
  let current = '';
  let read = 0;
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child && read < maxChars; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const value = child.nodeValue ?? '';
        current += value;
        read += value.length;
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (tag === 'BR') {
          current += ' ';
          continue;
        }
        const block = BLOCKS.has(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}
