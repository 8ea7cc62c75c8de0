import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorMessage } from '../../lib/error-message';
import { createBytedeskClient } from '../../lib/server/client';
import { readTokenClaims } from '../../lib/token/jwt';
import { startStandInServer, type StandInServer } from '../server/bytedesk-server.ts';

let server: StandInServer;
let now = Date.UTC(2026, 10, 23, 9, 0, 0);
const client = () => createBytedeskClient({ baseUrl: server.url, timeoutMs: 2_000 });

beforeAll(async () => {
  server = await startStandInServer({ now: () => now, tokenLifetimeSeconds: 3600 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.setFault(null);
  server.clearRequests();
  now += 3_600_000; // a fresh hour: lock windows and tokens from other tests are behind us
});

describe('login', () => {
  it('signs in over the captcha-free channel and returns a token whose expiry can be read', async () => {
    const grant = await client().login('admin@email.com', 'admin');
    expect(grant.user).toMatchObject({ username: 'admin@email.com', nickname: 'Admin', superUser: true });
    const claims = readTokenClaims(grant.accessToken);
    expect(claims).toMatchObject({ username: 'admin@email.com', expiresAt: Math.floor(now / 1000) + 3600 });
    expect(server.requests.at(-1)?.body).toMatchObject({ channel: 'FLUTTER', platform: 'BYTEDESK' });
  });

  it('counts down the tries, then reports the lock, and the right password waits out the lock', async () => {
    const c = client();
    await expect(c.login('agent1@email.com', 'wrong')).rejects.toMatchObject({ kind: 'wrong-credentials', triesLeft: 2 });
    await expect(c.login('agent1@email.com', 'wrong')).rejects.toMatchObject({ kind: 'wrong-credentials', triesLeft: 1 });
    await expect(c.login('agent1@email.com', 'wrong')).rejects.toMatchObject({ kind: 'account-locked' });
    await expect(c.login('agent1@email.com', '123456')).rejects.toMatchObject({ kind: 'account-locked' });
    now += 10 * 60_000 + 1_000;
    await expect(c.login('agent1@email.com', '123456')).resolves.toHaveProperty('user.nickname', 'Agent One');
  });

  it.each([
    ['an unknown user', 'nobody@email.com', 'x'],
    ['a disabled user', 'disabled@email.com', '123456'],
  ])('cannot tell %s from a wrong password', async (_, username, password) => {
    await expect(client().login(username, password)).rejects.toMatchObject({ kind: 'wrong-credentials' });
  });

  it('reports an empty password', async () => {
    await expect(client().login('admin@email.com', '')).rejects.toMatchObject({ kind: 'wrong-credentials' });
  });
});

describe('tokens', () => {
  it('exchanges a valid token for a new one and leaves the old one valid', async () => {
    const c = client();
    const { accessToken } = await c.login('admin@email.com', 'admin');
    now += 1_000;
    const renewed = await c.exchange(accessToken);
    expect(renewed.accessToken).not.toBe(accessToken);
    await expect(c.profile(accessToken)).resolves.toHaveProperty('username', 'admin@email.com');
    await expect(c.profile(renewed.accessToken)).resolves.toHaveProperty('username', 'admin@email.com');
  });

  it('rejects an expired token on exchange and on profile', async () => {
    const c = client();
    const { accessToken } = await c.login('admin@email.com', 'admin');
    now += 3_601_000;
    await expect(c.exchange(accessToken)).rejects.toMatchObject({ kind: 'token-rejected' });
    await expect(c.profile(accessToken)).rejects.toMatchObject({ kind: 'token-rejected', status: 401 });
  });

  it('logs out: the token is rejected afterwards', async () => {
    const c = client();
    const { accessToken } = await c.login('admin@email.com', 'admin');
    await c.logout(accessToken);
    await expect(c.profile(accessToken)).rejects.toMatchObject({ kind: 'token-rejected' });
    await expect(c.logout('')).rejects.toMatchObject({ kind: 'token-rejected' });
  });

  it.each([
    ['revoked on the server', (t: string) => server.revoke(t)],
    ['of a user who was disabled', () => server.setUserEnabled('agent2@email.com', false)],
    ['of a user who was deleted', () => server.deleteUser('agent2@email.com')],
  ])('rejects a token %s', async (_, change) => {
    const token = server.mint('agent2@email.com');
    change(token);
    await expect(client().profile(token)).rejects.toMatchObject({
      kind: expect.stringMatching(/^(token-rejected|forbidden)$/),
    });
  });

  it('rejects a correctly signed token the server has no row for', async () => {
    await expect(client().profile(server.signWithoutRow('admin@email.com'))).rejects.toMatchObject({ kind: 'token-rejected' });
  });
});

describe('creating users', () => {
  it('lets a super administrator create a user who can then sign in', async () => {
    const c = client();
    const { accessToken } = await c.login('admin@email.com', 'admin');
    const email = `new${now}@email.com`;
    await expect(c.createUser(accessToken, { email, nickname: '新客服', password: 'pw123456' })).resolves.toMatchObject({
      username: email,
      nickname: '新客服',
    });
    await expect(c.login(email, 'pw123456')).resolves.toHaveProperty('user.nickname', '新客服');
    await expect(c.createUser(accessToken, { email })).rejects.toMatchObject({ kind: 'already-exists' });
    await expect(c.createUser(accessToken, { nickname: 'nobody' })).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('refuses an agent', async () => {
    const { accessToken } = await client().login('agent1@email.com', '123456');
    await expect(client().createUser(accessToken, { email: 'x@email.com' })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('probe (test connection)', () => {
  it('recognises a Bytedesk server without any credentials', async () => {
    await expect(client().probe()).resolves.toBeUndefined();
    expect(server.requests.at(-1)?.token).toBeNull();
  });

  it.each([
    [{ kind: 'html-ok' } as const, 'not-bytedesk'],
    [{ kind: 'refuse' } as const, 'unreachable'],
  ])('tells %j apart: %s', async (fault, kind) => {
    server.setFault(fault);
    await expect(client().probe()).rejects.toMatchObject({ kind });
  });
});

describe('faults between here and the server', () => {
  it.each([
    [{ kind: 'status500' } as const, 'server-error'],
    [{ kind: 'html-ok' } as const, 'not-bytedesk'],
    [{ kind: 'malformed-json' } as const, 'not-bytedesk'],
    [{ kind: 'reset' } as const, 'unreachable'],
    [{ kind: 'refuse' } as const, 'unreachable'],
  ])('%j -> %s', async (fault, kind) => {
    server.setFault(fault);
    await expect(client().login('admin@email.com', 'admin')).rejects.toMatchObject({ kind });
  });

  it('reads a reverse proxy 502 page as a server error', async () => {
    server.setFault({ kind: 'html-error' });
    await expect(client().profile('x')).rejects.toMatchObject({ kind: 'server-error', status: 502 });
  });

  it('times out on a slow server', async () => {
    server.setFault({ kind: 'latency', ms: 500 });
    const slow = createBytedeskClient({ baseUrl: server.url, timeoutMs: 100 });
    await expect(slow.login('admin@email.com', 'admin')).rejects.toMatchObject({ kind: 'timeout' });
  });

  it.each([
    ['streamed with no stated length', false],
    ['with its length stated', true],
  ])("A server's answer is read only up to 1 MB: a runaway 100 MB answer (%s) is cut off and said to be too large", async (_, declared) => {
    server.setFault({ kind: 'huge', bytes: 100 * 1024 * 1024, declared });
    const error = await client().profile('x').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'too-large' });
    expect(errorMessage(error, (key) => key)).toBe('error_too_large');
    // The server could write only what the socket's buffers took before the client hung up.
    await vi.waitFor(() => expect(server.hugeBytesSent()).toBeGreaterThan(0));
    expect(server.hugeBytesSent()).toBeLessThan(16 * 1024 * 1024);
  });

  it('reports a port where nothing listens as unreachable', async () => {
    const nowhere = createBytedeskClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2_000 });
    await expect(nowhere.profile('x')).rejects.toMatchObject({ kind: 'unreachable' });
  });
});
