import { describe, expect, it } from 'vitest';
import type { TabState } from '../../lib/article/types';
import type { PanelEvent } from '../../lib/messaging/protocol';
import { createRouter, type RouterDeps } from '../../lib/messaging/router';

function fakeDeps(onTopic = true) {
  const states = new Map<number, TabState>();
  const log = { injected: [] as number[], badges: [] as [number, string][], events: [] as PanelEvent[], writes: 0 };
  const deps: RouterDeps = {
    injectAnnotator: async (tabId) => {
      log.injected.push(tabId);
      return true;
    },
    setBadge: async (tabId, text) => void log.badges.push([tabId, text]),
    broadcast: async (event) => void log.events.push(event),
    sendToTab: async () => ({ ok: true }),
    analyse: async ({ sentences }) => ({
      topic: { onTopic, score: onTopic ? 0.9 : 0.1, reasons: [] },
      matches: sentences.slice(0, 2).map((s, i) => ({
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
const sentences = [
  { text: 'One.', start: 0, end: 4 },
  { text: 'Two.', start: 5, end: 9 },
  { text: 'Three.', start: 10, end: 16 },
];

describe('the background router', () => {
  it('injects the annotator into candidates only', async () => {
    const { deps, log, states } = fakeDeps();
    const route = createRouter(deps);
    expect(await route({ type: 'pageScanned', payload: { url: 'u', title: 't', candidate: false, score: 0 } }, page)).toEqual({ injected: false });
    expect(log.injected).toEqual([]);
    expect(states.get(7)?.status).toBe('idle');
    expect(await route({ type: 'pageScanned', payload: { url: 'u', title: 't', candidate: true, score: 1 } }, page)).toEqual({ injected: true });
    expect(log.injected).toEqual([7]);
    expect(states.get(7)?.status).toBe('analysing');
  });

  it('stores the analysis, badges the claim count and tells the panels', async () => {
    const { deps, log, states } = fakeDeps();
    const route = createRouter(deps);
    const reply = (await route({ type: 'articleExtracted', payload: { url: 'u', title: 't', sentences } }, page)) as { matches: unknown[] };
    expect(reply.matches).toHaveLength(2);
    expect(states.get(7)?.status).toBe('annotated');
    expect(log.badges.at(-1)).toEqual([7, '2']);
    expect(log.events.at(-1)).toMatchObject({ type: 'tabStateChanged', payload: { tabId: 7 } });
    expect(await route({ type: 'getTabState', payload: { tabId: 7 } }, panel)).toMatchObject({ status: 'annotated' });
  });

  it('returns no matches and no badge for an off-topic article', async () => {
    const { deps, log, states } = fakeDeps(false);
    const route = createRouter(deps);
    const reply = (await route({ type: 'articleExtracted', payload: { url: 'u', title: 't', sentences } }, page)) as { matches: unknown[] };
    expect(reply.matches).toEqual([]);
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
      { type: 'articleExtracted', payload: { url: 'u', title: 't', sentences: 'nope' } },
      { type: 'articleExtracted', payload: { url: 'u', title: 't', sentences: [{ text: 1, start: 0, end: 1 }] } },
      { type: 'pageScanned', payload: { url: 'x'.repeat(100_000), title: '', candidate: true, score: 1 } },
      { type: 'pageScanned', payload: { url: 'u', title: 't', candidate: 'yes', score: 1 } },
      { type: 'pageScanned', payload: { url: 'u', title: 't', candidate: true, score: 2, extra: '<script>' } },
      { type: 'highlightClicked', payload: { claimId: '<img src=x onerror=alert(1)>', start: 0 } },
      { type: 'revealSentence', payload: { tabId: -1, start: 0, end: 1 } },
      JSON.parse('{"type":"getTabState","payload":{"tabId":1,"__proto__":{"polluted":true}}}'),
    ];
    let seed = 42;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const types = ['pageScanned', 'articleExtracted', 'highlightClicked', 'getTabState', 'annotateTab', 'revealSentence', 'other'];
    const values = [null, -1, 1.5, 'x', true, [], {}, '💥'.repeat(10), Number.NaN, 1e308];
    for (let i = 0; i < 3_000; i++) {
      const payload: Record<string, unknown> = {};
      for (const key of ['url', 'title', 'candidate', 'score', 'sentences', 'tabId', 'start', 'end', 'claimId']) {
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
    expect(log.writes).toBe(0);
    expect(log.injected).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
