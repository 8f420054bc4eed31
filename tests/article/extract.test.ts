import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { needsCopy, EXTRACT_TEXT_CAP, MAX_WRAPPER_RUN } from '../../lib/article/clone';
import { extractArticle, extractPlainText } from '../../lib/article/extract';
import { loadPageLabels, readFixturePage } from '../../bench/quality-eval';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('extractArticle on the fixture pages', () => {
  const labels = loadPageLabels();

  it.each(labels.map((l) => [l.file, l] as const))('%s: every labelled sentence survives extraction whole', (_file, label) => {
    const article = readFixturePage(label.file);
    const sentences = article.sentences.map((s) => collapse(s.text));
    for (const statement of [...(label.statements ?? []), ...(label.traps ?? [])]) {
      const gold = collapse(statement.sentence);
      // Our sentence may carry a little more (a lead-in), but must never split the labelled one.
      expect(sentences.some((s) => s.includes(gold)), `not one sentence: ${gold}`).toBe(true);
    }
    expect(article.title.length).toBeGreaterThan(0);
    for (const s of article.sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('leaves the page untouched and reads its metadata', () => {
    const html = `<!doctype html><html><head><title>T | Site</title><meta property="og:site_name" content="Harbor Street">
      <meta property="article:published_time" content="2024-03-02T08:00:00Z"></head><body><nav>Home</nav>
      <article><h1>Pyongyang and Tehran</h1><p class="byline">By Mara Ellison</p>${'<p>North Korea sold missiles to Iran in the 1980s, officials said. The trade went on for decades.</p>'.repeat(8)}</article></body></html>`;
    const { document } = parseHTML(html);
    const before = document.documentElement.outerHTML;
    const article = extractArticle(document as unknown as Document);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(article.site).toBe('Harbor Street');
    expect(article.date).toContain('2024-03-02');
    // A headline without a full stop stays its own sentence instead of swallowing the first one.
    const texts = article.sentences.map((s) => s.text);
    const first = texts.indexOf('North Korea sold missiles to Iran in the 1980s, officials said.');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(texts.slice(0, first).every((t) => !t.includes('North Korea sold'))).toBe(true);
    expect(article.text).not.toContain('Home');
  });
  it('reads the page metadata itself when Readability finds no article: property before name, the first of each, then <time>', () => {
    const html = `<!doctype html><html><head><title>Doc title</title><meta name="og:site_name" content="By Name"><meta property="og:site_name" content="By Property">
      <meta name="author" content="First Author"><meta name="author" content="Second Author"><meta property="og:title" content="  "></head>
      <body><time datetime="2023-05-06"></time><time datetime="2020-01-01"></time></body></html>`;
    const article = extractArticle(parseHTML(html).document as unknown as Document);
    expect(article).toMatchObject({ title: 'Doc title', site: 'By Property', byline: 'First Author', date: '2023-05-06' });
  });
});

describe('extractPlainText', () => {
  it('takes the first line as the title and blank lines as paragraph breaks', () => {
    const article = extractPlainText('Iran and the North\n\nFirst paragraph. Second\nline of it.\r\n\r\nNext one.');
    expect(article.title).toBe('Iran and the North');
    expect(article.sentences.map((s) => s.text)).toEqual(['Iran and the North', 'First paragraph.', 'Second line of it.', 'Next one.']);
  });
});

describe('extractArticle on a page handed over (consume)', () => {
  const dirs = ['pages', 'held-out'].map((d) => join(import.meta.dirname, '../fixtures', d));
  const pages: [string, string][] = dirs.flatMap((dir) =>
    readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as [string, string]),
  );
  const nested = (depth: number) => `${'<div>'.repeat(depth)}<p>${'North Korea sold missiles to Iran. '.repeat(20)}</p>${'</div>'.repeat(depth)}`;
  pages.push(
    ['empty body', '<!doctype html><html><head><title>Nothing</title></head><body></body></html>'],
    ['only a menu', '<html><head><meta property="og:title" content="Menu"></head><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>'],
    ['over the cap', `<html><head><title>Long</title></head><body><article>${'<p>Iran bought missiles from North Korea, officials said in Tehran on Monday.</p>'.repeat(900)}</article></body></html>`],
    ['deep wrappers', `<html><head><title>Deep</title></head><body>${nested(MAX_WRAPPER_RUN + 5)}</body></html>`],
    ['metadata', '<html><head><title>T</title><meta name="author" content="A. Writer"></head><body><article><time datetime="2020-01-02">Jan 2</time><p>' + 'Tehran and Pyongyang signed a deal. '.repeat(30) + '</p></article></body></html>'],
  );

  it.each(pages)('%s: the same article as from a copy', (_name, html) => {
    const copied = extractArticle(parseHTML(html).document as unknown as Document);
    const consumed = extractArticle(parseHTML(html).document as unknown as Document, { consume: true });
    expect(consumed).toEqual(copied);
  });

  it('copies only pages past the text cap or the wrapper limit', () => {
    const doc = (html: string) => parseHTML(html).document as unknown as Document;
    expect(needsCopy(doc('<html><body><p>short</p></body></html>'))).toBe(false);
    expect(needsCopy(doc(`<html><body><p>${'x'.repeat(EXTRACT_TEXT_CAP + 1)}</p></body></html>`))).toBe(true);
    expect(needsCopy(doc(`<html><body><script>${'x'.repeat(EXTRACT_TEXT_CAP + 1)}</script><p>short</p></body></html>`))).toBe(false);
    expect(needsCopy(doc(`<html><body>${nested(MAX_WRAPPER_RUN)}</body></html>`))).toBe(false);
    expect(needsCopy(doc(`<html><body>${nested(MAX_WRAPPER_RUN + 2)}</body></html>`))).toBe(true);
  });
});
