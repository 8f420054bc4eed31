// Golden re-anchoring: the reader's highlights on a story, saved, then placed again on edited versions of it.
import { describe, expect, it } from 'vitest';
import type { AnchorState, NoteTarget } from '../../lib/notes/types';
import { anchor, describe as describeSpan } from '../../lib/anchor/selectors';
import { ARTICLE, HIGHLIGHTS, PARAGRAPHS, join, offsetOf } from './article';

type Id = keyof typeof HIGHLIGHTS;
const IDS = Object.keys(HIGHLIGHTS) as Id[];

/** The targets saved on the original story. */
const TARGETS = Object.fromEntries(
  IDS.map((id) => {
    const { quote, occurrence } = HIGHLIGHTS[id];
    const start = offsetOf(ARTICLE, quote, occurrence);
    return [id, describeSpan(ARTICLE, start, start + quote.length)];
  }),
) as Record<Id, NoteTarget>;

/** Where a highlight should land: that occurrence of that text in the edited story, by that step; or nowhere. */
type Expected = { state: Exclude<AnchorState, 'orphan'>; text?: string; occurrence?: number } | 'orphan';

/** Every highlight expected in `state` at its own words and occurrence, except `overrides`. */
function expectAll(state: Exclude<AnchorState, 'orphan'>, overrides: Partial<Record<Id, Expected>> = {}): Record<Id, Expected> {
  return Object.fromEntries(IDS.map((id) => [id, overrides[id] ?? { state }])) as Record<Id, Expected>;
}

const paragraphs = [...PARAGRAPHS];
const replaceIn = (index: number, from: string, to: string) =>
  paragraphs.map((p, i) => (i === index ? p.replace(from, to) : p));

const INSERTED = 'UPDATE, Thursday: officials released photographs of the crates and said samples had been sent to a laboratory abroad for testing.';
const CAPTION =
  'Satellite image: a ship of the same length and colour moored beside a pier at Nampo, as photographed in March by a commercial imaging company and published by the maritime research group.';
const EDITED_TUBES = 'the tubes match the dimensions of rotor housings used in gas centrifuges';
const EDITED_PARAGRAPH = (PARAGRAPHS[2] as string).replace('rotor casings', 'rotor housings');

const SCENARIOS: { name: string; text: string; expected: Record<Id, Expected> }[] = [
  { name: 'unchanged', text: ARTICLE, expected: expectAll('position') },
  {
    name: 'a paragraph inserted before',
    text: join([paragraphs[0] as string, INSERTED, ...paragraphs.slice(1)]),
    expected: expectAll('quote', { transponder: { state: 'position' } }),
  },
  {
    name: 'a paragraph removed before (with a highlight in it)',
    text: join(paragraphs.slice(1)),
    expected: expectAll('quote', { transponder: 'orphan' }),
  },
  {
    name: 'the highlighted paragraph moved later',
    // Moving a paragraph keeps the total length: what follows the old place of the moved paragraph keeps its offsets.
    text: join([0, 1, 3, 4, 5, 2, 6, 7].map((i) => paragraphs[i] as string)),
    expected: expectAll('quote', {
      transponder: { state: 'position' },
      cargo: { state: 'position' },
      across: { state: 'position' },
    }),
  },
  {
    name: 'words edited just before a quote',
    text: join(replaceIn(1, 'Officials said the ship was carrying', 'Port officials told reporters the vessel was carrying')),
    expected: expectAll('quote', { transponder: { state: 'position' } }),
  },
  {
    name: 'a word inside a quote edited',
    text: join(replaceIn(2, 'rotor casings', 'rotor housings')),
    expected: expectAll('quote', {
      transponder: { state: 'position' },
      cargo: { state: 'position' },
      tubes: { state: 'fuzzy', text: EDITED_TUBES },
      paragraph: { state: 'fuzzy', text: EDITED_PARAGRAPH },
    }),
  },
  {
    name: 'a word inside a quote edited, and its paragraph moved to the end',
    text: join([0, 1, 3, 4, 5, 6, 7].map((i) => paragraphs[i] as string).concat(EDITED_PARAGRAPH)),
    expected: expectAll('quote', {
      transponder: { state: 'position' },
      cargo: { state: 'position' },
      tubes: { state: 'fuzzy', text: EDITED_TUBES },
      paragraph: { state: 'fuzzy', text: EDITED_PARAGRAPH },
      // The paragraph break it spanned now ends the moved paragraph's predecessor: same words, same context.
      across: { state: 'quote' },
    }),
  },
  {
    name: 'the quote duplicated nearer its old place, in another context',
    text: join([...paragraphs.slice(0, 3), CAPTION, ...paragraphs.slice(3)]),
    expected: expectAll('quote', {
      transponder: { state: 'position' },
      cargo: { state: 'position' },
      tubes: { state: 'position' },
      paragraph: { state: 'position' },
      satellite: { state: 'quote', occurrence: 1 },
      nampo: { state: 'quote', occurrence: 2 },
    }),
  },
  {
    name: 'the highlighted passage deleted',
    text: join(paragraphs.map((p, i) => (i === 5 ? 'Sanctions experts were unconvinced.' : p))),
    expected: expectAll('position', { experts: 'orphan', across: { state: 'quote' } }),
  },
];

describe('re-anchoring highlights on edited versions of a story', () => {
  it('saves both selectors with context', () => {
    const target = TARGETS.tubes;
    expect(target.quote.exact).toBe(HIGHLIGHTS.tubes.quote);
    expect(target.quote.prefix).toBe('e familiar with the inspection, ');
    expect(target.quote.suffix).toBe(', although neither would say whe');
    expect(ARTICLE.slice(target.position.start, target.position.end)).toBe(HIGHLIGHTS.tubes.quote);
  });

  it('has a duplicate nearer to the old place than the original, so context must decide', () => {
    const text = SCENARIOS.find((s) => s.name.startsWith('the quote duplicated'))!.text;
    const old = TARGETS.satellite.position.start;
    const copy = offsetOf(text, HIGHLIGHTS.satellite.quote, 0);
    const original = offsetOf(text, HIGHLIGHTS.satellite.quote, 1);
    expect(Math.abs(copy - old)).toBeLessThan(Math.abs(original - old));
  });

  for (const scenario of SCENARIOS) {
    describe(scenario.name, () => {
      for (const id of IDS) {
        const expected = scenario.expected[id];
        it(`places "${id}" ${expected === 'orphan' ? 'nowhere' : `by ${expected.state}`}`, () => {
          const result = anchor(scenario.text, TARGETS[id]);
          if (expected === 'orphan') {
            expect(result).toEqual({ state: 'orphan' });
            return;
          }
          const text = expected.text ?? HIGHLIGHTS[id].quote;
          const start = offsetOf(scenario.text, text, expected.occurrence ?? (expected.text ? 0 : HIGHLIGHTS[id].occurrence));
          expect(result).toEqual({ start, end: start + text.length, state: expected.state });
        });
      }
    });
  }
});

describe('re-anchoring a long quote that moved, by its head or by its tail', () => {
  const others = [0, 1, 3, 4, 5, 6, 7].map((i) => PARAGRAPHS[i] as string);
  it('places a moved paragraph with its beginning rewritten (found by its tail)', () => {
    const edited = (PARAGRAPHS[2] as string).replace(
      'According to two people familiar with the inspection, the tubes',
      'Two people who were familiar with the inspection said the tubes',
    );
    const text = join([...others, edited]);
    const start = offsetOf(text, edited);
    expect(anchor(text, TARGETS.paragraph)).toEqual({ start, end: start + edited.length, state: 'fuzzy' });
  });

  it('places a moved paragraph with its end rewritten (found by its head), where the old words end', () => {
    const edited = (PARAGRAPHS[2] as string).replace(
      'exporters in most countries need a licence to sell.',
      'exporters in almost every country may sell only under licence.',
    );
    const text = join([...others, edited]);
    const start = offsetOf(text, edited);
    // Where a rewritten end stops is a matter of alignment: "…need a licence to sell." lines up as
    // well with "…may sell" as with "…may sell only under licence.". Either is a fair place.
    const result = anchor(text, TARGETS.paragraph);
    expect(result).toMatchObject({ start, state: 'fuzzy' });
    if (result.state === 'orphan') return;
    expect([edited, edited.slice(0, edited.indexOf(' only under'))]).toContain(text.slice(result.start, result.end));
  });
});

describe('re-anchoring across white space changes', () => {
  /** Wraps a paragraph's lines at about `width` characters, as a re-flowed page would. */
  const wrap = (paragraph: string, width: number) => paragraph.replace(new RegExp(`(.{${width}}\\S*) `, 'g'), '$1\n');
  const text = PARAGRAPHS.map((p, i) => (i === 2 || i === 6 ? wrap(p, 40) : p))
    .map((p) => p.replace(/\. /g, '.  ').replace('340 tonnes', '340\u00a0tonnes'))
    .join('\n \n\n');

  /** The expected span: the quote's words with any white space between them (an oracle independent of the code). */
  const spaced = (quote: string, occurrence: number) => {
    const source = quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const found = [...text.matchAll(new RegExp(source, 'g'))][occurrence];
    if (!found) throw new Error(`Test text lacks: ${quote}`);
    return { start: found.index, end: found.index + found[0].length };
  };

  it('changes white space inside most highlights', () => {
    const changed = IDS.filter((id) => !text.includes(HIGHLIGHTS[id].quote));
    expect(changed).toEqual(['cargo', 'tubes', 'paragraph', 'across']);
  });

  for (const id of IDS) {
    it(`places "${id}" by quote`, () => {
      const { quote, occurrence } = HIGHLIGHTS[id];
      expect(anchor(text, TARGETS[id])).toEqual({ ...spaced(quote, occurrence), state: 'quote' });
    });
  }
});
