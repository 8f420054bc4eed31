import { describe, expect, it } from 'vitest';
import { EXPORT_MEDIA_TYPES, exportFileName } from '../../lib/export/file-name';

const DAY = new Date(2024, 4, 1, 23, 59); // local time: 1 May 2024

describe('exportFileName', () => {
  it.each([
    ['json', 'all', 'nexus-lens-all-2024-05-01.json'],
    ['jsonld', 'all', 'nexus-lens-all-2024-05-01.jsonld'],
    ['md', 'filtered', 'nexus-lens-filtered-2024-05-01.md'],
    ['csv', 'Site: News.Example — Iran & DPRK!', 'nexus-lens-site-news-example-iran-dprk-2024-05-01.csv'],
    ['json', 'Pyŏngyang Ünïcödé', 'nexus-lens-pyongyang-unicode-2024-05-01.json'],
    ['json', '북한 이란', 'nexus-lens-북한-이란-2024-05-01.json'],
    ['json', '../../etc/passwd', 'nexus-lens-etc-passwd-2024-05-01.json'],
    ['json', 'CON', 'nexus-lens-con-2024-05-01.json'],
    ['json', '', 'nexus-lens-notes-2024-05-01.json'],
    ['json', '<>:"/\\|?*', 'nexus-lens-notes-2024-05-01.json'],
  ] as const)('names a %s export of %j', (kind, scope, name) => {
    expect(exportFileName(kind, scope, DAY)).toBe(name);
  });

  it('cuts a long scope and pads the date', () => {
    const name = exportFileName('md', 'word '.repeat(40), new Date(987, 0, 2));
    expect(name).toMatch(/^nexus-lens-(word-)+word-0987-01-02\.md$/);
    expect(name.length).toBeLessThanOrEqual('nexus-lens-'.length + 60 + '-0987-01-02.md'.length);
  });

  it('has a media type for every kind', () => {
    expect(EXPORT_MEDIA_TYPES).toEqual({ json: 'application/json', jsonld: 'application/ld+json', md: 'text/markdown', csv: 'text/csv' });
  });
});
