import { describe, expect, it } from 'vitest';
import type { TabState } from '../../lib/article/types';
import type { PanelEvent } from '../../lib/messaging/protocol';
import { segmentSentences } from '../../lib/article/segment';
import { createRouter, type NotesStore, type RouterDeps } from '../../lib/messaging/router';
import type { Note } from '../../lib/notes/types';

/** An in-memory notes store that counts writes. */
function fakeNotes() {
  const rows = new Map<string, Note>();
  let n = 0;
  const counter = { writes: 0 };
  const store: NotesStore = {
    forUrl: async (url) => [...rows.values()].filter((r) => r.url === url),
    has: async (url) => [...rows.values()].some((r) => r.url === url),
    get: async (id) => rows.get(id),
    save: async (input) => {
      counter.writes++;
      const note: Note = { ...input, id: `n${++n}`, site: new URL(input.pageUrl).hostname, created: 'c', updated: 'u' };
      rows.set(note.id, note);
      return note;
    },
    update: async (id, patch) => {
      counter.writes++;
      const note = { ...(rows.get(id) as Note), ...(patch as Partial<Note>) };
      rows.set(id, note);
      return note;
    },
    remove: async (id) => {
      counter.writes++;
      return rows.delete(id);
    },
    setAnchors: async (states) => {
      counter.writes++;
      for (const s of states) rows.set(s.id, { ...(rows.get(s.id) as Note), anchor: s.anchor });
    },
  };
  return { store, rows, counter };
}

function fakeDeps(onTopic = true) {
  const states = new Map<number, TabState>();
  const notes = fakeNotes();
  const log = { prepared: 0, injected: [] as number[], badges: [] as [number, string][], events: [] as PanelEvent[], writes: 0, notified: [] as string[][], notes };
  const deps: RouterDeps = {
    notes: notes.store,
    notifyTabs: async (urls) => void log.notified.push(urls),
    prepareAnalysis: () => void log.prepared++,
    injectAnnotator: async (tabId) => {
      log.injected.push(tabId);
      return true;
    },
    setBadge: async (tabId, text) => void log.badges.push([tabId, text]),
    broadcast: async (event) => void log.events.push(event),
    sendToTab: async () => ({ ok: true }),
    claimLabels: async (ids) => ids.map((id) => ({ id, statement: `Statement of ${id}.` })),
    analyse: async ({ text }) => ({
      topic: { onTopic, score: onTopic ? 0.9 : 0.1, reasons: [] },
      matches: segmentSentences(text).slice(0, 2).map((s, i) => ({
        sentenceIndex: i, sentence: s.text, start: s.start, end: s.end, claimId: `claim-${i}`, stance: 'asserts' as const, score: 0.9,
      })),
    }),
    loadState: async (tabId) => states.get(tabId),
    saveState: async (tabId, state) => {
      log.writes++;
      states.set(tabId, state);
    },
  };
  return { deps, states, log };
}

const page = { fromThisExtension: true, extensionPage: false, tabId: 7, url: 'https://news.example/a' };
const panel = { fromThisExtension: true, extensionPage: true, url: 'chrome-extension://x/sidepanel.html' };
/** An article's text: the fake engine matches its first two sentences. */
const text = 'One. Two. Three.';

describe('the background router', () => {
  it('injects the annotator into candidates only', async () => {
    const { deps, log, states } = fakeDeps();
    const route = createRouter(deps);
    expect(await route({ type: 'pageScanned', payload: { url: 'u', title: 't', candidate: false, score: 0 } }, page)).toEqual({ injected: false });
    expect(log.injected).toEqual([]);
    expect(log.prepared).toBe(0);
    expect(states.get(7)?.status).toBe('idle');
    expect(await route({ type: 'pageScanned', payload: { url: 'u', title: 't', candidate: true, score: 1 } }, page)).toEqual({ injected: true });
    expect(log.injected).toEqual([7]);
    // The engine gets ready while the page extracts its article.
    expect(log.prepared).toBe(1);
    expect(states.get(7)?.status).toBe('analysing');
  });

  it('stores the analysis, badges the claim count and tells the panels', async () => {
    const { deps, log, states } = fakeDeps();
    const route = createRouter(deps);
    const reply = (await route({ type: 'articleExtracted', payload: { url: 'u', title: 't', text } }, page)) as { matches: unknown[]; claims: unknown[] };
    expect(reply.matches).toHaveLength(2);
    // The page gets the statements of its matched claims, for its "about a claim" choice.
    expect(reply.claims).toEqual([
      { id: 'claim-0', statement: 'Statement of claim-0.' },
      { id: 'claim-1', statement: 'Statement of claim-1.' },
    ]);
    expect(states.get(7)?.status).toBe('annotated');
    expect(log.badges.at(-1)).toEqual([7, '2']);
    expect(log.events.at(-1)).toMatchObject({ type: 'tabStateChanged', payload: { tabId: 7 } });
    expect(await route({ type: 'getTabState', payload: { tabId: 7 } }, panel)).toMatchObject({ status: 'annotated' });
  });

  it('returns no matches and no badge for an off-topic article', async () => {
    const { deps, log, states } = fakeDeps(false);
    const route = createRouter(deps);
    const reply = (await route({ type: 'articleExtracted', payload: { url: 'u', title: 't', text } }, page)) as { matches: unknown[]; claims: unknown[] };
    expect(reply.matches).toEqual([]);
    expect(reply.claims).toEqual([]);
    expect(states.get(7)?.status).toBe('off-topic');
    expect(log.badges.at(-1)).toEqual([7, '']);
  });

  it('refuses senders outside their world', async () => {
    const { deps, log } = fakeDeps();
    const route = createRouter(deps);
    expect(await route({ type: 'getTabState', payload: { tabId: 1 } }, page)).toMatchObject({ error: expect.stringContaining('not allowed') });
    expect(await route({ type: 'pageScanned', payload: { url: 'u', title: 't', candidate: true, score: 1 } }, panel)).toMatchObject({ error: expect.stringContaining('not allowed') });
    expect(await route({ type: 'getTabState', payload: { tabId: 1 } }, { ...panel, fromThisExtension: false })).toEqual({ error: 'unknown sender' });
    expect(log.writes + log.injected.length).toBe(0);
  });

  it('survives thousands of malformed and hostile messages without a crash or a write', async () => {
    const { deps, log } = fakeDeps();
    const route = createRouter(deps);
    const nasty: unknown[] = [
      null, undefined, 0, '', 'getTabState', [], {}, { type: 'getTabState' }, { type: '__proto__', payload: {} },
      { type: 'articleExtracted', payload: { url: 'u', title: 't', text: 1 } },
      { type: 'articleExtracted', payload: { url: 'u', title: 't', sentences: [{ text: 'North Korea sold missiles to Iran.', start: 0, end: 34 }] } },
      { type: 'articleExtracted', payload: { url: 'u', title: 't', text: 'x'.repeat(50_001) } },
      { type: 'pageScanned', payload: { url: 'x'.repeat(100_000), title: '', candidate: true, score: 1 } },
      { type: 'pageScanned', payload: { url: 'u', title: 't', candidate: 'yes', score: 1 } },
      { type: 'pageScanned', payload: { url: 'u', title: 't', candidate: true, score: 2, extra: '<script>' } },
      { type: 'highlightClicked', payload: { claimId: '<img src=x onerror=alert(1)>', start: 0 } },
      { type: 'revealSentence', payload: { tabId: -1, start: 0, end: 1 } },
      JSON.parse('{"type":"getTabState","payload":{"tabId":1,"__proto__":{"polluted":true}}}'),
    ];
    let seed = 42;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const types = ['pageScanned', 'articleExtracted', 'highlightClicked', 'getTabState', 'annotateTab', 'revealSentence', 'saveNote', 'updateNote', 'deleteNote', 'anchorsPlaced', 'pageNotes', 'notesChanged', 'revealNote', 'other'];
    const values = [null, -1, 1.5, 'x', true, [], {}, '💥'.repeat(10), Number.NaN, 1e308];
    for (let i = 0; i < 3_000; i++) {
      const payload: Record<string, unknown> = {};
      for (const key of ['url', 'title', 'candidate', 'score', 'sentences', 'tabId', 'start', 'end', 'claimId', 'id', 'patch', 'states', 'urls', 'target', 'category', 'text', 'tags', 'pageUrl']) {
        if (rand() < 0.5) payload[key] = values[Math.floor(rand() * values.length)];
      }
      nasty.push({ type: types[Math.floor(rand() * types.length)], payload });
    }
    for (const message of nasty) {
      for (const sender of [page, panel]) {
        const reply = await route(message, sender);
        expect(reply).toMatchObject({ error: expect.any(String) });
      }
    }
    expect(log.writes + log.notes.counter.writes).toBe(0);
    expect(log.injected).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the background router and the reader\'s notes', () => {
  const article = 'https://news.example/world/iran-dprk?utm_source=x#top';
  const here = { fromThisExtension: true, extensionPage: false, tabId: 3, url: article };
  const target = {
    quote: { type: 'TextQuoteSelector' as const, exact: 'North Korea sold Iran missiles', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start: 10, end: 40 },
  };
  const newNote = (pageUrl = article) => ({ url: pageUrl, pageUrl, title: 'T', target, category: 'key-fact' as const, text: '<b>mine</b>', tags: ['a'] });

  it('saves a note of the sender\'s own page under its normalised URL and tells the tabs', async () => {
    const { deps, log } = fakeDeps();
    const route = createRouter(deps);
    const reply = (await route({ type: 'saveNote', payload: newNote() }, here)) as { note: Note };
    expect(reply.note.url).toBe('https://news.example/world/iran-dprk');
    expect(reply.note.text).toBe('<b>mine</b>');
    expect(log.notified).toEqual([['https://news.example/world/iran-dprk']]);
    const read = (await route({ type: 'pageNotes', payload: { url: article } }, here)) as { notes: Note[] };
    expect(read.notes.map((n) => n.id)).toEqual([reply.note.id]);
  });

  it('refuses a page that saves, reads, edits or deletes notes of another page', async () => {
    const { deps, log } = fakeDeps();
    const route = createRouter(deps);
    const mine = ((await route({ type: 'saveNote', payload: newNote() }, here)) as { note: Note }).note;
    const writes = log.notes.counter.writes;
    const elsewhere = { ...here, tabId: 4, url: 'https://evil.example/page' };
    expect(await route({ type: 'saveNote', payload: newNote() }, elsewhere)).toMatchObject({ error: expect.any(String) });
    expect(await route({ type: 'pageNotes', payload: { url: article } }, elsewhere)).toMatchObject({ error: expect.any(String) });
    expect(await route({ type: 'updateNote', payload: { id: mine.id, patch: { text: 'x' } } }, elsewhere)).toMatchObject({ error: expect.any(String) });
    expect(await route({ type: 'deleteNote', payload: { id: mine.id } }, elsewhere)).toMatchObject({ error: expect.any(String) });
    expect(await route({ type: 'anchorsPlaced', payload: { states: [{ id: mine.id, anchor: 'orphan' }] } }, elsewhere)).toEqual({ ok: true });
    expect(log.notes.counter.writes).toBe(writes);
    expect(log.notes.rows.get(mine.id)?.text).toBe('<b>mine</b>');
  });

  it('lets the page edit and delete its own notes, and records orphans', async () => {
    const { deps, log } = fakeDeps();
    const route = createRouter(deps);
    const mine = ((await route({ type: 'saveNote', payload: newNote() }, here)) as { note: Note }).note;
    expect(await route({ type: 'updateNote', payload: { id: mine.id, patch: { text: 'edited' } } }, here)).toMatchObject({ note: { text: 'edited' } });
    await route({ type: 'anchorsPlaced', payload: { states: [{ id: mine.id, anchor: 'orphan' }] } }, here);
    expect(log.notes.rows.get(mine.id)?.anchor).toBe('orphan');
    expect(await route({ type: 'deleteNote', payload: { id: mine.id } }, here)).toEqual({ deleted: true });
    expect(log.notes.rows.size).toBe(0);
  });

  it('injects the annotator into a page with notes even when it is not a candidate', async () => {
    const { deps, log } = fakeDeps();
    const route = createRouter(deps);
    await route({ type: 'saveNote', payload: newNote() }, here);
    const scan = { type: 'pageScanned', payload: { url: 'https://www.news.example/world/iran-dprk/', title: 't', candidate: false, score: 0 } };
    expect(await route(scan, { ...here, url: 'https://www.news.example/world/iran-dprk/' })).toEqual({ injected: true });
    const other = { type: 'pageScanned', payload: { url: 'https://news.example/sport', title: 't', candidate: false, score: 0 } };
    expect(await route(other, { ...here, url: 'https://news.example/sport' })).toEqual({ injected: false });
    expect(log.injected).toEqual([3]);
  });

  it('relays a panel\'s change to the tabs, and refuses it from a page', async () => {
    const { deps, log } = fakeDeps();
    const route = createRouter(deps);
    expect(await route({ type: 'notesChanged', payload: { urls: ['https://a.example/x'] } }, panel)).toEqual({ ok: true });
    expect(await route({ type: 'notesChanged', payload: { urls: ['https://a.example/x'] } }, here)).toMatchObject({ error: expect.any(String) });
    expect(log.notified).toEqual([['https://a.example/x']]);
  });
});
