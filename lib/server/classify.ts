import type { WorkUnsupported } from './contract';
import { LaunchpadError } from './errors';

// Messages have been i18n keys in one release and Chinese text in the next: match loosely.
const CAPTCHA = /captcha|验证码/i;
const LOCKED = /锁定|locked/i;
const TRIES_LEFT = /还可尝试\s*(\d+)\s*次|(\d+)\s*(?:tries|attempts)\s*left/i;
const EXISTS = /already[ ._]?exists|已存在/i;
const REQUIRED = /required|必填|不能为空/i;
// A disabled user is refused with 403 too: that is the account's state, not a missing authority.
const DISABLED = /disabled|禁用/i;

/** A failed password login. Any code other than 200 is a failure, whatever the code. */
export function loginFailure(message: string): LaunchpadError {
  const serverMessage = message;
  if (CAPTCHA.test(message)) return new LaunchpadError('captcha-required', { serverMessage });
  if (LOCKED.test(message)) return new LaunchpadError('account-locked', { serverMessage });
  const tries = TRIES_LEFT.exec(message);
  const count = tries ? Number(tries[1] ?? tries[2]) : undefined;
  return new LaunchpadError('wrong-credentials', {
    serverMessage,
    ...(count === undefined ? {} : { triesLeft: count }),
  });
}

/** A failed user creation: duplicates and missing fields come back as HTTP 200, code 500. */
export function createUserFailure(message: string): LaunchpadError {
  const serverMessage = message;
  if (EXISTS.test(message)) return new LaunchpadError('already-exists', { serverMessage });
  if (REQUIRED.test(message)) return new LaunchpadError('invalid-input', { serverMessage });
  return new LaunchpadError('rejected', { serverMessage });
}

/** HTTP statuses that carry meaning whatever the body's shape (Spring's or JsonResult). */
export function statusFailure(status: number, serverMessage?: string): LaunchpadError | null {
  const details = serverMessage ? { serverMessage, status } : { status };
  if (status === 401) return new LaunchpadError('token-rejected', details);
  if (status === 403) return new LaunchpadError('forbidden', details);
  if (status >= 500) return new LaunchpadError('server-error', details);
  if (status === 404) return new LaunchpadError('not-bytedesk', details);
  if (status >= 400) return new LaunchpadError('rejected', details);
  return null;
}

/** A missing endpoint (404, whatever the body) or authority (403): the feature is not there for this user. */
export function workUnsupported(error: unknown): WorkUnsupported | null {
  const failure = error as Partial<Pick<LaunchpadError, 'kind' | 'status' | 'serverMessage'>> | null;
  if (failure?.kind === 'not-bytedesk' && failure.status === 404) return { unsupported: 'not-on-server' };
  if (failure?.kind === 'forbidden' && !DISABLED.test(failure.serverMessage ?? '')) return { unsupported: 'no-authority' };
  return null;
}
