/**
 * Notes benchmarks in Debian's Chromium with its real IndexedDB (on disk, in a throwaway profile):
 * save latency, export and import of 10k notes, library search over 10k notes, each beside a
 * baseline measured in the same run. bench/notes-entry.ts is bundled and run in a page served
 * from 127.0.0.1 (IndexedDB needs a real origin); nothing else is contacted.
 * Run by bench/browser.ts (`npm run bench`), or alone: `npx tsx bench/notes.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { NoteQuery } from '../lib/notes/repository';
import { CLAIM_IDS } from './notes-data';
import type { NotesBench } from './notes-entry';
import { ms, quantile } from './stats';

const ROOT = join(import.meta.dirname, '..');
const NOTES = 10_000;
const SEED = 7;
const SAVES = 200;
const SAVE_WARMUP = 10;
const EXPORT_RUNS = 3;
const PARSE_RUNS = 3;
/** Writing 10k notes takes seconds: once each (raise for a steadier figure). */
const IMPORT_RUNS = 1;
/** Each search reads all 10k notes at least once in the baseline; a whole-library read takes a few hundred ms. */
const SEARCH_RUNS = 2;

/** Library searches by words only: 1–3 words, some of them word prefixes ("hwas", "sanc"). */
const TEXT_QUERIES = [
  'missile', 'sanctions', 'north korea', 'scud', 'nodong missiles', 'tanker', 'khorramshahr', 'pyongyang', 'hwas',
  'sanc', 'fakhrizadeh', 'kim jong', 'ship', 'ship-to-ship', 'wise honest', 'panel of experts', 'iran missile sanctions',
  'bandar abbas tanker', 'cia analyst', 'zanzibar',
];

/** Searches with the library's filters, alone and with words. */
const FILTERED_QUERIES: NoteQuery[] = [
  { tags: ['sanctions'] },
  { tags: ['missiles', 'irgc'] },
  { tags: ['shipping'], text: 'tanker' },
  { claimId: CLAIM_IDS[0] as string },
  { claimId: CLAIM_IDS[1] as string, text: 'missile' },
  { site: 'reuters.com' },
  { site: '38north.org', text: 'satellite' },
  { category: 'key-fact' },
  { category: 'question', text: 'nodong' },
  { category: 'contradicts', tags: ['disputed'] },
];

/** The library as it opens: no filter, the newest 50. */
const FIRST_PAGE: NoteQuery = { limit: 50 };

const PAGE_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>Nexus Lens notes bench</title></head><body><script src="/notes-bench.js"></script></body></html>';

function bundle(): string {
  return execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), [join(ROOT, 'bench/notes-entry.ts'), '--bundle', '--format=iife', '--log-level=error'], {
    encoding: 'utf8',
  });
}

/** Serves the page and the bundle on a free loopback port, cross-origin isolated (finer timers). */
async function serve(script: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const headers = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-store' };
    if (req.url === '/') res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(PAGE_HTML);
    else if (req.url === '/notes-bench.js') res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/** Calls one function of the bench object in the page. */
function call<K extends keyof NotesBench>(page: Page, name: K, ...args: Parameters<NotesBench[K]>): Promise<Awaited<ReturnType<NotesBench[K]>>> {
  return page.evaluate(
    ({ name, args }) => {
      const bench = (globalThis as unknown as { __nexusNotesBench: Record<string, (...a: unknown[]) => unknown> }).__nexusNotesBench;
      return bench[name]!(...args);
    },
    { name, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<NotesBench[K]>>>;
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
/** The median (the mean of the middle two for an even count). */
function med(values: readonly number[]): number {
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
}
const p95 = (values: readonly number[]) => quantile(sorted(values), 0.95);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
/** Baseline median ÷ ours, as everywhere in the bench output. */
const ratio = (baseline: readonly number[], ours: readonly number[]) => `${(med(baseline) / med(ours)).toFixed(2)}×`;
const medP95 = (values: readonly number[]) =>
  values.length === 1 ? `${ms(values[0] as number).padStart(5)} ms (1 run)` : `median ${ms(med(values)).padStart(5)} ms, p95 ${ms(p95(values)).padStart(5)} ms`;
const describeQuery = (query: NoteQuery) =>
  Object.entries(query)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(' ');

export async function notesBench(): Promise<void> {
  const started = performance.now();
  console.log('\nNotes benchmarks (Debian Chromium, headless, real IndexedDB in an on-disk profile, page on 127.0.0.1)');
  console.log('  ratio = baseline median ÷ ours (above 1×: ours is faster; below: ours costs more)');
  const { origin, close } = await serve(bundle());
  const profile = mkdtempSync(join(tmpdir(), 'nexus-lens-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/`);

    const data = await call(page, 'setup', NOTES, SEED);
    console.log(
      `  data: ${data.notes.toLocaleString('en')} synthetic notes (seed ${SEED}) on ${data.pages} pages of ${data.sites} sites; quotes ${data.meanQuoteChars.toFixed(0)} chars on average; ` +
        `${pct(data.linkedShare)} linked to a claim, ${pct(data.textShare)} with note text, ${pct(data.taggedShare)} tagged`,
    );
    console.log(`  generated in ${ms(data.generateMs)} ms, loaded with one bulkPut transaction in ${ms(data.loadMs)} ms; timer ${data.crossOriginIsolated ? 'cross-origin isolated (5 µs)' : 'coarse (100 µs)'}`);

    const saved = await call(page, 'save', SAVES, SAVE_WARMUP);
    console.log(`  1. save latency: ${SAVES} sequential saves into the library (${data.notes.toLocaleString('en')} notes, ${saved.notesAfter.toLocaleString('en')} after; deleted again: ${saved.notesRestored.toLocaleString('en')}), after ${SAVE_WARMUP} warm-up saves:`);
    line('saveNote (check, document record, note; one tx)', `p50 ${ms(med(saved.ours))} ms, p95 ${ms(p95(saved.ours))} ms`);
    line('  baseline: Dexie db.notes.put of a prepared note', `p50 ${ms(med(saved.raw))} ms, p95 ${ms(p95(saved.raw))} ms   ratio ${ratio(saved.raw, saved.ours)}`);

    const exported = await call(page, 'exportAll', EXPORT_RUNS);
    const json = exported.plainJson.times;
    console.log(`  2. export of ${data.notes.toLocaleString('en')} notes (${EXPORT_RUNS} runs after a warm-up read; sizes in UTF-8):`);
    line('allData (one read transaction)', `${medP95(exported.allData)}`);
    line('  baseline: toArray() of both tables', `${medP95(exported.rawRead)}   ratio ${ratio(exported.rawRead, exported.allData)}`);
    line('toJson', `${medP95(exported.json.times)}   ${mb(exported.json.bytes)}   ratio ${ratio(json, exported.json.times)}`);
    line('toWebAnnotation + JSON.stringify', `${medP95(exported.webAnnotation.times)}   ${mb(exported.webAnnotation.bytes)}   ratio ${ratio(json, exported.webAnnotation.times)}`);
    line('toMarkdown', `${medP95(exported.markdown.times)}   ${mb(exported.markdown.bytes)}    ratio ${ratio(json, exported.markdown.times)}`);
    line('toCsv', `${medP95(exported.csv.times)}   ${mb(exported.csv.bytes)}    ratio ${ratio(json, exported.csv.times)}`);
    line('  baseline for all four: JSON.stringify(data, null, 2)', `${medP95(json)}   ${mb(exported.plainJson.bytes)}`);

    const imported = await call(page, 'importAll', PARSE_RUNS, IMPORT_RUNS);
    console.log(`  3. import of ${data.notes.toLocaleString('en')} notes from our JSON file (${mb(imported.fileBytes)}):`);
    line('parseImport (read + validate)', `${medP95(imported.parse)}`);
    line('  baseline: JSON.parse alone', `${medP95(imported.jsonParse)}   ratio ${ratio(imported.jsonParse, imported.parse)}`);
    line('importData into an empty database (one tx)', `${medP95(imported.importEmpty)}   ${counts(imported.counts)}`);
    line('  baseline: bulkPut notes + documents, one tx', `${medP95(imported.bulkPut)}   ratio ${ratio(imported.bulkPut, imported.importEmpty)}`);
    line('re-import of the same file into it', `${medP95(imported.reimport)}   ${counts(imported.recounts)}`);
    line('whole import (parseImport + importData)', `${ms(med(imported.parse) + med(imported.importEmpty))} ms (medians added)`);

    console.log(`  4. library search over ${data.notes.toLocaleString('en')} notes (median of ${SEARCH_RUNS} runs per query after one warm-up search; results newest first):`);
    console.log(`    baseline: db.notes.toArray(), lower-case includes() of every word in quote + note + tags + title, same filters and sort`);
    console.log(`    ${'query'.padEnd(54)} ${'ours'.padStart(7)} ${'naive'.padStart(7)} ${'ratio'.padStart(7)}   results ours / naive`);
    const textRuns = { ours: [] as number[], naive: [] as number[] };
    const disagreements: string[] = [];
    for (const [i, text] of TEXT_QUERIES.entries()) {
      const result = await call(page, 'search', { text }, SEARCH_RUNS, i === 0 ? 1 : 0);
      textRuns.ours.push(...result.ours);
      textRuns.naive.push(...result.naive);
      if (!result.sameNotes) disagreements.push(`"${text}" ${result.oursCount} vs ${result.naiveCount}`);
      console.log(searchRow(`"${text}"`, result));
    }
    const filteredRuns = { ours: [] as number[], naive: [] as number[] };
    let filteredSame = 0;
    for (const query of FILTERED_QUERIES) {
      const result = await call(page, 'search', query, SEARCH_RUNS, 0);
      filteredRuns.ours.push(...result.ours);
      filteredRuns.naive.push(...result.naive);
      if (result.sameNotes) filteredSame++;
      console.log(searchRow(describeQuery(query), result));
    }
    const memory = await call(page, 'searchInMemory', TEXT_QUERIES, SEARCH_RUNS);
    console.log(
      `    library page (all notes held live in memory, loaded once in ${ms(memory.load)} ms): text search p50 ${ms(med(memory.ours))} ms, p95 ${ms(p95(memory.ours))} ms;` +
        ` naive in-memory includes() p50 ${ms(med(memory.naive))} ms; ratio ${ratio(memory.naive, memory.ours)}`,
    );
    const firstPage = await call(page, 'search', FIRST_PAGE, SEARCH_RUNS, 0);
    console.log(searchRow('first page: no filter, newest 50', firstPage));
    console.log(`    text only, ${TEXT_QUERIES.length} queries × ${SEARCH_RUNS} runs: ours p50 ${ms(med(textRuns.ours))} ms, p95 ${ms(p95(textRuns.ours))} ms; naive p50 ${ms(med(textRuns.naive))} ms, p95 ${ms(p95(textRuns.naive))} ms; ratio ${ratio(textRuns.naive, textRuns.ours)}`);
    console.log(`    filtered, ${FILTERED_QUERIES.length} queries × ${SEARCH_RUNS} runs: ours p50 ${ms(med(filteredRuns.ours))} ms, p95 ${ms(p95(filteredRuns.ours))} ms; naive p50 ${ms(med(filteredRuns.naive))} ms, p95 ${ms(p95(filteredRuns.naive))} ms; ratio ${ratio(filteredRuns.naive, filteredRuns.ours)}`);
    console.log(
      `    same notes as the naive scan: ${TEXT_QUERIES.length - disagreements.length} of ${TEXT_QUERIES.length} text queries, ${filteredSame} of ${FILTERED_QUERIES.length} filtered` +
        (disagreements.length ? `; differ (word-prefix, accent-folded, split on punctuation vs plain substring): ${disagreements.join('; ')}` : ''),
    );
  } finally {
    await context.close();
    await close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`  (notes benchmarks took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** One figure of the report: a label column, then the figures. */
const line = (label: string, figures: string) => console.log(`    ${label.padEnd(54)} ${figures}`);
const pct = (share: number) => `${Math.round(share * 100)}%`;
const counts = (c: { added: number; updated: number; unchanged: number }) => `${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged`;

function searchRow(label: string, result: Awaited<ReturnType<NotesBench['search']>>): string {
  const agree = result.sameNotes ? 'same' : 'differ';
  return `    ${label.padEnd(54)} ${ms(med(result.ours)).padStart(7)} ${ms(med(result.naive)).padStart(7)} ${ratio(result.naive, result.ours).padStart(7)}   ${String(result.oursCount).padStart(5)} / ${String(result.naiveCount).padEnd(5)} ${agree}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await notesBench();
