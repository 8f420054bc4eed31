/** Paints named CSS Custom Highlights without touching the page's DOM, and repaints what a page clears. */

/** The kinds of highlight we paint, each with its own style. */
export type HighlightKind = 'asserts' | 'denies' | 'hedges' | 'note' | 'flash';

export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['asserts', 'denies', 'hedges', 'note', 'flash'];

/** Styles per kind: colours readable on light and dark pages; denials and hedges also differ by line. */
const STYLES: Record<HighlightKind, string> = {
  asserts: 'background-color: rgba(255, 213, 79, 0.45);',
  denies: 'background-color: rgba(239, 83, 80, 0.28); text-decoration: underline wavy rgba(198, 40, 40, 0.9);',
  hedges: 'background-color: rgba(100, 181, 246, 0.30); text-decoration: underline dotted rgba(21, 101, 192, 0.9);',
  note: 'background-color: rgba(129, 199, 132, 0.45);',
  flash: 'background-color: rgba(255, 152, 0, 0.75);',
};

/** What the painter needs from the page's world; tests pass fakes. */
export interface PainterEnv {
  registry: HighlightRegistry;
  createHighlight: (...ranges: AbstractRange[]) => Highlight;
}

/** A painter owns one uniquely named Highlight per kind in the shared registry. */
export interface Painter {
  /** The registry names, unique to this painter so a page cannot guess or style them. */
  readonly names: Record<HighlightKind, string>;
  /** Replaces the ranges of one kind. */
  paint(kind: HighlightKind, ranges: readonly AbstractRange[]): void;
  /** Puts back any of our highlights the page removed or replaced; returns how many it restored. */
  restore(): number;
  /** The stylesheet text for our highlight names. */
  css(): string;
  /** Removes all our highlights from the registry. */
  clear(): void;
}

/** Creates a painter whose names end with `suffix` (random per page load in production). */
export function createPainter(env: PainterEnv, suffix: string): Painter {
  const names = Object.fromEntries(
    HIGHLIGHT_KINDS.map((kind) => [kind, `nexus-lens-${kind}-${suffix}`]),
  ) as Record<HighlightKind, string>;
  const highlights = new Map<HighlightKind, Highlight>();

  function ensure(kind: HighlightKind): Highlight {
    let highlight = highlights.get(kind);
    if (!highlight) {
      highlight = env.createHighlight();
      // Our own notes sit above claim paint; the flash above everything.
      highlight.priority = kind === 'flash' ? 3 : kind === 'note' ? 2 : 1;
      highlights.set(kind, highlight);
    }
    if (env.registry.get(names[kind]) !== highlight) env.registry.set(names[kind], highlight);
    return highlight;
  }

  return {
    names,
    paint(kind, ranges) {
      const highlight = ensure(kind);
      highlight.clear();
      for (const range of ranges) highlight.add(range);
    },
    restore() {
      let restored = 0;
      for (const [kind, highlight] of highlights) {
        if (env.registry.get(names[kind]) !== highlight) {
          env.registry.set(names[kind], highlight);
          restored++;
        }
      }
      return restored;
    },
    css() {
      return HIGHLIGHT_KINDS.map((kind) => `::highlight(${names[kind]}) { ${STYLES[kind]} }`).join('\n');
    },
    clear() {
      for (const kind of highlights.keys()) env.registry.delete(names[kind]);
      highlights.clear();
    },
  };
}

/** Finds the first range that contains a DOM point (from caretPositionFromPoint), or null. */
export function rangeAtPoint<T extends { range: AbstractRange }>(
  items: readonly T[],
  node: Node,
  offset: number,
): T | null {
  for (const item of items) {
    const r = item.range;
    if (!(r instanceof Range)) continue;
    try {
      if (r.isPointInRange(node, offset)) return item;
    } catch {
      // the point is in another document or a detached node
    }
  }
  return null;
}
