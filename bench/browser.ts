/** Browser benchmarks in Debian's Chromium: the detector's main-thread time and bundle size, painting, then the notes (bench/notes.ts). */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { compileIndex } from '../lib/claims/compile';
import { loadDatabase } from '../lib/claims/load';
import { notesBench } from './notes';
import { fiftyKbPage } from './pages';
import { ms, quantile } from './stats';

const ROOT = join(import.meta.dirname, '..');
const PAGE_SIZES = [1_000, 10_000, 100_000, 300_000];
const GLANCE_RUNS = 40;
/** Fresh page loads per size, for the cold (first-call) time. */
const COLD_LOADS = 8;
/** Fresh loads of the 50 KB article for the end-to-end reading time, and analyses on each. */
const READ_LOADS = 10;
const READ_ANALYSES = 8;
const HIGHLIGHTS = 1_000;

/** A page of about `elements` elements: nested layout boxes, links and paragraphs of filler. */
function bigPage(elements: number, onTopic: boolean): string {
  const parts: string[] = [];
  const lede = onTopic ? '<p>North Korea sold Scud missiles to Iran, officials in Tehran and Pyongyang said.</p>' : '';
  let count = 0;
  while (count < elements) {
    parts.push('<div class="box"><div class="row"><span>Item</span> <a href="#">link</a></div><p>Some filler text for the layout of this page.</p></div>');
    count += 5;
  }
  return `<!doctype html><html><head><title>Bench page</title><meta name="description" content="bench"></head><body><h1>Heading</h1>${lede}${parts.join('')}</body></html>`;
}

/** A long article whose sentences each sit in their own text node, for the painting benchmark. */
function articlePage(): string {
  const paragraphs = Array.from({ length: HIGHLIGHTS }, (_, i) => `<p>Sentence number ${i} says that North Korea shipped parts to Iran in ${1980 + (i % 40)}. It is followed by filler.</p>`);
  return `<!doctype html><html><head><title>Article</title></head><body><article>${paragraphs.join('')}</article></body></html>`;
}

function bundle(): string {
  return execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), [join(ROOT, 'bench/browser-entry.ts'), '--bundle', '--format=iife', '--log-level=error'], { encoding: 'utf8' });
}

async function main() {
  console.log('\nBrowser benchmarks (Debian Chromium, headless)');
  const detector = join(ROOT, '.output/chrome-mv3/content-scripts/detector.js');
  if (existsSync(detector)) {
    const code = readFileSync(detector);
    console.log(`  detector bundle: ${(code.length / 1024).toFixed(1)} KB, ${(gzipSync(code).length / 1024).toFixed(2)} KB gzipped (aim ≤ 8 KB)`);
  } else console.log('  detector bundle: no build (run npm run build first)');

  const script = bundle();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'] });
  const page = await browser.newPage();
  console.log('  detector main-thread time per page (glance + judge), measured in the page:');
  for (const size of PAGE_SIZES) {
    for (const onTopic of [false, true]) {
      // Cold: the first call on a freshly loaded page, as the detector runs once per page load.
      const cold: number[] = [];
      let warm: number[] = [];
      for (let load = 0; load < COLD_LOADS; load++) {
        await page.setContent(bigPage(size, onTopic));
        await page.addScriptTag({ content: script });
        const times = await page.evaluate((runs) => {
          const fn = (globalThis as unknown as { __nexusGlance: () => unknown }).__nexusGlance;
          const out: number[] = [];
          for (let i = 0; i < runs; i++) {
            const t0 = performance.now();
            fn();
            out.push(performance.now() - t0);
          }
          return out;
        }, GLANCE_RUNS);
        cold.push(times[0] ?? Number.NaN);
        warm = times.slice(1);
      }
      cold.sort((a, b) => a - b);
      warm.sort((a, b) => a - b);
      const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      console.log(`    ${String(elements).padStart(7)} elements, ${onTopic ? 'candidate    ' : 'not candidate'}: cold median ${ms(quantile(cold, 0.5))} ms, cold max ${ms(cold.at(-1) ?? Number.NaN)} ms; repeated calls p95 ${ms(quantile(warm, 0.95))} ms (aim p95 ≤ 1 ms)`);
    }
  }

  console.log(`  painting ${HIGHLIGHTS} highlights (time including the next layout; mutation records seen by the page):`);
  for (const approach of ['ours: CSS Custom Highlight API', 'baseline: wrap each sentence in <mark>'] as const) {
    await page.setContent(articlePage());
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(async (wrap) => {
      let records = 0;
      const observer = new MutationObserver((list) => (records += list.length));
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      const ranges = [...document.querySelectorAll('p')].map((p) => {
        const text = p.firstChild as Text;
        const range = document.createRange();
        const end = (text.nodeValue ?? '').indexOf('.') + 1;
        range.setStart(text, 0);
        range.setEnd(text, end);
        return range;
      });
      const t0 = performance.now();
      if (wrap) {
        for (const range of ranges) range.surroundContents(document.createElement('mark'));
      } else {
        const painter = (globalThis as unknown as { __nexusPainter: () => { paint(kind: string, r: Range[]): void } }).__nexusPainter();
        painter.paint('asserts', ranges);
      }
      void document.body.offsetHeight; // force the layout the change causes
      const elapsed = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 50));
      observer.disconnect();
      return { elapsed, records, marks: document.querySelectorAll('mark').length };
    }, approach.startsWith('baseline'));
    console.log(`    ${approach.padEnd(40)} ${ms(result.elapsed)} ms, ${result.records} mutation records, ${result.marks} elements added`);
  }
  // The reading pipeline in the browser on the 50 KB article, split as the extension splits it: the
  // page side in a fresh page each time (a content script is new on every page), the background in
  // one long-lived page (the extension's worker keeps its engine between articles). The worker's
  // first call, as after it was started, is reported apart.
  const index = compileIndex(loadDatabase());
  const background = await browser.newPage();
  await background.setContent('<!doctype html><title>background</title>');
  await background.addScriptTag({ content: script });
  const prepare = await background.evaluate(
    (idx) => (globalThis as unknown as { __nexusPrepare: (i: unknown) => Promise<number> }).__nexusPrepare(idx),
    index,
  );
  const extracts: number[] = [];
  const analyses: number[] = [];
  let matches = 0;
  for (let load = 0; load < READ_LOADS; load++) {
    await page.setContent(fiftyKbPage());
    await page.addScriptTag({ content: script });
    const { extract, article } = await page.evaluate(() =>
      (globalThis as unknown as { __nexusExtract: () => Promise<{ extract: number; article: unknown }> }).__nexusExtract(),
    );
    extracts.push(extract);
    for (let run = 0; run < READ_ANALYSES; run++) {
      const result = await background.evaluate(
        (art) => (globalThis as unknown as { __nexusAnalyse: (a: unknown) => Promise<{ analyse: number; matches: number }> }).__nexusAnalyse(art),
        article,
      );
      analyses.push(result.analyse);
      matches = result.matches;
    }
  }
  const first = analyses[0] ?? Number.NaN;
  // Warm: after the first article's analyses, as a worker that has read a page before.
  const warm = analyses.slice(READ_ANALYSES).sort((a, b) => a - b);
  extracts.sort((a, b) => a - b);
  console.log(`  reading a 50 KB article in Chromium (${matches} matches), as the extension splits the work:`);
  console.log(`    page side, extraction (copy + Readability + text; a fresh script each page): median ${ms(quantile(extracts, 0.5))} ms, p95 ${ms(quantile(extracts, 0.95))} ms (in time slices)`);
  console.log(`    background side, segmentation + topic + match (one long-lived engine): getting ready (create + warm up, while the first page extracts) ${ms(prepare)} ms, then first article ${ms(first)} ms; warm median ${ms(quantile(warm, 0.5))} ms, p95 ${ms(quantile(warm, 0.95))} ms`);
  console.log(`    together (warm background): median ${ms(quantile(extracts, 0.5) + quantile(warm, 0.5))} ms (aim ≤ 30 ms)`);
  await browser.close();
  await notesBench();
}

await main();
