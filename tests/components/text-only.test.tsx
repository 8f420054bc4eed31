/**
 * Claim, source and note text is rendered as text, never as markup: hostile strings in every field
 * of a note become text nodes, and no element, attribute or handler comes from them.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoteItem } from '../../components/NoteItem';
import { PageNotes } from '../../components/PageNotes';
import type { Note } from '../../lib/notes/types';

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>';

const note: Note = {
  id: 'n1',
  url: 'https://news.example/a',
  pageUrl: 'https://news.example/a',
  title: HOSTILE,
  site: 'news.example',
  target: {
    quote: { type: 'TextQuoteSelector', exact: HOSTILE, prefix: HOSTILE, suffix: HOSTILE },
    position: { type: 'TextPositionSelector', start: 0, end: 10 },
  },
  category: 'question',
  text: `**bold** ${HOSTILE}`,
  tags: [HOSTILE.toLowerCase()],
  claimId: 'dprk-scud-b-to-iran-1989',
  claimStance: 'disputes',
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-01T00:00:00.000Z',
};

let saved: unknown;
beforeAll(() => {
  saved = (globalThis as { document?: unknown }).document;
  (globalThis as { document?: unknown }).document = parseHTML('<!doctype html><html><body></body></html>').document;
});
afterAll(() => {
  (globalThis as { document?: unknown }).document = saved;
});

function mount(vnode: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  render(vnode, root);
  return root;
}

describe('components render reader and claim text as text', () => {
  it('NoteItem makes no element from a quote, note, title, tag or claim statement', () => {
    const root = mount(
      <NoteItem note={note} showSource claimStatement={HOSTILE} onUpdate={async () => undefined} onDelete={async () => undefined} />,
    );
    expect(root.querySelector('img, script, a[href^="javascript"]')).toBeNull();
    expect(root.textContent).toContain(HOSTILE);
    // The one link is the note's own page, as an attribute value, not markup.
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://news.example/a']);
  });

  it('PageNotes lists orphans instead of hiding them', () => {
    const root = mount(
      <PageNotes
        notes={[{ ...note, anchor: 'orphan' }, { ...note, id: 'n2', anchor: 'quote' }]}
        claimStatement={() => undefined}
        onReveal={() => undefined}
        onUpdate={async () => undefined}
        onDelete={async () => undefined}
      />,
    );
    expect(root.querySelectorAll('.note')).toHaveLength(2);
    expect(root.querySelectorAll('.note-orphan')).toHaveLength(1);
    expect(root.textContent).toContain('could not be placed');
    expect(root.querySelector('img, script')).toBeNull();
  });
});
