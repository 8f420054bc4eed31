/** The background's message handling as plain async functions: validation, sender checks, tab state. */
import type { SentenceMatch, TopicVerdict, PageSentence } from '../article/types';
import type { BackgroundRequest, PanelEvent, TabState } from './protocol';
import { parseRequest, PAGE_REQUESTS } from './validate';

/** Who sent a message, as the browser reports it. */
export interface SenderInfo {
  /** Our own extension id matched the sender's. Messages from elsewhere are dropped. */
  fromThisExtension: boolean;
  /** The sender is one of our extension pages (side panel, library), even when shown in a tab. */
  extensionPage: boolean;
  /** The sender's tab: a content script's page, or the tab an extension page is shown in. */
  tabId?: number;
  /** The sending document's URL. */
  url?: string;
}

/** What the router needs from the browser and the engine; entry points pass real ones, tests fakes. */
export interface RouterDeps {
  injectAnnotator(tabId: number): Promise<boolean>;
  setBadge(tabId: number, text: string): Promise<void>;
  broadcast(event: PanelEvent): Promise<void>;
  sendToTab(tabId: number, message: { type: 'revealSentence'; payload: { start: number; end: number } }): Promise<unknown>;
  analyse(input: { url: string; title: string; sentences: PageSentence[] }): Promise<{
    topic: TopicVerdict;
    matches: SentenceMatch[];
  }>;
  loadState(tabId: number): Promise<TabState | undefined>;
  saveState(tabId: number, state: TabState): Promise<void>;
}

/** The refusal a bad or unauthorised message gets. Nothing is written for it. */
export interface Refusal {
  error: string;
}

/** Builds the handler the background registers with runtime.onMessage. */
export function createRouter(deps: RouterDeps) {
  async function setState(tabId: number, state: TabState) {
    await deps.saveState(tabId, state);
    await deps.broadcast({ type: 'tabStateChanged', payload: { tabId, state } });
  }

  async function handle(request: BackgroundRequest, sender: SenderInfo): Promise<unknown> {
    switch (request.type) {
      case 'pageScanned': {
        const tabId = sender.tabId as number;
        if (!request.payload.candidate) {
          await setState(tabId, { status: 'idle', url: request.payload.url });
          await deps.setBadge(tabId, '');
          return { injected: false };
        }
        await setState(tabId, {
          status: 'analysing',
          url: request.payload.url,
          title: request.payload.title,
        });
        return { injected: await deps.injectAnnotator(tabId) };
      }
      case 'articleExtracted': {
        const tabId = sender.tabId as number;
        const { url, title } = request.payload;
        try {
          const result = await deps.analyse(request.payload);
          const state: TabState = result.topic.onTopic
            ? { status: 'annotated', url, title, topic: result.topic, matches: result.matches }
            : { status: 'off-topic', url, title, topic: result.topic };
          await setState(tabId, state);
          const claims = new Set(result.matches.map((m) => m.claimId)).size;
          await deps.setBadge(tabId, result.topic.onTopic && claims > 0 ? String(claims) : '');
          return result.topic.onTopic ? result : { topic: result.topic, matches: [] };
        } catch (err) {
          await setState(tabId, { status: 'error', url, message: String(err) });
          throw err;
        }
      }
      case 'highlightClicked':
        await deps.broadcast({
          type: 'cardRequested',
          payload: { tabId: sender.tabId as number, ...request.payload },
        });
        return { ok: true };
      case 'getTabState':
        return (await deps.loadState(request.payload.tabId)) ?? { status: 'idle' };
      case 'annotateTab': {
        const injected = await deps.injectAnnotator(request.payload.tabId);
        return { injected };
      }
      case 'revealSentence': {
        const { tabId, start, end } = request.payload;
        const reply = await deps.sendToTab(tabId, { type: 'revealSentence', payload: { start, end } });
        return { ok: Boolean((reply as { ok?: boolean } | undefined)?.ok) };
      }
    }
  }

  /** Validates, checks the sender's right to send it, then handles one raw message. */
  return async function route(raw: unknown, sender: SenderInfo): Promise<unknown> {
    if (!sender.fromThisExtension) return { error: 'unknown sender' } satisfies Refusal;
    const parsed = parseRequest(raw);
    if (!parsed.ok) return { error: `invalid message: ${parsed.reason}` } satisfies Refusal;
    // A content script speaks only page messages, from its tab; an extension page only panel messages.
    const fromPage = !sender.extensionPage && sender.tabId !== undefined;
    if (fromPage !== PAGE_REQUESTS.has(parsed.request.type)) {
      return { error: `${parsed.request.type} is not allowed from this sender` } satisfies Refusal;
    }
    return handle(parsed.request, sender);
  };
}
