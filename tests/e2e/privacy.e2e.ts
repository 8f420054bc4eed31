// Issue 7, end to end in real Chromium: "nothing leaves your machine", checked. We read news with the
// extension (on-topic articles, off-topic pages, a page that makes requests of its own), open the side
// panel with the toolbar button and as a tab, open the library, save a note with the toolbar and
// export every format, and show that the extension itself made no network request.
//
// Every context is watched by at least two observers, each proven live by a deliberate request made
// from that context (a positive control), so the test can fail:
// - the service worker: Playwright's context 'request' events and route (Chromium reports worker
//   traffic), plus our own CDP session on the worker target;
// - extension pages (library, side panel as a tab): Playwright's events and route, plus CDP;
// - the real side panel, opened with the toolbar button: Playwright does not attach to it, so a raw
//   CDP session on its target watches it;
// - content scripts: their requests look like the page's, so the test server logs every request with
//   its headers and the log must list exactly what the test pages themselves ask for; CDP on each page
//   also names the script that started each request (a content script is not the page's own script).
// Playwright's route blocks and records anything addressed to a host other than 127.0.0.1, and a
// host-resolver rule keeps any other name from resolving, so nothing can leave even if a check fails.
//
// The extension is installed through CDP (Extensions.loadUnpacked) only after every observer is in
// place, so its install and first start are watched too.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, QUIET_CHROMIUM_ARGS, requireBuild, select, sendFromExtensionPage, tabIdOf, waitFor } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES_DIR = join(ROOT, 'tests/e2e/pages');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Names used by the positive controls and the page's third-party request; they never resolve. */
const ELSEWHERE = 'http://control.nexus-lens-test.invalid';
const AD_PIXEL = 'http://ads.nexus-lens-test.invalid/pixel.gif';

const ON_TOPIC = ['/pages/candidate.html', '/pages/courier-oil-hostile.html', '/pages/globalwire-il76-lazy.html', '/pages/asialedger-spa.html'];
const OFF_TOPIC = ['/pages/sport-asian-cup.html', '/pages/unrelated.html'];
/** On topic (the Meridian article) and busy on its own: a fetch, an image, a beacon, a third-party pixel. */
const OWN = '/own/meridian-missiles.html';
const OWN_TRAFFIC = `
<img id="own-pixel" src="/own/pixel.gif" alt="" width="1" height="1">
<script>
  fetch('/own/related.json').then((r) => r.json()).then((d) => { document.body.dataset.related = String(d.stories.length); });
  navigator.sendBeacon('/own/beacon', 'page-view');
  new Image().src = '${AD_PIXEL}';
</script>`;
const QUICK = 'missile is based on North Korea';

/** Everything the test pages themselves ask the server for: "METHOD path sec-fetch-dest". */
const PAGE_TRAFFIC = [
  ...[...ON_TOPIC, ...OFF_TOPIC, OWN].map((path) => `GET ${path} document`),
  'GET /own/pixel.gif image',
  'GET /own/related.json empty',
  'POST /own/beacon empty',
].sort();
/** What the positive controls ask the server for (socket: a WebSocket handshake). */
const CONTROL_TRAFFIC = [
  'GET /control/worker-start',
  'GET /control/worker-socket socket',
  'GET /control/library',
  'GET /control/library-socket socket',
  'GET /control/content-script',
  'GET /control/side-panel',
  'GET /control/worker-end',
].sort();

// ---- The logging server ----

interface Logged {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  socket: boolean;
}

/** Serves the test pages on a loopback port and logs every request it receives, headers included. */
async function serveAndLog(): Promise<{ server: Server; origin: string; log: Logged[] }> {
  const log: Logged[] = [];
  // The browser's own favicon fetch is not the page's: an empty inline icon keeps it out of the log.
  const withIcon = (html: string) => html.replace(/<head([^>]*)>/i, '<head$1><link rel="icon" href="data:,">');
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    log.push({ method: req.method ?? '', path, headers: req.headers, socket: false });
    const html = (text: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(text);
    const file = /^\/pages\/([\w-]+\.html)$/.exec(path)?.[1];
    if (file && readdirSync(PAGES_DIR).includes(file)) return html(withIcon(readFileSync(join(PAGES_DIR, file), 'utf8')));
    if (path === OWN) {
      const article = readFileSync(join(PAGES_DIR, 'meridian-missiles.html'), 'utf8');
      return html(withIcon(article).replace('</body>', `${OWN_TRAFFIC}\n</body>`));
    }
    if (path === '/own/pixel.gif') {
      const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
      return res.writeHead(200, { 'content-type': 'image/gif' }).end(gif);
    }
    if (path === '/own/related.json') {
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ stories: ['a', 'b'] }));
    }
    if (path === '/own/beacon') return void req.resume().on('end', () => res.writeHead(204).end());
    if (path.startsWith('/control/')) return res.writeHead(200, { 'content-type': 'text/plain' }).end('seen');
    res.writeHead(404).end('not found');
  });
  // A WebSocket handshake is logged, then refused.
  server.on('upgrade', (req, socket) => {
    log.push({ method: req.method ?? '', path: (req.url ?? '/').split('?')[0]!, headers: req.headers, socket: true });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, log };
}

const isControl = (entry: Logged) => entry.path.startsWith('/control/');
const describeLogged = (entry: Logged) =>
  entry.socket ? `${entry.method} ${entry.path} socket` : `${entry.method} ${entry.path} ${entry.headers['sec-fetch-dest']}`;

// ---- What the observers record ----

/** Which context a request came from, as far as an observer can tell. */
type By = 'worker' | 'extension page' | 'web page' | 'unknown';
interface Observed {
  by: By;
  url: string;
  /** A name for the page or target: a test page's path, or the extension's file ('background.js', 'library.html'). */
  where: string;
}
interface CdpRequest extends Observed {
  /** The URLs of the scripts on the initiator's stack (async parents included); for a parser, the document. */
  initiators: string[];
  initiatorType: string;
  resourceType: string;
  socket: boolean;
}

/** Not network: the extension's own files, in-memory data and blank pages. */
const isNetwork = (url: string) => !/^(chrome-extension|data|blob|about):/.test(url);
/** An extension URL's file and query, e.g. 'sidepanel.html?tabId=3'. */
const fileOf = (url: string) => url.replace(/^chrome-extension:\/\/[a-p]{32}\//, '');
const sorted = <T>(list: T[]) => [...list].sort();

// ---- CDP helpers ----

interface NetworkEvents {
  'Network.requestWillBeSent': {
    request: { url: string };
    type?: string;
    initiator: { type: string; url?: string; stack?: StackTrace };
  };
  'Network.webSocketCreated': { url: string; initiator?: { type: string; url?: string; stack?: StackTrace } };
}
interface StackTrace {
  callFrames: { url: string }[];
  parent?: StackTrace;
}

function initiatorUrls(initiator: { url?: string; stack?: StackTrace } | undefined): string[] {
  const urls: string[] = [];
  for (let stack = initiator?.stack; stack; stack = stack.parent) urls.push(...stack.callFrames.map((f) => f.url));
  if (urls.length === 0 && initiator?.url !== undefined) urls.push(initiator.url);
  return urls;
}

/**
 * CDP sessions on targets Playwright does not attach to (the real side panel) or that we want to
 * watch twice (the service worker): attached through the browser session without flattening, so
 * messages travel in Target.sendMessageToTarget / receivedMessageFromTarget envelopes.
 */
class RawTargets {
  private nextId = 1;
  private readonly pending = new Map<number, { done: (value: unknown) => void; fail: (error: Error) => void }>();
  private readonly listeners = new Map<string, (method: string, params: unknown) => void>();

  constructor(private readonly browserSession: CDPSession) {
    browserSession.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
      const parsed = JSON.parse(message) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
      if (parsed.id !== undefined) {
        const waiting = this.pending.get(parsed.id);
        this.pending.delete(parsed.id);
        if (parsed.error) waiting?.fail(new Error(parsed.error.message));
        else waiting?.done(parsed.result);
      } else if (parsed.method) {
        this.listeners.get(sessionId)?.(parsed.method, parsed.params);
      }
    });
  }

  async attach(targetId: string, onEvent: (method: string, params: unknown) => void): Promise<string> {
    const { sessionId } = await this.browserSession.send('Target.attachToTarget', { targetId, flatten: false });
    this.listeners.set(sessionId, onEvent);
    return sessionId;
  }

  async send<T>(sessionId: string, method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    const reply = new Promise<unknown>((done, fail) => this.pending.set(id, { done, fail }));
    await this.browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return (await reply) as T;
  }

  /** Evaluates an expression in the target and returns its value (promises awaited). */
  async evaluate<T>(sessionId: string, expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send<{ result: { value: T }; exceptionDetails?: { text: string } }>(
      sessionId,
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
    );
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
    return result.value;
  }
}

// ---- The observed browser ----

let server: Server;
let origin: string;
/** The same server for WebSockets. */
let wsOrigin: string;
let serverLog: Logged[];
let context: BrowserContext;
let profile: string;
let browserSession: CDPSession;
let raw: RawTargets;
let extensionId: string;
let worker: Worker;
/** The library, open throughout: it asks the background and the chrome.* APIs for the test. */
let library: Page;

const events: Observed[] = [];
const blocked: Observed[] = [];
const cdp: CdpRequest[] = [];
const workersSeen: string[] = [];
/** Every page we opened, by name; a page we did not open would be reported as unknown. */
const pageNames = new Map<Page, { by: By; where: string }>();
/** The CDP-watched extension targets (page path or worker), for the inventory at the end. */
const watchedTargets = new Set<string>();
const timings: Record<string, number> = {};

function contextOf(page: Page | undefined): { by: By; where: string } {
  return (page && pageNames.get(page)) ?? { by: 'unknown', where: page?.url() ?? 'no page' };
}

/** Records a CDP network event from a target in `cdp`. */
function recordCdp(by: By, where: string) {
  return (method: string, params: unknown) => {
    if (method === 'Network.requestWillBeSent') {
      const e = params as NetworkEvents['Network.requestWillBeSent'];
      cdp.push({
        by,
        where,
        url: e.request.url,
        initiators: initiatorUrls(e.initiator),
        initiatorType: e.initiator.type,
        resourceType: e.type ?? '',
        socket: false,
      });
    }
    if (method === 'Network.webSocketCreated') {
      const e = params as NetworkEvents['Network.webSocketCreated'];
      cdp.push({ by, where, url: e.url, initiators: initiatorUrls(e.initiator), initiatorType: e.initiator?.type ?? '', resourceType: 'WebSocket', socket: true });
    }
  };
}

/** Opens a page under a name, with CDP network events recorded from before its first request. */
async function openWatched(url: string, by: By, where: string): Promise<Page> {
  const page = await context.newPage();
  pageNames.set(page, { by, where });
  const session = await context.newCDPSession(page);
  const record = recordCdp(by, where);
  session.on('Network.requestWillBeSent', (e) => record('Network.requestWillBeSent', e));
  session.on('Network.webSocketCreated', (e) => record('Network.webSocketCreated', e));
  await session.send('Network.enable');
  if (by === 'extension page') watchedTargets.add(`page ${where}`);
  await page.goto(url);
  return page;
}

const openWebPage = (path: string) => openWatched(`${origin}${path}`, 'web page', path);
const openExtensionPage = (file: string) => openWatched(`chrome-extension://${extensionId}/${file}`, 'extension page', file);

beforeAll(async () => {
  requireBuild();
  const started = Date.now();
  ({ server, origin, log: serverLog } = await serveAndLog());
  wsOrigin = origin.replace('http:', 'ws:');
  profile = mkdtempSync(join(tmpdir(), 'nexus-lens-privacy-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // The extension is installed later, through CDP, once everything below watches.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--enable-unsafe-extension-debugging',
      // No name but the loopback address resolves: nothing can leave the machine during the test.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ...QUIET_CHROMIUM_ARGS,
    ],
  });
  for (const page of context.pages()) pageNames.set(page, { by: 'unknown', where: 'the first blank tab' });

  context.on('request', (request) => {
    const fromWorker = request.serviceWorker();
    let source: { by: By; where: string };
    if (fromWorker) source = { by: 'worker', where: fileOf(fromWorker.url()) };
    else {
      let page: Page | undefined;
      try {
        page = request.frame().page();
      } catch {
        page = undefined;
      }
      source = contextOf(page);
    }
    events.push({ ...source, url: request.url() });
  });
  // Anything addressed elsewhere than the loopback server is blocked and recorded.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (!isNetwork(url.href) || url.hostname === '127.0.0.1') return route.continue();
    const request = route.request();
    const fromWorker = request.serviceWorker();
    let page: Page | undefined;
    try {
      page = fromWorker ? undefined : request.frame().page();
    } catch {
      page = undefined;
    }
    blocked.push({ ...(fromWorker ? { by: 'worker' as const, where: fileOf(fromWorker.url()) } : contextOf(page)), url: url.href });
    return route.abort('blockedbyclient');
  });
  context.on('serviceworker', (w) => workersSeen.push(w.url()));

  browserSession = await context.browser()!.newBrowserCDPSession();
  raw = new RawTargets(browserSession);
  ({ id: extensionId } = await browserSession.send('Extensions.loadUnpacked', { path: EXTENSION_DIR }));
  const workerUrl = `chrome-extension://${extensionId}/background.js`;
  worker =
    context.serviceWorkers().find((w) => w.url() === workerUrl) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url() === workerUrl }));
  // A second, independent watch on the worker.
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const workerTarget = targetInfos.find((t) => t.type === 'service_worker' && t.url === workerUrl);
  if (!workerTarget) throw new Error('no service worker target');
  const workerSession = await raw.attach(workerTarget.targetId, recordCdp('worker', 'background.js'));
  await raw.send(workerSession, 'Network.enable');
  watchedTargets.add('service_worker background.js');
  library = await openExtensionPage('library.html');
  timings['launch and install'] = Date.now() - started;
});

afterAll(async () => {
  if (Object.keys(timings).length > 0) console.info('privacy.e2e timings (ms):', timings);
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  server?.close();
});

// ---- Helpers on pages ----

async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => CSS.highlights.size);
}

interface TabState {
  status: string;
  url?: string;
}
const stateOf = (tabId: number) => sendFromExtensionPage(library, { type: 'getTabState', payload: { tabId } }) as Promise<TabState>;

/** Fetches a URL from the extension's isolated world in a tab, as a content script would. */
async function fetchFromContentScript(tabId: number, url: string): Promise<number | undefined> {
  return library.evaluate(
    async ({ id, target }) => {
      const api = chrome as unknown as {
        scripting: {
          executeScript(details: { target: { tabId: number }; func: (u: string) => Promise<number>; args: [string] }): Promise<{ result?: number }[]>;
        };
      };
      const [first] = await api.scripting.executeScript({
        target: { tabId: id },
        func: async (u) => (await fetch(u)).status,
        args: [target],
      });
      return first?.result;
    },
    { id: tabId, target: url },
  );
}

/** Has the worker fetch from the test server and from elsewhere, and open a WebSocket if named. */
async function workerControl(name: string, socket?: string) {
  await worker.evaluate(
    async ({ local, elsewhere, socketUrl }) => {
      await fetch(local);
      await fetch(elsewhere).catch(() => undefined);
      if (socketUrl) {
        await new Promise<void>((done) => {
          const ws = new WebSocket(socketUrl);
          ws.onclose = () => done();
        });
      }
    },
    {
      local: `${origin}/control/${name}`,
      elsewhere: `${ELSEWHERE}/${name}`,
      socketUrl: socket ? `${wsOrigin}/control/${socket}` : '',
    },
  );
}

const networkOf = (list: Observed[]) => list.filter((o) => isNetwork(o.url));
const urlsBy = (list: Observed[], by: By) => sorted(networkOf(list).filter((o) => o.by === by).map((o) => o.url));

// ---- The tests ----

describe('nothing leaves the machine', () => {
  let own: Page;
  let ownUrl: string;
  let ownTab: number;

  it('sees a deliberate request from the worker and from an extension page (positive controls)', async () => {
    // The worker: a request to the test server, one elsewhere (blocked) and a WebSocket.
    await workerControl('worker-start', 'worker-socket');
    expect(urlsBy(events, 'worker')).toEqual(sorted([`${origin}/control/worker-start`, `${ELSEWHERE}/worker-start`]));
    expect(blocked).toEqual([{ by: 'worker', where: 'background.js', url: `${ELSEWHERE}/worker-start` }]);
    const workerCdp = cdp.filter((c) => c.where === 'background.js');
    expect(sorted(workerCdp.map((c) => c.url))).toEqual(
      sorted([`${origin}/control/worker-start`, `${ELSEWHERE}/worker-start`, `${wsOrigin}/control/worker-socket`]),
    );

    // An extension page: the same three kinds of request.
    await library.evaluate(
      async ({ local, elsewhere, socketUrl }) => {
        await fetch(local);
        await fetch(elsewhere).catch(() => undefined);
        await new Promise<void>((done) => {
          const ws = new WebSocket(socketUrl);
          ws.onclose = () => done();
        });
      },
      { local: `${origin}/control/library`, elsewhere: `${ELSEWHERE}/library`, socketUrl: `${wsOrigin}/control/library-socket` },
    );
    expect(urlsBy(events, 'extension page')).toEqual(sorted([`${origin}/control/library`, `${ELSEWHERE}/library`]));
    expect(blocked.filter((b) => b.by === 'extension page')).toEqual([{ by: 'extension page', where: 'library.html', url: `${ELSEWHERE}/library` }]);
    expect(sorted(networkOf(cdp.filter((c) => c.where === 'library.html')).map((c) => c.url))).toEqual(
      sorted([`${origin}/control/library`, `${ELSEWHERE}/library`, `${wsOrigin}/control/library-socket`]),
    );
    expect(sorted(serverLog.map(describeLogged))).toEqual(
      sorted(['GET /control/worker-start empty', 'GET /control/worker-socket socket', 'GET /control/library empty', 'GET /control/library-socket socket']),
    );
  });

  it('reads on-topic articles, off-topic pages and a page with traffic of its own', async () => {
    const started = Date.now();
    for (const path of ON_TOPIC) {
      const page = await openWebPage(path);
      expect(await waitFor(() => highlightCount(page), (n) => n > 0), path).toBeGreaterThan(0);
      if (path.includes('lazy')) {
        await waitFor(() => page.evaluate(() => document.body.dataset.lazyLoaded ?? ''), (v) => v === 'true');
      }
      if (path.includes('spa')) {
        // The single-page app moves to its next story with pushState: no request of its own.
        const tabId = await tabIdOf(library, page.url());
        await page.click('#next-story');
        const state = await waitFor(() => stateOf(tabId), (s) => s.status === 'annotated' && Boolean(s.url?.endsWith('?story=scientists')));
        expect(state.status).toBe('annotated');
      }
    }
    for (const path of OFF_TOPIC) {
      const page = await openWebPage(path);
      const tabId = await tabIdOf(library, page.url());
      const state = await waitFor(() => stateOf(tabId), (s) => s.url === page.url());
      expect(state, path).toMatchObject({ status: 'idle', url: page.url() });
      expect(await highlightCount(page)).toBe(0);
    }

    own = await openWebPage(OWN);
    ownUrl = own.url();
    ownTab = await tabIdOf(library, ownUrl);
    expect(await waitFor(() => highlightCount(own), (n) => n > 0)).toBeGreaterThan(0);
    // The page's own requests all happened: its fetch answered, its image loaded, its beacon arrived.
    expect(await waitFor(() => own.evaluate(() => document.body.dataset.related ?? ''), (v) => v === '2')).toBe('2');
    expect(await own.evaluate(() => (document.getElementById('own-pixel') as HTMLImageElement).naturalWidth)).toBe(1);
    await waitFor(async () => serverLog.some((e) => e.path === '/own/beacon'), Boolean);
    expect((await stateOf(ownTab)).status).toBe('annotated');
    timings['browse 7 pages'] = Date.now() - started;

    // Content scripts: a request from the extension's isolated world reaches the server's log and
    // shows in CDP with a script that is not the page's own.
    expect(await fetchFromContentScript(ownTab, `${origin}/control/content-script`)).toBe(200);
    expect(serverLog.filter((e) => e.path === '/control/content-script')).toHaveLength(1);
    const fromIsolatedWorld = cdp.filter((c) => c.url === `${origin}/control/content-script`);
    expect(fromIsolatedWorld).toHaveLength(1);
    expect(fromIsolatedWorld[0]!.initiators.some((u) => !u.startsWith(`${origin}/`))).toBe(true);
  });

  it('saves a highlight with the toolbar (keyboard only)', async () => {
    await own.bringToFront();
    await select(own, QUICK);
    await waitFor(
      () => own.evaluate(() => document.activeElement === document.querySelector('nexus-lens-toolbar')),
      Boolean,
    );
    await own.keyboard.press('Enter');
    const painted = await waitFor(
      () =>
        own.evaluate(() =>
          [...CSS.highlights]
            .filter(([name]) => name.startsWith('nexus-lens-note-'))
            .flatMap(([, h]) => [...h].map((r) => (r as Range).toString())),
        ),
      (list) => list.length === 1,
    );
    expect(painted).toEqual([QUICK]);
  });

  it('shows the page in the side panel: opened with the toolbar button, and as a tab', async () => {
    // The real side panel, through the toolbar button (action.onClicked → sidePanel.open).
    const { targetInfos: tabs } = await browserSession.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tabTarget = tabs.find((t) => t.url === ownUrl);
    expect(tabTarget).toBeDefined();
    await browserSession.send('Extensions.triggerAction', { id: extensionId, targetId: tabTarget!.targetId });
    const panelUrl = `chrome-extension://${extensionId}/sidepanel.html`;
    const panelTarget = await waitFor(
      async () => (await browserSession.send('Target.getTargets')).targetInfos.find((t) => t.type === 'page' && t.url === panelUrl),
      Boolean,
    );
    expect(panelTarget).toBeDefined();
    const panel = await raw.attach(panelTarget!.targetId, recordCdp('extension page', 'sidepanel.html'));
    watchedTargets.add('page sidepanel.html');
    await raw.send(panel, 'Network.enable');
    // Watched from here on; loaded again so that its whole life is watched.
    await raw.evaluate(panel, 'location.reload()');
    const shown = await waitFor(
      () =>
        raw
          .evaluate<{ cards: number; notes: string[] }>(
            panel,
            `({ cards: document.querySelectorAll('main[data-status="annotated"] .card').length,
                notes: [...document.querySelectorAll('.page-notes .note blockquote')].map((q) => q.textContent.trim()) })`,
          )
          .catch(() => ({ cards: 0, notes: [] as string[] })),
      (s) => s.cards > 0 && s.notes.length === 1,
    );
    expect(shown.cards).toBeGreaterThan(0);
    expect(shown.notes).toEqual([QUICK]);
    // Its positive control: CDP sees a request the panel makes.
    expect(await raw.evaluate(panel, `fetch('${origin}/control/side-panel').then((r) => r.status)`)).toBe(200);
    expect(cdp.filter((c) => c.where === 'sidepanel.html' && isNetwork(c.url)).map((c) => c.url)).toEqual([`${origin}/control/side-panel`]);

    // The same panel as a tab, where Playwright's events and route watch it too.
    const tabPanel = await openExtensionPage(`sidepanel.html?tabId=${ownTab}`);
    const quotes = await waitFor(() => tabPanel.locator('.page-notes .note blockquote').allTextContents(), (q) => q.length === 1);
    expect(quotes.map((q) => q.trim())).toEqual([QUICK]);
    expect(await tabPanel.locator('main[data-status="annotated"] .card').count()).toBeGreaterThan(0);
  });

  it('lists the note in the library, browses the claim database and exports every format', async () => {
    await library.bringToFront();
    await waitFor(() => library.locator('.notes-library .note').count(), (n) => n === 1);
    await library.getByRole('button', { name: 'Claim database' }).click();
    await waitFor(() => library.locator('section[aria-label="Claim database"] .card').count(), (n) => n > 0);
    await library.getByRole('button', { name: 'Your notes' }).click();
    await waitFor(() => library.locator('.notes-library .note').count(), (n) => n === 1);

    await library.locator('details summary', { hasText: 'Export' }).click();
    const files: Record<string, string> = {};
    for (const label of ['JSON (re-importable)', 'Web Annotation (JSON-LD)', 'Markdown', 'CSV (spreadsheet)']) {
      const download = library.waitForEvent('download');
      await library.locator('.actions', { hasText: label }).getByRole('button', { name: 'All notes' }).click();
      files[label] = readFileSync((await (await download).path()) as string, 'utf8');
    }
    for (const text of Object.values(files)) expect(text).toContain(QUICK);
    const json = JSON.parse(files['JSON (re-importable)']!) as { notes: { url: string }[] };
    expect(json.notes.map((n) => n.url)).toEqual([ownUrl]);
  });

  it('made no network request of its own, in any context', async () => {
    // The worker's controls once more: its observers are still attached at the end.
    await workerControl('worker-end');
    // Time for anything late (timers, intervals, debounced work) to show.
    await new Promise((r) => setTimeout(r, 500));
    const local = (path: string) => `${origin}${path}`;

    // 1. The server saw exactly what the pages asked for, and the controls; nothing else.
    expect(sorted(serverLog.filter((e) => !isControl(e)).map(describeLogged))).toEqual(PAGE_TRAFFIC);
    expect(sorted(serverLog.filter(isControl).map((e) => (e.socket ? `${e.method} ${e.path} socket` : `${e.method} ${e.path}`)))).toEqual(CONTROL_TRAFFIC);
    // ...with the headers of the page's own requests: documents typed in, the rest from the page.
    for (const entry of serverLog.filter((e) => !isControl(e))) {
      const h = entry.headers;
      const seen = `${entry.method} ${entry.path}`;
      if (h['sec-fetch-dest'] === 'document') {
        expect({ seen, site: h['sec-fetch-site'], mode: h['sec-fetch-mode'], referer: h.referer }).toEqual({ seen, site: 'none', mode: 'navigate', referer: undefined });
      } else {
        expect({ seen, site: h['sec-fetch-site'], referer: h.referer }).toEqual({ seen, site: 'same-origin', referer: ownUrl });
      }
      expect(JSON.stringify(h)).not.toContain('chrome-extension');
    }

    // 2. Playwright's events: the worker and the extension pages made only their controls; the web
    //    pages made only their own requests and the content-script control.
    expect(urlsBy(events, 'worker')).toEqual(
      sorted([local('/control/worker-start'), `${ELSEWHERE}/worker-start`, local('/control/worker-end'), `${ELSEWHERE}/worker-end`]),
    );
    expect(urlsBy(events, 'extension page')).toEqual(sorted([local('/control/library'), `${ELSEWHERE}/library`]));
    expect(urlsBy(events, 'unknown')).toEqual([]);
    const pageRequests = PAGE_TRAFFIC.map((line) => local(line.split(' ')[1]!));
    expect(urlsBy(events, 'web page').map((u) => u.replace(/\?story=scientists$/, ''))).toEqual(
      sorted([...pageRequests, AD_PIXEL, local('/control/content-script')]),
    );
    expect(workersSeen).toEqual([worker.url()]);

    // 3. Route: the only requests for another host were the page's own pixel and the controls.
    expect(sorted(blocked.map((b) => `${b.by} ${b.where} ${b.url}`))).toEqual(
      sorted([
        `web page ${OWN} ${AD_PIXEL}`,
        `worker background.js ${ELSEWHERE}/worker-start`,
        `worker background.js ${ELSEWHERE}/worker-end`,
        `extension page library.html ${ELSEWHERE}/library`,
      ]),
    );

    // 4. CDP, target by target.
    const cdpNetwork = (where: string) => sorted(cdp.filter((c) => c.where === where && isNetwork(c.url)).map((c) => c.url));
    expect(cdpNetwork('background.js')).toEqual(
      sorted([
        local('/control/worker-start'),
        `${ELSEWHERE}/worker-start`,
        `${wsOrigin}/control/worker-socket`,
        local('/control/worker-end'),
        `${ELSEWHERE}/worker-end`,
      ]),
    );
    expect(cdpNetwork('library.html')).toEqual(sorted([local('/control/library'), `${ELSEWHERE}/library`, `${wsOrigin}/control/library-socket`]));
    expect(cdpNetwork('sidepanel.html')).toEqual([local('/control/side-panel')]);
    expect(cdpNetwork(`sidepanel.html?tabId=${ownTab}`)).toEqual([]);
    // On web pages, every request was started by the browser (navigation) or by the page's own
    // markup and scripts, except the content-script control.
    const notThePage = cdp.filter(
      (c) =>
        c.by === 'web page' &&
        isNetwork(c.url) &&
        !(c.resourceType === 'Document' && c.initiatorType === 'other') &&
        (c.initiators.length === 0 || c.initiators.some((u) => !u.startsWith(`${origin}/`))),
    );
    expect(notThePage.map((c) => `${c.where} ${c.url}`)).toEqual([`${OWN} ${local('/control/content-script')}`]);
    expect(sorted(cdp.filter((c) => c.socket).map((c) => `${c.where} ${c.url}`))).toEqual(
      sorted([`background.js ${wsOrigin}/control/worker-socket`, `library.html ${wsOrigin}/control/library-socket`]),
    );

    // 5. Every context the extension has was watched: its worker and the pages we opened, nothing else
    //    (no offscreen document, no other worker, no page of its own making).
    const { targetInfos } = await browserSession.send('Target.getTargets');
    const ours = targetInfos.filter((t) => t.url.startsWith(`chrome-extension://${extensionId}/`)).map((t) => `${t.type} ${fileOf(t.url)}`);
    expect(sorted(ours)).toEqual(sorted([...watchedTargets]));
    expect(sorted([...watchedTargets])).toEqual(
      sorted(['service_worker background.js', 'page library.html', 'page sidepanel.html', `page sidepanel.html?tabId=${ownTab}`]),
    );
    expect(context.pages().every((p) => pageNames.has(p))).toBe(true);
  });
});

describe('the built extension', () => {
  it('holds no code for channels the browser observers cannot see', () => {
    // WebSockets, WebRTC, WebTransport, EventSource and beacons from a worker are not all reported by
    // Playwright's events; the build must not even contain them.
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.js')) files.push(path);
      }
    };
    walk(EXTENSION_DIR);
    expect(files.length).toBeGreaterThan(3);
    const found = files.flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return ['WebSocket', 'RTCPeerConnection', 'WebTransport', 'EventSource', 'sendBeacon', 'XMLHttpRequest', 'importScripts']
        .filter((word) => code.includes(word))
        .map((word) => `${file.slice(EXTENSION_DIR.length + 1)}: ${word}`);
    });
    expect(found).toEqual([]);
  });
});
