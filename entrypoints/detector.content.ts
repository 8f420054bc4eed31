// The always-on detector: a capped, read-only glance at each page; the background decides the rest.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CANDIDATE_TEXT_CAP, judgeCandidate, type PageGlance } from '../lib/article/candidate';

/** Paragraph-like elements read, at most; enough for a lede on any layout. */
const MAX_ELEMENTS = 80;

function glance(): PageGlance {
  const meta = ['description', 'og:title', 'og:description', 'keywords', 'news_keywords']
    .map(
      (name) =>
        document.querySelector(`meta[name="${name}"],meta[property="${name}"]`)?.getAttribute('content') ?? '',
    )
    .join('\n');
  let text = '';
  const blocks = document.querySelectorAll('h1, p');
  for (let i = 0; i < blocks.length && i < MAX_ELEMENTS && text.length < CANDIDATE_TEXT_CAP; i++) {
    text += `${blocks[i]?.textContent ?? ''}\n`;
  }
  return { url: location.href, title: document.title, meta, text: text.slice(0, CANDIDATE_TEXT_CAP) };
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const report = () => {
      const page = glance();
      const verdict = judgeCandidate(page);
      browser.runtime
        .sendMessage({
          type: 'pageScanned',
          payload: { url: page.url, title: page.title, candidate: verdict.candidate, score: verdict.score },
        })
        .catch(() => {
          // The extension was reloaded or the worker is gone: this page simply stays unannotated.
        });
    };
    report();
    ctx.addEventListener(window, 'wxt:locationchange', report);
  },
});
