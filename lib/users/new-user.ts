import type { MessageKey } from '../browser/i18n';
import type { NewUser } from '../server/contract';

/** What a super administrator fills in (or pastes as one line) for one new user. */
export interface NewUserInput {
  email: string;
  mobile: string;
  nickname: string;
  password: string;
}

export type NewUserField = keyof NewUserInput;
export type NewUserProblems = Partial<Record<NewUserField, MessageKey>>;

export type CheckedUser = { ok: true; user: NewUser } | { ok: false; problems: NewUserProblems };

/** The server checks nothing but "email or mobile": anything else it would store as sent. */
export const MIN_PASSWORD_LENGTH = 6;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MOBILE = /^\+?[0-9][0-9 -]{4,18}[0-9]$/;

/**
 * Checks one new user before anything is sent. The user name is the email, else the mobile
 * number (what the server does itself); the nickname defaults to the email's name part.
 */
export function checkNewUser(input: NewUserInput): CheckedUser {
  const email = input.email.trim();
  const mobile = input.mobile.trim().replace(/[ -]/g, '');
  const problems: NewUserProblems = {};
  if (!email && !mobile) problems.email = 'users_problem_contact';
  if (email && !EMAIL.test(email)) problems.email = 'users_problem_email';
  if (input.mobile.trim() && !MOBILE.test(input.mobile.trim())) problems.mobile = 'users_problem_mobile';
  if (input.password.length < MIN_PASSWORD_LENGTH) problems.password = 'users_problem_password';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const nickname = input.nickname.trim() || (email ? email.split('@')[0]! : mobile);
  return {
    ok: true,
    user: { username: email || mobile, email, mobile, nickname, password: input.password, enabled: true },
  };
}
