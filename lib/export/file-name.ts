/** Names for export files: what they hold, from where, and when, in a form every file system takes. */

/** The kinds of export, by file extension. */
export type ExportKind = 'json' | 'jsonld' | 'md' | 'csv';

/** The media type of each kind, for the download. */
export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportKind, string>> = {
  json: 'application/json',
  jsonld: 'application/ld+json',
  md: 'text/markdown',
  csv: 'text/csv',
};

/** Longest scope in a file name, in characters. */
const MAX_SCOPE = 60;

/** A scope as a file-name part: letters and digits of any script, lower case, runs of anything else as one hyphen. */
function slug(scope: string): string {
  const words = scope
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // Back to composed form: NFKD splits Hangul syllables into jamo, which are letters, not marks.
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...words].slice(0, MAX_SCOPE).join('').replace(/-+$/, '');
}

/**
 * The file name of an export: `nexus-lens-<scope>-<YYYY-MM-DD>.<kind>`, e.g.
 * `nexus-lens-all-notes-2024-05-01.json`. The date is the local calendar date of `date`; a scope
 * with nothing usable becomes "notes".
 */
export function exportFileName(kind: ExportKind, scope: string, date = new Date()): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
  return `nexus-lens-${slug(scope) || 'notes'}-${day}.${kind}`;
}
