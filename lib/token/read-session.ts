import { isText, isTime, noted, type Read } from '../repair/junk';
import { isFields } from '../settings/settings';
import type { Session } from './session';

const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);

function isUser(v: unknown): boolean {
  return isFields(v) && isText(v.username) && isText(v.nickname) && typeof v.superUser === 'boolean';
}

function isRenewalFailure(v: unknown): boolean {
  return v === null || (isFields(v) && isTime(v.at) && isText(v.kind) && typeof v.passwordTried === 'boolean');
}

/**
 * Whether a stored value is a session: the fields every session has, each of its type. `id` and
 * `retired` came later (missing: filled in by the session store); fields added since pass through.
 */
export function isStoredSession(v: unknown): v is Session {
  if (!isFields(v)) return false;
  return (
    isText(v.token) && v.token.length > 0 && isText(v.serverUrl) && isText(v.profileId) &&
    isTime(v.issuedAt) && (v.expiresAt === null || isTime(v.expiresAt)) && isUser(v.user) &&
    typeof v.persist === 'boolean' && isRenewalFailure(v.renewalFailed) &&
    (v.id === undefined || isText(v.id)) && (v.retired === undefined || isTexts(v.retired))
  );
}

/** A stored session, or none when it is damaged (a damaged one is junk: the user signs in again). */
export const readSession = (stored: unknown): Read<Session | null> =>
  isStoredSession(stored) ? noted(stored, false, 'session') : noted(null, true, 'session');
