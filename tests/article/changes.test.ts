import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleMayHaveChanged, noChanges, noteChanges, type ChangeRecord } from '../../lib/article/changes';

function page() {
  const { document } = parseHTML(
    '<!doctype html><html><body><header><span id="ticker">1 reader</span></header><main><div id="story"><p>North Korea sold missiles to Iran.</p><p>Iran denied it.</p></div></main></body></html>',
  );
  const d = document as unknown as Document;
  return { d, story: d.getElementById('story')!, ticker: d.getElementById('ticker')! };
}
const childList = (target: Node, added: Node[], removed: Node[]): ChangeRecord => ({
  type: 'childList',
  target,
  addedNodes: added,
  removedNodes: removed,
  oldValue: null,
});

describe('noteChanges and articleMayHaveChanged', () => {
  it('ignores changes beside the article (a ticker)', () => {
    const { d, story, ticker } = page();
    const text = ticker.firstChild!;
    const before = text.nodeValue;
    text.nodeValue = '2 readers';
    const fresh = d.createTextNode('3 readers');
    const changes = noteChanges(noChanges(), [{ type: 'characterData', target: text, addedNodes: [], removedNodes: [], oldValue: before }, childList(ticker, [fresh], [text])], story);
    expect(changes.inRegion).toBe(false);
    expect(articleMayHaveChanged(changes)).toBe(false);
  });

  it('sees a re-render with the same text as no change, and new or lost text as one', () => {
    const { d, story } = page();
    const old = [...story.childNodes];
    const same = old.map((p) => p.cloneNode(true));
    const rerender = noteChanges(noChanges(), [childList(story, same, old)], story);
    expect(rerender.inRegion).toBe(true);
    expect(articleMayHaveChanged(rerender)).toBe(false);

    const p = d.createElement('p');
    p.textContent = 'A new paragraph arrived.';
    expect(articleMayHaveChanged(noteChanges(noChanges(), [childList(story, [p], [])], story))).toBe(true);
    expect(articleMayHaveChanged(noteChanges(noChanges(), [childList(story, [], [old[1]!])], story))).toBe(true);
  });

  it('sees an edited text node in the article, and a change above the article', () => {
    const { d, story } = page();
    const text = story.querySelector('p')!.firstChild!;
    const before = text.nodeValue;
    text.nodeValue = 'North Korea sold rockets to Iran.';
    expect(articleMayHaveChanged(noteChanges(noChanges(), [{ type: 'characterData', target: text, addedNodes: [], removedNodes: [], oldValue: before }], story))).toBe(true);
    // The page swaps the whole story out: the target contains the region.
    const main = d.querySelector('main')!;
    const next = d.createElement('div');
    next.textContent = 'Another story.';
    expect(articleMayHaveChanged(noteChanges(noChanges(), [childList(main, [next], [story])], story))).toBe(true);
  });

  it('counts every change while the region is unknown', () => {
    const { d, ticker } = page();
    const fresh = d.createTextNode('9 readers');
    expect(articleMayHaveChanged(noteChanges(noChanges(), [childList(ticker, [fresh], [])], null))).toBe(true);
  });
});
