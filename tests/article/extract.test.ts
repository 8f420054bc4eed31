import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
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
});

describe('extractPlainText', () => {
  it('takes the first line as the title and blank lines as paragraph breaks', () => {
    const article = extractPlainText('Iran and the North\n\nFirst paragraph. Second\nline of it.\r\n\r\nNext one.');
    expect(article.title).toBe('Iran and the North');
    expect(article.sentences.map((s) => s.text)).toEqual(['Iran and the North', 'First paragraph.', 'Second line of it.', 'Next one.']);
  });
});
