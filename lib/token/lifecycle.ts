import type { BytedeskClient } from '../server/client';
import type { TokenGrant } from '../server/contract';
import { errorKindOf, isTransient, LaunchpadError, type ErrorKind } from '../server/errors';
import type { ServerProfile } from '../settings/settings';
import { lastAccountItem } from '../storage';
import type { PasswordVault } from './password-vault';
import { renewalTime, retryTime } from './schedule';
import { sessionFromGrant, type Session } from './session';
import type { SessionStore } from './session-store';

type SessionPlace = Pick<Session, 'serverUrl' | 'profileId' | 'persist'>;

export interface RenewalScheduler {
  at(whenMs: number): Promise<void>;
  cancel(): Promise<void>;
}

export interface LifecycleDeps {
  store: SessionStore;
  vault: PasswordVault;
  scheduler: RenewalScheduler;
  client(serverUrl: string): BytedeskClient;
  profile(): Promise<ServerProfile | null>;
  now(): number;
}

export interface PasswordSignIn {
  username: string;
  password: string;
  persist: boolean;
  rememberPassword: boolean;
}

export type TokenLifecycle = ReturnType<typeof createTokenLifecycle>;

/** The one owner of the access token: sign-in, renewal before expiry, revocation. */
export function createTokenLifecycle(deps: LifecycleDeps) {
  const { store, now } = deps;
  let renewal: Promise<Session> | null = null;

  async function requireProfile(): Promise<ServerProfile> {
    const profile = await deps.profile();
    if (!profile) throw new LaunchpadError('not-set-up');
    return profile;
  }

  async function requireSession(): Promise<Session> {
    const session = await store.load();
    if (!session) throw new LaunchpadError('signed-out');
    return session;
  }

  const expired = (s: Session) => s.expiresAt !== null && now() >= s.expiresAt;
  /** Past its renewal time, or a renewal failed and is to be tried again. Opaque: never. */
  const renewalDue = (s: Session) =>
    s.expiresAt !== null && (s.renewalFailed !== null || now() >= renewalTime(s.issuedAt, s.expiresAt));

  async function schedule(session: Session): Promise<void> {
    if (session.expiresAt === null) return deps.scheduler.cancel();
    const when = session.renewalFailed
      ? retryTime(now(), session.expiresAt)
      : renewalTime(session.issuedAt, session.expiresAt);
    await deps.scheduler.at(Math.max(when, now()));
  }

  async function adopt(grant: TokenGrant, where: SessionPlace): Promise<Session> {
    const session = sessionFromGrant(grant, where, now());
    await store.save(session);
    await schedule(session);
    return session;
  }

  /** A passing failure: keep the token, remember why, try again soon. */
  async function keepAfter(session: Session, error: unknown, passwordTried = false): Promise<never> {
    const kind = errorKindOf(error) ?? 'unreachable';
    const kept = { ...session, renewalFailed: { at: now(), kind, passwordTried } };
    await store.save(kept);
    await schedule(kept);
    throw error;
  }

  /** The token is dead and cannot be renewed: forget it, and say why on the sign-in form. */
  async function end(session: Session, because: ErrorKind): Promise<never> {
    await store.clear();
    await deps.scheduler.cancel();
    await lastAccountItem.setValue({ username: session.user.username, endedBecause: because });
    throw new LaunchpadError(because);
  }

  async function rememberedPassword(session: Session): Promise<{ username: string; password: string } | null> {
    const sealed = await store.loadPassword();
    if (!sealed) return null;
    const password = await deps.vault.open(sealed, sealed.username, session.serverUrl);
    return password === null ? null : { username: sealed.username, password };
  }

  /**
   * `byUser`: a person asked (opening a page). Without one, a password login that already
   * failed, even for a passing reason, is not tried again: it may have counted towards the lock.
   */
  async function renewOnce(byUser: boolean): Promise<Session> {
    const session = await requireSession();
    const client = deps.client(session.serverUrl);
    // The exchange needs no password; try it even when our clock says expired (clocks differ).
    try {
      return await adopt(await client.exchange(session.token), session);
    } catch (error) {
      if (isTransient(error)) return keepAfter(session, error);
    }
    const remembered = await rememberedPassword(session);
    if (!remembered) return end(session, expired(session) ? 'session-expired' : 'token-rejected');
    if (!byUser && session.renewalFailed?.passwordTried) {
      return keepAfter(session, new LaunchpadError(session.renewalFailed.kind), true);
    }
    try {
      return await adopt(await client.login(remembered.username, remembered.password), session);
    } catch (error) {
      if (isTransient(error)) return keepAfter(session, error, true);
      // Never retried: three failed password logins lock the account.
      await store.clearPassword();
      return end(session, errorKindOf(error) ?? 'wrong-credentials');
    }
  }

  /** One renewal at a time, however many callers ask at once. */
  function renew(byUser = true): Promise<Session> {
    renewal ??= renewOnce(byUser).finally(() => {
      renewal = null;
    });
    return renewal;
  }

  async function startSession(grant: TokenGrant, profile: ServerProfile, persist: boolean) {
    await store.clear();
    const session = await adopt(grant, { serverUrl: profile.baseUrl, profileId: profile.id, persist });
    await lastAccountItem.setValue({ username: session.user.username, endedBecause: null });
    return session;
  }

  return {
    /** Password sign-in. A failure is reported, never retried. */
    async signIn(input: PasswordSignIn): Promise<Session> {
      const profile = await requireProfile();
      const username = input.username.trim();
      if (!username || !input.password) throw new LaunchpadError('invalid-input');
      const grant = await deps.client(profile.baseUrl).login(username, input.password);
      const session = await startSession(grant, profile, input.persist);
      if (input.rememberPassword) {
        await store.savePassword(await deps.vault.seal(input.password, username, profile.baseUrl), input.persist);
      }
      return session;
    },

    /** A pasted token (say, from the admin console's Token page), kept only if the server accepts it. */
    async signInWithToken(token: string, persist: boolean): Promise<Session> {
      const profile = await requireProfile();
      const trimmed = token.trim().replace(/^Bearer\s+/i, '');
      if (!trimmed) throw new LaunchpadError('invalid-input');
      const user = await deps.client(profile.baseUrl).profile(trimmed);
      return startSession({ accessToken: trimmed, user }, profile, persist);
    },

    /** The stored token when it has comfortable time left, else a renewed one. */
    freshSession: () => fresh(false),

    /**
     * For a page about to be opened with the token: fresh, and confirmed alive by the server
     * unless just renewed. A sign-out in the web app revokes the very token we hand out.
     */
    liveSession: () => fresh(true),

    renew,

    /** The renewal alarm, and any worker start: renew when due, otherwise re-create the alarm. */
    async renewIfDue(): Promise<void> {
      const session = await store.load();
      if (!session || session.expiresAt === null) return deps.scheduler.cancel();
      if (!renewalDue(session)) return schedule(session);
      await renew(false).catch(() => {
        // Already recorded in storage (renewalFailed, or the session ended with its reason).
      });
    },

    /** Logs the token out on the server, then forgets it. Unreachable: throws, token kept. */
    async revoke(): Promise<void> {
      const session = await store.load();
      if (!session) return;
      try {
        await deps.client(session.serverUrl).logout(session.token);
      } catch (error) {
        if (errorKindOf(error) !== 'token-rejected') throw error; // already dead: nothing to revoke
      }
      await this.forget();
    },

    /** Forgets the token here only (it stays valid on the server until it expires). */
    async forget(): Promise<void> {
      const session = await store.load();
      await store.clear();
      await deps.scheduler.cancel();
      if (session) await lastAccountItem.setValue({ username: session.user.username, endedBecause: null });
    },
  };

  async function fresh(check: boolean): Promise<Session> {
    const session = await requireSession();
    // An opaque token has no expiry to go by: the server is asked every time.
    if (!renewalDue(session)) return check || session.expiresAt === null ? checkAlive(session) : session;
    try {
      return await renew();
    } catch (error) {
      if (isTransient(error) && !expired(session)) return session;
      throw error;
    }
  }

  /** The server still takes the token; if not, renewed (or the session ends). Unreachable: kept. */
  async function checkAlive(session: Session): Promise<Session> {
    try {
      await deps.client(session.serverUrl).profile(session.token);
      return session;
    } catch (error) {
      if (isTransient(error)) return session;
      return renew();
    }
  }
}
