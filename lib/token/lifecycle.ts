import type { BytedeskClient } from '../server/client';
import type { TokenGrant } from '../server/contract';
import { errorKindOf, isTransient, LaunchpadError } from '../server/errors';
import type { ServerProfile } from '../settings/settings';
import { serialQueue } from '../util/serial';
import type { PasswordVault, SealedSecret } from './password-vault';
import { renewSession, type RenewalDeps } from './renewal';
import { readTokenClaims } from './jwt';
import { isExpired, isRenewalDue, nextRenewalAt } from './schedule';
import { isSessionFor, originsOf, tokensOf, type Session } from './session';
import { sessionFromGrant } from './session-from-grant';
import type { SessionStore } from './session-store';
import { createTrust } from './trust';
import { createSessionWriter, type RenewalScheduler } from './session-writer';

export type { RenewalScheduler } from './session-writer';

export interface LifecycleDeps {
  store: SessionStore;
  vault: PasswordVault;
  scheduler: RenewalScheduler;
  client(serverUrl: string): BytedeskClient;
  /** The profile whose session this lifecycle owns (null once removed). */
  profile(): Promise<ServerProfile | null>;
  now(): number;
  /** A new session's id. */
  newId?(): string;
}

export interface PasswordSignIn {
  username: string;
  password: string;
  persist: boolean;
  rememberPassword: boolean;
}

export type TokenLifecycle = ReturnType<typeof createTokenLifecycle>;

/**
 * The one owner of the access token: sign-in, renewal before expiry, revocation. Sign-ins and
 * `forget` take effect at once; renewals and sign-outs run one at a time, so a sign-out waits for
 * a renewal in flight instead of racing it. Every write is checked against the session it began
 * from (see session-writer), so whatever overlaps, the last word is the user's.
 */
export function createTokenLifecycle(deps: LifecycleDeps) {
  const { store, now } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const writer = createSessionWriter({
    store,
    scheduler: deps.scheduler,
    renewalAt: (s) => nextRenewalAt(s, now()),
    belongs: async (s) => isSessionFor(s, await deps.profile()),
  });
  const oneAtATime = serialQueue();
  let renewal: { id: string; run: Promise<Session> } | null = null;
  let check: { token: string; run: Promise<Session> } | null = null;
  const trust = createTrust(store.confirmation, now);
  const confirm = (s: Session) => {
    trust.confirm(s.token);
    return s;
  };

  /** Best effort: a token nobody holds any more is logged out on its own server. */
  async function revokeTokens(serverUrl: string, tokens: string[]): Promise<void> {
    const client = deps.client(serverUrl);
    await Promise.allSettled(tokens.map((token) => client.logout(token)));
  }
  const renewalDeps: RenewalDeps = { store, vault: deps.vault, writer, client: deps.client, revokeTokens, now };

  /** One renewal per session, however many callers ask at once. */
  function renewFrom(session: Session, byUser: boolean): Promise<Session> {
    if (renewal?.id === session.id) return renewal.run;
    // A token the server just minted is alive.
    const run = oneAtATime(() => renewSession(session, byUser, renewalDeps).then(confirm)).finally(() => {
      if (renewal?.run === run) renewal = null;
    });
    renewal = { id: session.id, run };
    return run;
  }

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

  /** A new session replaces any other, whose tokens are then revoked: nobody holds them any more. */
  async function begin(grant: TokenGrant, profile: ServerProfile, persist: boolean, password: string | null) {
    const where = { id: newId(), serverUrl: profile.baseUrl, origins: originsOf(profile), profileId: profile.id, persist, retired: [] };
    const session = sessionFromGrant(grant, where, now());
    // Bound to the account the server signed in and to its server: it opens for this session only.
    const sealed: SealedSecret | null = password === null
      ? null
      : await deps.vault.seal(password, session.user.username, session.serverUrl);
    const { replaced, kept } = await writer.start(session, sealed);
    if (replaced) await revokeTokens(replaced.serverUrl, tokensOf(replaced).filter((t) => t !== session.token));
    if (!kept) {
      // Its profile went or moved while the server answered: nobody may hold this token.
      await revokeTokens(session.serverUrl, [session.token]);
      throw new LaunchpadError('profile-changed');
    }
    return confirm(session);
  }

  async function fresh(live: boolean): Promise<Session> {
    const session = await requireSession();
    if (!isRenewalDue(session, now())) {
      // An opaque token has no expiry to go by: asked about like a page's token.
      const ask = (live || session.expiresAt === null) && !(await trust.has(session.token));
      return ask ? checkAlive(session) : session;
    }
    try {
      return await renewFrom(session, true);
    } catch (error) {
      if (isTransient(error) && !isExpired(session, now())) return session;
      throw error;
    }
  }

  /**
   * The server still takes the token; if not, renewed (or the session ends). Unreachable: kept.
   * One question per token at a time.
   */
  function checkAlive(session: Session): Promise<Session> {
    if (check?.token === session.token) return check.run;
    const ticket = trust.ticket();
    const run = deps
      .client(session.serverUrl)
      .profile(session.token)
      .then(
        () => {
          trust.confirm(session.token, ticket);
          return session;
        },
        (error: unknown) => {
          if (isTransient(error)) return session;
          trust.end(session.token); // refused: the opens meanwhile wait for the renewal
          return renewFrom(session, true);
        },
      )
      .finally(() => {
        if (check?.run === run) check = null;
      });
    check = { token: session.token, run };
    return run;
  }

  return {
    /** Password sign-in. A failure is reported, never retried. */
    async signIn(input: PasswordSignIn): Promise<Session> {
      const profile = await requireProfile();
      const username = input.username.trim();
      if (!username || !input.password) throw new LaunchpadError('invalid-input');
      const grant = await deps.client(profile.baseUrl).login(username, input.password);
      return begin(grant, profile, input.persist, input.rememberPassword ? input.password : null);
    },

    /** A pasted token (say, from the admin console's Token page), kept only if the server accepts it. */
    async signInWithToken(token: string, persist: boolean): Promise<Session> {
      const profile = await requireProfile();
      const trimmed = token.trim().replace(/^Bearer\s+/i, '');
      if (!trimmed) throw new LaunchpadError('invalid-input');
      const user = await deps.client(profile.baseUrl).profile(trimmed);
      return begin({ accessToken: trimmed, user }, profile, persist, null);
    },

    /** The stored token when it has comfortable time left, else a renewed one. */
    freshSession: () => fresh(false),

    /**
     * For a page about to be opened with the token: fresh, and confirmed alive by the server in
     * the last TRUST_MS. A sign-out in the web app revokes the very token we hand out.
     */
    liveSession: () => fresh(true),

    /** Asks the server ahead of need (the popup opened, the worker started), so the open need not wait. */
    async confirmAhead(): Promise<void> {
      const session = await store.load();
      if (session && !(await trust.has(session.token))) await checkAlive(session).catch(() => {});
    },

    /**
     * After a page opened on trust (`since`: when that open began), the server is asked about its
     * token in the background. Resolves the renewed session when the token was refused, null
     * when it is alive (or the server unreachable, or the session moved on); throws when the
     * refused token cannot be renewed.
     */
    async recheck(token: string, since: number): Promise<Session | null> {
      const session = await store.load();
      if (!session || (await trust.confirmedSince(token, since))) return null;
      if (session.token !== token) {
        // Renewed since the page opened (another open found the token refused, say): its page
        // needs the new token only if the server refuses the one it carries, and only if that
        // token was this account's (another account's page never gets this one's token).
        if (readTokenClaims(token)?.username !== session.user.username) return null;
        const refused = await deps.client(session.serverUrl).profile(token).then(
          () => false,
          (error: unknown) => errorKindOf(error) === 'token-rejected',
        );
        return refused ? session : null;
      }
      const after = await checkAlive(session);
      return after.token === token ? null : after;
    },

    /** A web app signed out (its request seen): no token is trusted until the server confirms it again. */
    distrust(): void {
      trust.end();
    },

    /** Renews the current session now (say, after the server refused its token). */
    renew: async (): Promise<Session> => renewFrom(await requireSession(), true),

    /** The renewal alarm, and any worker start: renew when due, otherwise re-create the alarm. */
    async renewIfDue(): Promise<void> {
      const session = await store.load();
      if (!session || session.expiresAt === null) return deps.scheduler.cancel();
      if (!isRenewalDue(session, now())) return writer.reschedule(session);
      await renewFrom(session, false).catch(() => {
        // Already recorded in storage (renewalFailed, or the session ended with its reason).
      });
    },

    /**
     * Logs the session's tokens out on the server, then forgets them. Waits for a renewal in
     * flight, so the token it brings is the one revoked. Unreachable: throws, token kept.
     */
    revoke: (): Promise<void> =>
      oneAtATime(async () => {
        const session = await store.load();
        if (!session) return;
        try {
          await deps.client(session.serverUrl).logout(session.token);
        } catch (error) {
          if (errorKindOf(error) !== 'token-rejected') throw error; // already dead: nothing to revoke
        }
        const ended = await writer.end(session, null);
        if (ended) await revokeTokens(ended.serverUrl, ended.retired);
      }),

    /**
     * The session `staleId` no longer belongs to its profile (removed, or its server or app
     * addresses changed): forgotten here at once, then every token of it revoked on the server
     * that issued it. Waits for a renewal in flight, so the token it brings goes too. Resolves
     * whether the server took the revocation (false: the tokens stay valid there until they
     * expire), or null when that session had ended already.
     */
    endStale: (staleId: string): Promise<boolean | null> =>
      oneAtATime(async () => {
        const current = await store.load();
        const ended = current?.id === staleId ? await writer.end(current, 'profile-changed') : null;
        if (!ended) return null;
        const client = deps.client(ended.serverUrl);
        const results = await Promise.allSettled(tokensOf(ended).map((token) => client.logout(token)));
        return results.every((r) => r.status === 'fulfilled' || errorKindOf(r.reason) === 'token-rejected');
      }),

    /** A session stored before sessions recorded their origins takes its profile's, once. */
    async bindOrigins(profile: Parameters<typeof originsOf>[0]): Promise<void> {
      const session = await store.load();
      if (session && session.origins === undefined && isSessionFor(session, profile)) {
        await writer.update(session, { ...session, origins: originsOf(profile) });
      }
    },

    /**
     * Forgets the session here only, at once (its token stays valid on the server until it
     * expires). A renewal in flight finds its session ended, and revokes what it brings.
     */
    async forget(): Promise<void> {
      await writer.end(null, null);
    },
  };
}
