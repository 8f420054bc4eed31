// The annotator: injected only where needed; extracts the article, asks the background, paints the claims.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { articleMayHaveChanged, noChanges, noteChanges } from '../../lib/article/changes';
import { extractArticleTextSliced, type ArticleText } from '../../lib/article/extract';
import { buildTextMap, findRange, locateSentence, textMapSteps, type TextMap } from '../../lib/article/text-map';
import type { SentenceMatch, TopicVerdict } from '../../lib/article/types';
import { createPainter, rangeAtPoint, type HighlightKind } from '../../lib/highlight/painter';
import { createSlicer, drainSliced, runSliced } from '../../lib/highlight/sliced';
import type { ClaimLabel } from '../../lib/messaging/protocol';
import { createPageNotes } from './notes';

/** How long DOM changes may settle before we look at them (ms): batches bursts of mutations. */
const MUTATION_SETTLE_MS = 300;
/** How often we check that the page has not removed our highlights from CSS.highlights (ms). */
const RESTORE_INTERVAL_MS = 500;
/** How long a revealed sentence flashes (ms). */
const FLASH_MS = 1_500;

interface Painted {
  match: SentenceMatch;
  text: string;
  range: Range;
}


/** What tells one article from another: a new key means extracting, matching and painting again. */
const keyOf = (article: ArticleText) => `${location.href}\n${article.text.length}\n${article.text.slice(0, 200)}`;

/** Characters of the article's first and last paragraphs looked for on the page to find its region. */
const REGION_PROBE = 80;

/**
 * The live node that holds an article's text: the common ancestor of the start of its first
 * paragraph and the end of its last as found on the page, or null when they are not found (then
 * every change counts).
 */
function regionOf(map: TextMap, article: ArticleText): Node | null {
  const paragraphs = article.text.split('\n\n');
  const first = paragraphs[0]?.slice(0, REGION_PROBE);
  const last = paragraphs.at(-1)?.slice(-REGION_PROBE);
  const a = first ? locateSentence(map, first) : null;
  const b = a && last ? locateSentence(map, last, a.start) : null;
  if (!a || !b) return null;
  const range = document.createRange();
  try {
    range.setStart(a.startNode, a.startOffset);
    range.setEnd(b.endNode, b.endOffset);
  } catch {
    return null;
  }
  return range.commonAncestorContainer;
}

const KIND: Record<SentenceMatch['stance'], HighlightKind> = {
  asserts: 'asserts',
  denies: 'denies',
  hedges: 'hedges',
};

export default defineContentScript({
  registration: 'runtime',
  // WXT would also window.postMessage its start to the page: every message listener on the page
  // would learn our extension id, and the post costs the page's main thread. Its DOM event suffices.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Injected again (SPA navigation, the action button): WXT has already invalidated the previous
    // instance (its ContentScriptContext aborts when a newer one starts), which unpaints and stops
    // itself in onInvalidated; this one takes over. The marker only tells tests an annotator ran here.
    (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('nexus-lens.annotator')] = true;

    const suffix = crypto.randomUUID().slice(0, 8);
    const painter = createPainter(
      { registry: CSS.highlights, createHighlight: (...ranges) => new Highlight(...ranges) },
      suffix,
    );
    // A constructed stylesheet: no element is added to the page, and ::highlight cannot shift layout.
    // Adopted with the first ranges to paint, not before: any ::highlight rule makes Chromium
    // restyle every element of the page once (about 200 ms on a page of 35,000 elements), which a
    // page with nothing to paint should not pay.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(painter.css());
    let adopted = false;
    /** Adopts our stylesheet once there is something to paint, and again if the page dropped it. */
    function adoptSheet(): void {
      if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      adopted = true;
    }
    function paintKind(kind: HighlightKind, ranges: readonly Range[]): void {
      if (!adopted && ranges.length > 0) adoptSheet();
      painter.paint(kind, ranges);
    }

    let article: ArticleText | null = null;
    let matches: SentenceMatch[] = [];
    /** The statements of the matched claims, offered when the reader links a note to a claim. */
    let claimLabels: ClaimLabel[] = [];
    let painted: Painted[] = [];
    let articleKey = '';
    /** Where the article's text lives on the page, to tell its changes from a ticker's. */
    let region: Node | null = null;
    /** What the DOM changes since the last settled look did to the article. */
    let changes = noChanges();

    // The page's text map, built in time slices and reused until the DOM changes: on a page of
    // several megabytes one build is hundreds of milliseconds of work.
    let generation = 0;
    let mapCache: { generation: number; built: Promise<TextMap>; map?: TextMap } | undefined;
    function pageMap(): Promise<TextMap> {
      if (mapCache?.generation !== generation) {
        const entry: { generation: number; built: Promise<TextMap>; map?: TextMap } = {
          generation,
          built: drainSliced(textMapSteps(document.body), createSlicer()).then((map) => (entry.map = map)),
        };
        mapCache = entry;
      }
      return mapCache.built;
    }
    /** The text map now, for a selection the reader just made: the cached one, or one built at once. */
    function pageMapNow(): TextMap {
      onMutations(observer.takeRecords());
      if (mapCache?.generation === generation && mapCache.map) return mapCache.map;
      const map = buildTextMap(document.body);
      mapCache = { generation, built: Promise.resolve(map), map };
      return map;
    }

    let paintRun = 0;
    async function paint(): Promise<void> {
      if (!article) return;
      const run = ++paintRun;
      const current = article;
      const map = await pageMap();
      if (ctx.isInvalid || run !== paintRun) return;
      const next: Painted[] = [];
      let from = 0;
      await runSliced(matches, (match) => {
        const found = findRange(map, match.sentence, document, from);
        if (!found) return;
        from = found.start;
        next.push({ match, text: match.sentence, range: found.range });
      });
      if (ctx.isInvalid || run !== paintRun) return;
      painted = next;
      for (const kind of ['asserts', 'denies', 'hedges'] as const) {
        paintKind(kind, painted.filter((p) => KIND[p.match.stance] === kind).map((p) => p.range));
      }
      region = regionOf(map, current);
      await pageNotes.paint(map);
    }

    let annotateRun = 0;
    /** Extracts (in time slices) unless given the article, asks the background, paints. A newer run wins. */
    async function annotate(extracted?: ArticleText): Promise<void> {
      const run = ++annotateRun;
      const fresh = extracted ?? (await extractArticleTextSliced(document, createSlicer()));
      if (ctx.isInvalid || run !== annotateRun) return;
      article = fresh;
      articleKey = keyOf(fresh);
      // The page's text map is built while the background matches.
      void pageMap();
      const reply = (await browser.runtime.sendMessage({
        type: 'articleExtracted',
        payload: { url: location.href, title: fresh.title, text: fresh.text },
      })) as { topic: TopicVerdict; matches: SentenceMatch[]; claims: ClaimLabel[] } | { error: string } | undefined;
      if (ctx.isInvalid || run !== annotateRun) return;
      matches = reply && 'matches' in reply ? reply.matches : [];
      claimLabels = reply && 'claims' in reply ? reply.claims : [];
      await pageNotes.load();
      await paint();
    }

    // The reader's own highlights, and the toolbar that saves them from a selection.
    const pageNotes = createPageNotes({
      ctx,
      pageMap,
      pageMapNow,
      paintNotes: (ranges) => paintKind('note', ranges),
      claimChoices: () => {
        const seen = new Map<string, string>();
        const statements = new Map(claimLabels.map((c) => [c.id, c.statement]));
        for (const m of matches) if (!seen.has(m.claimId)) seen.set(m.claimId, statements.get(m.claimId) ?? m.claimId.replaceAll('-', ' '));
        return [...seen].map(([id, label]) => ({ id, label }));
      },
      title: () => article?.title || document.title,
    });
    const { toolbar } = pageNotes;

    ctx.addEventListener(document, 'mouseup', (event) => {
      if (toolbar.contains(event.target)) return;
      // Let the selection settle; a click elsewhere closes the toolbar.
      ctx.setTimeout(() => {
        if (!pageNotes.offerToSave(false) && toolbar.isOpen) toolbar.close();
      }, 0);
    });

    // Re-render handling: batched after mutations settle; re-annotate when the article itself changed.
    // Changes outside the article's region (a ticker, a counter) and re-renders with the same text
    // cost no extraction; any change makes the cached text map old.
    let settle: number | undefined;
    async function settled(): Promise<void> {
      settle = undefined;
      const seen = changes;
      changes = noChanges();
      const stale = () => pageNotes.stale() || painted.some((p) => !p.range.startContainer.isConnected || p.range.collapsed);
      if (articleMayHaveChanged(seen)) {
        const fresh = await extractArticleTextSliced(document, createSlicer());
        if (ctx.isInvalid) return;
        if (keyOf(fresh) !== articleKey) {
          void annotate(fresh);
          return;
        }
      }
      const notes = pageNotes.counts();
      if (stale() || painted.length < matches.length || notes.painted < notes.known) void paint();
    }
    function onMutations(records: MutationRecord[]): void {
      if (records.length === 0) return;
      generation++;
      noteChanges(changes, records, region);
      settle ??= ctx.setTimeout(() => void settled(), MUTATION_SETTLE_MS);
    }
    const observer = new MutationObserver(onMutations);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      painter.clear();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      toolbar.close();
    });

    // The page shares CSS.highlights and may clear it, and may assign document.adoptedStyleSheets
    // (a theme switch) without our sheet; there is no event for either, so we look.
    ctx.setInterval(() => {
      painter.restore();
      if (adopted) adoptSheet();
    }, RESTORE_INTERVAL_MS);
    ctx.addEventListener(window, 'wxt:locationchange', () => void annotate());

    // A click on one of the reader's highlights opens it for editing; on a painted sentence, it
    // brings the claim's card into view in the side panel.
    ctx.addEventListener(document, 'click', (event) => {
      if (toolbar.contains(event.target)) return;
      const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
      if (!caret) return;
      if (getSelection()?.isCollapsed !== false && pageNotes.editAt(caret.offsetNode, caret.offset)) return;
      const hit = rangeAtPoint(painted, caret.offsetNode, caret.offset);
      if (!hit) return;
      void browser.runtime
        .sendMessage({ type: 'highlightClicked', payload: { claimId: hit.match.claimId, start: hit.match.start } })
        .catch(() => undefined);
    });

    browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
      const m = message as { type?: string; payload?: { start?: number; id?: string; urls?: unknown } };
      // An invalidated instance stays silent: the instance that replaced it answers.
      if (ctx.isInvalid || sender.id !== browser.runtime.id) return undefined;
      if (m?.type === 'notesChanged') {
        // Another view changed notes: reload ours (the background filters by URL; re-reading is cheap).
        void pageNotes.load();
        sendResponse({ ok: true });
        return undefined;
      }
      if (m?.type === 'showToolbar') {
        sendResponse({ ok: pageNotes.offerToSave(true) });
        return undefined;
      }
      if (m?.type === 'revealNote') {
        const own = pageNotes.find(String(m.payload?.id));
        if (own) {
          own.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
          paintKind('flash', [own]);
          ctx.setTimeout(() => paintKind('flash', []), FLASH_MS);
        }
        sendResponse({ ok: Boolean(own) });
        return undefined;
      }
      if (m?.type !== 'revealSentence') return undefined;
      const target = painted.find((p) => p.match.start === m.payload?.start);
      if (!target) {
        sendResponse({ ok: false });
        return undefined;
      }
      const element = target.range.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      paintKind('flash', [target.range]);
      ctx.setTimeout(() => paintKind('flash', []), FLASH_MS);
      sendResponse({ ok: true });
      return undefined;
    });

    void annotate();
  },
});
