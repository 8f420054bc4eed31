/**
 * Claim, source and note text is rendered as text, never as markup: hostile strings in every field
 * of a note become text nodes, and no element, attribute or handler comes from them.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoteFields } from '../../components/NoteFields';
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
/** The DOM's own Event class: linkedom dispatches only its own events. */
let DomEvent: typeof Event;
beforeAll(() => {
  saved = (globalThis as { document?: unknown }).document;
  const dom = parseHTML('<!doctype html><html><body></body></html>');
  (globalThis as { document?: unknown }).document = dom.document;
  DomEvent = dom.Event as unknown as typeof Event;
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

  it('NoteFields offers claims by their statements, as text, and reports the reader\'s choices', () => {
    const changes: string[] = [];
    const root = mount(
      <NoteFields
        category="question"
        onCategory={(c) => changes.push(`category:${c}`)}
        text={HOSTILE}
        onText={() => undefined}
        tags={HOSTILE}
        onTags={() => undefined}
        claimId="c1"
        claimChoices={[{ id: 'c1', label: HOSTILE }, { id: 'c2', label: 'North Korea sold the Nodong-1 to Iran.' }]}
        onClaimId={(id) => changes.push(`claim:${id}`)}
        claimStance="supports"
        onClaimStance={(s) => changes.push(`stance:${s}`)}
      />,
    );
    expect(root.querySelector('img, script, a')).toBeNull();
    const selects = [...root.querySelectorAll('select')] as HTMLSelectElement[];
    // Category, the claim choice (None + two claims) and the bearing on the chosen claim.
    expect(selects).toHaveLength(3);
    expect([...selects[1]!.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['None', HOSTILE, 'North Korea sold the Nodong-1 to Iran.']);
    // The DOM here (linkedom) reads a select's value from its selected option.
    const choose = (select: HTMLSelectElement, value: string) => {
      for (const option of select.querySelectorAll('option')) option.toggleAttribute('selected', option.getAttribute('value') === value);
      select.dispatchEvent(new DomEvent('change'));
    };
    choose(selects[1]!, 'c2');
    choose(selects[2]!, 'disputes');
    expect(changes).toEqual(['claim:c2', 'stance:disputes']);
  });

  it('NoteFields without claim choices shows the bearing only for a linked note', () => {
    const props = { category: 'key-fact' as const, onCategory: () => undefined, text: '', onText: () => undefined, tags: '', onTags: () => undefined, claimStance: 'supports' as const, onClaimStance: () => undefined };
    expect(mount(<NoteFields {...props} claimId="" />).querySelectorAll('select')).toHaveLength(1);
    expect(mount(<NoteFields {...props} claimId="c1" />).querySelectorAll('select')).toHaveLength(2);
  });
});
