import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseTags } from '../../lib/notes/normalise';
import { notesForUrl, saveNote } from '../../lib/notes/repository';
import { NOTE_CATEGORIES, NOTE_CLAIM_STANCES, type NewNote, type Note } from '../../lib/notes/types';
import { freshDb } from './helpers';

const URLS = ['https://example.org/a', 'https://www.example.org/b', 'https://news.test/c?x=1'];

const newNoteArbitrary: fc.Arbitrary<NewNote> = fc
  .record({
    url: fc.constantFrom(...URLS),
    title: fc.string({ maxLength: 30 }),
    exact: fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== ''),
    prefix: fc.string({ maxLength: 10 }),
    suffix: fc.string({ maxLength: 10 }),
    start: fc.nat({ max: 10_000 }),
    length: fc.nat({ max: 500 }),
    category: fc.constantFrom(...NOTE_CATEGORIES),
    text: fc.string({ maxLength: 80 }),
    tags: fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }),
    claim: fc.option(fc.record({ id: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/), stance: fc.option(fc.constantFrom(...NOTE_CLAIM_STANCES), { nil: undefined }) }), { nil: undefined }),
  })
  .map(({ url, title, exact, prefix, suffix, start, length, category, text, tags, claim }) => ({
    url,
    pageUrl: `${url}#from-test`,
    title,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
      position: { type: 'TextPositionSelector', start, end: start + length },
    },
    category,
    text,
    tags,
    ...(claim && { claimId: claim.id }),
    ...(claim?.stance && { claimStance: claim.stance }),
  }));

describe('saving and reading back', () => {
  it('notesForUrl returns exactly what was saved on that page, in reading order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(newNoteArbitrary, { minLength: 1, maxLength: 12 }), async (inputs) => {
        const db = freshDb();
        try {
          const saved: Note[] = [];
          for (const [i, input] of inputs.entries()) {
            const note = await saveNote(db, input, new Date(Date.UTC(2026, 0, 1, 0, i)));
            // What was saved is the input, normalised.
            const { tags, ...rest } = input;
            expect(note).toMatchObject(rest);
            expect(note.tags).toEqual(normaliseTags(tags));
            saved.push(note);
          }
          for (const url of URLS) {
            const read = await notesForUrl(db, url);
            const expected = saved.filter((note) => note.url === url);
            const byId = (a: Note, b: Note) => (a.id < b.id ? -1 : 1);
            expect([...read].sort(byId)).toEqual([...expected].sort(byId));
            for (let i = 1; i < read.length; i++) {
              expect((read[i] as Note).target.position.start).toBeGreaterThanOrEqual((read[i - 1] as Note).target.position.start);
            }
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
