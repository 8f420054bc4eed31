import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNotes } from '../../lib/export/bundle';
import { CSV_COLUMNS, csvField, neutraliseFormula, toCsv } from '../../lib/export/csv';
import type { Note } from '../../lib/notes/types';
import { GOLDEN_NOTES, makeNote, notesArb } from './arbitraries';

const GOLDEN_CSV =
  '\uFEFFid,created,updated,site,title,url,quote,note,category,tags,claim_id,claim_stance,position_start,position_end\r\n' +
  "'=cmd|calc,2024-04-30T08:00:00.000Z,2024-04-30T08:00:00.000Z,analysis.example,\"Shahab-3 and \"\"Nodong\"\"\",https://analysis.example/shahab#part-2," +
  '"The Shahab-3 is widely seen as a Nodong derivative.\n\nExperts, however, disagree on how much help came from Pyongyang.",' +
  '"\'-check: ""how much"", really?\nSecond line, with a comma",question,shahab-3; nodong,,,0,118\r\n' +
  '6f1c2a58-8d0e-4c39-9d57-0c5b1d1b7e02,2024-05-01T09:40:00.000Z,2024-05-01T09:40:00.000Z,news.example,Iran & North Korea: the [missile] trade,' +
  'https://news.example/iran-dprk?utm_source=feed,Tehran denied it,,contradicts,,,,90,106\r\n' +
  '6f1c2a58-8d0e-4c39-9d57-0c5b1d1b7e01,2024-05-01T09:30:00.000Z,2024-05-02T10:00:00.000Z,news.example,Iran & North Korea: the [missile] trade,' +
  'https://news.example/iran-dprk?utm_source=feed,' +
  '"In 1987 North Korea delivered about 100 Scud-B missiles to Iran, according to officials quoted by the agency.",' +
  '"Matches the *SIPRI* figures, see <https://sipri.example>.",key-fact,missiles; scud-b,dprk-iran-scud-b-1987,supports,400,510\r\n';

/**
 * A strict RFC 4180 reader: records end with CRLF; a field is either plain (no quote, comma, CR
 * or LF) or quoted (quotes doubled inside, anything else as is). Throws on anything else.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in a plain field at ${i}`);
        field += text[i++];
      }
    }
    fields.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(fields);
      fields = [];
      i += 2;
    } else {
      throw new Error(`expected a comma or CRLF at ${i}`);
    }
  }
  if (fields.length > 0) throw new Error('last record does not end with CRLF');
  return records;
}

/** What a note's row should read once parsed: its values, formula starters neutralised. */
function expectedRow(note: Note): string[] {
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
  ].map(neutraliseFormula);
}

describe('toCsv', () => {
  it('writes the golden file', () => {
    expect(toCsv(GOLDEN_NOTES)).toBe(GOLDEN_CSV);
  });

  it('starts with a UTF-8 byte-order mark and a header row', () => {
    const csv = toCsv([]);
    expect(csv).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('reads back, by a strict RFC 4180 parser, as the notes it was given (property)', () => {
    fc.assert(
      fc.property(notesArb, (notes) => {
        const csv = toCsv(notes);
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        const [header, ...rows] = parseCsv(csv.slice(1));
        expect(header).toEqual([...CSV_COLUMNS]);
        expect(rows).toEqual([...notes].sort(compareNotes).map(expectedRow));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a quote', 'She said "no"', '"She said ""no"""'],
    ['a comma', 'Iran, DPRK', '"Iran, DPRK"'],
    ['a line feed', 'one\ntwo', '"one\ntwo"'],
    ['a CRLF', 'one\r\ntwo', '"one\r\ntwo"'],
    ['unicode', '북한과 이란 — «ракеты» 😀', '북한과 이란 — «ракеты» 😀'],
    ['nothing special', 'plain text', 'plain text'],
    ['an empty value', '', ''],
  ])('writes a field with %s per RFC 4180', (_name, value, field) => {
    expect(csvField(value)).toBe(field);
    expect(parseCsv(`${field}\r\n`)).toEqual([[value]]);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("https://evil.example","click")', '"\'=HYPERLINK(""https://evil.example"",""click"")"'],
    ['+41 22 000', "'+41 22 000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', '"\'\rCR"'],
  ])('neutralises the formula in %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('leaves formula characters alone when they do not come first', () => {
    expect(csvField('a=b+c-d@e')).toBe('a=b+c-d@e');
    expect(csvField(' =1')).toBe(' =1');
  });

  it('neutralises formulas in every column', () => {
    const evil = '=cmd|"/c calc"!A1';
    const note = makeNote({ id: evil, title: evil, site: evil, text: evil, tags: [evil], target: { ...makeNote().target, quote: { type: 'TextQuoteSelector', exact: evil, prefix: '', suffix: '' } } });
    const [, row] = parseCsv(toCsv([note]).slice(1));
    const cells = [row![0], row![3], row![4], row![6], row![7], row![9]];
    expect(cells).toEqual(Array(6).fill(`'${evil}`));
  });
});
