/** The background's message handling as plain async functions: validation, sender checks, tab state. */
import type { SentenceMatch, TopicVerdict } from '../article/types';
import { normaliseUrl, siteOf } from '../anchor/url';
import type { AnchorState, NewNote, Note, NotePatch } from '../notes/types';
import type { BackgroundRequest, ClaimLabel, PageCommand, PanelEvent, TabState } from './protocol';
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
  sendToTab(tabId: number, message: PageCommand): Promise<unknown>;
  /** Tells every tab that may show one of these documents that its notes changed. */
  notifyTabs(urls: string[]): Promise<void>;
  /** The notes repository (lib/notes) over the extension's database. */
  notes: NotesStore;
  /** The statements of these claims (unknown ids are left out). */
  claimLabels(ids: string[]): Promise<ClaimLabel[]>;
  /**
   * Gets the engine ready while a candidate page extracts its article: called when a page is found
   * to be a candidate, it must not wait for or fail the reply.
   */
  prepareAnalysis(): void;
  /** Splits the article's text into sentences, matches them and scores the topic. */
  analyse(input: { url: string; title: string; text: string }): Promise<{
    topic: TopicVerdict;
    matches: SentenceMatch[];
  }>;
  loadState(tabId: number): Promise<TabState | undefined>;
  saveState(tabId: number, state: TabState): Promise<void>;
}

/** What the router needs from the notes database. */
export interface NotesStore {
  forUrl(url: string): Promise<Note[]>;
  has(url: string): Promise<boolean>;
  get(id: string): Promise<Note | undefined>;
  save(input: NewNote): Promise<Note>;
  update(id: string, patch: NotePatch): Promise<Note>;
  remove(id: string): Promise<boolean>;
  setAnchors(states: { id: string; anchor: AnchorState }[]): Promise<void>;
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

  /** The document URL a page's notes are filed under, per tab, as its annotator last declared it. */
  const documentOfTab = new Map<number, string>();

  /** A page may read and change only the notes of the page it is on. */
  function ownsNote(sender: SenderInfo, note: Pick<Note, 'url' | 'pageUrl'>): boolean {
    const here = normaliseUrl(sender.url ?? '');
    if (siteOf(note.url) !== siteOf(sender.url ?? '')) return false;
    return note.url === here || normaliseUrl(note.pageUrl) === here || note.url === documentOfTab.get(sender.tabId as number);
  }

  /** Runs a write and turns a storage failure into an error the reader sees; nothing fails silently. */
  async function write<T>(run: () => Promise<T>): Promise<T | { error: string }> {
    try {
      return await run();
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }

  async function handle(request: BackgroundRequest, sender: SenderInfo): Promise<unknown> {
    switch (request.type) {
      case 'pageScanned': {
        const tabId = sender.tabId as number;
        if (!request.payload.candidate) {
          await setState(tabId, { status: 'idle', url: request.payload.url });
          await deps.setBadge(tabId, '');
          // A page with the reader's notes gets the annotator, to paint them, topic or not.
          const documentUrl = normaliseUrl(request.payload.url, request.payload.canonical);
          const hasNotes = await deps.notes.has(documentUrl).catch(() => false);
          return { injected: hasNotes ? await deps.injectAnnotator(tabId) : false };
        }
        // The page now extracts its article (tens of milliseconds on its own thread): meanwhile
        // the engine loads and warms up here, so the analysis does not start cold.
        deps.prepareAnalysis();
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
          if (!result.topic.onTopic) return { topic: result.topic, matches: [], claims: [] };
          return { ...result, claims: await deps.claimLabels([...new Set(result.matches.map((m) => m.claimId))]) };
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
      case 'pageNotes': {
        const here = normaliseUrl(sender.url ?? '');
        if (normaliseUrl(request.payload.url) !== here) return { error: 'a page may only read its own notes' };
        const documentUrl = normaliseUrl(request.payload.url, request.payload.canonical);
        documentOfTab.set(sender.tabId as number, documentUrl);
        const notes = await deps.notes.forUrl(documentUrl);
        // Notes saved under the bare URL before a canonical link appeared are found too.
        const extra = documentUrl === here ? [] : await deps.notes.forUrl(here);
        return { notes: [...notes, ...extra.filter((n) => !notes.some((m) => m.id === n.id))] };
      }
      case 'saveNote': {
        // `url` comes in as the page's canonical link (or its address); it is filed normalised.
        const input = { ...request.payload, url: normaliseUrl(request.payload.pageUrl, request.payload.url) };
        if (!ownsNote(sender, input)) return { error: 'a page may only save notes on itself' };
        const result = await write(async () => ({ note: await deps.notes.save(input) }));
        if ('note' in result) await deps.notifyTabs([result.note.url]);
        return result;
      }
      case 'updateNote': {
        const existing = await deps.notes.get(request.payload.id);
        if (!existing || !ownsNote(sender, existing)) return { error: 'no such note on this page' };
        const result = await write(async () => ({ note: await deps.notes.update(existing.id, request.payload.patch) }));
        if ('note' in result) await deps.notifyTabs([existing.url]);
        return result;
      }
      case 'deleteNote': {
        const existing = await deps.notes.get(request.payload.id);
        if (!existing || !ownsNote(sender, existing)) return { error: 'no such note on this page' };
        const result = await write(async () => ({ deleted: await deps.notes.remove(existing.id) }));
        await deps.notifyTabs([existing.url]);
        return result;
      }
      case 'anchorsPlaced': {
        const mine: { id: string; anchor: AnchorState }[] = [];
        for (const state of request.payload.states) {
          const note = await deps.notes.get(state.id);
          if (note && ownsNote(sender, note) && note.anchor !== state.anchor) mine.push(state);
        }
        if (mine.length > 0) await deps.notes.setAnchors(mine);
        return { ok: true };
      }
      case 'revealNote': {
        const { tabId, id } = request.payload;
        const reply = await deps.sendToTab(tabId, { type: 'revealNote', payload: { id } }).catch(() => undefined);
        return { ok: Boolean((reply as { ok?: boolean } | undefined)?.ok) };
      }
      case 'notesChanged':
        await deps.notifyTabs(request.payload.urls);
        return { ok: true };
      case 'getTabState':
        return (await deps.loadState(request.payload.tabId)) ?? { status: 'idle' };
      case 'annotateTab': {
        const injected = await deps.injectAnnotator(request.payload.tabId);
        return { injected };
      }
      case 'revealSentence': {
        const { tabId, start, end } = request.payload;
        const reply = await deps.sendToTab(tabId, { type: 'revealSentence', payload: { start, end } }).catch(() => undefined);
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
