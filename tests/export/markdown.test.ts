import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, toMarkdown } from '../../lib/export/markdown';
import { encodeDirectiveTerm, textDirective, textFragmentUrl } from '../../lib/export/text-fragment';
import { anyText, GOLDEN_DOCUMENTS, GOLDEN_NOTES, makeNote, NASTY_STRINGS } from './arbitraries';

const GOLDEN_MARKDOWN = `# Nexus Lens notes

Exported 2024-05-03 · 3 notes on 2 articles

## Iran & North Korea: the \\[missile\\] trade

<https://news.example/iran-dprk>

> Tehran denied it

[Open at this passage](https://news.example/iran-dprk?utm_source=feed#:~:text=a%20statement%2C-,Tehran%20denied%20it,-on) · **Contradicts**

> In 1987 North Korea delivered about 100 Scud-B missiles to Iran, according to officials quoted by the agency.

[Open at this passage](https://news.example/iran-dprk?utm_source=feed#:~:text=In%201987%20North%20Korea,quoted%20by%20the%20agency.) · **Key fact** · #missiles #scud-b · Claim: dprk-iran-scud-b-1987 (supports)

Matches the *SIPRI* figures, see <https://sipri.example>.

## Shahab-3 and "Nodong"

<https://analysis.example/shahab>

> The Shahab-3 is widely seen as a Nodong derivative.
>
> Experts, however, disagree on how much help came from Pyongyang.

[Open at this passage](https://analysis.example/shahab#part-2:~:text=The%20Shahab%2D3%20is%20widely,help%20came%20from%20Pyongyang.) · **Question** · #shahab-3 #nodong

-check: "how much", really?
Second line, with a comma
`;

/** Undoes Markdown backslash escapes (what a renderer shows). */
function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Characters of `line` from `specials` that are not backslash-escaped. */
function unescaped(line: string, specials: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\') i++;
    else if (specials.includes(char)) found.push(char);
  }
  return found;
}

describe('toMarkdown', () => {
  it('writes the golden file', () => {
    expect(toMarkdown({ notes: GOLDEN_NOTES, documents: GOLDEN_DOCUMENTS }, { exportedAt: new Date('2024-05-03T12:00:00.000Z') })).toBe(
      GOLDEN_MARKDOWN,
    );
  });

  it('makes up an article section for notes without a document, titled by its notes', () => {
    const md = toMarkdown({ notes: [makeNote({ title: '' })], documents: [] });
    expect(md).toContain('## https://news.example/iran-dprk\n\n<https://news.example/iran-dprk>\n\n> Scud-B missiles');
    expect(md.startsWith('# Nexus Lens notes\n\n1 note on 1 article\n\n')).toBe(true);
  });

  it('prefixes every line of a multi-line quote, drops indentation, keeps paragraphs inside the quote', () => {
    const exact = 'First line\n    indented code?\n\n\n# not a heading\n- not a list\n1. not a list\n===';
    const md = toMarkdown({ notes: [makeNote({ target: { ...makeNote().target, quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' } } })], documents: [] });
    expect(md).toContain('> First line\n> indented code?\n>\n>\n> \\# not a heading\n> \\- not a list\n> 1\\. not a list\n> \\===\n');
  });

  it('escapes page text so it shows as written and makes no markup (property)', () => {
    fc.assert(
      fc.property(anyText(120), anyText(120).filter((q) => q.trim() !== ''), (title, exact) => {
        const note = makeNote({ title, target: { ...makeNote().target, quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' } } });
        const md = toMarkdown({ notes: [note], documents: [] });
        const lines = md.split('\n');
        const heading = lines.find((line) => line.startsWith('## '))!.slice(3);
        const shownTitle = title.replace(/\s+/g, ' ').trim() || note.url;
        expect(unescape(heading)).toBe(shownTitle);
        expect(unescaped(heading, '[]<>`*_#|~$')).toEqual([]);
        const quoted = lines.filter((line) => line.startsWith('>')).map((line) => line.replace(/^> ?/, ''));
        const expectedLines = exact.split(/\r\n|\r|\n/).map((line) => line.replace(/\s+/g, ' ').trim());
        while (expectedLines[0] === '') expectedLines.shift();
        while (expectedLines.at(-1) === '') expectedLines.pop();
        expect(quoted.map(unescape)).toEqual(expectedLines);
        for (const line of quoted) {
          expect(unescaped(line, '[]<>`*_#|~$')).toEqual([]);
          expect(line).not.toMatch(/^(?:[-+=]|\d+[.)]|\s)/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps markup in page text and tags as text: no HTML, no images, no links but its own', () => {
    for (const nasty of NASTY_STRINGS) {
      const note = makeNote({
        title: nasty,
        tags: [nasty.toLowerCase()],
        claimId: nasty,
        target: { ...makeNote().target, quote: { type: 'TextQuoteSelector', exact: `${nasty} x`, prefix: nasty, suffix: nasty } },
      });
      const md = toMarkdown({ notes: [note], documents: [{ url: note.url, title: nasty, site: nasty, firstSeen: note.created, lastSeen: note.updated }] });
      expect(md).not.toMatch(/(^|[^\\])<(script|img)/im);
      expect(md).not.toMatch(/(^|[^\\])!\[/m);
      expect(md.match(/(?<!\\)\]\(/g)).toHaveLength(1); // only "Open at this passage"
    }
  });

  it("keeps the reader's own Markdown in the note text, but never raw HTML", () => {
    for (const nasty of NASTY_STRINGS) {
      const md = toMarkdown({ notes: [makeNote({ text: `${nasty}\n<div onclick="x">${nasty}</div>` })], documents: [] });
      expect(md).not.toMatch(/(^|[^\\])<(script|img|div|\/div)/im);
    }
    const md = toMarkdown({ notes: [makeNote({ text: '**Bold** and [SIPRI](https://sipri.example) <https://a.example/x>' })], documents: [] });
    expect(md).toContain('\n\n**Bold** and [SIPRI](https://sipri.example) <https://a.example/x>\n');
  });

  it('writes no link for a URL that is not a web page', () => {
    const note = makeNote({ url: 'javascript:alert(1)', pageUrl: 'javascript:alert(1)' });
    const md = toMarkdown({ notes: [note], documents: [] });
    expect(md).not.toContain('](');
    expect(md).not.toContain('<javascript');
  });

  it('escapes parentheses in link targets so a URL cannot end the link early', () => {
    const note = makeNote({ pageUrl: 'https://news.example/a_(b))c' });
    expect(toMarkdown({ notes: [note], documents: [] })).toContain('(https://news.example/a_\\(b\\)\\)c#:~:text=');
  });

  it('never throws on broken Unicode', () => {
    const note = makeNote({ title: 'x\uD800', text: '\uDC00', target: { ...makeNote().target, quote: { type: 'TextQuoteSelector', exact: 'a\uD800b', prefix: '', suffix: '' } } });
    expect(toMarkdown({ notes: [note], documents: [] })).toContain('a%EF%BF%BDb');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['[x](y)', '\\[x\\](y)'],
    ['<b>', '\\<b\\>'],
    ['`a` *b* _c_', '\\`a\\` \\*b\\* \\_c\\_'],
    ['AT&T', 'AT&T'],
    ['&amp;', '\\&amp;'],
    ['# x', '\\# x'],
    ['- x', '\\- x'],
    ['12. x', '12\\. x'],
    ['a - b. 3. c', 'a - b. 3. c'],
    ['$5 and $6', '\\$5 and \\$6'],
  ])('escapes %j as %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('text fragments', () => {
  const quote = (exact: string, prefix = '', suffix = '') => ({ exact, prefix, suffix });

  it('percent-encodes what the syntax uses, and everything encodeURIComponent does', () => {
    expect(encodeDirectiveTerm('a-b & c, d')).toBe('a%2Db%20%26%20c%2C%20d');
    expect(encodeDirectiveTerm('북한 ايران')).toBe(encodeURIComponent('북한 ايران'));
    expect(encodeDirectiveTerm('#:~:')).toBe('%23%3A~%3A');
  });

  it('gives a short quote context from whole words of the selector', () => {
    expect(textDirective(quote('Nodong', 'derived from the ', ' missile, experts'))).toBe('from%20the-,Nodong,-missile%2C');
    // A prefix starting at white space begins with a whole word; one ending at white space ends with one.
    expect(textDirective(quote('Nodong', ' the ', ' missile '))).toBe('the-,Nodong,-missile');
    // Context stays within the quote's block.
    expect(textDirective(quote('Nodong', 'end of one.\nThe new ', '\n\nNext paragraph'))).toBe('The%20new-,Nodong,-Next');
    expect(textDirective(quote('Nodong', 'x', 'y'))).toBe('Nodong');
  });

  it('links a long quote by its first and last words, without context', () => {
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen';
    expect(textDirective(quote(long, 'before it ', ' after it'))).toBe('one%20two%20three%20four,fourteen%20fifteen%20sixteen%20seventeen');
  });

  it('links a quote over several blocks by the first words of the first and the last words of the last', () => {
    expect(textDirective(quote('Title line\n\nA body paragraph that ends here'))).toBe('Title%20line,paragraph%20that%20ends%20here');
  });

  it('collapses white space and gives nothing for a quote of white space', () => {
    expect(textDirective(quote('  a \t b  '))).toBe('a%20b');
    expect(textDirective(quote(' \n '))).toBeUndefined();
    expect(textFragmentUrl('https://x.example/#top', quote(' '))).toBe('https://x.example/#top');
  });

  it('keeps a fragment the page had and replaces a text directive it had', () => {
    expect(textFragmentUrl('https://x.example/a', quote('word'))).toBe('https://x.example/a#:~:text=word');
    expect(textFragmentUrl('https://x.example/a#sec', quote('word'))).toBe('https://x.example/a#sec:~:text=word');
    expect(textFragmentUrl('https://x.example/a#sec:~:text=old', quote('word'))).toBe('https://x.example/a#sec:~:text=word');
  });
});
