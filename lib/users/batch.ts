import type { MessageKey } from '../browser/i18n';
import type { NewUser } from '../server/contract';
import { errorKindOf, type ErrorKind } from '../server/errors';
import { checkNewUser, type NewUserField, type NewUserInput } from './new-user';

/** One pasted line: where it was, and the user it makes or what is wrong with it. */
export interface BatchRow {
  line: number;
  text: string;
  user: NewUser | null;
  problems: MessageKey[];
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
 * mobile number is refused before anything is sent.
 */
export function parseBatch(text: string): ParsedBatch {
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
    rows.push({ line: index + 1, text: raw, user: problems.length === 0 && checked.ok ? checked.user : null, problems });
  });
  return { header, rows };
}

export type RowOutcome =
  | { state: 'created'; username: string }
  | { state: 'failed'; kind: ErrorKind }
  /** Not sent: the batch stopped (cancelled, signed out, server gone) before this line. */
  | { state: 'not-tried' };

// Failures that belong to one line; any other stops the batch, as every next line would fail alike.
const LINE_FAILURES: readonly ErrorKind[] = ['already-exists', 'invalid-input', 'rejected'];

/**
 * Creates the valid rows one after another (never in parallel: the server's duplicate checks
 * are not atomic), reporting each outcome as it comes.
 */
export async function createInTurn(
  rows: readonly BatchRow[],
  create: (user: NewUser) => Promise<{ username: string }>,
  report: (row: BatchRow, outcome: RowOutcome) => void,
  signal?: AbortSignal,
): Promise<void> {
  let stopped = false;
  for (const row of rows) {
    if (!row.user) continue;
    if (stopped || signal?.aborted) {
      report(row, { state: 'not-tried' });
      continue;
    }
    try {
      const created = await create(row.user);
      report(row, { state: 'created', username: created.username });
    } catch (error) {
      const kind = errorKindOf(error) ?? 'rejected';
      report(row, { state: 'failed', kind });
      stopped = !LINE_FAILURES.includes(kind);
    }
  }
}

/** The text to leave in the box: the header and every line not created, to fix and send again. */
export function linesLeft(batch: ParsedBatch, created: ReadonlySet<number>): string {
  const left = batch.rows.filter((r) => !created.has(r.line)).map((r) => r.text);
  return [...(batch.header !== null && left.length > 0 ? [batch.header] : []), ...left].join('\n');
}
