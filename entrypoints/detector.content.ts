// The always-on detector: a capped, read-only glance at each page; the background decides the rest.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { judgeCandidate } from '../lib/article/candidate';
import { glancePage } from '../lib/article/glance';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // No window.postMessage of WXT's start event: it would tell every page our extension id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const report = () => {
      const page = glancePage(document, location.href);
      const verdict = judgeCandidate(page);
      // Only the head is searched: cheap on any page. The background checks it is on the same site.
      const canonical = document.head?.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || undefined;
      browser.runtime
        .sendMessage({
          type: 'pageScanned',
          payload: { url: page.url, title: page.title, candidate: verdict.candidate, score: verdict.score, canonical },
        })
        .catch(() => {
          // The extension was reloaded or the worker is gone: this page simply stays unannotated.
        });
    };
    report();
    ctx.addEventListener(window, 'wxt:locationchange', report);
  },
});
