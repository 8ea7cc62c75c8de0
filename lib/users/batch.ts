import type { MessageKey } from '../browser/i18n';
import type { NewUser } from '../server/contract';
import type { ErrorKind } from '../server/errors';
import { checkNewUser, type NewUserField, type NewUserInput } from './new-user';

/** One pasted line: where it was, and the user it makes or what is wrong with it. */
export interface BatchRow {
  line: number;
  text: string;
  user: NewUser | null;
  problems: MessageKey[];
  /** The server refused this very line in the last run: a problem until it is edited. */
  refusedAs?: ErrorKind;
}

export interface ParsedBatch {
  /** The header line as pasted, kept for the lines left to try again. */
  header: string | null;
  rows: BatchRow[];
}

/** Columns without a header line. */
const DEFAULT_COLUMNS: readonly NewUserField[] = ['email', 'nickname', 'password', 'mobile'];

const HEADER_NAMES: Record<string, NewUserField> = {
  email: 'email',
  mobile: 'mobile',
  phone: 'mobile',
  nickname: 'nickname',
  name: 'nickname',
  password: 'password',
  邮箱: 'email',
  手机: 'mobile',
  手机号: 'mobile',
  昵称: 'nickname',
  密码: 'password',
};

// A spreadsheet pastes tabs; typed lists use commas (a Chinese keyboard's too).
const cellsOf = (line: string) => (line.includes('\t') ? line.split('\t') : line.split(/[,，]/)).map((c) => c.trim());

function headerColumns(cells: string[]): NewUserField[] | null {
  const fields = cells.map((c) => HEADER_NAMES[c.toLowerCase()]);
  return fields.every((f) => f !== undefined) ? (fields as NewUserField[]) : null;
}

/**
 * Users pasted one per line: `email, nickname, password[, mobile]`, or in the order a header
 * line names. Blank lines and `#` comments are skipped; a second line for the same email or
 * mobile number is refused before anything is sent, and so is a line the server refused as it
 * stands (`refused`, by its trimmed text: sending it again would be refused again).
 */
export function parseBatch(text: string, refused: ReadonlyMap<string, ErrorKind> = new Map()): ParsedBatch {
  let columns = DEFAULT_COLUMNS;
  let header: string | null = null;
  const rows: BatchRow[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const cells = cellsOf(line);
    const named = header === null && rows.length === 0 ? headerColumns(cells) : null;
    if (named) {
      columns = named;
      header = raw;
      return;
    }
    const input: NewUserInput = { email: '', mobile: '', nickname: '', password: '' };
    columns.forEach((field, i) => (input[field] = cells[i] ?? ''));
    const checked = checkNewUser(input);
    const problems: MessageKey[] = checked.ok ? [] : [...new Set(Object.values(checked.problems))];
    if (cells.length > columns.length) problems.push('users_problem_columns');
    const keys = checked.ok ? [checked.user.email, checked.user.mobile].filter(Boolean).map((k) => k!.toLowerCase()) : [];
    if (keys.some((k) => seen.has(k))) problems.push('users_problem_duplicate');
    keys.forEach((k) => seen.add(k));
    const refusedAs = problems.length === 0 ? refused.get(line) : undefined;
    const user = problems.length === 0 && !refusedAs && checked.ok ? checked.user : null;
    rows.push({ line: index + 1, text: raw, user, problems, ...(refusedAs && { refusedAs }) });
  });
  return { header, rows };
}
