// The service worker: routes messages, injects the annotator where needed, keeps per-tab state.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { TabState } from '../lib/messaging/protocol';
import { createRouter } from '../lib/messaging/router';

const ANNOTATOR_FILE = '/content-scripts/annotator.js';
const stateKey = (tabId: number) => `tab:${tabId}`;

/** The engine and its index load on first use, not when the worker starts. */
let engine: Promise<import('../lib/claims/engine').Engine> | undefined;
function getEngine() {
  engine ??= Promise.all([import('../lib/claims/engine'), import('virtual:nexus-lens/claim-index')]).then(
    ([{ createEngine }, index]) => createEngine(index.default),
  );
  return engine;
}

export default defineBackground(() => {
  const states = new Map<number, TabState>();

  async function injectAnnotator(tabId: number): Promise<boolean> {
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [ANNOTATOR_FILE] });
      return true;
    } catch {
      return false; // a page we may not script (the store, a browser page)
    }
  }

  const route = createRouter({
    injectAnnotator,
    setBadge: async (tabId, text) => {
      await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
    },
    broadcast: async (event) => {
      // No panel open is normal: nobody receives the event.
      await browser.runtime.sendMessage(event).catch(() => undefined);
    },
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    analyse: async (input) => (await getEngine()).analyse(input),
    loadState: async (tabId) => {
      const known = states.get(tabId);
      if (known) return known;
      // The worker may have been restarted: session storage survives that, and never touches disk.
      const stored = (await browser.storage.session.get(stateKey(tabId)))[stateKey(tabId)] as TabState | undefined;
      if (stored) states.set(tabId, stored);
      return stored;
    },
    saveState: async (tabId, state) => {
      states.set(tabId, state);
      await browser.storage.session.set({ [stateKey(tabId)]: state });
    },
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    route(message, {
      fromThisExtension: sender.id === browser.runtime.id,
      extensionPage: (sender.url ?? '').startsWith(browser.runtime.getURL('/')),
      tabId: sender.tab?.id,
      url: sender.url,
    }).then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
    return true; // the reply is asynchronous
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    states.delete(tabId);
    void browser.storage.session.remove(stateKey(tabId));
  });

  // The reader asks for annotation by hand: action button, context menu, keyboard shortcut.
  const annotateByHand = (tabId: number | undefined) => {
    if (tabId === undefined) return;
    // Firefox's sidebar API is not in the Chrome-shaped types.
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (import.meta.env.FIREFOX) void sidebar?.open();
    else void browser.sidePanel?.open?.({ tabId });
    void injectAnnotator(tabId);
  };
  browser.action.onClicked.addListener((tab) => annotateByHand(tab.id));
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'annotate-page') annotateByHand(tab?.id);
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'annotate-page', title: 'Annotate with Nexus Lens', contexts: ['page', 'selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'annotate-page') annotateByHand(tab?.id);
  });
});
