import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renewalAlarmFor } from '../../lib/browser/renewal-alarm';
import type { BytedeskClient } from '../../lib/server/client';
import { LaunchpadError } from '../../lib/server/errors';
import { profileItems } from '../../lib/storage';
import { createTokenLifecycle } from '../../lib/token/lifecycle';
import { createPasswordVault, type KeyStore } from '../../lib/token/password-vault';
import { sessionStoreFor } from '../../lib/token/session-store';
import { TRUST_MS } from '../../lib/token/trust';
import { PROFILE } from '../support/profiles';
import { fakeJwt } from '../support/tokens';

const DAY = 86_400_000;
const USER = { username: 'admin@email.com', nickname: 'Admin', superUser: true };
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

// One profile's session, stored under its own keys and renewed by its own alarm.
const sessionStore = sessionStoreFor(PROFILE.id);
const renewalAlarm = renewalAlarmFor(PROFILE.id);
const RENEWAL_ALARM = `renew-token/${PROFILE.id}`;
const SESSION_KEY = `session/${PROFILE.id}`;
const lastAccountItem = profileItems(PROFILE.id).lastAccount;

function memoryKeyStore(): KeyStore {
  let key: CryptoKey | null = null;
  return { load: async () => key, save: async (k) => void (key = k) };
}

function setup() {
  let now = T0;
  const grant = (lifetime = 30 * DAY) => ({ accessToken: fakeJwt(USER.username, now, lifetime), user: USER });
  const client = {
    login: vi.fn(async () => grant()),
    exchange: vi.fn(async () => grant()),
    profile: vi.fn(async () => USER),
    logout: vi.fn(async () => {}),
    createUser: vi.fn(),
    probe: vi.fn(),
    unreplied: vi.fn(),
    agentOf: vi.fn(),
    queuing: vi.fn(),
    ticketsAssigned: vi.fn(),
  } satisfies Record<keyof BytedeskClient, unknown>;
  const lifecycle = createTokenLifecycle({
    store: sessionStore,
    vault: createPasswordVault(memoryKeyStore()),
    scheduler: renewalAlarm,
    client: () => client as unknown as BytedeskClient,
    profile: async () => PROFILE,
    now: () => now,
  });
  const signIn = (extra: { persist?: boolean; rememberPassword?: boolean } = {}) =>
    lifecycle.signIn({ username: 'admin@email.com', password: 'admin', persist: false, rememberPassword: false, ...extra });
  return {
    client,
    lifecycle,
    signIn,
    grant,
    advance: (ms: number) => void (now += ms),
    alarm: () => fakeBrowser.alarms.get(RENEWAL_ALARM),
  };
}

const unreachable = () => new LaunchpadError('unreachable');
const rejected = () => new LaunchpadError('token-rejected');

beforeEach(() => fakeBrowser.reset());

describe('signing in', () => {
  it('The token lives in session storage unless you choose to stay signed in: by default, with the expiry read from the token', async () => {
    const { signIn } = setup();
    const session = await signIn();
    expect(session.expiresAt).toBe(T0 + 30 * DAY);
    expect(await fakeBrowser.storage.session.get(SESSION_KEY)).toMatchObject({ [SESSION_KEY]: { token: session.token } });
    expect(await fakeBrowser.storage.local.get(SESSION_KEY)).toEqual({});
  });

  it('The token lives in session storage unless you choose to stay signed in: then in local storage', async () => {
    const { signIn } = setup();
    await signIn({ persist: true });
    expect((await fakeBrowser.storage.local.get(SESSION_KEY))[SESSION_KEY]).toHaveProperty('user.nickname', 'Admin');
    expect(await fakeBrowser.storage.session.get(SESSION_KEY)).toEqual({});
  });

  it('schedules the renewal at 80% of a 30-day token', async () => {
    const { signIn, alarm } = setup();
    await signIn();
    expect((await alarm())?.scheduledTime).toBe(T0 + 24 * DAY);
  });

  it('A password is stored only if you ask, and only encrypted: never in plain text', async () => {
    const { signIn } = setup();
    await signIn({ rememberPassword: true, persist: true });
    const everything = JSON.stringify([await fakeBrowser.storage.local.get(), await fakeBrowser.storage.session.get()]);
    expect(everything).toContain('ciphertext');
    expect(everything).not.toMatch(/"admin"|YWRtaW4/); // neither the password nor its base64
  });

  it('A password is stored only if you ask, and only encrypted: none unless asked', async () => {
    const { signIn } = setup();
    await signIn({ persist: true });
    expect(await sessionStore.loadPassword()).toBeNull();
  });

  it('reports a wrong password once and stores nothing', async () => {
    const { client, signIn } = setup();
    client.login.mockRejectedValueOnce(new LaunchpadError('wrong-credentials', { triesLeft: 2 }));
    await expect(signIn()).rejects.toMatchObject({ kind: 'wrong-credentials', triesLeft: 2 });
    expect(client.login).toHaveBeenCalledTimes(1);
    expect(await sessionStore.load()).toBeNull();
  });

  it('keeps a pasted token only after the server accepted it', async () => {
    const { client, lifecycle, grant } = setup();
    client.profile.mockRejectedValueOnce(rejected());
    await expect(lifecycle.signInWithToken(grant().accessToken, false)).rejects.toMatchObject({ kind: 'token-rejected' });
    expect(await sessionStore.load()).toBeNull();
    const session = await lifecycle.signInWithToken(`Bearer ${grant().accessToken}`, false);
    expect(session.user.nickname).toBe('Admin');
    expect(session.token.startsWith('Bearer')).toBe(false);
  });

  it('keeps a token that is not a JWT as opaque, checked with the server before use once the trust ran out', async () => {
    const { client, lifecycle, advance } = setup();
    const session = await lifecycle.signInWithToken('opaque-token-from-admin-console', false);
    expect(session.expiresAt).toBeNull();
    advance(TRUST_MS);
    await expect(lifecycle.freshSession()).resolves.toMatchObject({ token: 'opaque-token-from-admin-console' });
    expect(client.profile).toHaveBeenCalledTimes(2);
    advance(TRUST_MS);
    client.profile.mockRejectedValueOnce(rejected());
    client.exchange.mockRejectedValueOnce(rejected()); // a dead token cannot be traded either
    await expect(lifecycle.freshSession()).rejects.toMatchObject({ kind: 'token-rejected' });
    expect(await sessionStore.load()).toBeNull();
  });
});

describe('a token for a page about to open (liveSession)', () => {
  it('asks the server first: a token revoked elsewhere (a sign-out in the web app) ends the session, and says why', async () => {
    const { client, signIn, lifecycle } = setup();
    await signIn();
    lifecycle.distrust(); // the web app's sign-out request was seen
    client.profile.mockRejectedValueOnce(rejected());
    client.exchange.mockRejectedValueOnce(rejected());
    await expect(lifecycle.liveSession()).rejects.toMatchObject({ kind: 'token-rejected' });
    expect(await sessionStore.load()).toBeNull();
    expect(await lastAccountItem.getValue()).toEqual({ username: USER.username, endedBecause: 'token-rejected' });
  });

  it('with the password remembered, replaces a revoked token with one password login', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    const first = await signIn({ rememberPassword: true });
    advance(TRUST_MS + 60_000);
    client.profile.mockRejectedValueOnce(rejected());
    client.exchange.mockRejectedValueOnce(rejected());
    const live = await lifecycle.liveSession();
    expect(live.token).not.toBe(first.token);
    expect(client.login).toHaveBeenCalledTimes(2); // the sign-in, then the one renewal
  });

  it('server out of reach for the check: hands out the stored token rather than nothing', async () => {
    const { client, signIn, lifecycle } = setup();
    const session = await signIn();
    client.profile.mockRejectedValueOnce(unreachable());
    await expect(lifecycle.liveSession()).resolves.toMatchObject({ token: session.token });
    expect(client.exchange).not.toHaveBeenCalled();
    expect(await sessionStore.load()).toMatchObject({ token: session.token });
  });

  it('a token the server confirmed in the last 5 minutes opens at once, without a question', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    const session = await signIn();
    advance(TRUST_MS - 1);
    await expect(lifecycle.liveSession()).resolves.toMatchObject({ token: session.token });
    expect(client.profile).not.toHaveBeenCalled();
    advance(1);
    await lifecycle.liveSession();
    expect(client.profile).toHaveBeenCalledOnce();
  });

  it('a worker started cold trusts what the server confirmed before the last one stopped', async () => {
    const first = setup();
    await first.signIn();
    const next = setup(); // a new worker: nothing in memory, the same storage
    await next.lifecycle.liveSession();
    expect(next.client.profile).not.toHaveBeenCalled();
    next.lifecycle.distrust();
    await new Promise((r) => setTimeout(r, 0)); // the worker stops after the event
    const afterSignOutSeen = setup();
    await afterSignOutSeen.lifecycle.liveSession();
    expect(afterSignOutSeen.client.profile).toHaveBeenCalledOnce();
  });

  it('a web app\'s sign-out seen: the next page asks the server first', async () => {
    const { client, signIn, lifecycle } = setup();
    await signIn();
    lifecycle.distrust();
    await lifecycle.liveSession();
    await lifecycle.liveSession(); // confirmed again just now
    expect(client.profile).toHaveBeenCalledOnce();
  });

  it("a web app's sign-out seen as a worker starts: the confirmation it had stored is not trusted", async () => {
    const first = setup();
    await first.signIn();
    const next = setup(); // a new worker, woken by the web app's sign-out request
    next.lifecycle.distrust(); // before its read of the stored confirmation has answered
    await next.lifecycle.liveSession();
    expect(next.client.profile).toHaveBeenCalledOnce();
  });

  it("a check in flight when a web app's sign-out is seen does not bring the trust back", async () => {
    const { client, signIn, lifecycle } = setup();
    await signIn();
    lifecycle.distrust();
    let answer!: () => void;
    client.profile.mockImplementationOnce(() => new Promise((r) => (answer = () => r(USER)))); // answered before the logout landed
    const ahead = lifecycle.confirmAhead();
    await vi.waitFor(() => expect(client.profile).toHaveBeenCalled());
    lifecycle.distrust(); // the web app's sign-out request leaves now
    answer();
    await ahead;
    await lifecycle.liveSession();
    expect(client.profile).toHaveBeenCalledTimes(2);
  });

  it('asked ahead (the popup opened) and at the open at once: one question to the server', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    await signIn();
    advance(TRUST_MS);
    let answer!: () => void;
    client.profile.mockImplementationOnce(() => new Promise((r) => (answer = () => r(USER))));
    const ahead = lifecycle.confirmAhead();
    const open = lifecycle.liveSession();
    await vi.waitFor(() => expect(client.profile).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 10)); // the open has asked too, by now
    answer();
    await Promise.all([ahead, open]);
    expect(client.profile).toHaveBeenCalledOnce();
    await lifecycle.confirmAhead(); // trusted now: nothing asked
    expect(client.profile).toHaveBeenCalledOnce();
  });

  it('a token renewed just now is not asked about again', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    await signIn();
    advance(25 * DAY);
    await lifecycle.liveSession();
    expect(client.exchange).toHaveBeenCalledOnce();
    expect(client.profile).not.toHaveBeenCalled();
  });
});

describe('fresh tokens', () => {
  it('hands out the stored token without asking the server while it has time left', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    const session = await signIn();
    advance(20 * DAY);
    await expect(lifecycle.freshSession()).resolves.toMatchObject({ token: session.token });
    expect(client.exchange).not.toHaveBeenCalled();
  });

  it('renews by exchange, without the password, once past the renewal time', async () => {
    const { client, signIn, lifecycle, advance, alarm } = setup();
    const first = await signIn();
    advance(25 * DAY);
    const renewed = await lifecycle.freshSession();
    expect(client.exchange).toHaveBeenCalledWith(first.token);
    expect(client.login).toHaveBeenCalledTimes(1); // the sign-in only
    expect(renewed.token).not.toBe(first.token);
    expect(renewed.expiresAt).toBe(T0 + 55 * DAY);
    expect((await alarm())?.scheduledTime).toBe(T0 + 49 * DAY);
  });

  it('shares one renewal among 20 callers at once', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    await signIn();
    advance(25 * DAY);
    const sessions = await Promise.all(Array.from({ length: 20 }, () => lifecycle.freshSession()));
    expect(client.exchange).toHaveBeenCalledTimes(1);
    expect(new Set(sessions.map((s) => s.token)).size).toBe(1);
  });

  it('keeps the old token through a network failure until it truly expires', async () => {
    const { client, signIn, lifecycle, advance, alarm } = setup();
    const first = await signIn({ persist: true });
    advance(25 * DAY);
    client.exchange.mockRejectedValue(unreachable());
    await expect(lifecycle.freshSession()).resolves.toMatchObject({ token: first.token });
    expect(await sessionStore.load()).toMatchObject({ token: first.token, renewalFailed: { kind: 'unreachable' } });
    expect((await alarm())?.scheduledTime).toBe(T0 + 25 * DAY + 60_000);
    advance(6 * DAY); // now past expiry, still offline
    await expect(lifecycle.freshSession()).rejects.toMatchObject({ kind: 'unreachable' });
    expect(await sessionStore.load()).toMatchObject({ token: first.token }); // not signed out by the network
  });

  it('signs out with a reason when the server revoked the token and no password is remembered', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    await signIn();
    advance(25 * DAY);
    client.exchange.mockRejectedValue(rejected());
    await expect(lifecycle.freshSession()).rejects.toMatchObject({ kind: 'token-rejected' });
    expect(await sessionStore.load()).toBeNull();
    expect(await lastAccountItem.getValue()).toEqual({ username: 'admin@email.com', endedBecause: 'token-rejected' });
  });

  it('says "expired" when the token ran out', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    await signIn();
    advance(31 * DAY);
    client.exchange.mockRejectedValue(rejected());
    await expect(lifecycle.freshSession()).rejects.toMatchObject({ kind: 'session-expired' });
  });

  it('falls back to the remembered password when the exchange is refused', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    await signIn({ rememberPassword: true });
    advance(31 * DAY);
    client.exchange.mockRejectedValue(rejected());
    const renewed = await lifecycle.freshSession();
    expect(client.login).toHaveBeenLastCalledWith('admin@email.com', 'admin');
    expect(renewed.expiresAt).toBe(T0 + 61 * DAY);
  });

  it('A refused password is never tried again by itself: the remembered one is forgotten', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    await signIn({ rememberPassword: true });
    advance(31 * DAY);
    client.exchange.mockRejectedValue(rejected());
    client.login.mockRejectedValue(new LaunchpadError('wrong-credentials', { triesLeft: 2 }));
    await expect(lifecycle.freshSession()).rejects.toMatchObject({ kind: 'wrong-credentials' });
    await expect(lifecycle.freshSession()).rejects.toMatchObject({ kind: 'signed-out' });
    expect(client.login).toHaveBeenCalledTimes(2); // sign-in + the one renewal attempt
    expect(await sessionStore.loadPassword()).toBeNull();
  });

  it('does not repeat a password login by itself after it failed for a passing reason', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    await signIn({ rememberPassword: true });
    advance(31 * DAY);
    client.exchange.mockRejectedValue(rejected());
    client.login.mockRejectedValueOnce(new LaunchpadError('timeout'));
    await lifecycle.renewIfDue(); // the alarm
    await lifecycle.renewIfDue(); // and again
    expect(client.login).toHaveBeenCalledTimes(2); // sign-in + one attempt
    await expect(lifecycle.freshSession()).resolves.toBeTruthy(); // a person asks: tried once more
    expect(client.login).toHaveBeenCalledTimes(3);
  });
});

describe('the renewal alarm', () => {
  it('is re-created at worker start when not yet due', async () => {
    const { signIn, lifecycle, alarm } = setup();
    await signIn();
    await fakeBrowser.alarms.clearAll();
    await lifecycle.renewIfDue();
    expect((await alarm())?.scheduledTime).toBe(T0 + 24 * DAY);
  });

  it('renews at once when the alarm was missed', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    await signIn();
    advance(26 * DAY);
    await lifecycle.renewIfDue();
    expect(client.exchange).toHaveBeenCalledTimes(1);
  });

  it('swallows a failure, which is recorded for the badge instead', async () => {
    const { client, signIn, lifecycle, advance } = setup();
    await signIn();
    advance(26 * DAY);
    client.exchange.mockRejectedValue(new LaunchpadError('server-error', { status: 502 }));
    await expect(lifecycle.renewIfDue()).resolves.toBeUndefined();
    expect(await sessionStore.load()).toMatchObject({ renewalFailed: { kind: 'server-error' } });
  });
});

describe('revoking', () => {
  it('logs the token out on the server, then forgets it', async () => {
    const { client, signIn, lifecycle, alarm } = setup();
    const session = await signIn({ rememberPassword: true });
    await lifecycle.revoke();
    expect(client.logout).toHaveBeenCalledWith(session.token);
    expect(await sessionStore.load()).toBeNull();
    expect(await sessionStore.loadPassword()).toBeNull();
    expect(await alarm()).toBeUndefined();
  });

  it('keeps the token when the server cannot be reached, and can forget it locally', async () => {
    const { client, signIn, lifecycle } = setup();
    await signIn();
    client.logout.mockRejectedValue(unreachable());
    await expect(lifecycle.revoke()).rejects.toMatchObject({ kind: 'unreachable' });
    expect(await sessionStore.load()).not.toBeNull();
    await lifecycle.forget();
    expect(await sessionStore.load()).toBeNull();
  });

  it('treats an already dead token as revoked', async () => {
    const { client, signIn, lifecycle } = setup();
    await signIn();
    client.logout.mockRejectedValue(rejected());
    await lifecycle.revoke();
    expect(await sessionStore.load()).toBeNull();
  });
});
