import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPlainText } from '../../lib/article/extract';
import { compileIndex } from '../../lib/claims/compile';
import { createEngine, WARM_UP_TEXT } from '../../lib/claims/engine';
import { loadDatabase } from '../../lib/claims/load';

describe('the engine', () => {
  const database = loadDatabase();
  const page = readFileSync(join(import.meta.dirname, '../fixtures/pages/on-bangkok-il76-wire.html'), 'utf8')
    .replace(/<[^>]+>/g, '\n\n')
    .replace(/\n{3,}/g, '\n\n');

  it('gives an article the same analysis whether or not it warmed up first, and warming up matches something', async () => {
    // Each engine gets its own index: the lookups derived from one are cached per index.
    const cold = createEngine(compileIndex(database));
    const warm = createEngine(compileIndex(database));
    await warm.warmUp();
    const article = extractPlainText(page);
    const expected = await cold.analyseText(article);
    expect(expected.matches.length).toBeGreaterThan(0);
    expect(await warm.analyseText(article)).toEqual(expected);
    // The warm-up text takes the matching path, not only the name search.
    const sample = await createEngine(compileIndex(database)).analyseText({ title: '', text: WARM_UP_TEXT });
    expect(sample.matches.length).toBeGreaterThan(0);
  });
});
