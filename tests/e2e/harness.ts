/** End-to-end harness: serves test pages on 127.0.0.1 and drives Debian's Chromium with the built extension. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
/** The Chrome build under test (`wxt build` writes it). */
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Folders served: /pages/* from tests/e2e/pages, /fixtures/* from tests/fixtures/pages. */
const SERVED: Record<string, string> = {
  pages: join(ROOT, 'tests/e2e/pages'),
  fixtures: join(ROOT, 'tests/fixtures/pages'),
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** A static file server on a free loopback port; nothing else is ever contacted. */
export async function serveTestPages(): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const [, folder, ...rest] = (req.url ?? '/').split('?')[0]!.split('/');
    const base = SERVED[folder ?? ''];
    const file = base ? normalize(join(base, ...rest)) : '';
    if (!base || !file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, server };
}

/** A running Chromium with the extension loaded. */
export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/** Chromium switches for a quiet test browser: no sandbox (containers), no GPU, no traffic of its own. */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Fails with what to do when the extension has not been built. */
export function requireBuild(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build at ${EXTENSION_DIR}: run \`npm run build\` first (npm run test:e2e does).`);
  }
}

/** Launches headless Chromium with only our extension, in a throwaway profile. */
export async function launchWithExtension(): Promise<ExtensionBrowser> {
  requireBuild();
  const profile = mkdtempSync(join(tmpdir(), 'nexus-lens-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...QUIET_CHROMIUM_ARGS,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens an extension page (e.g. 'sidepanel.html?tabId=3'). */
export async function openExtensionPage(browser: ExtensionBrowser, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** The tab id Chromium gave the tab showing `url`, asked from an extension page. */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === target);
    if (tab?.id === undefined) throw new Error(`no tab shows ${target}`);
    return tab.id;
  }, url);
}

/** Sends one message to the background from an extension page and returns the reply. */
export async function sendFromExtensionPage(extensionPage: Page, message: unknown): Promise<unknown> {
  return extensionPage.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** Polls `read` until `accept` holds or the time runs out; returns the last value read. */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Kinds of highlight the annotator paints. */
export type Kind = 'asserts' | 'denies' | 'hedges' | 'note' | 'flash';
/** Highlighted sentences by kind, as read back from CSS.highlights (white space collapsed, sorted, unique). */
export type Painted = Partial<Record<Kind, string[]>>;

export const sorted = (list: string[]) => [...list].sort();
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every range of our highlights in a document, read in its main world, by kind. */
export async function readPaint(page: Page): Promise<Painted> {
  const raw = await page.evaluate(() => {
    const out: [string, string][] = [];
    for (const [name, highlight] of CSS.highlights) {
      for (const range of highlight) out.push([name, range.toString()]);
    }
    return out;
  });
  const byKind: Painted = {};
  for (const [name, text] of raw) {
    const kind = /^nexus-lens-(asserts|denies|hedges|note|flash)-[0-9a-f]{8}$/.exec(name)?.[1] as Kind | undefined;
    // A name we do not own would be a bug of its own: keep it visible in the comparison.
    const key = (kind ?? name) as Kind;
    (byKind[key] ??= []).push(squash(text));
  }
  for (const key of Object.keys(byKind) as Kind[]) byKind[key] = sorted([...new Set(byKind[key])]);
  return byKind;
}

/** The painted claim kinds only (the flash comes and goes), non-empty, in a stable order. */
export function claimPaint(paint: Painted): Painted {
  const { flash: _flash, ...rest } = paint;
  return Object.fromEntries(
    Object.entries(rest)
      .filter(([, list]) => list.length > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

export const samePaint = (a: Painted, b: Painted) => JSON.stringify(claimPaint(a)) === JSON.stringify(claimPaint(b));

/** Selects the first occurrence of `phrase` in the page's text and releases the mouse, as a reader would. */
export async function select(page: Page, phrase: string) {
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.nodeValue ?? '').indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`not on the page: ${text}`);
  }, phrase);
}
