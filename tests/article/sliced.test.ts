import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../lib/article/block-text';
import { EXTRACT_TEXT_CAP } from '../../lib/article/clone';
import { extractArticle, extractArticleTextSliced } from '../../lib/article/extract';
import { buildTextMap, textMapSteps } from '../../lib/article/text-map';
import { createSlicer, drainSliced } from '../../lib/highlight/sliced';

const PAGES = join(import.meta.dirname, '../fixtures/pages');
const fixtures = readdirSync(PAGES).filter((f) => f.endsWith('.html'));
const load = (html: string) => parseHTML(html).document as unknown as Document;
/** A slicer that pauses at every look at the clock, without waiting: every resume path runs. */
const everyTime = () => createSlicer(-1, () => 0, () => Promise.resolve());

describe('time-sliced extraction', () => {
  it.each(fixtures)('%s: extractArticleTextSliced gives the text and metadata extractArticle gives', async (file) => {
    const document = load(readFileSync(join(PAGES, file), 'utf8'));
    const { sentences, ...whole } = extractArticle(document);
    expect(await extractArticleTextSliced(document, everyTime())).toEqual(whole);
    expect(sentences.length).toBeGreaterThan(0);
  });

  it('reads at most the cap of a page of megabytes: the start is annotated, the end is not', () => {
    const filler = '<p>The harbour master reported calm seas and light winds along the approach channel.</p>'.repeat(20_000);
    const document = load(`<!doctype html><html><head><title>Archive</title></head><body><article>
      <p>North Korea sold missiles to Iran in the 1980s, officials said.</p>${filler}
      <p>Missile sales, mostly from North Korea to Iran, make up much of the trade.</p></article></body></html>`);
    const article = extractArticle(document);
    // The cap counts the page's characters; the article adds a blank line between paragraphs.
    expect(article.text.length).toBeLessThanOrEqual(EXTRACT_TEXT_CAP);
    expect(article.text.length).toBeGreaterThan(EXTRACT_TEXT_CAP * 0.9);
    expect(article.text.startsWith('North Korea sold missiles to Iran')).toBe(true);
    expect(article.text).not.toContain('Missile sales');
  });
});

describe('resumable text map', () => {
  it('builds the same text map in slices as at once', async () => {
    for (const file of fixtures.slice(0, 8)) {
      const body = load(readFileSync(join(PAGES, file), 'utf8')).body;
      const sliced = await drainSliced(textMapSteps(body), everyTime());
      const whole = buildTextMap(body);
      expect(sliced.text).toBe(whole.text);
      expect(sliced.starts).toEqual(whole.starts);
      expect(sliced.nodes).toEqual(whole.nodes);
    }
  });

  it('walks any nesting depth without recursion', () => {
    const document = load('<!doctype html><html><body><div id="root"></div></body></html>');
    let inner = document.getElementById('root')!;
    for (let i = 0; i < 20_000; i++) inner = inner.appendChild(document.createElement('div'));
    inner.textContent = 'North Korea   sold\nmissiles.';
    expect(buildTextMap(document.body).text).toBe('North Korea sold missiles.');
  });

  it('blockText stops reading after its limit', () => {
    const body = load(`<!doctype html><html><body>${'<p>abcdefghij</p>'.repeat(100)}</body></html>`).body;
    expect(blockText(body, 35)).toBe(Array(4).fill('abcdefghij').join('\n\n'));
    expect(blockText(body)).toBe(Array(100).fill('abcdefghij').join('\n\n'));
  });
});

describe('createSlicer', () => {
  it('says when a slice is used up and starts a new one after a pause', async () => {
    let clock = 0;
    let yields = 0;
    const slicer = createSlicer(8, () => clock, async () => {
      yields++;
    });
    clock = 5;
    expect(slicer.due()).toBe(false);
    clock = 9;
    expect(slicer.due()).toBe(true);
    await slicer.pause();
    expect(yields).toBe(1);
    expect(slicer.due()).toBe(false);
  });
});
