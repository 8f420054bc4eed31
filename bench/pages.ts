/** Pages the benchmarks share. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A ~50 KB news page assembled from our on-topic fixture pages' paragraphs. */
export function fiftyKbPage(): string {
  const dir = join(import.meta.dirname, '../tests/fixtures/pages');
  const paragraphs: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.startsWith('on-') && f.endsWith('.html')).sort()) {
    const html = readFileSync(join(dir, name), 'utf8');
    paragraphs.push(...(html.match(/<p[\s>][\s\S]*?<\/p>/g) ?? []));
  }
  let body = '';
  for (let i = 0; body.length < 50 * 1024 && paragraphs.length > 0; i++) body += `${paragraphs[i % paragraphs.length]}\n`;
  return `<!doctype html><html><head><title>Iran and North Korea: a long read</title></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>Iran and North Korea: a long read</h1>${body}</article><footer>Footer</footer></body></html>`;
}
