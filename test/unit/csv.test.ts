// Lists as spreadsheets save them: rows generated, written as Excel or a .tsv would, read back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, type Delimiter } from '../../lib/users/csv';
import { toCsv } from '../../lib/users/summary-csv';
import { readListFile } from '../../lib/users/read-list-file';

/** How a spreadsheet writes a field: quoted only when it must be. Independent of csv.ts's own writer. */
const spreadsheetField = (value: string, delimiter: string) =>
  /["\r\n]/.test(value) || value.includes(delimiter) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const write = (rows: string[][], delimiter: string, eol: string, bom: boolean) =>
  (bom ? '\uFEFF' : '') + rows.map((row) => row.map((v) => spreadsheetField(v, delimiter)).join(delimiter)).join(eol) + eol;

// Text a user list holds: Chinese names, commas (both kinds), quotes, tabs, line breaks, spaces.
const piece = fc.constantFrom('王小明', '客服', 'a@x.cn', 'Smith', ', ', '，', '"', '""', '\n', '\r\n', ' ', '\t', '#', 'x', '1380000');
const field = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
// A row that is not one empty field: a spreadsheet writes that as an empty line, which is skipped.
const rows = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 })
    .map((all) => all.filter((row) => !(row.length === 1 && row[0]!.trim() === ''))),
);

describe('a CSV or TSV list', () => {
  it.each([
    [',', '\r\n', true],
    [',', '\n', false],
    ['\t', '\r\n', true],
    ['\t', '\n', false],
  ] as const)('written with %j, %j line ends (BOM: %s) reads back as the same rows', (delimiter, eol, bom) => {
    fc.assert(
      fc.property(rows, (table) => {
        const text = write(table, delimiter, eol, bom);
        expect(parseCsv(text, delimiter).map((r) => r.fields)).toEqual(table);
      }),
    );
  });

  it('written by toCsv (the summary download) reads back as the same rows', () => {
    fc.assert(fc.property(rows, (table) => void expect(parseCsv(toCsv(table), ',').map((r) => r.fields)).toEqual(table)));
  });

  it('skips empty lines, and numbers each record by the line it starts on', () => {
    const text = '\uFEFFemail,昵称\r\n\r\na@x.cn,"王,\r\n小明"\r\n\r\n\r\nb@x.cn,李四\r\n';
    expect(parseCsv(text).map((r) => [r.line, r.fields])).toEqual([
      [1, ['email', '昵称']],
      [3, ['a@x.cn', '王,\r\n小明']],
      [7, ['b@x.cn', '李四']],
    ]);
  });

  it('keeps each record\'s source text, to put back in the box', () => {
    expect(parseCsv('a,"b\nc"\nd,e').map((r) => r.text)).toEqual(['a,"b\nc"', 'd,e']);
  });

  it.each<[string, Delimiter]>([
    ['email\tnickname\na@x.cn\tA, the first', '\t'],
    ['a@x.cn, A, secret1', ','],
    ['"a, b"\tc', '\t'],
    ['a@x.cn，张三，secret1', '，'],
    ['a@x.cn', ','],
    ['\n\na\tb', '\t'],
  ])('%j is read with %j between fields', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('forgives what people type: spaces around quoted fields, a stray quote inside one', () => {
    expect(parseCsv('a@x.cn,  "Smith, J"  , pass"word').map((r) => r.fields)).toEqual([['a@x.cn', 'Smith, J', ' pass"word']]);
  });
});

describe('a chosen or dropped file', () => {
  it.each([
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('邮箱,昵称\na@x.cn,张三')])],
    ['GB18030, as Excel saves "CSV" on a Chinese Windows', new Uint8Array([0xd3, 0xca, 0xcf, 0xe4, 0x2c, 0xea, 0xc7, 0xb3, 0xc6, 0x0a, 0x61, 0x40, 0x78, 0x2e, 0x63, 0x6e, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd])],
  ])('%s reads as the same Chinese text', async (_, bytes) => {
    expect(await readListFile(new Blob([bytes]))).toBe('邮箱,昵称\na@x.cn,张三');
  });
});
