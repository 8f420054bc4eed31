/** The one typed message protocol between the page side, the background and the panels. */
import type { SentenceMatch, TabState, TopicVerdict } from '../article/types';
import type { AnchorState, NewNote, Note, NotePatch } from '../notes/types';

/** A claim as the page side may name it: its id and its statement, nothing of its sources. */
export interface ClaimLabel {
  id: string;
  statement: string;
}

export type { TabState };

/** Messages the page side (detector, annotator) sends to the background. */
export interface PageToBackground {
  /**
   * The detector looked at a page and reports whether it looks like an Iran–DPRK article. The
   * background also injects the annotator when the reader has notes on this page.
   */
  pageScanned: {
    request: { url: string; title: string; candidate: boolean; score: number; canonical?: string };
    response: { injected: boolean };
  };
  /** The annotator asks for the reader's notes on its page (by normalised URL). */
  pageNotes: {
    request: { url: string; canonical?: string };
    response: { notes: Note[] };
  };
  /** The selection toolbar saves a highlight with its note, on the sender's own page. */
  saveNote: { request: NewNote; response: { note: Note } | { error: string } };
  /** The page's toolbar edits a note of the sender's own page. */
  updateNote: { request: { id: string; patch: NotePatch }; response: { note: Note } | { error: string } };
  /** The page's toolbar deletes a note of the sender's own page. */
  deleteNote: { request: { id: string }; response: { deleted: boolean } | { error: string } };
  /** The annotator reports how it placed the page's notes (orphans included). */
  anchorsPlaced: {
    request: { states: { id: string; anchor: AnchorState }[] };
    response: { ok: boolean };
  };
  /**
   * The annotator extracted the article's text (at most EXTRACT_TEXT_CAP characters); the
   * background splits it into sentences, scores and matches them. Match offsets index into `text`.
   */
  articleExtracted: {
    request: { url: string; title: string; text: string };
    /** `claims`: the statement of each matched claim, for the page's "about a claim" choice. */
    response: { topic: TopicVerdict; matches: SentenceMatch[]; claims: ClaimLabel[] };
  };
  /** The reader clicked a highlighted sentence; the panel should bring its card into view. */
  highlightClicked: {
    request: { claimId: string; start: number };
    response: { ok: boolean };
  };
}

/** Messages the panels send to the background. */
export interface PanelToBackground {
  /** Return what is known about a tab. */
  getTabState: { request: { tabId: number }; response: TabState };
  /** Inject the annotator into a tab on the reader's request. */
  annotateTab: { request: { tabId: number }; response: { injected: boolean } };
  /** Scroll the tab's page to a sentence and flash it. */
  revealSentence: {
    request: { tabId: number; start: number; end: number };
    response: { ok: boolean };
  };
  /** Scroll the tab's page to one of the reader's notes and flash it. */
  revealNote: { request: { tabId: number; id: string }; response: { ok: boolean } };
  /** A panel changed notes in the database: the pages showing these URLs repaint. */
  notesChanged: { request: { urls: string[] }; response: { ok: boolean } };
}

/** Events the background broadcasts to the panels. */
export interface BackgroundToPanel {
  /** A tab's state changed. */
  tabStateChanged: { tabId: number; state: TabState };
  /** A highlight was clicked in a tab: show this claim's card. */
  cardRequested: { tabId: number; claimId: string; start: number };
}

/** Commands the background sends to the annotator in a tab. */
export interface BackgroundToPage {
  /** Scroll to the sentence at these article offsets and flash it. */
  revealSentence: { request: { start: number; end: number }; response: { ok: boolean } };
  /** Scroll to one of the reader's notes and flash it. */
  revealNote: { request: { id: string }; response: { ok: boolean } };
  /** Notes changed for these normalised URLs: reload and repaint them if they are this page's. */
  notesChanged: { request: { urls: string[] }; response: { ok: boolean } };
  /** Open the save toolbar for the current selection (context menu, keyboard shortcut). */
  showToolbar: { request: Record<string, never>; response: { ok: boolean } };
}

/** A command as it travels from the background to a tab. */
export type PageCommand = {
  [K in keyof BackgroundToPage]: { type: K; payload: BackgroundToPage[K]['request'] };
}[keyof BackgroundToPage];

/** Every request the background accepts, as a discriminated union. */
export type BackgroundRequest = {
  [K in keyof (PageToBackground & PanelToBackground)]: {
    type: K;
    payload: (PageToBackground & PanelToBackground)[K]['request'];
  };
}[keyof (PageToBackground & PanelToBackground)];

/** An event as it travels from the background to the panels. */
export type PanelEvent = {
  [K in keyof BackgroundToPanel]: { type: K; payload: BackgroundToPanel[K] };
}[keyof BackgroundToPanel];


/** A transport: sends one envelope and resolves with the reply. Entry points pass browser APIs. */
export type Send = (message: { type: string; payload: unknown }) => Promise<unknown>;

/** A typed client over a transport: `client.call('getTabState', { tabId })`. */
export function createClient<M extends { [K in keyof M]: { request: unknown; response: unknown } }>(send: Send) {
  return {
    /** Sends one request and resolves with its typed response. */
    call<K extends keyof M & string>(type: K, payload: M[K]['request']): Promise<M[K]['response']> {
      return send({ type, payload }) as Promise<M[K]['response']>;
    },
  };
}
