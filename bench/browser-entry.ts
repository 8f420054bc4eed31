/** Bundled into an IIFE by bench/browser.ts and run inside Chromium pages. */
import { judgeCandidate } from '../lib/article/candidate';
import { glancePage } from '../lib/article/glance';
import { createPainter } from '../lib/highlight/painter';

const scope = globalThis as unknown as Record<string, unknown>;
/** The detector's whole per-page work: glance, then judge. */
scope.__nexusGlance = () => judgeCandidate(glancePage(document, location.href));
/** Our painter, as the annotator builds it. */
scope.__nexusPainter = () =>
  createPainter({ registry: CSS.highlights, createHighlight: (...ranges) => new Highlight(...ranges) }, 'bench');
