// The skeleton, end to end in real Chromium: worker, detector, runtime injection, side panel, messaging.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  openExtensionPage,
  sendFromExtensionPage,
  serveTestPages,
  tabIdOf,
  waitFor,
  type ExtensionBrowser,
} from './harness';

let browser: ExtensionBrowser;
let server: Server;
let origin: string;

beforeAll(async () => {
  ({ server, origin } = await serveTestPages());
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a test page in a new tab and returns its tab id once the detector has reported on it. */
async function openTestPage(path: string) {
  const page = await browser.context.newPage();
  const url = `${origin}${path}`;
  await page.goto(url);
  const panel = await openExtensionPage(browser, 'library.html');
  const tabId = await tabIdOf(panel, url);
  return { page, url, tabId, panel };
}

async function stateOf(panel: import('playwright-core').Page, tabId: number) {
  return (await sendFromExtensionPage(panel, { type: 'getTabState', payload: { tabId } })) as {
    status: string;
    matches?: { claimId: string; stance: string }[];
  };
}

describe('the extension in Chromium', () => {
  it('starts its service worker', () => {
    expect(browser.worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('injects the annotator into a candidate page, which ends up annotated and painted', async () => {
    const { page, tabId, panel } = await openTestPage('/pages/candidate.html');
    const state = await waitFor(() => stateOf(panel, tabId), (s) => s.status === 'annotated' || s.status === 'off-topic');
    expect(state.status).toBe('annotated');
    expect(state.matches?.length).toBeGreaterThan(0);
    // The annotator's highlights are in the page's shared registry, under our unique names.
    const names = await waitFor(
      () => page.evaluate(() => [...CSS.highlights.keys()]),
      (keys) => keys.length > 0,
    );
    expect(names.every((n) => n.startsWith('nexus-lens-'))).toBe(true);
    await page.close();
    await panel.close();
  });

  it('leaves an unrelated page alone: no annotator, no highlight, no badge', async () => {
    const { page, tabId, panel } = await openTestPage('/pages/unrelated.html');
    const state = await waitFor(() => stateOf(panel, tabId), (s) => s.status !== 'missing', 3_000);
    await page.waitForTimeout(1_000);
    expect(state.status).toBe('idle');
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await panel.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
    await page.close();
    await panel.close();
  });

  it('renders the tab state in the side panel page', async () => {
    const { page, tabId, panel } = await openTestPage('/pages/candidate.html');
    await waitFor(() => stateOf(panel, tabId), (s) => s.status === 'annotated');
    const side = await openExtensionPage(browser, `sidepanel.html?tabId=${tabId}`);
    await side.waitForSelector('main[data-status="annotated"]');
    expect(await side.locator('.card').count()).toBeGreaterThan(0);
    await Promise.all([side.close(), page.close(), panel.close()]);
  });

  it('answers a message round trip and refuses a malformed one', async () => {
    const { page, tabId, panel } = await openTestPage('/pages/unrelated.html');
    const ok = await sendFromExtensionPage(panel, { type: 'getTabState', payload: { tabId } });
    expect(ok).toMatchObject({ status: 'idle' });
    const bad = await sendFromExtensionPage(panel, { type: 'getTabState', payload: { tabId: 'x' } });
    expect(bad).toMatchObject({ error: expect.stringContaining('invalid message') });
    const wrongWorld = await sendFromExtensionPage(panel, { type: 'pageScanned', payload: { url: 'x', title: 'x', candidate: true, score: 1 } });
    expect(wrongWorld).toMatchObject({ error: expect.stringContaining('not allowed') });
    await Promise.all([page.close(), panel.close()]);
  });
});
