import type { BytedeskClient } from '../server/client';
import type { TokenGrant } from '../server/contract';
import { errorKindOf, isTransient, LaunchpadError, type ErrorKind } from '../server/errors';
import type { PasswordVault } from './password-vault';
import { isExpired } from './schedule';
import type { Session } from './session';
import { retire, sessionFromGrant } from './session-from-grant';
import type { SessionStore } from './session-store';
import type { SessionWriter } from './session-writer';

export interface RenewalDeps {
  store: Pick<SessionStore, 'load' | 'loadPassword'>;
  vault: PasswordVault;
  writer: SessionWriter;
  client(serverUrl: string): BytedeskClient;
  /** Revokes tokens on their server, quietly: for tokens that no session holds any more. */
  revokeTokens(serverUrl: string, tokens: string[]): Promise<void>;
  now(): number;
}

/**
 * One renewal of `from`: the exchange first (no password), then the remembered password, once.
 * Every result is applied to `from` only; a token that comes back after `from` ended is revoked.
 * `byUser`: a person asked (opening a page). Without one, a password login that already failed,
 * even for a passing reason, is not tried again: it may have counted towards the lock.
 */
export async function renewSession(from: Session, byUser: boolean, deps: RenewalDeps): Promise<Session> {
  const { writer, now } = deps;
  if (!(await writer.isCurrent(from))) {
    // Renewed meanwhile (a caller that read the session before that renewal landed): that is the answer.
    const stored = await deps.store.load();
    if (stored?.id === from.id && stored.token !== from.token) return stored;
    throw new LaunchpadError('signed-out');
  }
  const client = deps.client(from.serverUrl);

  async function adopt(grant: TokenGrant, retired: string[]): Promise<Session> {
    const next = sessionFromGrant(grant, { ...from, retired }, now());
    if (await writer.update(from, next)) return next;
    // The session ended while the server answered: nobody holds this token, so it must not stay valid.
    // (Two tokens minted in the same second are the same string: never revoke the one now stored.)
    if ((await deps.store.load())?.token !== next.token) await deps.revokeTokens(from.serverUrl, [next.token]);
    throw new LaunchpadError('signed-out');
  }

  /** A passing failure: keep the token, remember why, try again soon. */
  async function keepAfter(error: unknown, passwordTried = false): Promise<never> {
    const kind = errorKindOf(error) ?? 'unreachable';
    await writer.update(from, { ...from, renewalFailed: { at: now(), kind, passwordTried } });
    throw error;
  }

  /** The token is dead and cannot be renewed: the session ends, and the sign-in form says why. */
  async function end(because: ErrorKind): Promise<never> {
    const ended = await writer.end(from, because);
    if (ended) await deps.revokeTokens(ended.serverUrl, ended.retired);
    throw new LaunchpadError(because);
  }

  // The exchange needs no password; try it even when our clock says expired (clocks differ).
  try {
    return await adopt(await client.exchange(from.token), retire(from.retired, from.token, now()));
  } catch (error) {
    if (isTransient(error)) return keepAfter(error);
    if (errorKindOf(error) === 'signed-out') throw error;
  }
  // Never a password login for a session that ended meanwhile: it would cost a try for nothing.
  if (!(await writer.isCurrent(from))) throw new LaunchpadError('signed-out');
  const password = await rememberedPassword(from, deps);
  if (password === null) return end(isExpired(from, now()) ? 'session-expired' : 'token-rejected');
  if (!byUser && from.renewalFailed?.passwordTried) return keepAfter(new LaunchpadError(from.renewalFailed.kind), true);
  let grant: TokenGrant;
  try {
    grant = await client.login(from.user.username, password);
  } catch (error) {
    if (isTransient(error)) return keepAfter(error, true);
    // Never retried: three failed password logins lock the account. Ending forgets the password.
    return end(errorKindOf(error) ?? 'wrong-credentials');
  }
  return adopt(grant, from.retired); // the old token was refused: nothing to retire
}

/** The remembered password, only if it was sealed for this session's account on this session's server. */
async function rememberedPassword(session: Session, deps: Pick<RenewalDeps, 'store' | 'vault'>): Promise<string | null> {
  const sealed = await deps.store.loadPassword();
  return sealed && deps.vault.open(sealed, session.user.username, session.serverUrl);
}
