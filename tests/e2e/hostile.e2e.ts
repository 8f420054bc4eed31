// Issue 7, end to end in real Chromium with the built extension: hostile and heavy pages. A page that
// rewrites its DOM every 100 ms and re-renders the story, 5 MB of text, 2,400 nested wrappers,
// iframes, shadow roots, right-to-left and CJK text. For each: no error, the extension still answers,
// the expected sentences painted (read back from CSS.highlights), painted again after the page clears
// the registry, and no main-thread task of ours over 50 ms.
//
// How a long task is attributed to us: a PerformanceObserver for 'longtask' (buffered) is installed
// in the page's main world before any page script runs; the same probe records when the annotator
// starts (WXT's content-script context announces itself with a DOM event named after the extension
// id and the entry point) and when each animation frame begins (a requestAnimationFrame callback in
// every frame). A long task that ends after the annotator started is ours when it ran scripts: the
// pages' own periodic scripts take microseconds, and their load work (parsing, generating 5 MB) is
// over before the annotator is injected. A long task in which a frame began is Chromium rendering:
// on the small pages no frame may be long either; on the 5 MB page Chromium's frames can be long with
// or without us (its own first frames, and the restyle our stylesheet causes: any ::highlight rule
// makes Chromium restyle every element once, 35,000 here), so they are reported, not asserted. The
// heavy page's control run (the same page with nothing to detect) shows the page alone runs no long
// script after its load.
//
// Frames and shadow roots, by design: the annotator reads and paints the top document only. Text in
// iframes (same-origin, srcdoc or another origin) and inside shadow roots is not extracted, sent or
// painted, and nothing is registered in a frame's CSS.highlights; light-DOM text a custom element
// shows through a <slot> is the page's own text and is painted. Expected sentences come from
// `npx nexus-lens annotate` on the pages as Chromium renders them (scripts run).
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  openExtensionPage,
  sendFromExtensionPage,
  serveTestPages,
  tabIdOf,
  waitFor,
  claimPaint,
  readPaint,
  samePaint,
  sorted,
  squash,
  type ExtensionBrowser,
  type Painted,
} from './harness';


/** A main-thread task over 50 ms, as the page's PerformanceObserver saw it. */
interface LongTask {
  start: number;
  duration: number;
}

/** What the probe (an init script in the page's main world) records; times are performance.now(). */
interface Probe {
  longTasks: LongTask[];
  /** When each animation frame began (our requestAnimationFrame callback runs in every frame). */
  frames: number[];
  /** When the annotator's content script started. */
  startedAt: number | null;
  /** The first frame in which our stylesheet was adopted. */
  sheetAt: number | null;
  /** The first frame in which one of our highlights held a range. */
  firstPaintAt: number | null;
  /** When the test cleared CSS.highlights from the page, and the first frame with our highlights back. */
  clearedAt: number | null;
  restoredAt: number | null;
}


// ---- What each page states (checked with `npx nexus-lens annotate` on the rendered pages) ----

const TICKER = {
  path: '/pages/hostile-live-ticker.html',
  paint: {
    asserts: sorted([
      'North Korea sold the Nodong-1 missile to Iran in 1993, and engineers in Tehran went on to build their own variants of it.',
      "Iran's Shahab-3 missile is derived from North Korea's Nodong-1, and test footage of the two can be hard to tell apart.",
      'Iran and North Korea are bound by a shared anti-American outlook that has survived changes of leadership in both capitals.',
    ]),
    denies: ['Tehran has always denied that North Korea helped its nuclear programme, and no inspector has published evidence that it did.'],
  } satisfies Painted,
  claims: ['dprk-nodong-1-to-iran-1993', 'nodong-1-basis-for-shahab-3', 'iran-dprk-common-anti-american-outlook', 'dprk-nuclear-assistance-to-iran'],
};

const HEAVY = {
  path: '/pages/hostile-heavy.html',
  control: '/pages/hostile-heavy.html?quiet',
  paint: {
    asserts: sorted([
      'North Korea has been a trusted arms supplier to Iran since the 1980s, and much of what it sold travelled by sea.',
      'In March 1992 two North Korean ships bound for Iran slipped past the U.S. Navy, which was following a different North Korean vessel headed for Syria, and unloaded at Bandar Abbas and Chabahar.',
    ]),
  } satisfies Painted,
  claims: ['dprk-arms-supplier-to-iran-since-1980s', 'dprk-ships-evade-us-navy-deliver-iran-1992'],
  /** After 5 MB of bulletins, past the text Readability reads (EXTRACT_TEXT_CAP): not annotated. */
  afterword: 'Afterword: missile sales, mostly from North Korea to Iran, still make up much of the trade between the two countries.',
};

const DEEP = {
  path: '/pages/hostile-deep-nesting.html',
  paint: {
    hedges: sorted([
      'Iran has likely been cooperating with North Korea to build the new rocket launch facility near Semnan, east of Tehran, according to analysts who have studied the images.',
      'The Semnan launch pad that North Korea reportedly helped Iran build could accommodate a nuclear-armed intercontinental ballistic missile, one of them told us.',
    ]),
  } satisfies Painted,
  claims: ['dprk-helps-iran-build-semnan-launch-site', 'semnan-launch-pad-could-take-icbm', 'dprk-nuclear-assistance-to-iran'],
};

const FRAMES = {
  path: '/pages/hostile-frames.html',
  paint: {
    asserts: sorted([
      'In August 2009 the United Arab Emirates seized the Bahamian-flagged ship ANL-Australia, bound for Iran with containers of North Korean weapons.',
      'In December 2009 Thai authorities intercepted a North Korean Il-76 cargo plane and found rocket launchers and surface-to-air missile components on board.',
      'Missile sales, mostly from North Korea to Iran, still make up much of the commerce between the two countries, investigators later concluded.',
    ]),
  } satisfies Painted,
  claims: ['uae-seizes-anl-australia-2009', 'thailand-seizes-dprk-il-76-2009', 'dprk-missile-sales-to-iran'],
  /** Claim sentences that exist only inside the frames. */
  inFrames: [
    "Iran's Foreign Ministry denied that the North Korean arms plane seized in Thailand was bound for Iran.",
    'North Korea has been a trusted arms supplier to Iran since the 1980s, the document adds.',
  ],
};

const SHADOW = {
  path: '/pages/hostile-shadow.html',
  paint: {
    hedges: ['North Korea agreed in 2007 to supply Iran with four mini-submarines as payment for outstanding debts, according to a Japanese news agency report at the time.'],
    asserts: sorted([
      // Light-DOM text of a custom element, shown through its shadow root's <slot>.
      "Iran restructured North Korea's debt in 1987, on terms that stayed secret.",
      'Iran and North Korea are bound by a shared anti-American outlook, diplomats in both capitals say.',
    ]),
  } satisfies Painted,
  claims: ['dprk-submarines-to-iran-for-debt-2007', 'iran-restructures-dprk-debt-1987', 'iran-dprk-common-anti-american-outlook'],
  /** Claim sentences that exist only inside shadow roots (open, closed, nested). */
  inShadow: [
    'Iran and North Korea have a long history of military cooperation and technology exchanges.',
    'North Korea has been a trusted arms supplier to Iran since the 1980s.',
    'North Korea sold Iran the Nodong-1 medium-range ballistic missile in 1993.',
  ],
};

const SCRIPTS = {
  path: '/pages/hostile-rtl-cjk.html',
  paint: {
    hedges: sorted([
      'Iran has likely been cooperating with North Korea to build a new rocket launch facility near Semnan, east of Tehran, according to Western analysts.',
      'The Semnan launch pad that North Korea reportedly helped Iran build could accommodate an intercontinental ballistic missile, one of them claimed 🚀.',
    ]),
    asserts: sorted([
      'Iran and North Korea are bound by a shared anti-American outlook, one Seoul columnist wrote.',
      "Iran's Shahab-3 missile is based on North Korea's Nodong-1, a fact Persian-language outlets rarely mention.",
    ]),
  } satisfies Painted,
  claims: ['dprk-helps-iran-build-semnan-launch-site', 'iran-dprk-common-anti-american-outlook', 'semnan-launch-pad-could-take-icbm', 'nodong-1-basis-for-shahab-3'],
};

// ---- Harness ----

let browser: ExtensionBrowser;
let server: Server;
let partnerServer: Server;
let origin: string;
/** A second origin (another port) for the cross-origin frame. */
let partner: string;
/** An extension page used to ask the background. */
let control: Page;
/** Figures printed at the end, per page. */
const figures: Record<string, Record<string, number | string>> = {};
/** Attempts per page (a timing test may be retried: see the describe block). */
const attempts = new Map<string, number>();
/** Pages opened by the current test, closed after it whatever happened. */
const openPages: Page[] = [];

beforeAll(async () => {
  ({ server, origin } = await serveTestPages());
  ({ server: partnerServer, origin: partner } = await serveTestPages());
  browser = await launchWithExtension();
  control = await openExtensionPage(browser, 'library.html');
});
afterEach(async () => {
  await Promise.all(openPages.splice(0).map((page) => page.close()));
});
afterAll(async () => {
  if (Object.keys(figures).length > 0) console.info('hostile.e2e figures (ms, performance.now() in the page):', figures);
  await browser?.close();
  server?.close();
  partnerServer?.close();
});

/** The probe, installed in every frame's main world before the page's own scripts. */
function installProbe(startedEvent: string): void {
  const probe: Probe = { longTasks: [], frames: [], startedAt: null, sheetAt: null, firstPaintAt: null, clearedAt: null, restoredAt: null };
  (window as unknown as { __nexusProbe: Probe }).__nexusProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(startedEvent, () => {
    probe.startedAt ??= performance.now();
  });
  const ours = () => {
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('nexus-lens-') && highlight.size > 0) return true;
    return false;
  };
  const watch = () => {
    const now = performance.now();
    probe.frames.push(now);
    if (probe.sheetAt === null && document.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('nexus-lens-')))) {
      probe.sheetAt = now;
    }
    if (ours()) {
      probe.firstPaintAt ??= now;
      if (probe.clearedAt !== null) probe.restoredAt ??= now;
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

const readProbe = (page: Page) => page.evaluate(() => (window as unknown as { __nexusProbe: Probe }).__nexusProbe);

interface State {
  status: string;
  url?: string;
  matches?: { claimId: string }[];
}
const stateOf = (tabId: number) =>
  sendFromExtensionPage(control, { type: 'getTabState', payload: { tabId } }) as Promise<State>;

/** A tab on `path` with the probe installed, and every error any of its frames reports. */
async function open(path: string): Promise<{ page: Page; url: string; tabId: number; errors: string[] }> {
  const page = await browser.context.newPage();
  openPages.push(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // The test server has no favicon; that 404 is the browser's, not the page's or ours.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`console: ${message.text()}`);
  });
  await page.addInitScript(installProbe, `${browser.extensionId}:annotator:wxt:content-script-started`);
  const url = `${origin}${path}`;
  await page.goto(url);
  return { page, url, tabId: await tabIdOf(control, url), errors };
}

/**
 * The long tasks since the annotator started, sorted: tasks that ran scripts (ours: the pages' own
 * periodic scripts are microseconds), and rendering frames (a frame is a task in which our
 * requestAnimationFrame callback ran), among them the restyle caused by our stylesheet (the frame
 * in which it first appears).
 */
function ourLongTasks(probe: Probe): { script: LongTask[]; frames: LongTask[]; restyle: LongTask | undefined } {
  const started = probe.startedAt ?? Number.POSITIVE_INFINITY;
  const inside = (t: LongTask, at: number) => t.start <= at && at <= t.start + t.duration;
  const since = probe.longTasks.filter((t) => t.start + t.duration >= started);
  const frames = since.filter((t) => probe.frames.some((at) => inside(t, at)));
  const sheetAt = probe.sheetAt;
  return {
    script: since.filter((t) => !frames.includes(t)),
    frames,
    restyle: sheetAt === null ? undefined : frames.find((t) => inside(t, sheetAt)),
  };
}

const round = (ms: number) => Math.round(ms);

/**
 * The checks every hostile page gets: the expected paint, the background's state (a round trip),
 * the paint restored after the page clears CSS.highlights, no error, and our long tasks. Returns
 * the probe for page-specific checks; records the figures.
 */
async function checkPage(
  name: string,
  expected: { paint: Painted; claims: string[] },
  opened: { page: Page; tabId: number; errors: string[] },
  options: { paintTimeoutMs?: number; longFramesAllowed?: boolean } = {},
): Promise<Probe> {
  const { page, tabId, errors } = opened;
  const painted = await waitFor(() => readPaint(page), (p) => samePaint(p, expected.paint), options.paintTimeoutMs ?? 10_000);
  expect(claimPaint(painted)).toEqual(claimPaint(expected.paint));

  // The extension still answers, and it agrees with what is painted.
  const state = await waitFor(() => stateOf(tabId), (s) => s.status === 'annotated', 5_000);
  expect(state.status).toBe('annotated');
  expect(sorted([...new Set(state.matches?.map((m) => m.claimId))])).toEqual(sorted(expected.claims));

  // The page wipes the shared registry; our highlights come back, the same ones.
  await page.evaluate(() => {
    const probe = (window as unknown as { __nexusProbe: Probe }).__nexusProbe;
    probe.restoredAt = null;
    probe.clearedAt = performance.now();
    CSS.highlights.clear();
  });
  const restored = await waitFor(() => readProbe(page), (p) => p.restoredAt !== null, 3_000);
  expect(restored.restoredAt).not.toBeNull();
  expect(claimPaint(await readPaint(page))).toEqual(claimPaint(expected.paint));

  // Let any trailing work of ours finish inside the measured window.
  await page.waitForTimeout(1_000);
  const probe = await readProbe(page);
  expect(probe.startedAt, 'the annotator announced its start').not.toBeNull();
  const { script, frames, restyle } = ourLongTasks(probe);
  attempts.set(name, (attempts.get(name) ?? 0) + 1);
  const longest = (list: LongTask[]) => (list.length > 0 ? round(Math.max(...list.map((t) => t.duration))) : 'none over 50 ms');
  figures[name] = {
    'annotator start (since navigation)': round(probe.startedAt!),
    'first paint (since annotator start)': round(probe.firstPaintAt! - probe.startedAt!),
    'repaint after the page cleared CSS.highlights': round(probe.restoredAt! - probe.clearedAt!),
    'longest task of our scripts': longest(script),
    'longest rendering frame meanwhile': longest(frames),
    'restyle for our stylesheet (Chromium)': restyle ? round(restyle.duration) : 'under 50 ms',
    attempts: attempts.get(name)!,
  };
  const context = JSON.stringify({ startedAt: probe.startedAt, sheetAt: probe.sheetAt, firstPaintAt: probe.firstPaintAt, longTasks: probe.longTasks });
  expect(script, `long tasks of our scripts: ${context}`).toEqual([]);
  if (!options.longFramesAllowed) expect(frames, `long rendering frames: ${context}`).toEqual([]);

  // No error anywhere, and the extension still answers after all that.
  expect(errors).toEqual([]);
  expect((await stateOf(tabId)).status).toBe('annotated');
  return probe;
}

/** The ranges of our highlights, with where they stand (for the frame and shadow checks). */
const rangesIn = (page: Page) =>
  page.evaluate(() => {
    const out: { text: string; inDocument: boolean; connected: boolean; host: string | null }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('nexus-lens-')) continue;
      for (const range of highlight) {
        const node = range.startContainer;
        out.push({
          text: range.toString().replace(/\s+/g, ' ').trim(),
          inDocument: node.ownerDocument === document && node.getRootNode() === document,
          connected: node.isConnected,
          host: (node.parentElement?.closest('cw-paragraph, cw-pullquote, cw-factbox, cw-card') ?? null)?.tagName.toLowerCase() ?? null,
        });
      }
    }
    return out;
  });

// ---- The pages ----

// Timing on a small machine shared with other work can push a 30 ms task past 50 ms now and then;
// a real regression fails every attempt. The figures record how many attempts each page took.
describe('hostile and heavy pages', { retry: 2 }, () => {
  it('keeps painting a page that rewrites its DOM every 100 ms and re-renders the story', async () => {
    const opened = await open(TICKER.path);
    const { page } = opened;
    await checkPage('live ticker + re-render', TICKER, opened);
    // The page really is busy: its counters tick every 100 ms and the story has been re-rendered
    // (new nodes, same text); the paint follows the new nodes.
    const before = await page.evaluate(() => (window as unknown as { __storyRenders: number }).__storyRenders);
    const rendered = await waitFor(
      () => page.evaluate(() => (window as unknown as { __storyRenders: number }).__storyRenders),
      (n) => n > before,
      5_000,
    );
    expect(rendered).toBeGreaterThan(before);
    // A removed node's ranges collapse onto its parent; the annotator sees that and paints anew.
    const followed = await waitFor(
      () => readPaint(page),
      (p) => samePaint(p, TICKER.paint),
      3_000,
    );
    expect(claimPaint(followed)).toEqual(claimPaint(TICKER.paint));
    expect((await rangesIn(page)).every((r) => r.connected && r.inDocument)).toBe(true);
    const readers = await page.locator('#readers').textContent();
    await page.waitForTimeout(250);
    expect(await page.locator('#readers').textContent()).not.toBe(readers);
    // Still no long task of ours after the re-renders.
    expect(ourLongTasks(await readProbe(page)).script).toEqual([]);
    expect(opened.errors).toEqual([]);
  });

  it('has a heavy page that runs no long script after its load (control, nothing to detect)', async () => {
    const { page, url, tabId, errors } = await open(HEAVY.control);
    const state = await waitFor(() => stateOf(tabId), (s) => s.url === url, 15_000);
    expect(state.status).toBe('idle');
    const loaded = await waitFor(
      () => page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd),
      (t) => t > 0,
      15_000,
    );
    await page.waitForTimeout(2_000);
    const probe = await readProbe(page);
    expect(probe.startedAt).toBeNull();
    // Generating and laying out 5 MB is one long task of the page's own, before load; after load
    // only Chromium's frames may still be long (its first paints of 5 MB), no script.
    const after = probe.longTasks.filter((t) => t.start + t.duration > loaded);
    const frames = after.filter((t) => probe.frames.some((at) => t.start <= at && at <= t.start + t.duration));
    figures['5 MB of text, alone'] = {
      'page load work (longest task)': round(Math.max(...probe.longTasks.map((t) => t.duration))),
      'longest frame after load': frames.length > 0 ? round(Math.max(...frames.map((t) => t.duration))) : 'none over 50 ms',
    };
    expect(after.filter((t) => !frames.includes(t))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __textLength: number }).__textLength)).toBeGreaterThan(5_000_000);
    expect(errors).toEqual([]);
  });

  it('annotates a page with 5 MB of text without a long task of its scripts', async () => {
    const opened = await open(HEAVY.path);
    const { page } = opened;
    expect(await page.evaluate(() => (window as unknown as { __textLength: number }).__textLength)).toBeGreaterThan(5_000_000);
    // Chromium's frames may be long here (35,000 elements): its own first frames, and the restyle
    // our stylesheet causes; none of our scripts may be.
    await checkPage('5 MB of text', HEAVY, opened, { paintTimeoutMs: 30_000, longFramesAllowed: true });
    // The afterword stands after 5 MB of bulletins, past the text Readability reads: not painted.
    const texts = (await rangesIn(page)).map((r) => r.text);
    expect(texts).not.toContain(HEAVY.afterword);
  });

  it('annotates a story inside 2,400 nested wrappers', async () => {
    const opened = await open(DEEP.path);
    expect(await opened.page.evaluate(() => (window as unknown as { __storyDepth: number }).__storyDepth)).toBeGreaterThan(2_400);
    await checkPage('2,400 nested divs', DEEP, opened);
    await opened.page.close();
  });

  it('paints the top document of a page with iframes and leaves the frames alone', async () => {
    const opened = await open(`${FRAMES.path}?partner=${encodeURIComponent(partner)}`);
    const { page } = opened;
    await checkPage('iframes', FRAMES, opened);
    // All three frames loaded, with their claim sentences, and none of them is painted.
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    expect(frames).toHaveLength(3);
    const partnerFrame = frames.find((f) => f.url().startsWith(partner));
    expect(partnerFrame, 'the cross-origin frame').toBeDefined();
    const framed: string[] = [];
    for (const frame of frames) {
      await frame.waitForLoadState();
      framed.push(squash((await frame.evaluate(() => document.body.innerText)) ?? ''));
      expect(await frame.evaluate(() => CSS.highlights.size)).toBe(0);
    }
    for (const sentence of FRAMES.inFrames) expect(framed.some((t) => t.includes(sentence)), sentence).toBe(true);
    const ranges = await rangesIn(page);
    expect(ranges.every((r) => r.inDocument)).toBe(true);
    for (const sentence of FRAMES.inFrames) expect(ranges.map((r) => r.text)).not.toContain(sentence);
  });

  it('paints light-DOM text, including slotted text, and leaves shadow roots alone', async () => {
    const opened = await open(SHADOW.path);
    const { page } = opened;
    await checkPage('shadow DOM', SHADOW, opened);
    const ranges = await rangesIn(page);
    // The slotted paragraph is painted where it lives: in the custom element's light DOM.
    const slotted = ranges.find((r) => r.text === "Iran restructured North Korea's debt in 1987, on terms that stayed secret.");
    expect(slotted).toMatchObject({ inDocument: true, host: 'cw-paragraph' });
    // Text inside shadow roots (open, closed, nested) is shown on the page but is not ours to paint.
    const inOpenRoots = await page.evaluate(() => {
      const quote = document.querySelector('cw-pullquote')?.shadowRoot?.querySelector('blockquote')?.textContent ?? '';
      const card = document.querySelector('cw-card')?.shadowRoot?.querySelector('cw-card-body')?.shadowRoot?.querySelector('p')?.textContent ?? '';
      return [quote, card].map((t) => t.replace(/\s+/g, ' ').trim());
    });
    expect(inOpenRoots).toEqual([SHADOW.inShadow[0], SHADOW.inShadow[2]]);
    for (const sentence of SHADOW.inShadow) expect(ranges.map((r) => r.text)).not.toContain(sentence);
    // The page's design system re-assigns document.adoptedStyleSheets to its theme alone every
    // 1.5 s; our stylesheet is adopted again, so the highlights stay visible.
    const ourSheet = () =>
      page.evaluate(() => document.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('nexus-lens-'))));
    const themed = await page.evaluate(() => (window as unknown as { __themeApplied: number }).__themeApplied);
    await waitFor(
      () => page.evaluate(() => (window as unknown as { __themeApplied: number }).__themeApplied),
      (n) => n > themed,
      3_000,
    );
    expect(await waitFor(ourSheet, (present) => present, 2_000)).toBe(true);
  });

  it('paints English sentences among Persian, Arabic, Korean and Chinese paragraphs', async () => {
    const opened = await open(SCRIPTS.path);
    const { page } = opened;
    await checkPage('RTL + CJK', SCRIPTS, opened);
    // Exact boundaries: each range is the sentence, not a character more or less (bidi isolates,
    // astral characters and the emoji before the full stop included).
    const ranges = await rangesIn(page);
    for (const range of ranges) expect(Object.values(SCRIPTS.paint).flat()).toContain(range.text);
  });
});
