import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../lib/article/block-text';
import { buildTextMap, locateSentence } from '../../lib/article/text-map';

const doc = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;

describe('blockText', () => {
  it('puts blocks in their own paragraphs and joins inline text', () => {
    const d = doc('<h1>Title</h1><p>North <em>Korea</em>\n  sold <a href="#">missiles</a>.</p><ul><li>One</li><li>Two</li></ul><script>x()</script>');
    expect(blockText(d.body)).toBe('Title\n\nNorth Korea sold missiles.\n\nOne\n\nTwo');
  });
});

describe('buildTextMap and locateSentence', () => {
  const html = '<div><p>Intro   text.</p><p>North <em>Korea</em>\n sold <strong>Scud</strong>-B missiles to Iran.</p><p>Iran bought them.</p></div>';

  it('collapses white space across nodes as blockText does', () => {
    const d = doc(html);
    expect(buildTextMap(d.body).text).toBe('Intro text.North Korea sold Scud-B missiles to Iran.Iran bought them.');
  });

  it('maps a sentence found in the collapsed text back to DOM boundaries', () => {
    const d = doc(html);
    const map = buildTextMap(d.body);
    const span = locateSentence(map, 'North Korea sold Scud-B missiles to Iran.')!;
    expect(span.startNode.nodeValue).toBe('North ');
    expect(span.startOffset).toBe(0);
    expect(span.endNode.nodeValue).toBe('-B missiles to Iran.');
    expect(span.endOffset).toBe('-B missiles to Iran.'.length);
    expect(map.text.slice(span.start, span.end)).toBe('North Korea sold Scud-B missiles to Iran.');
  });

  it('finds a repeated sentence after a given offset, and reports absence', () => {
    const d = doc('<p>Iran bought them.</p><p>Filler.</p><p>Iran bought them.</p>');
    const map = buildTextMap(d.body);
    const first = locateSentence(map, 'Iran bought them.')!;
    const second = locateSentence(map, 'Iran bought them.', first.end)!;
    expect(second.start).toBeGreaterThan(first.start);
    expect(second.startNode).not.toBe(first.startNode);
    expect(locateSentence(map, 'Syria bought them.')).toBeNull();
  });
});

describe('textOffsetOf and rangeBetween', () => {
  it('round-trip any span of the collapsed text through a live Range (property)', async () => {
    const fc = await import('fast-check');
    const { spanBetween, textOffsetOf } = await import('../../lib/article/text-map');
    const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
    const space = fc.constantFrom(' ', '  ', '\n ', '\u00a0', '');
    const inline = fc.tuple(word, space, fc.constantFrom('em', 'strong', 'a', 'span'), word, space);
    const paragraph = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) =>
      `<p>${parts.map(([a, s, tag, b, t]) => `${a}${s}<${tag}>${b}</${tag}>${t}`).join(' ')}</p>`,
    );
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), (paragraphs, x, y) => {
        const d = doc(paragraphs.join('\n'));
        const map = buildTextMap(d.body);
        if (map.text.length < 2) return;
        const start = x % (map.text.length - 1);
        const end = start + 1 + (y % (map.text.length - start));
        const span = spanBetween(map, start, end)!;
        expect(textOffsetOf(map, span.startNode, span.startOffset)).toBe(start);
        expect(textOffsetOf(map, span.endNode, span.endOffset)).toBe(end);
      }),
      { numRuns: 300 },
    );
  });

  it('resolves element boundary points and refuses spans outside the text', async () => {
    const { spanBetween, textOffsetOf } = await import('../../lib/article/text-map');
    const d = doc('<p>Iran <em>bought</em> missiles.</p>');
    const map = buildTextMap(d.body);
    const p = d.querySelector('p')!;
    expect(textOffsetOf(map, p, 1)).toBe('Iran '.length);
    expect(textOffsetOf(map, p, 3)).toBe(map.text.length);
    expect(spanBetween(map, 3, 3)).toBeNull();
    expect(spanBetween(map, 0, map.text.length + 1)).toBeNull();
  });
});
