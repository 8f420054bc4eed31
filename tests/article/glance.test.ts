import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_TEXT_CAP } from '../../lib/article/candidate';
import { glancePage, MAX_GLANCE_ELEMENTS } from '../../lib/article/glance';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('glancePage', () => {
  it('reads the title, the self-description metas, the headline and the first paragraphs', () => {
    const page = doc(`<html><head><title>T</title><meta name="description" content="Pyongyang ties">
      <meta property="og:title" content="OG"><meta name="viewport" content="width=device-width"></head>
      <body><h1>Headline</h1><p>First.</p><div><p>Second.</p></div></body></html>`);
    const g = glancePage(page, 'https://x.example/a');
    expect(g).toEqual({ url: 'https://x.example/a', title: 'T', meta: 'Pyongyang ties\nOG\n', text: 'Headline\nFirst.\nSecond.' });
  });

  it('stops at its caps and never writes to the page', () => {
    const paragraphs = Array.from({ length: 500 }, (_, i) => `<p>Paragraph ${i} ${'x'.repeat(50)}</p>`).join('');
    const page = doc(`<html><head><title>T</title></head><body>${paragraphs}</body></html>`);
    const before = page.documentElement.outerHTML;
    const g = glancePage(page, 'u');
    expect(g.text.length).toBeLessThanOrEqual(CANDIDATE_TEXT_CAP);
    expect(g.text).not.toContain(`Paragraph ${MAX_GLANCE_ELEMENTS} `);
    expect(page.documentElement.outerHTML).toBe(before);
  });
});
