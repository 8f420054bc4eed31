/** Bundled into an IIFE by bench/browser.ts and run inside Chromium pages. */
import { judgeCandidate } from '../lib/article/candidate';
import { extractArticleTextSliced, type ArticleText } from '../lib/article/extract';
import type { CompiledIndex } from '../lib/claims/compile';
import { createEngine, type Engine } from '../lib/claims/engine';
import { glancePage } from '../lib/article/glance';
import { createPainter } from '../lib/highlight/painter';
import { createSlicer } from '../lib/highlight/sliced';

const scope = globalThis as unknown as Record<string, unknown>;
/** The detector's whole per-page work: glance, then judge. */
scope.__nexusGlance = () => judgeCandidate(glancePage(document, location.href));
/** Our painter, as the annotator builds it. */
scope.__nexusPainter = () =>
  createPainter({ registry: CSS.highlights, createHighlight: (...ranges) => new Highlight(...ranges) }, 'bench');
/** The annotator's extraction on this page: a fresh content script on every page, so measured once, cold. */
scope.__nexusExtract = async () => {
  const now = () => performance.now();
  const t0 = now();
  const article = await extractArticleTextSliced(document, createSlicer(Infinity, now, () => Promise.resolve()));
  return { extract: now() - t0, article };
};
/**
 * The background's side: one engine for the life of this page, as the extension's background keeps
 * one for the life of its worker. It gets ready (created and warmed up) when a candidate page is
 * found, while that page extracts its article; then each call segments and analyses an article.
 */
let engine: Engine | undefined;
scope.__nexusPrepare = async (index: CompiledIndex) => {
  const t0 = performance.now();
  engine = createEngine(index);
  await engine.warmUp();
  return performance.now() - t0;
};
scope.__nexusAnalyse = async (article: ArticleText) => {
  if (!engine) throw new Error('__nexusPrepare first');
  const t0 = performance.now();
  const matches = (await engine.analyseText(article)).matches.length;
  return { analyse: performance.now() - t0, matches };
};
