import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cloneSteps, cloneForReadability, EXTRACT_TEXT_CAP, MAX_WRAPPER_RUN, NATIVE_COPY_ELEMENTS, nativeCopy } from '../../lib/article/clone';

const doc = (body: string, head = '<title>T</title>') =>
  parseHTML(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;

/** Depth of the deepest element under `node`. */
function depth(node: Node): number {
  let max = 0;
  for (let c = node.firstChild; c; c = c.nextSibling) max = Math.max(max, 1 + depth(c));
  return max;
}

describe('cloneForReadability', () => {
  it('copies a page under the cap node for node, and leaves the page untouched', () => {
    const d = doc('<nav>Home</nav><article><h1>Title</h1><p>North <em>Korea</em> sold missiles.</p><!-- c --><p>Second.</p></article><script>var x = 1;</script>', '<title>T</title><meta name="author" content="A">');
    const before = d.documentElement.outerHTML;
    const clone = cloneForReadability(d);
    expect(clone.documentElement.outerHTML).toBe(before);
    expect(clone.title).toBe('T');
    expect(d.documentElement.outerHTML).toBe(before);
  });

  it('ends after the text node that reaches the cap; script and style text does not count', () => {
    const d = doc(`<style>${'p{}'.repeat(100)}</style><p>aaaa</p><p>bbbb</p><script>${'x'.repeat(500)}</script><p>cccc</p><p>dddd</p>`);
    const clone = cloneForReadability(d, 10);
    const text = [...clone.body.querySelectorAll('p')].map((p) => p.textContent);
    // 4 + 4 < 10, the third reaches it: kept whole; the fourth is gone.
    expect(text).toEqual(['aaaa', 'bbbb', 'cccc']);
    expect(clone.body.querySelector('script')?.textContent).toHaveLength(500);
  });

  it(`unwraps runs of more than ${MAX_WRAPPER_RUN} single-child wrappers, keeping every word`, () => {
    const wrapped = (n: number, inner: string) => '<div class="w">'.repeat(n) + inner + '</div>'.repeat(n);
    const d = doc(`<p>Before.</p>${wrapped(300, '<article><p>Deep one.</p><p>Deep two.</p></article>')}<p>After.</p>`);
    const clone = cloneForReadability(d);
    expect(depth(clone.body)).toBeLessThanOrEqual(MAX_WRAPPER_RUN + 3);
    expect(clone.body.textContent).toBe(d.body.textContent);
    expect(clone.querySelectorAll('article p')).toHaveLength(2);
    // A short run is left as it is.
    const short = doc(wrapped(MAX_WRAPPER_RUN, '<p>x</p>'));
    expect(cloneForReadability(short).body.outerHTML).toBe(short.body.outerHTML);
  });

  it('gives the same copy when built in many small steps', () => {
    const d = doc(`${'<div><p>Some <b>text</b> here.</p><span>x</span></div>'.repeat(400)}`);
    const steps = cloneSteps(d, 3_000);
    let pauses = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(5);
    expect(next.value.documentElement.outerHTML).toBe(cloneForReadability(d, 3_000).documentElement.outerHTML);
  });
});

describe('nativeCopy', () => {
  it('copies a small page within the bounds in one deep clone, the same copy as ours', () => {
    const d = doc('<nav>Home</nav><article><h1>Title</h1><p>North <em>Korea</em> sold missiles.</p><!-- c --><p>Second.</p></article>');
    expect(nativeCopy(d)?.documentElement.outerHTML).toBe(cloneForReadability(d).documentElement.outerHTML);
  });

  it('leaves to our copy a page past the text cap, the wrapper limit or the element limit', () => {
    expect(nativeCopy(doc(`<p>${'x'.repeat(EXTRACT_TEXT_CAP + 1)}</p>`))).toBeUndefined();
    expect(nativeCopy(doc(`${'<div>'.repeat(MAX_WRAPPER_RUN + 2)}<p>x</p>${'</div>'.repeat(MAX_WRAPPER_RUN + 2)}`))).toBeUndefined();
    expect(nativeCopy(doc('<span>x</span>'.repeat(NATIVE_COPY_ELEMENTS)))).toBeUndefined();
    expect(nativeCopy(doc('<span>x</span>'.repeat(NATIVE_COPY_ELEMENTS - 10)))).toBeDefined();
  });
});
