// Two things at once: every interleaving a careful user can cause with a slow server. The fake
// server does the work at once (a token is minted, a row revoked) and its answer comes back when
// the test releases it, as on a slow network. Each test ends in one consistent state, and no
// token the extension saw is left valid on the server unless it is stored.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renewalAlarmFor } from '../../lib/browser/renewal-alarm';
import type { BytedeskClient } from '../../lib/server/client';
import { LaunchpadError } from '../../lib/server/errors';
import { profileItems } from '../../lib/storage';
import { createTokenLifecycle } from '../../lib/token/lifecycle';
import { createPasswordVault, type KeyStore } from '../../lib/token/password-vault';
import { sessionStoreFor } from '../../lib/token/session-store';
import { PROFILE } from '../support/profiles';
import { fakeJwt } from '../support/tokens';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const ADMIN = { username: 'admin@email.com', nickname: 'Admin', superUser: true };
type Method = 'login' | 'exchange' | 'logout' | 'profile';

// One profile's session, alarm and last account.
const sessionStore = sessionStoreFor(PROFILE.id);
const renewalAlarm = renewalAlarmFor(PROFILE.id);
const lastAccountItem = profileItems(PROFILE.id).lastAccount;

interface Held {
  /** The answer goes out. */
  release(): void;
  /** Resolves once the extension has made the call. */
  called: Promise<void>;
}

/** A server whose tokens can be revoked, and whose answers the test can hold back. */
function slowServer(now: () => number) {
  const passwords: Record<string, string> = { 'admin@email.com': 'admin', 'agent1@email.com': '123456' };
  const valid = new Set<string>();
  const seen = new Set<string>();
  const calls: { method: Method; serverUrl: string; token?: string }[] = [];
  const held = new Map<Method, { gate: Promise<void>; arrived(): void }>();
  let minted = 0;

  function mint(username: string) {
    minted += 1; // a second apart: two tokens are never the same string
    const token = fakeJwt(username, now() + minted * 1000, 30 * DAY);
    valid.add(token);
    seen.add(token);
    return { accessToken: token, user: { ...ADMIN, username } };
  }

  /** The next call of `method` is answered only when released. */
  function hold(method: Method): Held {
    let release!: () => void;
    let arrived!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const called = new Promise<void>((r) => (arrived = r));
    held.set(method, { gate, arrived });
    return { release, called };
  }

  async function answer<T>(method: Method, serverUrl: string, token: string | undefined, work: () => T): Promise<T> {
    calls.push({ method, serverUrl, token });
    const outcome = (() => {
      try {
        return { value: work() };
      } catch (error) {
        return { error };
      }
    })();
    const gate = held.get(method);
    if (gate) {
      held.delete(method);
      gate.arrived();
      await gate.gate;
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  const rejected = () => new LaunchpadError('token-rejected');
  const client = (serverUrl: string) =>
    ({
      login: (username: string, password: string) =>
        answer('login', serverUrl, undefined, () => {
          if (passwords[username] !== password) throw new LaunchpadError('wrong-credentials', { triesLeft: 2 });
          return mint(username);
        }),
      exchange: (token: string) =>
        answer('exchange', serverUrl, token, () => {
          if (!valid.has(token)) throw rejected();
          return mint(ADMIN.username);
        }),
      logout: (token: string) =>
        answer('logout', serverUrl, token, () => {
          if (!valid.delete(token)) throw rejected();
        }),
      profile: (token: string) =>
        answer('profile', serverUrl, token, () => {
          if (!valid.has(token)) throw rejected();
          return ADMIN;
        }),
    }) as unknown as BytedeskClient;

  return {
    client,
    calls,
    hold,
    /** Revoked elsewhere (a sign-out in the web app). */
    revokeElsewhere: (token: string) => valid.delete(token),
    changePassword: (username: string, password: string) => void (passwords[username] = password),
    /** Tokens the extension was given that still work on the server but are not stored. */
    async leftBehind(): Promise<string[]> {
      const stored = await sessionStore.load();
      const kept = new Set(stored ? [stored.token, ...stored.retired] : []);
      return [...seen].filter((t) => valid.has(t) && !kept.has(t));
    },
    isValid: (token: string) => valid.has(token),
  };
}

function memoryKeyStore(): KeyStore {
  let key: CryptoKey | null = null;
  return { load: async () => key, save: async (k) => void (key = k) };
}

function setup() {
  let now = T0;
  const server = slowServer(() => now);
  let profile = PROFILE;
  const vault = createPasswordVault(memoryKeyStore());
  const lifecycle = createTokenLifecycle({
    store: sessionStore,
    vault,
    scheduler: renewalAlarm,
    client: server.client,
    profile: async () => profile,
    now: () => now,
  });
  const signIn = (extra: Partial<{ username: string; password: string; rememberPassword: boolean }> = {}) =>
    lifecycle.signIn({ username: ADMIN.username, password: 'admin', persist: false, rememberPassword: false, ...extra });
  return {
    server,
    lifecycle,
    vault,
    signIn,
    advance: (ms: number) => void (now += ms),
    changeServer: (baseUrl: string) => void (profile = { ...profile, baseUrl }),
  };
}

/** Whether a promise has settled by the time everything queued so far has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 50; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 5));
  return done;
}

beforeEach(() => fakeBrowser.reset());

describe('a sign-out stays a sign-out', () => {
  it('A token that arrives for a session that has ended is revoked: a sign-out during an exchange waits for it, and revokes the token it brings as well as the old one', async () => {
    const { server, lifecycle, signIn, advance } = setup();
    const first = await signIn();
    advance(25 * DAY); // renewal due
    const exchange = server.hold('exchange');
    const renewal = lifecycle.renewIfDue();
    await exchange.called;

    const signOut = lifecycle.revoke();
    expect(await settled(signOut), 'the sign-out waits for the renewal in flight').toBe(false);
    exchange.release();
    await Promise.all([renewal, signOut]);

    expect(await sessionStore.load()).toBeNull();
    expect(server.isValid(first.token)).toBe(false);
    expect(await server.leftBehind()).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('during a renewal by remembered password: the token that login brings is revoked too', async () => {
    const { server, lifecycle, signIn, advance } = setup();
    const first = await signIn({ rememberPassword: true });
    server.revokeElsewhere(first.token); // the exchange will be refused
    advance(25 * DAY);
    const login = server.hold('login');
    const renewal = lifecycle.freshSession().catch((e: unknown) => e);
    await login.called;

    const signOut = lifecycle.revoke();
    login.release();
    await signOut;
    await renewal;

    expect(await sessionStore.load()).toBeNull();
    expect(await sessionStore.loadPassword()).toBeNull();
    expect(await server.leftBehind()).toEqual([]);
    expect(server.calls.filter((c) => c.method === 'login')).toHaveLength(2); // sign-in + one renewal
  });

  it('a renewal asked for after the sign-out began never reaches the server', async () => {
    const { server, lifecycle, signIn, advance } = setup();
    await signIn({ rememberPassword: true });
    advance(25 * DAY);
    const logout = server.hold('logout');
    const signOut = lifecycle.revoke();
    await logout.called;
    const late = lifecycle.freshSession().catch((e: unknown) => e);
    logout.release();
    await signOut;

    expect(await late).toMatchObject({ kind: 'signed-out' });
    expect(server.calls.map((c) => c.method)).toEqual(['login', 'logout']);
    expect(await server.leftBehind()).toEqual([]);
  });

  it('two renewals and a sign-out at once: at most one exchange, then signed out with nothing left valid', async () => {
    const { server, lifecycle, signIn, advance } = setup();
    await signIn();
    advance(25 * DAY);
    const [alarm, page, signOut] = await Promise.allSettled([
      lifecycle.renewIfDue(),
      lifecycle.freshSession(),
      lifecycle.revoke(),
    ]);

    expect(alarm.status).toBe('fulfilled');
    expect(signOut.status).toBe('fulfilled');
    // Asked at the same moment as the sign-out: the page gets a token that is then revoked, or none.
    if (page.status === 'rejected') expect(page.reason).toMatchObject({ kind: 'signed-out' });
    expect(server.calls.filter((c) => c.method === 'exchange').length).toBeLessThanOrEqual(1);
    expect(await sessionStore.load()).toBeNull();
    expect(await server.leftBehind()).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('Sign out revokes every token of the session: pages opened before a renewal are signed out too', async () => {
    const { server, lifecycle, signIn, advance } = setup();
    const first = await signIn();
    advance(25 * DAY);
    const renewed = await lifecycle.freshSession();
    expect(renewed.token).not.toBe(first.token);
    expect(server.isValid(first.token), 'the exchange leaves the old token working').toBe(true);

    await lifecycle.revoke();
    expect(server.isValid(first.token)).toBe(false);
    expect(server.isValid(renewed.token)).toBe(false);
  });

  it('unreachable: nothing changes, and a renewal after it still works', async () => {
    const { server, lifecycle, signIn, advance } = setup();
    const first = await signIn();
    const client = server.client(PROFILE.baseUrl);
    client.logout = async () => {
      throw new LaunchpadError('unreachable');
    };
    const lifecycleOffline = createTokenLifecycle({
      store: sessionStore,
      vault: createPasswordVault(memoryKeyStore()),
      scheduler: renewalAlarm,
      client: () => client,
      profile: async () => PROFILE,
      now: () => T0 + 25 * DAY,
    });
    await expect(lifecycleOffline.revoke()).rejects.toMatchObject({ kind: 'unreachable' });
    expect(await sessionStore.load()).toMatchObject({ token: first.token });
    advance(25 * DAY);
    await expect(lifecycle.freshSession()).resolves.not.toMatchObject({ token: first.token });
  });
});

describe('a new sign-in is never undone by an old session', () => {
  it('a renewal of the old session fails (password refused) after the new sign-in: the new one stays', async () => {
    const { server, lifecycle, signIn, advance } = setup();
    const old = await signIn({ rememberPassword: true });
    server.revokeElsewhere(old.token);
    server.changePassword(ADMIN.username, 'changed-elsewhere');
    advance(25 * DAY);
    const login = server.hold('login');
    const renewal = lifecycle.freshSession().catch((e: unknown) => e);
    await login.called;

    const fresh = await signIn({ password: 'changed-elsewhere', rememberPassword: true });
    login.release();
    expect(await renewal).toMatchObject({ kind: 'wrong-credentials' });

    expect(await sessionStore.load()).toMatchObject({ id: fresh.id, token: fresh.token });
    expect(await sessionStore.loadPassword(), "the new sign-in's password stays").not.toBeNull();
    expect(await lastAccountItem.getValue()).toEqual({ username: ADMIN.username, endedBecause: null });
    expect((await fakeBrowser.alarms.getAll()).length).toBe(1);
  });

  it('a renewal of the old session succeeds after the new sign-in: its token is revoked, the new one kept', async () => {
    const { server, lifecycle, signIn, advance } = setup();
    const old = await signIn();
    advance(25 * DAY);
    const exchange = server.hold('exchange');
    const renewal = lifecycle.renewIfDue();
    await exchange.called;

    const fresh = await signIn();
    exchange.release();
    await renewal;

    expect(await sessionStore.load()).toMatchObject({ id: fresh.id, token: fresh.token });
    expect(server.isValid(old.token), 'the replaced session is revoked').toBe(false);
    expect(await server.leftBehind()).toEqual([]);
  });

  it('a password renewal in flight for a session that ended is not sent at all', async () => {
    const { server, lifecycle, signIn, advance } = setup();
    const old = await signIn({ rememberPassword: true });
    server.revokeElsewhere(old.token);
    advance(25 * DAY);
    const exchange = server.hold('exchange');
    const renewal = lifecycle.freshSession().catch((e: unknown) => e);
    await exchange.called;
    await lifecycle.forget();
    exchange.release();

    expect(await renewal).toMatchObject({ kind: 'signed-out' });
    expect(server.calls.filter((c) => c.method === 'login')).toHaveLength(1); // the sign-in only
  });
});

describe('a server change during a renewal', () => {
  it('the token the old server sends back is revoked there, and not stored', async () => {
    const { server, lifecycle, signIn, advance, changeServer } = setup();
    await signIn();
    advance(25 * DAY);
    const exchange = server.hold('exchange');
    const renewal = lifecycle.renewIfDue();
    await exchange.called;
    changeServer('https://other.example.com');
    await lifecycle.forget(); // what saving another server does
    exchange.release();
    await renewal;

    expect(await sessionStore.load()).toBeNull();
    const lateLogout = server.calls.at(-1)!;
    expect(lateLogout).toMatchObject({ method: 'logout', serverUrl: PROFILE.baseUrl });
    expect(server.isValid(lateLogout.token!)).toBe(false);
  });
});

describe('the remembered password', () => {
  it.each([
    ['another account on the same server', 'agent1@email.com', PROFILE.baseUrl],
    ['the same account on another server', ADMIN.username, 'https://other.example.com'],
  ])('A remembered password opens only for the account and server it was sealed for: never for %s', async (_, username, serverUrl) => {
    const { server, lifecycle, signIn, vault, advance } = setup();
    const session = await signIn({ rememberPassword: true });
    await sessionStore.savePassword(await vault.seal('123456', username, serverUrl), false);
    server.revokeElsewhere(session.token);
    advance(25 * DAY);

    await expect(lifecycle.freshSession()).rejects.toMatchObject({ kind: 'token-rejected' });
    expect(server.calls.filter((c) => c.method === 'login')).toHaveLength(1); // the sign-in only
  });
});
