// The annotator: injected only where needed; extracts the article, asks the background, paints the claims.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticle, type ExtractedArticle } from '../../lib/article/extract';
import { buildTextMap, findRange } from '../../lib/article/text-map';
import type { SentenceMatch, TopicVerdict } from '../../lib/article/types';
import { createPainter, rangeAtPoint, type HighlightKind } from '../../lib/highlight/painter';
import { runSliced } from '../../lib/highlight/sliced';

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

const KIND: Record<SentenceMatch['stance'], HighlightKind> = {
  asserts: 'asserts',
  denies: 'denies',
  hedges: 'hedges',
};

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const marker = Symbol.for('nexus-lens.annotator');
    const scope = globalThis as unknown as Record<symbol, unknown>;
    if (scope[marker]) return; // injected twice: the first instance already runs
    scope[marker] = true;

    const suffix = crypto.randomUUID().slice(0, 8);
    const painter = createPainter(
      { registry: CSS.highlights, createHighlight: (...ranges) => new Highlight(...ranges) },
      suffix,
    );
    // A constructed stylesheet: no element is added to the page, and ::highlight cannot shift layout.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(painter.css());
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

    let article: ExtractedArticle | null = null;
    let matches: SentenceMatch[] = [];
    let painted: Painted[] = [];
    let articleKey = '';

    async function paint(): Promise<void> {
      if (!article) return;
      const current = article;
      const map = buildTextMap(document.body);
      const next: Painted[] = [];
      let from = 0;
      await runSliced(matches, (match) => {
        const sentence = current.sentences[match.sentenceIndex];
        if (!sentence) return;
        const found = findRange(map, sentence.text, document, from);
        if (!found) return;
        from = found.start;
        next.push({ match, text: sentence.text, range: found.range });
      });
      painted = next;
      for (const kind of ['asserts', 'denies', 'hedges'] as const) {
        painter.paint(kind, painted.filter((p) => KIND[p.match.stance] === kind).map((p) => p.range));
      }
    }

    async function annotate(): Promise<void> {
      article = extractArticle(document);
      articleKey = `${location.href}\n${article.text.length}\n${article.text.slice(0, 200)}`;
      const reply = (await browser.runtime.sendMessage({
        type: 'articleExtracted',
        payload: { url: location.href, title: article.title, sentences: article.sentences },
      })) as { topic: TopicVerdict; matches: SentenceMatch[] } | { error: string } | undefined;
      matches = reply && 'matches' in reply ? reply.matches : [];
      await paint();
    }

    // Re-render handling: batched after mutations settle; re-annotate when the article itself changed.
    let settle: number | undefined;
    const observer = new MutationObserver(() => {
      if (settle !== undefined) return;
      settle = ctx.setTimeout(() => {
        settle = undefined;
        const stale = painted.some((p) => !p.range.startContainer.isConnected || p.range.collapsed);
        const fresh = extractArticle(document);
        const key = `${location.href}\n${fresh.text.length}\n${fresh.text.slice(0, 200)}`;
        if (key !== articleKey) void annotate();
        else if (stale || painted.length < matches.length) void paint();
      }, MUTATION_SETTLE_MS);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      painter.clear();
    });

    // The page shares CSS.highlights and may clear it; there is no event for that, so we look.
    ctx.setInterval(() => painter.restore(), RESTORE_INTERVAL_MS);
    ctx.addEventListener(window, 'wxt:locationchange', () => void annotate());

    // A click on a painted sentence brings its card into view in the side panel.
    ctx.addEventListener(document, 'click', (event) => {
      const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
      if (!caret) return;
      const hit = rangeAtPoint(painted, caret.offsetNode, caret.offset);
      if (!hit) return;
      void browser.runtime
        .sendMessage({ type: 'highlightClicked', payload: { claimId: hit.match.claimId, start: hit.match.start } })
        .catch(() => undefined);
    });

    browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
      const m = message as { type?: string; payload?: { start?: number } };
      if (sender.id !== browser.runtime.id || m?.type !== 'revealSentence') return undefined;
      const target = painted.find((p) => p.match.start === m.payload?.start);
      if (!target) {
        sendResponse({ ok: false });
        return undefined;
      }
      const element = target.range.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      painter.paint('flash', [target.range]);
      ctx.setTimeout(() => painter.paint('flash', []), FLASH_MS);
      sendResponse({ ok: true });
      return undefined;
    });

    void annotate();
  },
});
