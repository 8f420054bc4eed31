// Issue 5, end to end in real Chromium with the built extension: highlights read back from the page's
// CSS.highlights, claim cards in the side panel, click-to-scroll both ways, keyboard use, the badge,
// off-topic pages left alone, a page that clears the highlight registry, SPA navigation and lazy
// paragraphs. Expected sentences come from `npx nexus-lens annotate` on the same pages.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatabase } from '../../lib/claims/load';
import type { Claim, Source } from '../../lib/claims/types';
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

const ROOT = resolve(import.meta.dirname, '../..');
const ARTICLE_VIEWPORT = { width: 900, height: 800 };
const PANEL_VIEWPORT = { width: 400, height: 800 };


// ---- What each test page states (checked with `npx nexus-lens annotate tests/e2e/pages/<file>`) ----

const MERIDIAN = {
  path: '/pages/meridian-missiles.html',
  sentences: {
    scud: "Iran's Revolutionary Guards received eight Scud-B missiles from North Korea in December 1986, and five more arrived in March 1987, according to the published diaries of the late president Akbar Hashemi Rafsanjani.",
    nodong: 'North Korea sold the Nodong-1 medium-range ballistic missile to Iran in 1993, a deal that nonproliferation researchers regard as a turning point for the region.',
    shahab: "Iran's Shahab-3 missile is based on North Korea's Nodong-1, and the two designs remain almost indistinguishable in photographs.",
    ahmadinejad: 'Iranian President Mahmoud Ahmadinejad denied that Iran had agreed to any military cooperation with North Korea.',
    nuclear: 'Tehran has always denied that North Korea helped its nuclear programme, and inspectors have never published evidence to the contrary.',
  },
};
const M = MERIDIAN.sentences;
const MERIDIAN_PAINT: Painted = {
  asserts: sorted([M.nodong, M.shahab, M.ahmadinejad]),
  hedges: [M.scud],
  denies: [M.nuclear],
};
const ASSERTS = 'The article asserts it';
const HEDGES = 'The article hedges it';
const DENIES = 'The article reports a denial';
/** The cards, in article order, with the stance label of each of their sentences. */
const MERIDIAN_CARDS: { claimId: string; sentences: [string, string][] }[] = [
  { claimId: 'dprk-scud-b-to-irgc-1986-1987', sentences: [[HEDGES, M.scud]] },
  { claimId: 'dprk-nodong-1-to-iran-1993', sentences: [[ASSERTS, M.nodong]] },
  { claimId: 'nodong-1-basis-for-shahab-3', sentences: [[ASSERTS, M.shahab]] },
  { claimId: 'ahmadinejad-denies-military-cooperation-2007', sentences: [[ASSERTS, M.ahmadinejad]] },
  // The general "nuclear cooperation" claim is not repeated here: it rests on no word of the
  // sentence that the more specific claim does not already use.
  { claimId: 'dprk-nuclear-assistance-to-iran', sentences: [[DENIES, M.nuclear]] },
];

const LAZY = {
  path: '/pages/globalwire-il76-lazy.html',
  initial: "Bangkok — In December 2009 Thai authorities intercepted a North Korean Il-76 cargo plane at Bangkok's Don Mueang airport and found rocket launchers and surface-to-air missile components on board.",
  late: [
    "Iran's Foreign Ministry denied that the North Korean plane was bound for Iran.",
    'North Korea has been a trusted arms supplier to Iran since the 1980s, one of them noted.',
  ],
};

const SPA = {
  path: '/pages/asialedger-spa.html',
  first: {
    hedges: ['North Korea agreed in 2007 to supply Iran with four mini-submarines as payment for outstanding debts, according to a Japanese news agency report at the time.'],
    asserts: ['Iran has likely been cooperating with North Korea to build a new rocket launch facility near Semnan, east of Tehran.'],
  } satisfies Painted,
  second: {
    hedges: sorted([
      "Iranian scientists were present at North Korea's 2013 nuclear test, according to several reports.",
      'In the months before the July 2015 nuclear deal, North Korea sent three delegations to Iran to help develop nuclear warheads and ballistic missiles, dissidents later alleged.',
    ]),
  } satisfies Painted,
  // The delegations sentence states its own claim; the general nuclear-assistance claim scores
  // more than the tie margin below it, so it is not repeated there.
  secondClaims: ['iranian-scientists-at-dprk-nuclear-test-2013', 'dprk-delegations-assist-iran-warheads-missiles-2015'],
};

const HOSTILE = {
  path: '/pages/courier-oil-hostile.html',
  paint: {
    asserts: sorted([
      'For years Iran shipped oil to North Korea in exchange for help with its missile programme, a barter arrangement that let both sides avoid the banks.',
      'Missile sales, mostly from North Korea to Iran, still make up much of the trade between the two countries.',
    ]),
    hedges: ["Iran restructured North Korea's debt in 1987, according to a study by regional specialists."],
  } satisfies Painted,
};

const OFF_TOPIC = '/pages/sport-asian-cup.html';

// ---- Helpers ----


let browser: ExtensionBrowser;
let server: Server;
let origin: string;
/** An extension page used to ask the background and the chrome.* APIs. */
let control: Page;
const database = loadDatabase();
const claimsById = new Map<string, Claim>(database.claims.map((c) => [c.id, c]));
const sourcesById = new Map<string, Source>(database.sources.map((s) => [s.id, s]));
/** Timings (ms) printed at the end. */
const figures: Record<string, number> = {};

beforeAll(async () => {
  ({ server, origin } = await serveTestPages());
  browser = await launchWithExtension();
  control = await openExtensionPage(browser, 'library.html');
});
afterAll(async () => {
  if (Object.keys(figures).length > 0) console.info('annotate.e2e figures (ms):', figures);
  await browser?.close();
  server?.close();
});


async function openArticle(path: string): Promise<{ page: Page; url: string; tabId: number; opened: number }> {
  const page = await browser.context.newPage();
  await page.setViewportSize(ARTICLE_VIEWPORT);
  const url = `${origin}${path}`;
  const opened = Date.now();
  await page.goto(url);
  const tabId = await tabIdOf(control, url);
  return { page, url, tabId, opened };
}

interface State {
  status: string;
  url?: string;
  matches?: { claimId: string; stance: string; sentence: string }[];
}
const stateOf = (tabId: number) =>
  sendFromExtensionPage(control, { type: 'getTabState', payload: { tabId } }) as Promise<State>;
const badgeOf = (tabId: number) => control.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

/** Whether the annotator runs in a tab: its marker lives in the extension's isolated world. */
async function annotatorPresent(tabId: number): Promise<boolean> {
  return control.evaluate(async (id) => {
    const api = chrome as unknown as {
      scripting: {
        executeScript(details: { target: { tabId: number }; func: () => boolean }): Promise<{ result?: boolean }[]>;
      };
    };
    const [first] = await api.scripting.executeScript({
      target: { tabId: id },
      func: () => Boolean((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('nexus-lens.annotator')]),
    });
    return first?.result === true;
  }, tabId);
}

/** Our adopted stylesheets in the page (the annotator adds one; nothing else should). */
const ourSheets = (page: Page) =>
  page.evaluate(
    () => document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('nexus-lens-'))).length,
  );

/** Where a highlighted sentence stands in the viewport (first range with that text), or null. */
async function sentenceRect(page: Page, text: string) {
  return page.evaluate((wanted) => {
    for (const [, highlight] of CSS.highlights) {
      for (const range of highlight) {
        if (range instanceof Range && range.toString().replace(/\s+/g, ' ').trim() === wanted) {
          const r = range.getBoundingClientRect();
          const first = range.getClientRects()[0];
          return {
            top: r.top,
            bottom: r.bottom,
            firstLine: first ? { x: first.left + Math.min(first.width / 2, 40), y: first.top + first.height / 2 } : null,
            viewportHeight: window.innerHeight,
            scrollY: window.scrollY,
          };
        }
      }
    }
    return null;
  }, text);
}

/** Within the viewport, give or take a pixel of sub-pixel layout. */
const inViewport = (r: { top: number; bottom: number; viewportHeight: number } | null) =>
  r !== null && r.top >= -1 && r.bottom <= r.viewportHeight + 1;

/** A card's on-screen box in the panel. */
const cardRect = (side: Page, claimId: string) =>
  side.evaluate((id) => {
    const el = document.getElementById(`card-${id}`);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, viewportHeight: window.innerHeight, selected: el.classList.contains('card-selected') };
  }, claimId);

// ---- The tests ----

describe('annotating an article in Chromium', () => {
  let article: { page: Page; url: string; tabId: number; opened: number };
  let side: Page;

  beforeAll(async () => {
    article = await openArticle(MERIDIAN.path);
  });

  it('highlights exactly the sentences that state claims, by stance, and counts the claims on the badge', async () => {
    const paint = await waitFor(() => readPaint(article.page), (p) => samePaint(p, MERIDIAN_PAINT), 10_000);
    figures['article painted after load'] = Date.now() - article.opened;
    expect(claimPaint(paint)).toEqual(MERIDIAN_PAINT);
    // Nothing but our uniquely named highlights is in the registry.
    const names = await article.page.evaluate(() => [...CSS.highlights.keys()]);
    expect(names.every((n) => /^nexus-lens-[a-z]+-[0-9a-f]{8}$/.test(n))).toBe(true);

    const state = await stateOf(article.tabId);
    expect(state.status).toBe('annotated');
    expect(sorted([...new Set(state.matches?.map((m) => m.claimId))])).toEqual(sorted(MERIDIAN_CARDS.map((c) => c.claimId)));
    // The badge counts distinct claims (five here; see the lazy page for more claims than sentences).
    expect(await waitFor(() => badgeOf(article.tabId), (t) => t === '5', 3_000)).toBe('5');
    // The presence check used for the off-topic page does see the annotator here.
    expect(await annotatorPresent(article.tabId)).toBe(true);
    expect(await ourSheets(article.page)).toBe(1);
  });

  it('lists the claim cards in the side panel with their sources, quotes and stance labels', async () => {
    side = await browser.context.newPage();
    await side.setViewportSize(PANEL_VIEWPORT);
    await side.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${article.tabId}`);
    await side.waitForSelector('main[data-status="annotated"] .card');
    const cards = await side.$$eval('.card', (els) =>
      els.map((el) => ({
        claimId: el.getAttribute('data-claim-id'),
        statement: el.querySelector('h3')?.textContent ?? '',
        sentences: [...el.querySelectorAll('button.sentence')].map((b) => [
          b.querySelector('.stance')?.textContent ?? '',
          (b.textContent ?? '').replace(b.querySelector('.stance')?.textContent ?? '', '').trim().replace(/^“|”$/g, ''),
        ]),
        quotes: [...el.querySelectorAll('.evidence blockquote')].map((q) => q.textContent ?? ''),
        chains: [...el.querySelectorAll('.evidence .evidence-chain')].map((q) => q.textContent ?? ''),
        meta: [...el.querySelectorAll('.evidence .evidence-meta')].map((q) => q.textContent ?? ''),
      })),
    );
    expect(cards.map((c) => c.claimId)).toEqual(MERIDIAN_CARDS.map((c) => c.claimId));
    for (const [i, expected] of MERIDIAN_CARDS.entries()) {
      const card = cards[i]!;
      const claim = claimsById.get(expected.claimId)!;
      expect(card.statement).toBe(claim.statement);
      expect(card.sentences.map(([label, text]) => [label, squash(text ?? '')])).toEqual(expected.sentences);
      // Every piece of evidence, corroborating first, then disputing: exact quote, publisher, title.
      const evidence = [...claim.evidence.filter((e) => e.stance !== 'disputes'), ...claim.evidence.filter((e) => e.stance === 'disputes')];
      expect(card.quotes).toEqual(evidence.map((e) => e.quote));
      evidence.forEach((e, j) => {
        const source = sourcesById.get(e.source)!;
        expect(card.chains[j]).toMatch(new RegExp(`^Reported by ${escape(source.publisher)}`));
        expect(card.meta[j]).toContain(source.title);
      });
    }
    // Spot checks written out by hand, so the test does not only mirror the database.
    const scud = cards[0]!;
    expect(scud.chains[0]).toMatch(/^Reported by Foundation for Defense of Democracies, citing /);
    expect(scud.chains[1]).toBe('Reported by AEI Critical Threats Project, citing YaleGlobal Online');
    expect(scud.quotes.some((q) => q.includes('received eight Scud B missiles in December 1986 and five more in March 1987'))).toBe(true);
    expect(await side.locator('#card-dprk-scud-b-to-irgc-1986-1987 section[aria-label="Sources that conflict"]').count()).toBe(1);
  });

  it('scrolls the article to a sentence and flashes it when its card is clicked', async () => {
    await article.page.evaluate(() => window.scrollTo(0, 0));
    const before = await sentenceRect(article.page, M.nuclear);
    expect(before).not.toBeNull();
    expect(inViewport(before)).toBe(false); // precondition: the sentence is below the fold
    const clicked = Date.now();
    await side.locator('#card-dprk-nuclear-assistance-to-iran button.sentence').click();
    const flashed = await waitFor(() => readPaint(article.page), (p) => (p.flash ?? []).includes(M.nuclear), 3_000);
    expect(flashed.flash).toEqual([M.nuclear]);
    const after = await waitFor(() => sentenceRect(article.page, M.nuclear), (r) => inViewport(r) && (r?.scrollY ?? 0) > 0, 3_000);
    figures['card click → sentence in view'] = Date.now() - clicked;
    expect(after!.scrollY).toBeGreaterThan(0);
    expect(inViewport(after)).toBe(true);
    expect(await side.locator('#card-dprk-nuclear-assistance-to-iran').getAttribute('class')).toContain('card-selected');
    // The flash ends; the claim paint stays.
    const settled = await waitFor(() => readPaint(article.page), (p) => (p.flash ?? []).length === 0, 4_000);
    expect(claimPaint(settled)).toEqual(MERIDIAN_PAINT);
  });

  it('brings the card into view and marks it when a highlighted sentence is clicked in the page', async () => {
    await side.evaluate(() => window.scrollTo(0, 0));
    const target = 'ahmadinejad-denies-military-cooperation-2007';
    const before = await cardRect(side, target);
    expect(before?.selected).toBe(false);
    expect(before!.top).toBeGreaterThan(before!.viewportHeight); // precondition: below the panel's fold
    // Put the sentence in view as a reader would, then click inside it.
    await article.page.evaluate((wanted) => {
      for (const [, highlight] of CSS.highlights) {
        for (const range of highlight) {
          if (range instanceof Range && range.toString() === wanted) {
            range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            return;
          }
        }
      }
    }, M.ahmadinejad);
    const rect = await sentenceRect(article.page, M.ahmadinejad);
    expect(inViewport(rect)).toBe(true);
    const clicked = Date.now();
    await article.page.mouse.click(rect!.firstLine!.x, rect!.firstLine!.y);
    // In view: the card's heading is on screen (a long card may run past the bottom).
    const cardInView = (r: { top: number; viewportHeight: number } | null) => r !== null && r.top >= -1 && r.top < r.viewportHeight - 60;
    const after = await waitFor(() => cardRect(side, target), (r) => r !== null && r.selected && cardInView(r), 3_000);
    figures['highlight click → card in view'] = Date.now() - clicked;
    expect(after?.selected).toBe(true);
    expect(cardInView(after)).toBe(true);
    // Only that card is marked.
    expect(await side.locator('.card.card-selected').count()).toBe(1);
  });

  it('lets a keyboard user Tab to a card and reveal its sentence with Enter', async () => {
    await article.page.evaluate(() => window.scrollTo(0, 0));
    // A fresh panel, as a keyboard user opening it would find it.
    await side.reload();
    await side.waitForSelector('main[data-status="annotated"] .card');
    expect(inViewport(await sentenceRect(article.page, M.scud))).toBe(false); // precondition
    let focused = '';
    for (let presses = 0; presses < 30 && !focused.startsWith('sentence:'); presses++) {
      await side.keyboard.press('Tab');
      focused = await side.evaluate(() => {
        const el = document.activeElement;
        if (el?.matches('.card button.sentence')) return `sentence:${el.closest('.card')?.getAttribute('data-claim-id')}`;
        return el?.tagName ?? '';
      });
    }
    // The first card's reveal control is reached right after the header's link.
    expect(focused).toBe('sentence:dprk-scud-b-to-irgc-1986-1987');
    await side.keyboard.press('Enter');
    const after = await waitFor(() => sentenceRect(article.page, M.scud), (r) => inViewport(r) && (r?.scrollY ?? 0) > 0, 3_000);
    expect(inViewport(after)).toBe(true);
    expect(after!.scrollY).toBeGreaterThan(0);
  });

  it('saves a screenshot of the side panel beside the annotated article', async () => {
    // A reader's view: cookies accepted, the first claim chosen in the panel, the article at that passage.
    await article.page.click('#consent button');
    await side.evaluate(() => window.scrollTo(0, 0));
    await article.page.evaluate(() => window.scrollTo(0, 0));
    await side.locator('#card-dprk-scud-b-to-irgc-1986-1987 button.sentence').click();
    await waitFor(() => sentenceRect(article.page, M.scud), (r) => inViewport(r) && (r?.scrollY ?? 0) > 0, 3_000);
    // Let the flash end so the screenshot shows the stance colours, then show the passage from its top.
    await waitFor(() => readPaint(article.page), (p) => (p.flash ?? []).length === 0, 4_000);
    await article.page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('.article-body p')].find((p) => p.textContent?.includes('Scud-B'));
      paragraph?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -24);
    });
    await side.evaluate(() => window.scrollTo(0, 0));
    const [left, right] = await Promise.all([article.page.screenshot(), side.screenshot()]);
    const composer = await browser.context.newPage();
    await composer.setViewportSize({ width: ARTICLE_VIEWPORT.width + PANEL_VIEWPORT.width + 1, height: ARTICLE_VIEWPORT.height });
    await composer.setContent(
      `<body style="margin:0;display:flex;background:#888">
        <img alt="" src="data:image/png;base64,${left.toString('base64')}" style="width:${ARTICLE_VIEWPORT.width}px;height:${ARTICLE_VIEWPORT.height}px">
        <div style="width:1px;background:#555"></div>
        <img alt="" src="data:image/png;base64,${right.toString('base64')}" style="width:${PANEL_VIEWPORT.width}px;height:${PANEL_VIEWPORT.height}px">
      </body>`,
    );
    await composer.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    const png = await composer.screenshot();
    writeFileSync(join(ROOT, 'docs/screenshot.png'), png);
    expect(png.length).toBeGreaterThan(10_000);
    await composer.close();
  });

  afterAll(async () => {
    await Promise.all([side?.close(), article?.page.close()]);
  });
});

describe('pages that are not simple', () => {
  it('leaves an off-topic page alone: no annotator, no highlight, no badge', async () => {
    const { page, url, tabId } = await openArticle(OFF_TOPIC);
    // The detector reported on this very page, and the background decided: idle.
    const state = await waitFor(() => stateOf(tabId), (s) => s.url === url, 5_000);
    expect(state).toMatchObject({ status: 'idle', url });
    expect(await annotatorPresent(tabId)).toBe(false);
    expect(await ourSheets(page)).toBe(0);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await badgeOf(tabId)).toBe('');
    await page.close();
  });

  it('repaints the highlights of a page that clears CSS.highlights', async () => {
    const { page } = await openArticle(HOSTILE.path);
    const clearedAt = await waitFor(
      () => page.evaluate(() => (window as unknown as { __highlightsClearedAt?: number }).__highlightsClearedAt ?? null),
      (t) => t !== null,
      10_000,
    );
    expect(clearedAt).not.toBeNull();
    const start = Date.now();
    const back = await waitFor(() => readPaint(page), (p) => samePaint(p, HOSTILE.paint), 2_000);
    figures['repaint after page cleared CSS.highlights'] = Date.now() - start;
    expect(claimPaint(back)).toEqual(HOSTILE.paint);
    // Once more, cleared by hand from the page's world.
    await page.evaluate(() => CSS.highlights.clear());
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    const again = await waitFor(() => readPaint(page), (p) => samePaint(p, HOSTILE.paint), 2_000);
    expect(claimPaint(again)).toEqual(HOSTILE.paint);
    await page.close();
  });

  it('follows a single-page app to its next article: new sentences painted, old ones gone', async () => {
    const { page, tabId } = await openArticle(SPA.path);
    const first = await waitFor(() => readPaint(page), (p) => samePaint(p, SPA.first), 10_000);
    expect(claimPaint(first)).toEqual(SPA.first);
    expect(await waitFor(() => badgeOf(tabId), (t) => t === '2', 3_000)).toBe('2');
    const clicked = Date.now();
    await page.click('#next-story');
    expect(page.url()).toMatch(/\?story=scientists$/);
    const second = await waitFor(() => readPaint(page), (p) => samePaint(p, SPA.second), 6_000);
    figures['SPA swap → new article painted'] = Date.now() - clicked;
    expect(claimPaint(second)).toEqual(SPA.second);
    // The background and the badge follow the new article too.
    const state = await waitFor(
      () => stateOf(tabId),
      (s) => s.status === 'annotated' && Boolean(s.url?.endsWith('?story=scientists')),
      4_000,
    );
    expect(sorted([...new Set(state.matches?.map((m) => m.claimId))])).toEqual(sorted(SPA.secondClaims));
    expect(await waitFor(() => badgeOf(tabId), (t) => t === '2', 3_000)).toBe('2');
    // Whatever instance now paints, one annotator's stylesheet is left in the page.
    expect(await ourSheets(page)).toBe(1);
    await page.close();
  });

  it('paints paragraphs that load after the page', async () => {
    const { page, tabId } = await openArticle(LAZY.path);
    const arrived = await waitFor(
      () => page.evaluate(() => document.body.dataset.lazyLoaded === 'true').then((loaded) => (loaded ? Date.now() : 0)),
      (t) => t > 0,
      5_000,
    );
    // The Foreign Ministry's sentence asserts the denial claim and denies the bound-for-Iran claim.
    const full: Painted = { asserts: sorted([LAZY.initial, ...LAZY.late]), denies: [LAZY.late[0] as string] };
    const painted = await waitFor(() => readPaint(page), (p) => samePaint(p, full), 5_000);
    figures['lazy paragraphs → painted'] = Date.now() - arrived;
    expect(claimPaint(painted)).toEqual(full);
    // The badge counts distinct claims (four), not sentences (three).
    expect(await waitFor(() => badgeOf(tabId), (t) => t === '4', 3_000)).toBe('4');
    await page.close();
  });
});

/** Escapes a string for use inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
