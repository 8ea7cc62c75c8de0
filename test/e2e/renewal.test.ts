// An expired token at the moment the user opens a page from the popup. With "remember password"
// the extension signs in again by itself (the exchange of a dead token is refused first) and the
// page opens with the NEW token; without it the popup asks to sign in and nothing opens.
// Tokens live a few seconds here; the renewal alarm is cleared so only the test's click renews.
import { beforeEach, describe, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import type { ExtensionHarness } from './harness.ts';
import { en } from './pages/messages.ts';
import { PopupPage } from './pages/popup.ts';
import {
  ADMIN,
  alarms,
  clearAlarms,
  landingOn,
  landingView,
  pageLoads,
  passwordLogins,
  browserAndServerPerFile,
  storedSession,
  tokenExchanges,
  untilServerRejects,
  type StoredSession,
} from './support.ts';

const t = en();
/** Long enough to sign in and clear the alarm (renewal is due at half the lifetime), short to wait out. */
const LIFETIME_SECONDS = 6;

let server: StandInServer;
let ext: ExtensionHarness;

browserAndServerPerFile((s, e) => {
  server = s;
  ext = e;
});

beforeEach(() => server.setTokenLifetime(LIFETIME_SECONDS));

/**
 * Signs in from the popup, stops the renewal alarm, and waits until the server refuses the token.
 * Resolves the expired session; the request log is emptied.
 */
async function signInAndLetExpire(rememberPassword: boolean): Promise<StoredSession> {
  const popup = await PopupPage.open(ext);
  await popup.signIn({ ...ADMIN, rememberPassword });
  await clearAlarms(ext);
  await popup.page.close();
  const session = (await storedSession(ext))!;
  expect(session.expiresAt! - session.issuedAt, 'a short-lived token').toBeLessThanOrEqual(LIFETIME_SECONDS * 1000);
  expect((await alarms(ext)).filter((a) => a.name.startsWith('renew-token')), 'no renewal planned').toEqual([]);

  await untilServerRejects(server, session.token, (LIFETIME_SECONDS + 5) * 1000);
  expect((await storedSession(ext))?.token, 'nothing renewed it meanwhile').toBe(session.token);
  server.clearRequests();
  return session;
}

/** The log as `METHOD /path`, without what a browser asks by itself (preflights, the favicon). */
const logLines = () =>
  server.requests.filter((r) => r.method !== 'OPTIONS' && r.path !== '/favicon.ico').map((r) => `${r.method} ${r.path}`);

describe('renewal when opening a page with an expired token', () => {
  it('remember password ON: the refused exchange is followed by one password login, and the page opens with the new token', { timeout: 40_000 }, async () => {
    const old = await signInAndLetExpire(true);

    const popup = await PopupPage.open(ext);
    expect(await popup.text()).toContain(t('popup_expired'));
    const landing = landingOn(ext, server, 'agent', 'ticket');
    await popup.openByTyping('tick');
    const page = await landing;
    await clearAlarms(ext); // the new token is short-lived too: no renewal behind the checks below

    expect(await landingView(page)).toMatchObject({
      state: 'signed-in',
      status: `signed in as ${ADMIN.nickname}`,
      app: 'Agent workbench',
      path: '/ticket',
    });
    const renewed = (await storedSession(ext))!;
    const newToken = new URL(page.url()).searchParams.get('accessToken');
    expect(newToken).toBe(renewed.token);
    expect(newToken).not.toBe(old.token);
    expect(renewed.expiresAt!).toBeGreaterThan(old.expiresAt!);

    // Exchange (refused: the token is dead), then one password login, then the page with the new token.
    expect(logLines().filter((line) => !line.startsWith('GET /api/'))).toEqual([
      'POST /auth/v1/login/accessToken',
      'POST /auth/v1/login',
      'GET /agent/ticket',
    ]);
    const [exchange] = tokenExchanges(server);
    expect(exchange!.body).toEqual({ accessToken: old.token });
    expect(passwordLogins(server)).toHaveLength(1);
    expect(passwordLogins(server)[0]!.body).toMatchObject({ username: ADMIN.username, password: '***' });
    expect(pageLoads(server).map((r) => r.token)).toEqual([newToken]);
    expect(server.requests.filter((r) => r.token === old.token), 'the dead token went nowhere').toEqual([]);
    expect(server.tokens().find((row) => row.token === newToken)).toMatchObject({ revoked: false });
  });

  it('remember password OFF: the popup asks to sign in again, says why, and no page opens', { timeout: 40_000 }, async () => {
    const old = await signInAndLetExpire(false);

    const popup = await PopupPage.open(ext);
    expect(await popup.text()).toContain(t('popup_expired'));
    await popup.openByTyping('tick');

    await popup.signInButton.waitFor({ timeout: 10_000 });
    expect(await popup.isSignInForm()).toBe(true);
    expect(await popup.alert.textContent()).toBe(t('error_session_expired'));
    expect(await popup.username.inputValue()).toBe(ADMIN.username);
    expect(await storedSession(ext)).toBeUndefined();

    // One refused exchange and nothing else: no password login, no page, the dead token nowhere.
    expect(logLines()).toEqual(['POST /auth/v1/login/accessToken']);
    expect(tokenExchanges(server)[0]!.body).toEqual({ accessToken: old.token });
    expect(pageLoads(server)).toEqual([]);
    expect(server.requests.filter((r) => r.token === old.token)).toEqual([]);
    expect(ext.webPages()).toEqual([]);
    expect(popup.page.isClosed(), 'the popup stays open to sign in').toBe(false);
  });
});
