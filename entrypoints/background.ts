// The service worker: routes messages, injects the annotator where needed, keeps per-tab state.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { PageCommand, TabState } from '../lib/messaging/protocol';
import { createRouter } from '../lib/messaging/router';
import { openNotesDb } from '../lib/notes/db';
import {
  deleteNote,
  hasNotes,
  notesForUrl,
  requestPersistence,
  saveNote,
  setAnchorStates,
  updateNote,
} from '../lib/notes/repository';

const ANNOTATOR_FILE = '/content-scripts/annotator.js';
const stateKey = (tabId: number) => `tab:${tabId}`;

/**
 * The engine and its index load on first use, not when the worker starts: the first candidate page
 * asks for them (prepareAnalysis) while it extracts its article, and they warm up then.
 */
let engine: Promise<import('../lib/claims/engine').Engine> | undefined;
function getEngine() {
  engine ??= Promise.all([import('../lib/claims/engine'), import('virtual:nexus-lens/claim-index')]).then(
    async ([{ createEngine }, index]) => {
      const ready = createEngine(index.default);
      await ready.warmUp();
      return ready;
    },
  );
  return engine;
}

export default defineBackground(() => {
  const states = new Map<number, TabState>();
  // The reader's notes live here, in the extension's origin, never in a page's.
  const db = openNotesDb();
  const sendToTab = (tabId: number, message: PageCommand) => browser.tabs.sendMessage(tabId, message);

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
    sendToTab,
    notifyTabs: async (urls) => {
      // Every tab we have seen; a tab without an annotator simply does not answer.
      await Promise.all(
        [...states.keys()].map((tabId) => sendToTab(tabId, { type: 'notesChanged', payload: { urls } }).catch(() => undefined)),
      );
    },
    notes: {
      forUrl: (url) => notesForUrl(db, url),
      has: (url) => hasNotes(db, url),
      get: (id) => db.notes.get(id),
      save: (input) => saveNote(db, input),
      update: (id, patch) => updateNote(db, id, patch),
      remove: (id) => deleteNote(db, id),
      setAnchors: (list) => setAnchorStates(db, list),
    },
    prepareAnalysis: () => void getEngine().catch(() => undefined),
    analyse: async (input) => (await getEngine()).analyseText(input),
    claimLabels: async (ids) => {
      // The database (statements, sources) loads only when a page has matched claims.
      const { default: database } = await import('virtual:nexus-lens/claim-database');
      const byId = new Map(database.claims.map((c) => [c.id, c.statement]));
      return ids.flatMap((id) => {
        const statement = byId.get(id);
        return statement ? [{ id, statement }] : [];
      });
    },
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
  // Save a highlight by hand: the annotator brings the toolbar, injected first if need be.
  const saveByHand = async (tabId: number | undefined) => {
    if (tabId === undefined) return;
    if (!(await injectAnnotator(tabId))) return;
    await sendToTab(tabId, { type: 'showToolbar', payload: {} }).catch(() => undefined);
  };
  browser.action.onClicked.addListener((tab) => annotateByHand(tab.id));
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'annotate-page') annotateByHand(tab?.id);
    if (command === 'save-highlight') void saveByHand(tab?.id);
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'annotate-page', title: 'Annotate with Nexus Lens', contexts: ['page', 'selection'] });
    browser.contextMenus.create({ id: 'save-highlight', title: 'Save highlight in Nexus Lens', contexts: ['selection'] });
    // Ask once that the browser never evicts the notes database; the library shows the answer.
    void requestPersistence();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'annotate-page') annotateByHand(tab?.id);
    if (info.menuItemId === 'save-highlight') void saveByHand(tab?.id);
  });
});
