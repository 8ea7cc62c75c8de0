// The foundation end to end: the built extension in Chromium, signed in through its background
// against the stand-in Bytedesk server, opening a workspace page already signed in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { BackgroundError, launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';

const ADMIN = { username: 'admin@email.com', password: 'admin' };

interface StoredSession {
  token: string;
  serverUrl: string;
  expiresAt: number | null;
  user: { username: string; nickname: string };
}

let server: StandInServer;
let ext: ExtensionHarness;

beforeEach(async () => {
  server = await startServerForTest();
  ext = await launchExtension();
  await ext.configureServer(server.url);
});

afterEach(async () => {
  await ext?.close();
  await server?.close();
});

const signInAsAdmin = () =>
  ext.sendToBackground('signIn', { ...ADMIN, persist: false, rememberPassword: false });

const isWorkspacePage = (url: URL) => url.origin === server.url && /^\/(agent|admin)(\/|$)/.test(url.pathname);

/** The background's failure for one message, as the BackgroundError it rejects with. */
async function failureOf(promise: Promise<unknown>): Promise<BackgroundError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the background should have refused').toBeInstanceOf(BackgroundError);
  return error as BackgroundError;
}

/** Any tab or window the background opens from now on (the message page is already open). */
async function watchForNewPages(): Promise<() => Promise<string[]>> {
  const before = new Set([await ext.messagePage(), ...ext.context.pages()]);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 750)); // give a stray tab time to appear
    return ext.context.pages().filter((p) => !before.has(p)).map((p) => p.url());
  };
}

const workspaceRequests = () => server.requests.filter((r) => /^\/(agent|admin)(\/|$)/.test(r.path));

describe('sign in and open', () => {
  it('signs in through the background and opens the agent ticket page already signed in', async () => {
    await signInAsAdmin();
    const session = await ext.readStorage<StoredSession>('session', 'session/e2e');
    expect(session).toMatchObject({ serverUrl: server.url, user: { username: ADMIN.username, nickname: 'Admin' } });
    const token = session!.token;
    expect(await ext.readStorage('local', 'session/e2e'), 'not persisted when persist is off').toBeUndefined();

    const landing = ext.waitForLanding(isWorkspacePage);
    landing.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    await ext.sendToBackground('open', { workspace: 'agent', path: 'ticket' });
    const page = await landing;

    const url = new URL(page.url());
    expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/agent/ticket`);
    expect(url.searchParams.get('accessToken')).toBe(token);
    await expect.poll(() => page.locator('#status').getAttribute('data-state'), { timeout: 10_000 }).toBe('signed-in');
    expect(await page.locator('#status').textContent()).toBe('signed in as Admin');
    expect(await page.locator('#app').textContent()).toBe('Agent workbench');
    expect(await page.locator('#path').textContent()).toBe('/ticket');

    // The password login went out without a token, the landing page's profile call with one.
    const logins = server.requests.filter((r) => r.method === 'POST' && r.path === '/auth/v1/login');
    expect(logins).toHaveLength(1);
    expect(logins[0]!.token).toBeNull();
    const landed = server.requests.filter((r) => r.path === '/agent/ticket');
    expect(landed).toHaveLength(1);
    expect(landed[0]!.query.accessToken).toBe(token);
    const profileCalls = server.requests.filter((r) => r.path === '/api/v1/user/profile');
    expect(profileCalls.length).toBeGreaterThanOrEqual(1);
    expect(profileCalls.every((r) => r.token === token)).toBe(true);

    // The token went to the landing page, its profile call and the count of waiting
    // conversations, and nowhere else.
    const withToken = server.requests.filter((r) => r.token !== null);
    expect(withToken.every((r) => r.token === token)).toBe(true);
    const calls = new Set(withToken.map((r) => `${r.method} ${r.path}`));
    expect(calls).toContain('GET /agent/ticket');
    expect(calls).toContain('GET /api/v1/user/profile');
    const allowed = ['GET /agent/ticket', 'GET /api/v1/user/profile', 'GET /api/v1/queue/query/unreplied'];
    expect([...calls].filter((call) => !allowed.includes(call))).toEqual([]);
    // Only the one tab opened.
    expect(ext.webPages().map((p) => p.url())).toEqual([page.url()]);
  });

  it('reports a wrong password with the tries left, and opens nothing', async () => {
    const newPages = await watchForNewPages();
    const error = await failureOf(
      ext.sendToBackground('signIn', { username: ADMIN.username, password: 'wrong', persist: false, rememberPassword: false }),
    );
    expect(error.kind).toBe('wrong-credentials');
    expect(error.triesLeft).toBe(2);
    expect(await ext.readStorage('session', 'session/e2e')).toBeUndefined();
    expect(await ext.readStorage('local', 'session/e2e')).toBeUndefined();

    const logins = server.requests.filter((r) => r.path === '/auth/v1/login');
    expect(logins, 'a failed password login is never retried').toHaveLength(1);
    expect(await newPages()).toEqual([]);
    expect(workspaceRequests()).toEqual([]);
  });

  it('refuses to open a workspace while signed out, and opens nothing', async () => {
    const newPages = await watchForNewPages();
    const error = await failureOf(ext.sendToBackground('open', { workspace: 'agent', path: 'ticket' }));
    expect(error.kind).toBe('signed-out');
    expect(await newPages()).toEqual([]);
    expect(workspaceRequests()).toEqual([]);
    expect(server.requests.filter((r) => r.token !== null)).toEqual([]);
  });
});

describe('renewal', () => {
  it('renews a short-lived token by exchange when the renew-token alarm fires', { timeout: 45_000 }, async () => {
    server.setTokenLifetime(8);
    await signInAsAdmin();
    const first = await ext.readStorage<StoredSession>('session', 'session/e2e');
    expect(first?.expiresAt).not.toBeNull();
    const alarm = await (await ext.currentWorker()).evaluate(() =>
      (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<unknown> } } }).chrome.alarms.get(
        'renew-token/e2e',
      ),
    );
    expect(alarm, "sign-in schedules the profile's renewal alarm").toMatchObject({ name: 'renew-token/e2e' });

    await expect
      .poll(async () => (await ext.readStorage<StoredSession>('session', 'session/e2e'))?.token, {
        timeout: 20_000,
        interval: 250,
      })
      .not.toBe(first!.token);

    const renewed = await ext.readStorage<StoredSession>('session', 'session/e2e');
    expect(renewed).toMatchObject({ serverUrl: server.url, user: { username: ADMIN.username } });
    expect(renewed!.expiresAt!).toBeGreaterThan(first!.expiresAt!);
    expect(server.tokens().map((t) => t.token)).toContain(renewed!.token);

    const exchanges = server.requests.filter((r) => r.method === 'POST' && r.path === '/auth/v1/login/accessToken');
    expect(exchanges.length).toBeGreaterThanOrEqual(1);
    expect((exchanges[0]!.body as { accessToken?: string }).accessToken).toBe(first!.token);
    expect(
      server.requests.filter((r) => r.path === '/auth/v1/login'),
      'renewal needs no second password login',
    ).toHaveLength(1);
  });
});
