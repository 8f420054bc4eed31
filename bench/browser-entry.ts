/** Bundled into an IIFE by bench/browser.ts and run inside Chromium pages. */
import { judgeCandidate } from '../lib/article/candidate';
import { extractArticleTextSliced } from '../lib/article/extract';
import type { CompiledIndex } from '../lib/claims/compile';
import { createEngine } from '../lib/claims/engine';
import { glancePage } from '../lib/article/glance';
import { createPainter } from '../lib/highlight/painter';
import { createSlicer } from '../lib/highlight/sliced';

const scope = globalThis as unknown as Record<string, unknown>;
/** The detector's whole per-page work: glance, then judge. */
scope.__nexusGlance = () => judgeCandidate(glancePage(document, location.href));
/** Our painter, as the annotator builds it. */
scope.__nexusPainter = () =>
  createPainter({ registry: CSS.highlights, createHighlight: (...ranges) => new Highlight(...ranges) }, 'bench');
/**
 * The reading pipeline on this page, split as the extension splits it: the annotator's extraction
 * (a fresh content script on every page: measured once, cold) and the background's segmentation
 * and analysis (a long-lived worker: measured on its first call and then warm).
 */
scope.__nexusRead = async (index: CompiledIndex, analyses: number) => {
  const now = () => performance.now();
  const t0 = now();
  const article = await extractArticleTextSliced(document, createSlicer(Infinity, now, () => Promise.resolve()));
  const extract = now() - t0;
  const engine = createEngine(index);
  const analyse: number[] = [];
  let matches = 0;
  for (let i = 0; i < analyses; i++) {
    const t1 = now();
    matches = (await engine.analyseText(article)).matches.length;
    analyse.push(now() - t1);
  }
  return { extract, analyse, matches };
};
