/**
 * Which DOM changes can change the article: a page that updates a ticker every 100 ms, or
 * re-renders the story with the same words, should not cost a new extraction each time.
 */

const CHARACTER_DATA = 'characterData';

/** What the mutations since the last look did to the article's part of the page. */
export interface ArticleChanges {
  /** Some change happened inside the article's region, or above it (or the region is unknown). */
  inRegion: boolean;
  /** Text of the nodes added in the region, in record order. */
  added: string[];
  /** Text of the nodes removed from the region, in record order. */
  removed: string[];
  /** A text node in the region now says something else. */
  edited: boolean;
}

export const noChanges = (): ArticleChanges => ({ inRegion: false, added: [], removed: [], edited: false });

/** The part of a MutationRecord we read (tests pass plain objects). */
export interface ChangeRecord {
  type: string;
  target: Node;
  addedNodes: ArrayLike<Node>;
  removedNodes: ArrayLike<Node>;
  oldValue: string | null;
}

/**
 * Adds `records` to `changes`. `region` is the live element that holds the article's text (the
 * common ancestor of its first and last sentences); null or detached means "anywhere". A change
 * counts when its target is inside the region or contains it: a ticker beside the story does not,
 * a paragraph appended to the story's container or a new story swapped into the page does.
 */
export function noteChanges(changes: ArticleChanges, records: Iterable<ChangeRecord>, region: Node | null): ArticleChanges {
  const anywhere = !region || !region.isConnected;
  for (const record of records) {
    const target = record.target;
    if (!anywhere && !region.contains(target) && !target.contains(region)) continue;
    changes.inRegion = true;
    if (record.type === CHARACTER_DATA) {
      if (record.oldValue !== target.nodeValue) changes.edited = true;
      continue;
    }
    for (let i = 0; i < record.addedNodes.length; i++) changes.added.push(record.addedNodes[i]?.textContent ?? '');
    for (let i = 0; i < record.removedNodes.length; i++) changes.removed.push(record.removedNodes[i]?.textContent ?? '');
  }
  return changes;
}

/**
 * Whether the article may read differently now: something changed in its region, other than
 * nodes replaced by nodes with the very same text (a framework re-rendering the story).
 */
export function articleMayHaveChanged(changes: ArticleChanges): boolean {
  if (!changes.inRegion) return false;
  return changes.edited || changes.added.join('') !== changes.removed.join('');
}
