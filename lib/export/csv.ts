/**
 * The reader's notes as CSV for spreadsheets: one row per note. Export only.
 *
 * Choices, for Excel, LibreOffice and Google Sheets as much as for RFC 4180:
 * - RFC 4180 quoting: CRLF between records (and after the last); a field holding `"`, `,`, CR or LF
 *   is put in double quotes with its quotes doubled. Line breaks inside a field are kept as they are.
 * - The file starts with a UTF-8 byte-order mark (U+FEFF), without which Excel reads UTF-8 as a
 *   legacy code page and garbles every non-ASCII letter.
 * - Formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or CR would be run as a formula
 *   by a spreadsheet (OWASP "CSV Injection"); it gets a leading `'`, which spreadsheets show as text.
 *   The exported value then differs from the note by that one character: CSV is for reading, the
 *   JSON export is the lossless one.
 * - `url` is the page address as the reader opened it (`pageUrl`), the one to click; tags are
 *   joined with "; ".
 */
import type { Note } from '../notes/types';
import { compareNotes } from './bundle';

/** The columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'created',
  'updated',
  'site',
  'title',
  'url',
  'quote',
  'note',
  'category',
  'tags',
  'claim_id',
  'claim_stance',
  'position_start',
  'position_end',
] as const;

/** What separates records. */
const CRLF = '\r\n';
/** The UTF-8 byte-order mark, as a character (the file is written as UTF-8). */
const BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell made safe for a spreadsheet: `'` before anything that would start a formula. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field per RFC 4180: quoted, quotes doubled, when it holds a quote, comma, CR or LF. */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(note: Note): string[] {
  return [
    note.id,
    note.created,
    note.updated,
    note.site,
    note.title,
    note.pageUrl,
    note.target.quote.exact,
    note.text,
    note.category,
    note.tags.join('; '),
    note.claimId ?? '',
    note.claimStance ?? '',
    String(note.target.position.start),
    String(note.target.position.end),
  ];
}

/** The notes as CSV (see the module comment): a BOM, a header row, one row per note in the order of the JSON export. */
export function toCsv(notes: readonly Note[]): string {
  const records = [[...CSV_COLUMNS], ...[...notes].sort(compareNotes).map(row)];
  return BOM + records.map((fields) => fields.map(csvField).join(',') + CRLF).join('');
}
