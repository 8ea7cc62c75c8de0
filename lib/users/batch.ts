import type { MessageKey } from '../browser/i18n';
import type { NewUser } from '../server/contract';
import type { ErrorKind } from '../server/errors';
import { parseCsv } from './csv';
import { checkNewUser, type NewUserField } from './new-user';

/** One line of the list: where it was, and the user it makes or what is wrong with it. */
export interface BatchRow {
  line: number;
  text: string;
  user: NewUser | null;
  /** The email, else the mobile number, as given: names the line in the summary even when it makes no user. */
  who: string;
  problems: MessageKey[];
  /** The server refused this very line in the last run: a problem until it is edited. */
  refusedAs?: ErrorKind;
}

export interface ParsedBatch {
  /** The header line as pasted, kept for the lines left to try again. */
  header: string | null;
  rows: BatchRow[];
}

/** A column of the list: the fields of the form, and the create call's optional ones. */
export type BatchField = NewUserField | 'description' | 'emailVerified' | 'mobileVerified';

/** Columns without a header line. */
const DEFAULT_COLUMNS: readonly BatchField[] = ['email', 'nickname', 'password', 'mobile'];

// Lower case: a header is matched whatever its case.
const HEADER_NAMES: Record<string, BatchField> = {
  email: 'email',
  mobile: 'mobile',
  phone: 'mobile',
  nickname: 'nickname',
  name: 'nickname',
  password: 'password',
  description: 'description',
  emailverified: 'emailVerified',
  mobileverified: 'mobileVerified',
  邮箱: 'email',
  手机: 'mobile',
  手机号: 'mobile',
  昵称: 'nickname',
  密码: 'password',
  描述: 'description',
  简介: 'description',
  邮箱已验证: 'emailVerified',
  手机已验证: 'mobileVerified',
};

const FLAGS: Record<string, boolean> = { true: true, false: false, 1: true, 0: false, yes: true, no: false, 是: true, 否: false };

function headerColumns(cells: string[]): BatchField[] | null {
  const fields = cells.map((c) => HEADER_NAMES[c.toLowerCase()]);
  return fields.every((f) => f !== undefined) ? (fields as BatchField[]) : null;
}

/** The optional fields of a line, passed through to the server as given; an unreadable yes/no is a problem. */
function optionalFields(cells: Partial<Record<BatchField, string>>): { extra: Partial<NewUser>; problems: MessageKey[] } {
  const extra: Partial<NewUser> = {};
  const problems: MessageKey[] = [];
  if (cells.description) extra.description = cells.description;
  for (const flag of ['emailVerified', 'mobileVerified'] as const) {
    const given = cells[flag]?.toLowerCase();
    if (!given) continue;
    if (given in FLAGS) extra[flag] = FLAGS[given];
    else problems.push('users_problem_flag');
  }
  return { extra, problems };
}

/**
 * Users one per line (CSV or TSV, see csv.ts): `email, nickname, password[, mobile]`, or in the
 * order a header line names. Blank lines and `#` comments are skipped; a second line for the
 * same email or mobile number is refused before anything is sent, and so is a line the server
 * refused as it stands (`refused`, by its trimmed text: sending it again would be refused again).
 */
export function parseBatch(text: string, refused: ReadonlyMap<string, ErrorKind> = new Map()): ParsedBatch {
  let columns = DEFAULT_COLUMNS;
  let header: string | null = null;
  const rows: BatchRow[] = [];
  const seen = new Set<string>();
  for (const record of parseCsv(text)) {
    const cells = record.fields.map((c) => c.trim());
    if (cells[0]!.startsWith('#')) continue;
    const named = header === null && rows.length === 0 ? headerColumns(cells) : null;
    if (named) {
      columns = named;
      header = record.text;
      continue;
    }
    const given: Partial<Record<BatchField, string>> = {};
    columns.forEach((field, i) => (given[field] = cells[i] ?? ''));
    const checked = checkNewUser({ email: '', mobile: '', nickname: '', password: '', ...given });
    const optional = optionalFields(given);
    const problems: MessageKey[] = checked.ok ? [] : [...new Set(Object.values(checked.problems))];
    problems.push(...new Set(optional.problems));
    if (cells.length > columns.length) problems.push('users_problem_columns');
    const keys = checked.ok ? identitiesOf(checked.user) : [];
    if (keys.some((k) => seen.has(k))) problems.push('users_problem_duplicate');
    keys.forEach((k) => seen.add(k));
    const refusedAs = problems.length === 0 ? refused.get(record.text.trim()) : undefined;
    const user = problems.length === 0 && !refusedAs && checked.ok ? { ...checked.user, ...optional.extra } : null;
    const who = given.email || given.mobile || '';
    rows.push({ line: record.line, text: record.text, user, who, problems, ...(refusedAs && { refusedAs }) });
  }
  return { header, rows };
}

/** Who a line creates, as the server tells users apart: the email and the mobile number, in lower case. */
export const identitiesOf = (user: NewUser): string[] =>
  [user.email, user.mobile].filter((k): k is string => Boolean(k)).map((k) => k.toLowerCase());
