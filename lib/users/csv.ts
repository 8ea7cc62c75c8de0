/** One record of a CSV or TSV text: its fields, the line it starts on (1-based) and its source text. */
export interface CsvRecord {
  fields: string[];
  line: number;
  text: string;
}

export type Delimiter = ',' | '\t' | '，';

/**
 * The delimiter of a list, read from its first line: a spreadsheet's copy or a .tsv has tabs; a
 * typed list has commas, a Chinese keyboard's full-width ones too.
 */
export function detectDelimiter(text: string): Delimiter {
  const first = /[^\r\n]+/.exec(text)?.[0] ?? '';
  return first.includes('\t') ? '\t' : !first.includes(',') && first.includes('，') ? '，' : ',';
}

/**
 * RFC 4180, as spreadsheets write it: quoted fields may hold the delimiter, quotes doubled and
 * line breaks; CRLF or LF; a leading BOM dropped. Lenient where people type: spaces before an
 * opening quote or after a closing one are ignored, and a stray quote inside a field is kept.
 * Empty lines give no record.
 */
export function parseCsv(input: string, delimiter: Delimiter = detectDelimiter(input)): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = i;
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let end = false;
    while (!end) {
      if (text[i] === '"' && field.trim() === '') {
        // Quoted: read to the closing quote, doubled quotes being one.
        field = '';
        i++;
        while (i < text.length) {
          const char = text[i]!;
          if (char === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
          else if (char === '"') {
            i++;
            break;
          } else {
            if (char === '\n') line++;
            field += char;
            i++;
          }
        }
        while (text[i] === ' ') i++;
      }
      const char = text[i];
      if (char === undefined) end = true;
      else if (char === delimiter) {
        fields.push(field);
        field = '';
        i++;
        continue;
      } else if (char === '\r' || char === '\n') {
        i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        end = true;
      } else {
        field += char;
        i++;
        continue;
      }
    }
    fields.push(field);
    const source = text.slice(start, i).replace(/\r?\n$|\r$/, '');
    if (!(fields.length === 1 && fields[0]!.trim() === '' && !source.includes('"'))) {
      records.push({ fields, line: startLine, text: source });
    }
  }
  return records;
}
