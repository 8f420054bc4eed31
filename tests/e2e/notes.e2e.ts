// Issue 6, end to end in real Chromium: save highlights from the page's toolbar (keyboard only: the
// toolbar lives in a closed shadow root), find them painted again after a reload and after the page
// changed, list them in the side panel and the library, and export files whose content is checked.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatabase } from '../../lib/claims/load';
import { launchWithExtension, openExtensionPage, select, serveTestPages, tabIdOf, waitFor, type ExtensionBrowser } from './harness';

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

const ARTICLE = '/pages/meridian-missiles.html';
const QUICK = 'missile is based on North Korea';
const WITH_NOTE = 'medium-range ballistic missile to Iran in 1993';

/** The text of every range of our "note" highlight in the page. */
async function paintedNotes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('nexus-lens-note-')) continue;
      for (const range of highlight) out.push((range as Range).toString().replace(/\s+/g, ' '));
    }
    return out.sort();
  });
}

/** The claim the WITH_NOTE passage states: the reader links the note to it. */
const NODONG_CLAIM = 'dprk-nodong-1-to-iran-1993';

/**
 * The labels of every <option> in the page, closed shadow roots included: the browser's own view
 * (DevTools protocol), since no page script can look inside the toolbar.
 */
async function optionLabels(page: Page): Promise<string[]> {
  type Node = { nodeName: string; nodeValue?: string; children?: Node[]; shadowRoots?: Node[] };
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  await cdp.detach();
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === 'OPTION') out.push((node.children ?? []).map((c) => c.nodeValue ?? '').join(''));
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
  };
  walk(root);
  return out;
}

/** The toolbar host is in the page, but its closed shadow root hides the note text from page scripts. */
async function toolbarIsSealed(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('nexus-lens-toolbar');
    return {
      present: Boolean(host),
      shadowRoot: host ? host.shadowRoot : 'none',
      text: host?.textContent ?? '',
      // Focus inside a closed root shows as the host itself.
      focused: Boolean(host) && document.activeElement === host,
    };
  });
}

describe('saving, finding and exporting notes in Chromium', () => {
  let page: Page;
  let url: string;

  it('saves a highlight and a note from the toolbar, and paints both', async () => {
    page = await browser.context.newPage();
    url = `${origin}${ARTICLE}`;
    await page.goto(url);
    await waitFor(() => page.evaluate(() => CSS.highlights.size), (n) => n > 0);

    // A quick highlight: the toolbar focuses its first category, "Key fact".
    await select(page, QUICK);
    await waitFor(() => toolbarIsSealed(page), (t) => t.focused);
    expect(await toolbarIsSealed(page)).toEqual({ present: true, shadowRoot: null, text: '', focused: true });
    await page.keyboard.press('Enter');
    await waitFor(() => paintedNotes(page), (n) => n.length === 1);
    expect(await paintedNotes(page)).toEqual([QUICK]);

    // A note with text and tags, linked to the claim its passage states: Tab to "Note…", write,
    // then choose the claim by its statement (the second claim of the article) and save.
    await select(page, WITH_NOTE);
    await waitFor(() => toolbarIsSealed(page), (t) => t.focused);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // The form opens on the next frame and focuses its note field (inside the closed root).
    await page.waitForTimeout(200);
    await page.keyboard.type('Compare the **1993** date with the CRS report.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nodong, Timeline');
    await page.keyboard.press('Tab');
    // The choice lists the matched claims by their statements, not their ids.
    const statement = loadDatabase().claims.find((c) => c.id === NODONG_CLAIM)?.statement as string;
    expect(await optionLabels(page)).toContain(statement);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); // "This passage": supports
    await page.keyboard.press('Tab'); // Save
    await page.keyboard.press('Enter');
    await waitFor(() => paintedNotes(page), (n) => n.length === 2);
    expect(await paintedNotes(page)).toEqual([QUICK, WITH_NOTE].sort());
    // The typed note never reached the page's DOM.
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('CRS report'))).toBe(false);
  });

  it('re-anchors and paints the notes after a reload, and after the page changed', async () => {
    await page.reload();
    await waitFor(() => paintedNotes(page), (n) => n.length === 2);
    expect(await paintedNotes(page)).toEqual([QUICK, WITH_NOTE].sort());

    // The site inserts a paragraph and rewrites white space: positions shift, quotes still place them.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const first = document.querySelector('article p');
        const inserted = document.createElement('p');
        inserted.textContent = 'Editor’s note: this article was updated with a correction about a date in an earlier version.';
        first?.before(inserted);
      });
    });
    await page.reload();
    await waitFor(() => paintedNotes(page), (n) => n.length === 2);
    expect(await paintedNotes(page)).toEqual([QUICK, WITH_NOTE].sort());
  });

  it('lists the page\'s notes in the side panel', async () => {
    const library = await openExtensionPage(browser, 'library.html');
    const tabId = await tabIdOf(library, url);
    const panel = await openExtensionPage(browser, `sidepanel.html?tabId=${tabId}`);
    const quotes = await waitFor(
      () => panel.locator('.page-notes .note blockquote').allTextContents(),
      (q) => q.length === 2,
    );
    expect(quotes.map((q) => q.replace(/\s+/g, ' ')).sort()).toEqual([QUICK, WITH_NOTE].sort());
    await expect(panel.locator('.page-notes').textContent()).resolves.toContain('Compare the **1993** date with the CRS report.');
    await panel.close();
    await library.close();
  });

  it('lists the notes in the library, finds them by search and exports JSON and Markdown', async () => {
    const library = await openExtensionPage(browser, 'library.html');
    await waitFor(() => library.locator('.notes-library .note').count(), (n) => n === 2);
    await library.getByRole('searchbox', { name: 'Search your notes' }).fill('crs timel');
    await waitFor(() => library.locator('.notes-library .note').count(), (n) => n === 1);
    expect(await library.locator('.notes-library .note blockquote').textContent()).toBe(WITH_NOTE);
    expect(await library.locator('.notes-library .note .tag').allTextContents()).toEqual(['#nodong', '#timeline']);

    await library.locator('details summary', { hasText: 'Export' }).click();
    const json = library.waitForEvent('download');
    await library.locator('.actions', { hasText: 'JSON (re-importable)' }).getByRole('button', { name: 'All notes' }).click();
    const file = JSON.parse(readFileSync((await (await json).path()) as string, 'utf8')) as {
      format: string;
      notes: { target: { quote: { exact: string } }; text: string; tags: string[]; url: string; category: string; claimId?: string; claimStance?: string }[];
    };
    expect(file.format).toBe('nexus-lens-notes');
    expect(file.notes.map((n) => n.target.quote.exact).sort()).toEqual([QUICK, WITH_NOTE].sort());
    const noted = file.notes.find((n) => n.target.quote.exact === WITH_NOTE);
    expect(noted).toMatchObject({ text: 'Compare the **1993** date with the CRS report.', tags: ['nodong', 'timeline'], url, claimId: NODONG_CLAIM, claimStance: 'supports' });
    expect(file.notes.find((n) => n.target.quote.exact === QUICK)?.category).toBe('key-fact');

    const markdown = library.waitForEvent('download');
    await library.locator('.actions', { hasText: 'Markdown' }).getByRole('button', { name: 'These 1' }).click();
    const md = readFileSync((await (await markdown).path()) as string, 'utf8');
    expect(md).toContain(`> ${WITH_NOTE}`);
    expect(md).toContain(`${url}#:~:text=`);
    expect(md).not.toContain(QUICK);
    await library.close();
  });
});
