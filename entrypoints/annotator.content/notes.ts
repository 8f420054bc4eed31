// The reader's own highlights on the page: loading them, placing them again on the current text
// (in time slices), painting them, and the toolbar that saves, edits and deletes them.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { anchorSliced, describe } from '../../lib/anchor/selectors';
import { rangeBetween, textOffsetOf, type TextMap } from '../../lib/article/text-map';
import { rangeAtPoint } from '../../lib/highlight/painter';
import { createSlicer } from '../../lib/highlight/sliced';
import type { AnchorState, Note } from '../../lib/notes/types';
import { createToolbar, type ToolbarDraft } from './toolbar';

/** A note placed on the page. */
export interface PaintedNote {
  note: Note;
  range: Range;
}

/** The page's canonical link, when it declares one (the background accepts it only on the same site). */
export const canonicalLink = () => document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || undefined;

/** Sends a message to the background; a refusal or a gone worker becomes an error string. */
export async function ask<T>(type: string, payload: unknown): Promise<T | { error: string }> {
  try {
    const reply = (await browser.runtime.sendMessage({ type, payload })) as T | { error: string } | undefined;
    return reply ?? { error: 'Nexus Lens did not answer: reload the page and try again.' };
  } catch (err) {
    return { error: `Nexus Lens could not be reached (${String(err)}): reload the page and try again.` };
  }
}
/** Whether the background refused (or could not be asked). */
export const failed = (reply: object): reply is { error: string } => 'error' in reply;

/** What the notes need from the annotator around them. */
export interface PageNotesDeps {
  ctx: ContentScriptContext;
  /** The page's text map, built in time slices and cached until the DOM changes. */
  pageMap(): Promise<TextMap>;
  /** The text map now, for a selection the reader just made. */
  pageMapNow(): TextMap;
  /** Paints the reader's highlights (kind "note"). */
  paintNotes(ranges: readonly Range[]): void;
  /** The claims the reader may link a note to: the article's matched claims, by statement. */
  claimChoices(): { id: string; label: string }[];
  /** The article's title, for a note saved on this page. */
  title(): string;
}

/** The page's notes as the annotator drives them. */
export interface PageNotes {
  /** Asks the background for this page's notes, then places and paints them. */
  load(): Promise<void>;
  /** Places and paints the notes on `map` (or the current text map); a newer run wins. */
  paint(map?: TextMap): Promise<void>;
  /** Opens the toolbar for the current selection, if it selects page text. */
  offerToSave(expanded: boolean): boolean;
  /** Opens the reader's highlight under a caret position for editing; false when there is none. */
  editAt(node: Node, offset: number): boolean;
  /** Scrolls to a note's highlight; its range, or undefined when it is not on the page. */
  find(id: string): Range | undefined;
  /** Whether a painted note's range was taken out of the page or collapsed. */
  stale(): boolean;
  /** Notes known for the page, and how many of them are painted. */
  counts(): { known: number; painted: number };
  /** The save and edit toolbar, in its closed shadow root. */
  toolbar: ReturnType<typeof createToolbar>;
}

/** Keeps the page's notes: nothing happens until `load()`. */
export function createPageNotes(deps: PageNotesDeps): PageNotes {
  const { ctx } = deps;
  let notes: Note[] = [];
  let painted: PaintedNote[] = [];
  const reportedAnchors = new Map<string, AnchorState>();

  let run = 0;
  /**
   * Places the reader's notes on the current page text and paints them; reports orphans. Fuzzy
   * placement can cost hundreds of milliseconds on a long page, so it runs in time slices, inside
   * a note as well as between notes; a newer run wins.
   */
  async function paint(given?: TextMap): Promise<void> {
    if (ctx.isInvalid) return; // a reply that arrived after a newer instance took over
    const mine = ++run;
    const map = given ?? (await deps.pageMap());
    if (ctx.isInvalid || mine !== run) return;
    const next: PaintedNote[] = [];
    const states: { id: string; anchor: AnchorState }[] = [];
    // One slicer for all the notes: an approximate search of a long page pauses inside a note too.
    const slicer = createSlicer();
    for (const note of notes) {
      if (slicer.due()) await slicer.pause();
      const placed = await anchorSliced(map.text, note.target, slicer);
      if (ctx.isInvalid || mine !== run) return;
      const range = placed.state === 'orphan' ? null : rangeBetween(map, placed.start, placed.end, document);
      const state: AnchorState = range ? placed.state : 'orphan';
      if (range) next.push({ note, range });
      if (reportedAnchors.get(note.id) !== state) states.push({ id: note.id, anchor: state });
    }
    if (ctx.isInvalid || mine !== run) return;
    painted = next;
    deps.paintNotes(next.map((p) => p.range));
    if (states.length > 0) {
      for (const s of states) reportedAnchors.set(s.id, s.anchor);
      void ask('anchorsPlaced', { states });
    }
  }

  async function load(): Promise<void> {
    const reply = await ask<{ notes: Note[] }>('pageNotes', { url: location.href, canonical: canonicalLink() });
    notes = failed(reply) ? [] : reply.notes;
    await paint();
  }

  // Saving: a selection brings the toolbar; its offsets become W3C selectors on the page text.
  let pending: { start: number; end: number; url: string; title: string } | undefined;
  const toolbar = createToolbar({
    claims: deps.claimChoices,
    save: async (draft: ToolbarDraft) => {
      if (!pending) return 'The selection is gone: select the text again.';
      const map = deps.pageMapNow();
      const target = describe(map.text, pending.start, pending.end);
      const reply = await ask<{ note: Note }>('saveNote', {
        url: pending.url,
        pageUrl: location.href,
        title: pending.title,
        target,
        ...draft,
      });
      if (failed(reply)) return reply.error;
      // The background may already have told us (notesChanged): keep one copy of each note.
      notes = [...notes.filter((n) => n.id !== reply.note.id), reply.note];
      await paint(map);
      getSelection()?.removeAllRanges();
      return undefined;
    },
    update: async (id, draft) => {
      const reply = await ask<{ note: Note }>('updateNote', {
        id,
        patch: { ...draft, claimId: draft.claimId ?? null, claimStance: draft.claimStance ?? null },
      });
      if (failed(reply)) return reply.error;
      notes = notes.map((n) => (n.id === id ? reply.note : n));
      await paint();
      return undefined;
    },
    remove: async (id) => {
      const reply = await ask<{ deleted: boolean }>('deleteNote', { id });
      if (failed(reply)) return reply.error;
      notes = notes.filter((n) => n.id !== id);
      await paint();
      return undefined;
    },
  });

  function offerToSave(expanded: boolean): boolean {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
    const range = selection.getRangeAt(0);
    const map = deps.pageMapNow();
    let start = textOffsetOf(map, range.startContainer, range.startOffset);
    let end = textOffsetOf(map, range.endContainer, range.endOffset);
    if (start === null || end === null) return false;
    while (start < end && map.text[start] === ' ') start++;
    while (end > start && map.text[end - 1] === ' ') end--;
    if (end <= start) return false;
    // The background files the note under the normalised URL; we send what we know.
    pending = { start, end, url: canonicalLink() ?? location.href, title: deps.title() };
    toolbar.open({ kind: 'new', quote: map.text.slice(start, end), rect: range.getBoundingClientRect(), expanded });
    return true;
  }

  return {
    load,
    paint,
    offerToSave,
    editAt(node, offset) {
      const own = rangeAtPoint(painted, node, offset);
      if (!own) return false;
      toolbar.open({ kind: 'edit', note: own.note, rect: own.range.getBoundingClientRect() });
      return true;
    },
    find: (id) => painted.find((p) => p.note.id === id)?.range,
    stale: () => painted.some((p) => !p.range.startContainer.isConnected || p.range.collapsed),
    counts: () => ({ known: notes.length, painted: painted.length }),
    toolbar,
  };
}
