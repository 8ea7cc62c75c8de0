import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createIdbKeyStore } from '../../lib/browser/idb-key-store';
import { renewalAlarmFor } from '../../lib/browser/renewal-alarm';
import { createBytedeskClient } from '../../lib/server/client';
import { createTokenLifecycle } from '../../lib/token/lifecycle';
import { createPasswordVault } from '../../lib/token/password-vault';
import { sessionStoreFor } from '../../lib/token/session-store';
import { startStandInServer, type StandInServer } from '../server/bytedesk-server.ts';

let server: StandInServer;
let now = Date.UTC(2026, 10, 23, 9, 0, 0);
const LIFETIME_S = 600;
const sessionStore = sessionStoreFor('p');

beforeAll(async () => {
  server = await startStandInServer({ now: () => now, tokenLifetimeSeconds: LIFETIME_S });
});
afterAll(() => server.close());
beforeEach(() => {
  fakeBrowser.reset();
  server.setFault(null);
  server.clearRequests();
  now += 3_600_000;
});

function lifecycle() {
  return createTokenLifecycle({
    store: sessionStore,
    vault: createPasswordVault(createIdbKeyStore(new IDBFactory())),
    scheduler: renewalAlarmFor('p'),
    client: (baseUrl) => createBytedeskClient({ baseUrl, timeoutMs: 2_000 }),
    profile: async () => ({ id: 'p', name: 'Stand-in', baseUrl: server.url, agentUrl: null, adminUrl: null, managed: false }),
    now: () => now,
  });
}

const asAdmin = { username: 'admin@email.com', password: 'admin', persist: false, rememberPassword: false };
const paths = () => server.requests.map((r) => `${r.method} ${r.path}`);

describe('the token lifecycle against the stand-in server', () => {
  it('renews by exchange when the alarm fires, with no password, and the new token works', async () => {
    const tokens = lifecycle();
    const first = await tokens.signIn(asAdmin);
    now += LIFETIME_S * 1000 * 0.6; // past the half-way renewal time of a short token
    server.clearRequests();
    await tokens.renewIfDue();
    const renewed = await sessionStore.load();
    expect(renewed?.token).not.toBe(first.token);
    expect(paths()).toEqual(['POST /auth/v1/login/accessToken']);
    await expect(createBytedeskClient({ baseUrl: server.url }).profile(renewed!.token)).resolves.toHaveProperty(
      'nickname',
      'Admin',
    );
  });

  it('renews a token that expired meanwhile with the remembered password, once', async () => {
    const tokens = lifecycle();
    await tokens.signIn({ ...asAdmin, rememberPassword: true });
    now += (LIFETIME_S + 5) * 1000;
    server.clearRequests();
    const session = await tokens.freshSession();
    expect(paths()).toEqual(['POST /auth/v1/login/accessToken', 'POST /auth/v1/login']);
    expect(session.expiresAt).toBe(Math.floor(now / 1000) * 1000 + LIFETIME_S * 1000);
  });

  it('signs out with "expired" when the token ran out and no password is remembered', async () => {
    const tokens = lifecycle();
    await tokens.signIn(asAdmin);
    now += (LIFETIME_S + 5) * 1000;
    await expect(tokens.freshSession()).rejects.toMatchObject({ kind: 'session-expired' });
    expect(await sessionStore.load()).toBeNull();
  });

  it('signs out when the token was revoked on the server', async () => {
    const tokens = lifecycle();
    const session = await tokens.signIn(asAdmin);
    server.revoke(session.token);
    now += LIFETIME_S * 1000 * 0.6;
    await expect(tokens.freshSession()).rejects.toMatchObject({ kind: 'token-rejected' });
  });

  it('keeps the token while the server is down, and renews once it is back', async () => {
    const tokens = lifecycle();
    const first = await tokens.signIn(asAdmin);
    now += LIFETIME_S * 1000 * 0.6;
    server.setFault({ kind: 'refuse' });
    await expect(tokens.freshSession()).resolves.toMatchObject({ token: first.token });
    expect(await sessionStore.load()).toMatchObject({ renewalFailed: { kind: 'unreachable' } });
    server.setFault(null);
    await tokens.renewIfDue();
    expect(await sessionStore.load()).toMatchObject({ renewalFailed: null });
  });

  it('revokes: the server rejects the token afterwards', async () => {
    const tokens = lifecycle();
    const session = await tokens.signIn(asAdmin);
    await tokens.revoke();
    expect(server.tokens().find((t) => t.token === session.token)?.revoked).toBe(true);
    expect(await sessionStore.load()).toBeNull();
  });

  it('accepts a token pasted from the admin console after checking it', async () => {
    const tokens = lifecycle();
    const session = await tokens.signInWithToken(server.mint('agent1@email.com'), true);
    expect(session.user).toEqual({ username: 'agent1@email.com', nickname: 'Agent One', superUser: false, roles: ['ROLE_AGENT'] });
    const unknownToServer = server.signWithoutRow('agent1@email.com', { iat: Math.floor(now / 1000) - 60 });
    await expect(tokens.signInWithToken(unknownToServer, true)).rejects.toMatchObject({
      kind: 'token-rejected',
    });
  });

  it('locks the account on the third wrong password, each reported and none retried', async () => {
    const tokens = lifecycle();
    const wrong = { ...asAdmin, username: 'agent2@email.com', password: 'nope' };
    await expect(tokens.signIn(wrong)).rejects.toMatchObject({ kind: 'wrong-credentials', triesLeft: 2 });
    await expect(tokens.signIn(wrong)).rejects.toMatchObject({ kind: 'wrong-credentials', triesLeft: 1 });
    await expect(tokens.signIn(wrong)).rejects.toMatchObject({ kind: 'account-locked' });
    expect(paths().filter((p) => p === 'POST /auth/v1/login')).toHaveLength(3);
  });
});
